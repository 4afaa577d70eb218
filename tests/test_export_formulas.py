"""Exports are safe to open in a spreadsheet: formula-like text stays text, numbers stay
numbers, and both formats import back to the same state (docs/import-format.md)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.loader import Catalog
from db import Store, ValueKey, ValueRow
from services.values_io import apply_plan, export_bytes, plan_import
from services.values_io.text import formula_guarded, formula_unguarded

FORMULA_LIKE = {
    "5a": '=HYPERLINK("http://x","y")',
    "9b": "=1+1",
    "11h": "+45 12 34 56 78",
    "15a": "-3 i forhold til sidste år",
    "12a": "@alle: se bilag",
    "8b": "'=allerede med apostrof",
    "1a": "#N/A",
}
STATE = ["period", "target", "kommune", "value", "promoters", "passives", "detractors", "comment"]


@pytest.fixture
def filled(sqlite_store: Store) -> Store:
    rows = [
        ValueRow(ValueKey("sjaelland", 2022, "FY", target), value=1, comment=comment)
        for target, comment in FORMULA_LIKE.items()
    ]
    rows.append(
        ValueRow(ValueKey("sjaelland", 2022, "FY", "3b.drift"), value=-20, comment="-20 er lavt")
    )
    sqlite_store.save(rows, user="tester")
    return sqlite_store


def exported(store: Store, catalog: Catalog, *, excel: bool) -> bytes:
    contract = catalog.contract("sjaelland", 2022)
    assert contract is not None
    return export_bytes(contract, store.values("sjaelland", 2022), excel=excel)


def sheet_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()


SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def inline_texts(data: bytes, column: str) -> list[str]:
    """The text of every inline text cell in ``column``, read as XML: openpyxl writes "å" as
    itself or as "&#229;" depending on whether lxml is installed (python-docx brings it)."""
    root = ElementTree.fromstring(sheet_xml(data))
    return [
        cell.findtext(f"{SHEET}is/{SHEET}t") or ""
        for cell in root.iter(f"{SHEET}c")
        if cell.get("t") == "inlineStr" and re.fullmatch(rf"{column}\d+", cell.get("r", ""))
    ]


def test_the_xlsx_export_writes_formula_like_comments_as_text_cells(
    filled: Store, catalog: Catalog
) -> None:
    data = exported(filled, catalog, excel=True)
    xml = sheet_xml(data)
    assert "<f>" not in xml and "<f " not in xml
    texts = inline_texts(data, "L")
    assert sorted(texts) == sorted(
        [
            "kommentar",
            '=HYPERLINK("http://x","y")',
            "=1+1",
            "+45 12 34 56 78",
            "-3 i forhold til sidste år",
            "@alle: se bilag",
            "'=allerede med apostrof",
            "#N/A",
            "-20 er lavt",
        ]
    )


def test_the_xlsx_export_keeps_a_negative_nps_a_number(filled: Store, catalog: Catalog) -> None:
    xml = sheet_xml(exported(filled, catalog, excel=True))
    assert re.search(r'<c r="F\d+" t="n"><v>-20</v></c>', xml)


def test_the_csv_export_puts_an_apostrophe_before_formula_like_text_only(
    filled: Store, catalog: Catalog
) -> None:
    lines = exported(filled, catalog, excel=False).decode().splitlines()
    assert lines[1:] == [
        "sjaelland,2022,FY,1a,,1,,,,,,#N/A",
        "sjaelland,2022,FY,3b.drift,,-20,,,,,,'-20 er lavt",
        'sjaelland,2022,FY,5a,,1,,,,,,"\'=HYPERLINK(""http://x"",""y"")"',
        "sjaelland,2022,FY,8b,,1,,,,,,''=allerede med apostrof",
        "sjaelland,2022,FY,9b,,1,,,,,,'=1+1",
        "sjaelland,2022,FY,11h,,1,,,,,,'+45 12 34 56 78",
        "sjaelland,2022,FY,12a,,1,,,,,,'@alle: se bilag",
        "sjaelland,2022,FY,15a,,1,,,,,,'-3 i forhold til sidste år",
    ]


@pytest.mark.parametrize("excel", [False, True], ids=["csv", "xlsx"])
def test_both_exports_import_back_to_the_same_state(
    filled: Store, catalog: Catalog, tmp_path: Path, excel: bool
) -> None:
    data = exported(filled, catalog, excel=excel)
    other = Store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    other.upgrade()
    name = "eksport.xlsx" if excel else "eksport.csv"
    apply_plan(plan_import(data, name, catalog, other), other, "tester")
    pd.testing.assert_frame_equal(
        other.values()[STATE].reset_index(drop=True), filled.values()[STATE].reset_index(drop=True)
    )
    assert plan_import(data, name, catalog, filled).summary() == (
        "0 indsættes, 0 ændres, 8 uændrede, 0 ikke udfyldt"
    )
    other.dispose()


def test_a_comment_stored_with_a_control_character_still_exports(
    sqlite_store: Store, catalog: Catalog
) -> None:
    # Saved before the door refused them: the export must not fail on it.
    sqlite_store.save(
        [ValueRow(ValueKey("sjaelland", 2022, "H1", "8b"), value=1, comment="a\x0bb\x07c")],
        user="tester",
    )
    assert "a\nb\ufffdc" in inline_texts(exported(sqlite_store, catalog, excel=True), "L")
    assert exported(sqlite_store, catalog, excel=False).decode().splitlines()[1:] == [
        'sjaelland,2022,H1,8b,,1,,,,,,"a',
        'b\ufffdc"',
    ]


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab1 "), max_size=8))
def test_the_csv_guard_never_leaves_a_formula_start_and_the_import_takes_it_off_again(
    text: str,
) -> None:
    guarded = formula_guarded(text)
    assert not guarded or guarded[0] not in "=+-@\t\r"
    assert formula_unguarded(guarded) == text
