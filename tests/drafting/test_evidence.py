"""The evidence beside each target: real results only, demo data named, H1 projected."""

from __future__ import annotations

from pathlib import Path

import pytest
from contract_texts import write_files
from drafting_support import SJAELLAND_2022, small_folder

from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from services.evidence import evidence
from ui.drafting.evidence_text import lines

SJAELLAND_2021 = SJAELLAND_2022.replace("year: 2022", "year: 2021").replace(
    "Resultatkontrakt 2022", "Resultatkontrakt 2021"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = small_folder(tmp_path / "kontrakter")
    return write_files(root, {"sjaelland-2021.yaml": SJAELLAND_2021})


def row(year: int, period: str, key: str, value: float) -> ValueRow:
    return ValueRow(ValueKey("sjaelland", year, period, key), value=value)


def test_suggestions_use_real_values_only_while_demo_values_are_present(
    sqlite_store: Store, folder: Path
) -> None:
    sqlite_store.save([row(2021, "FY", "8a", 1742)], user="anna")
    sqlite_store.save([row(2022, "H1", "8a", 900)], user="anna")
    sqlite_store.save(
        [row(2022, "FY", "8a", 2500), row(2022, "FY", "12a", 80)], user="demo", demo=True
    )
    catalog = load_folder(folder)
    base = catalog.contract("sjaelland", 2022)
    found = evidence(catalog, sqlite_store.values(house="sjaelland"), base, 2023)

    forloeb = found["8a"]
    assert [(r.year, r.actual, r.status_label) for r in forloeb.history] == [
        (2021, 1742.0, "Opfyldt")
    ]
    assert (forloeb.h1.actual, forloeb.projection) == (900.0, 1800.0)
    assert (forloeb.suggestion.value, forloeb.suggestion.reason) == (
        1742,
        "hæve til resultatet i 2021: 1.742 forløb (opfyldt med 104 %)",
    )
    assert lines(base.target("8a"), forloeb) == [
        "Helår: 2021: 1.742 forløb (mål: mindst 1.680 forløb) – Opfyldt, 104 %",
        "1. halvår 2022: 900 forløb (mål: mindst 1.680 forløb) – På vej, 54 %; "
        "fremskrevet til helår: 1.800 forløb",
        "Forslag: mindst 1.742 forløb – hæve til resultatet i 2021: 1.742 forløb "
        "(opfyldt med 104 %)",
    ]

    share = found["12a"]
    assert (share.demo_only, share.history, share.suggestion.value) == (True, (), 50)
    assert lines(base.target("12a"), share) == [
        "Helår: kun demodata i databasen – de indgår ikke i forslaget.",
        "Forslag: mindst 50 % – ingen historik: der er kun demodata, og forslag bygger aldrig "
        "på dem",
    ]

    national = found["1c"]
    assert national.national == "rammeaftalen 2021-2023 oplyser intet tal for målet"
    assert national.suggestion.reason == "ingen historik"
