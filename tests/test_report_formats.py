"""The status report as Word and Excel: real headings and tables to paste into a KL agenda,
and a workbook whose numbers are those of ``status --format json``."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
from report_support import no_browser, seed_sjaelland

import cli
from contracts.loader import load_folder
from contracts.reference import kommuner as kommune_data
from db import Store
from services.catalog import load_catalog
from services.prepare import prepare
from services.report import make_report, take_snapshot
from services.report.make import clear_cache


@pytest.fixture
def snapshot(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> int:
    no_browser(monkeypatch)
    clear_cache()
    monkeypatch.setenv("DATABASE_URL", sqlite_store.url)
    seed_sjaelland(sqlite_store)
    info = take_snapshot(
        load_folder(), sqlite_store, "sjaelland", 2022, "H1", reason="bestilt", user="ib"
    )
    return info.id


def _body(document: docx.document.Document) -> list[tuple[str, str]]:
    """The document's body in order: ("heading 1", text), ("table", first cell), ..."""
    items = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            items.append(("table", block.xpath("string(.//w:tc[1])")))
        elif tag == "p":
            style = block.xpath("string(./w:pPr/w:pStyle/@w:val)")
            if style.startswith("Heading"):
                items.append((style.replace("Heading", "heading "), block.xpath("string(.)")))
    return items


def test_the_word_report_has_a_heading_and_a_real_table_per_goal(
    sqlite_store: Store, snapshot: int
) -> None:
    made = make_report(sqlite_store, snapshot, "docx")
    document = docx.Document(io.BytesIO(made.data))
    body = _body(document)
    contract = load_folder().contract("sjaelland", 2022)
    assert contract is not None

    for goal in contract.goals:
        heading = ("heading 1", f"Mål {goal.number} – {goal.title}")
        assert heading in body
        after = body[body.index(heading) + 1]
        assert after == ("table", "Måltal")  # the goal's table of targets, its header first
    table = next(t for t in document.tables if t.cell(1, 0).text.startswith("8a"))
    assert [c.text for c in table.rows[1].cells[1:]] == [
        "mindst 1.680 forløb",
        "837 forløb (mål: mindst 1.680 forløb; forventet ved 1. halvår: 840 forløb)",
        "50 %",
        "I risiko",
    ]
    assert "Kommentar: Færre henvendelser i foråret" in table.cell(1, 0).text
    assert made.file_name == f"status-sjaelland-2022-H1-{snapshot}.docx"


def test_word_and_excel_files_are_dated_by_their_snapshot(
    sqlite_store: Store, snapshot: int
) -> None:
    taken = sqlite_store.snapshots()[0].taken_at.replace(microsecond=0, tzinfo=None)
    word = docx.Document(io.BytesIO(make_report(sqlite_store, snapshot, "docx").data))
    book = openpyxl.load_workbook(io.BytesIO(make_report(sqlite_store, snapshot, "xlsx").data))

    assert word.core_properties.created.replace(tzinfo=None) == taken
    assert word.core_properties.modified.replace(tzinfo=None) == taken
    assert book.properties.created == taken
    assert book.properties.modified == taken


def test_the_workbook_reads_back_to_the_numbers_of_status_json(
    sqlite_store: Store, snapshot: int, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "status.xlsx"
    path.write_bytes(make_report(sqlite_store, snapshot, "xlsx").data)
    assert cli.main(["status", "sjaelland", "2022", "H1", "--format", "json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    sheet = pd.read_excel(path, sheet_name="Måltal", header=2)

    def number(value: object) -> float | None:
        return (
            None
            if value is None or (isinstance(value, float) and math.isnan(value))
            else float(value)
        )  # type: ignore[arg-type]

    read_back = [
        {
            "target": row["Nøgle"],
            "goal": str(row["Mål"]),
            "period": row["Periode"],
            "actual": number(row["Resultat"]),
            "target_value": number(row["Mål for året"]),
            "expected": number(row["Forventet"]),
            "fulfilment": number(row["Opfyldelse (%)"]),
            "status": row["Statuskode"],
        }
        for row in sheet.to_dict("records")
    ]
    assert read_back == [{k: v for k, v in e.items() if k != "kind"} for e in expected]


def test_the_workbook_has_one_sheet_per_view_and_keeps_formula_like_text_as_text(
    sqlite_store: Store, snapshot: int
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(make_report(sqlite_store, snapshot, "xlsx").data))
    targets = book["Måltal"]
    row = next(r for r in targets.iter_rows(min_row=4) if r[2].value == "11h")

    assert book.sheetnames == [
        "Forside", "Oversigt", "Måltal", "Kommuner", "By og land", "Ændringer", "Metode",
    ]  # fmt: skip
    assert (row[11].value, row[11].data_type) == ("=Tilsagn kommer i efteråret", "s")
    kommuner = {r[1].value: (r[4].value, r[5].value) for r in book["Kommuner"].iter_rows(min_row=4)}
    assert kommuner["Køge"][0] == 71
    assert kommuner["Køge"][1] == pytest.approx(71 / kommune_data()["259"].population * 10_000)


def test_word_and_excel_mark_demo_values_on_every_page_and_sheet(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_browser(monkeypatch)
    clear_cache()
    prepare(sqlite_store, as_of=dt.date(2026, 11, 23))
    info = take_snapshot(
        load_catalog(sqlite_store), sqlite_store, "fyn", 2023, "FY", reason="bestilt", user="ib"
    )
    word = docx.Document(io.BytesIO(make_report(sqlite_store, info.id, "docx").data))
    book = openpyxl.load_workbook(io.BytesIO(make_report(sqlite_store, info.id, "xlsx").data))

    # One section: its header is printed on every page.
    assert len(word.sections) == 1
    assert "DEMODATA" in word.sections[0].header.paragraphs[0].text
    assert [s.title for s in book if "DEMODATA" not in str(s["A1"].value)] == []
