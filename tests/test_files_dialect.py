"""Files in Danish Excel's dialect (issue 13): the export and the template can be had with
semicolons and decimal commas, the xlsx holds numbers as numbers, and the dry run reads as
people speak: targets by name, periods as "1. halvår 2022", old → new, problems by row."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from test_export_roundtrip import SEMICOLON_FILE

from contracts.loader import Catalog
from contracts.models import Contract
from db import Store, ValueKey, ValueRow
from db.errors import ValidationFailed
from services.entry_dry_run import plan_frame, plan_lines, problem_frame
from services.values_io import apply_plan, export_bytes, plan_import, template_bytes

STATE = ["period", "target", "kommune", "value", "numerator", "promoters", "comment"]


@pytest.fixture
def filled(sqlite_store: Store, catalog: Catalog) -> Store:
    plan = plan_import(SEMICOLON_FILE.encode("cp1252"), "halvår.csv", catalog, sqlite_store)
    apply_plan(plan, sqlite_store, "tester")
    return sqlite_store


def test_the_excel_dialect_export_has_a_bom_semicolons_and_decimal_commas(
    filled: Store, contract: Contract
) -> None:
    data = export_bytes(contract, filled.values(), dialect="excel")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == (
        "erhvervshus;år;periode;måltal;kommunekode;værdi;tæller;nævner;promotorer;passive;"
        "kritikere;kommentar"
    )
    assert "sjaelland;2022;H1;8a;;1683;;;;;;" in lines
    assert "sjaelland;2022;FY;6b.omsaetning;;-3,25;;;;;;under kontrolgruppen" in lines
    assert "sjaelland;2022;FY;11h;;0,1;;;;;;" in lines
    assert 'sjaelland;2022;FY;3b.drift;;;;;61;25;9;"Brugerevaluering 2022, ""drift"""' in lines


def test_the_excel_dialect_export_imports_back_unchanged(
    filled: Store, catalog: Catalog, contract: Contract
) -> None:
    before = filled.values()[STATE]
    data = export_bytes(contract, filled.values(), dialect="excel")
    plan = plan_import(data, "eksport.csv", catalog, filled)
    assert plan.summary() == "0 indsættes, 0 ændres, 11 uændrede, 0 ikke udfyldt"
    apply_plan(plan, filled, "tester")
    assert filled.values()[STATE].equals(before)


def test_a_template_filled_in_danish_excels_dialect_imports(
    sqlite_store: Store, catalog: Catalog, contract: Contract
) -> None:
    lines = template_bytes(contract, "H1", dialect="excel").decode("utf-8-sig").split("\r\n")
    filled = []
    for line in lines:
        cells = line.split(";")
        if cells[3:6] == ["8b", "", ""]:
            cells[6] = "1.680"  # værdi, after the kommune name
        if cells[3:6] == ["11h", "", ""]:
            cells[6] = "27,5"
        filled.append(";".join(cells))
    data = "\r\n".join(filled).encode("cp1252")  # as Danish Excel saves "CSV (semikolon)"
    plan = plan_import(data, "skabelon.csv", catalog, sqlite_store)
    assert plan.summary() == "2 indsættes, 0 ændres, 0 uændrede, 43 ikke udfyldt"
    apply_plan(plan, sqlite_store, "tester")
    assert sqlite_store.values()[["target", "value"]].values.tolist() == [
        ["11h", 27.5],
        ["8b", 1680.0],
    ]


def test_the_xlsx_export_holds_numbers_as_numbers(filled: Store, contract: Contract) -> None:
    sheet = load_workbook(io.BytesIO(export_bytes(contract, filled.values(), excel=True))).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert rows[0][:6] == ["sjaelland", 2022, "H1", "8a", None, 1683]
    assert rows[1][4] == "0"  # a kommunekode stays text
    assert all(isinstance(row[1], int) for row in rows)
    assert sheet.freeze_panes == "A2"


def test_the_dry_run_names_targets_periods_and_kommuner_and_shows_old_and_new(
    filled: Store, catalog: Catalog
) -> None:
    data = (
        "erhvervshus,år,periode,måltal,kommunekode,værdi,kommentar\n"
        "sjaelland,2022,H1,8b,,480,\n"
        "sjaelland,2022,FY,15a,,2.4,\n"
        "sjaelland,2022,H1,8a,259,1250,Køge\n"
        "sjaelland,2022,FY,9b,,,\n"
    ).encode()
    plan = plan_import(data, "tal.csv", catalog, filled)
    assert plan_frame(plan, catalog).values.tolist() == [
        ["2", "ændres", "8b", "1. halvår 2022", "I alt", "470 → 480"],
        ["3", "uændret", "15a", "Helår 2022", "I alt", "2,4"],
        ["4", "uændret", "8a", "1. halvår 2022", "Køge (259)", "1.250 «Køge»"],
        ["4 (sum)", "uændret", "8a", "1. halvår 2022", "I alt", "1.683"],
        ["5", "ikke udfyldt", "9b", "Helår 2022", "I alt", ""],
    ]
    assert plan_lines(plan, catalog)[0] == (
        "Række 2: 8b, Erhvervshus Sjælland 1. halvår 2022: ændres 470 → 480"
    )


def test_a_refused_files_problems_stand_beside_their_rows(
    sqlite_store: Store, catalog: Catalog
) -> None:
    data = (
        "erhvervshus;år;periode;måltal;kommunekode;værdi\n"
        "sjaelland;2022;H1;8b;;470\n"
        "sjaelland;2022;H3;8b;;1,5\n"
    ).encode()
    with pytest.raises(ValidationFailed) as refused:
        plan_import(data, "fejl.csv", catalog, sqlite_store)
    frame = problem_frame(data, "fejl.csv", refused.value.problems)
    assert frame is not None
    assert frame.values.tolist() == [
        [
            "3",
            "kolonne 'periode': 'H3' er ikke en periode (brug H1 eller FY)",
            "erhvervshus sjaelland · år 2022 · periode H3 · måltal 8b · værdi 1,5",
        ]
    ]


def test_a_problem_that_names_no_row_has_no_table() -> None:
    assert problem_frame(b"x", "x.csv", ["Filen er tom."]) is None


def test_an_unchanged_value_reads_as_itself_in_the_dry_run(
    sqlite_store: Store, catalog: Catalog
) -> None:
    key = ValueKey("sjaelland", 2022, "H1", "8b")
    sqlite_store.save([ValueRow(key, value=470)], user="ib")
    data = b"erhvervshus,\xc3\xa5r,periode,m\xc3\xa5ltal,v\xc3\xa6rdi\nsjaelland,2022,H1,8b,470\n"
    plan = plan_import(data, "tal.csv", catalog, sqlite_store)
    assert plan_lines(plan, catalog) == [
        "Række 2: 8b, Erhvervshus Sjælland 1. halvår 2022: uændret 470"
    ]
