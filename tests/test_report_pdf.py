"""The status report as PDF: every target with its Danish numbers and status word, embedded
fonts, page numbers, a linked table of contents, the provisional mark, demo marking on
every page, and the same report again from its snapshot after the values changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from report_support import no_browser, pdf_fonts, pdf_pages, pdf_text, seed_sjaelland

from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from services.catalog import load_catalog
from services.prepare import prepare
from services.report import make_report, take_snapshot
from services.report.make import clear_cache

#: What a target's row reads: name, sentence, måltal, result, fulfilment, status, comment.
ROWS = [
    "8a Samlet set skal Erhvervshus Sjælland gennemføre 1.680 forløb i 2022. mindst 1.680 "
    "forløb 837 forløb (mål: mindst 1.680 forløb; forventet ved 1. halvår: 840 forløb) 50 % "
    "I risiko Kommentar: Færre henvendelser i foråret",
    "mindst 800 forløb 426 forløb (mål: mindst 800 forløb; forventet ved 1. halvår: 400 "
    "forløb) 53 % På vej 8c – handlingsplaner",
    "13,3 mio. kr. (mål: mindst 27 mio. kr.; forventet ved 1. halvår: 13,5 mio. kr.) 49 % "
    "I risiko Kommentar: =Tilsagn kommer i efteråret",
    "mindst 1 strategisk indsats 1 strategisk indsats (mål: mindst 1 strategisk indsats; "
    "forventet ved 1. halvår: 0,5 strategiske indsatser) 100 % Opfyldt",
]


@pytest.fixture
def report(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    no_browser(monkeypatch)
    clear_cache()
    seed_sjaelland(sqlite_store)
    info = take_snapshot(
        load_folder(), sqlite_store, "sjaelland", 2022, "H1", reason="bestilt", user="ib"
    )
    path = tmp_path / "status.pdf"
    path.write_bytes(make_report(sqlite_store, info.id, "pdf").data)
    return path


def test_the_pdf_names_every_target_with_its_danish_result_and_status_word(report: Path) -> None:
    text = pdf_text(report)
    contract = load_folder().contract("sjaelland", 2022)
    assert contract is not None

    missing = [t.name for _g, t in contract.targets() if f" {t.name} " not in text]
    dotted = [t.key for _g, t in contract.targets() if "." in t.key and t.key in text]
    assert missing == []
    assert dotted == []  # keys such as 8c.vaekstplaner are for files, not for readers
    for row in ROWS:
        assert row in text
    for word in ("I risiko", "På vej", "Opfyldt", "Mangler data", "Måles senere"):
        assert word in text


def test_the_pdf_embeds_its_dejavu_fonts(report: Path) -> None:
    fonts = pdf_fonts(report)

    assert fonts and all(embedded == "yes" for _name, embedded in fonts)
    assert all("DejaVu" in name for name, _embedded in fonts)


def _titles(outline: list[Any]) -> list[str]:
    """Every bookmark title, nested ones included."""
    found: list[str] = []
    for item in outline:
        found += _titles(item) if isinstance(item, list) else [str(item["/Title"])]
    return found


def test_the_pdf_has_page_numbers_a_running_header_and_a_linked_contents(report: Path) -> None:
    pages = pdf_pages(report)
    reader = PdfReader(report)
    destinations = {
        str(annot.get_object().get("/Dest"))
        for annot in reader.pages[0].get("/Annots", [])
        if annot.get_object().get("/Subtype") == "/Link"
    }

    assert f"Side 1 af {pages}" in pdf_text(report, 1)
    assert f"Side 2 af {pages}" in pdf_text(report, 2)
    assert "Erhvervshus Sjælland · status 1. halvår 2022" in pdf_text(report, 2)
    assert "Erhvervshus Sjælland · status 1. halvår 2022" not in pdf_text(report, 1)
    assert "Mål 17 – Opfølgning på de strategiske mål" in pdf_text(report, 1)
    # Resumé, the 17 goals, Kommunerne and the annex, each linked to where it starts.
    goals = {f"maal-{n}" for n in range(1, 18)}
    assert destinations == {"resume", *goals, "kommuner", "bilag"}
    assert "Mål 8 – Kvantitative mål vedr. virksomhedsforløb" in _titles(reader.outline)


def test_a_round_that_is_not_approved_is_marked_provisional(
    report: Path, sqlite_store: Store, tmp_path: Path
) -> None:
    assert "Foreløbig: indberetningen er ikke godkendt" in pdf_text(report, 1)
    sqlite_store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="anne")
    sqlite_store.set_round_status("sjaelland", 2022, "H1", "godkendt", user="kkr")
    info = take_snapshot(
        load_folder(), sqlite_store, "sjaelland", 2022, "H1", reason="godkendt", user="kkr"
    )
    approved = tmp_path / "godkendt.pdf"
    approved.write_bytes(make_report(sqlite_store, info.id, "pdf").data)

    assert "Foreløbig" not in pdf_text(approved)
    assert "Indberetning Godkendt af KKR" in pdf_text(approved, 1)


def test_a_report_made_again_from_its_snapshot_is_the_same_and_dated_by_the_snapshot(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_browser(monkeypatch)
    clear_cache()
    seed_sjaelland(sqlite_store)
    catalog = load_folder()
    info = take_snapshot(
        catalog, sqlite_store, "sjaelland", 2022, "H1", reason="bestilt", user="ib"
    )
    first, again, later = tmp_path / "1.pdf", tmp_path / "2.pdf", tmp_path / "3.pdf"
    first.write_bytes(make_report(sqlite_store, info.id, "pdf").data)
    version = int(
        sqlite_store.values("sjaelland", 2022, "H1").set_index("target").loc["8b", "version"]
    )
    sqlite_store.save(
        [ValueRow(ValueKey("sjaelland", 2022, "H1", "8b"), value=612, expected_version=version)],
        user="ib",
    )
    clear_cache()  # nothing kept in memory: the report is made again from the stored snapshot
    again.write_bytes(make_report(sqlite_store, info.id, "pdf").data)
    newer = take_snapshot(
        catalog, sqlite_store, "sjaelland", 2022, "H1", reason="bestilt", user="ib"
    )
    later.write_bytes(make_report(sqlite_store, newer.id, "pdf").data)

    assert pdf_text(again) == pdf_text(first)
    assert "405 forløb (mål: mindst 880 forløb" in pdf_text(again)
    assert "612 forløb (mål: mindst 880 forløb" in pdf_text(later)
    assert (
        "8b: 405 forløb (mål: mindst 880 forløb; forventet ved 1. halvår: 440 forløb) → 612 forløb"
        in pdf_text(later)
    )  # what changed
    created = PdfReader(again).metadata.creation_date
    assert created is not None
    assert created.astimezone(dt.UTC) == info.taken_at.replace(microsecond=0)


def test_demo_values_are_marked_on_every_page(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_browser(monkeypatch)
    clear_cache()
    prepare(sqlite_store, as_of=dt.date(2026, 11, 23))
    info = take_snapshot(
        load_catalog(sqlite_store), sqlite_store, "fyn", 2023, "FY", reason="bestilt", user="ib"
    )
    path = tmp_path / "demo.pdf"
    path.write_bytes(make_report(sqlite_store, info.id, "pdf").data)

    assert info.has_demo
    unmarked = [p for p in range(1, pdf_pages(path) + 1) if "DEMODATA" not in pdf_text(path, p)]
    assert unmarked == []


def test_without_chromium_the_report_is_made_with_placeholders_and_a_warning(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_browser(monkeypatch)
    clear_cache()
    seed_sjaelland(sqlite_store)
    info = take_snapshot(
        load_folder(), sqlite_store, "sjaelland", 2022, "H1", reason="bestilt", user="ib"
    )
    made = make_report(sqlite_store, info.id, "pdf")
    path = tmp_path / "uden.pdf"
    path.write_bytes(made.data)

    assert made.warnings == (
        "Figurerne er ikke tegnet: Chromium blev ikke fundet (BROWSER_PATH peger på "
        "/findes/ikke/chromium, som ikke findes). Rapporten er lavet med en pladsholder, hvor "
        "hver figur skulle stå.",
    )
    assert (
        "Her skulle figuren »Kort over kontraktens kommuner farvet efter forløb pr. 10.000 "
        "indbyggere« stå. Den kunne ikke tegnes, da rapporten blev lavet."
    ) in pdf_text(path)
