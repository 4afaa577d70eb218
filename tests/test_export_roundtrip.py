"""An export is byte-stable (the committed files of tests/files/expected/), in the comma
dialect, sorted, and imports back to the same state."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from expected_files import assert_matches_expected

from contracts.loader import Catalog
from contracts.models import Contract
from db import Store
from services.values_io import apply_plan, export_bytes, plan_import

STATE = [
    "house", "year", "period", "target", "kommune", "value", "numerator", "denominator",
    "promoters", "passives", "detractors", "comment",
]  # fmt: skip
SEMICOLON_FILE = """\
erhvervshus;år;periode;måltal;kommunekode;værdi;tæller;nævner;promotorer;passive;kritikere;kommentar
sjaelland;2022;FY;12a;;;140;251;;;;
sjaelland;2022;FY;3b.drift;;;;;61;25;9;Brugerevaluering 2022, "drift"
sjaelland;2022;H1;8a;259;1.250;;;;;;Køge
sjaelland;2022;H1;8a;265;430;;;;;;
sjaelland;2022;H1;8a;0;3;;;;;;uden for geografien
sjaelland;2022;FY;15a;;2,4;;;;;;
sjaelland;2022;FY;6b.omsaetning;;-3,25;;;;;;under kontrolgruppen
sjaelland;2022;FY;11h;;0,1;;;;;;
sjaelland;2022;FY;5a;;1;;;;;;Værktøjet er taget i brug
sjaelland;2022;H1;8b;;470;;;;;;
"""
EXPECTED = """\
erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,kritikere,kommentar
sjaelland,2022,H1,8a,,1683,,,,,,
sjaelland,2022,H1,8a,0,3,,,,,,uden for geografien
sjaelland,2022,H1,8a,259,1250,,,,,,Køge
sjaelland,2022,H1,8a,265,430,,,,,,
sjaelland,2022,H1,8b,,470,,,,,,
sjaelland,2022,FY,3b.drift,,,,,61,25,9,"Brugerevaluering 2022, ""drift\"""
sjaelland,2022,FY,5a,,1,,,,,,Værktøjet er taget i brug
sjaelland,2022,FY,6b.omsaetning,,-3.25,,,,,,under kontrolgruppen
sjaelland,2022,FY,11h,,0.1,,,,,,
sjaelland,2022,FY,12a,,,140,251,,,,
sjaelland,2022,FY,15a,,2.4,,,,,,
"""


def fresh_store(path: Path) -> Store:
    store = Store(f"sqlite:///{path}")
    store.upgrade()
    return store


@pytest.fixture
def filled(store: Store, catalog: Catalog) -> Store:
    plan = plan_import(SEMICOLON_FILE.encode("cp1252"), "halvår.csv", catalog, store)
    apply_plan(plan, store, "tester")
    return store


def state(store: Store) -> pd.DataFrame:
    return store.values()[STATE]


def test_the_export_is_the_comma_dialect_sorted_by_period_target_and_kommune(
    filled: Store, contract: Contract
) -> None:
    assert export_bytes(contract, filled.values()).decode("utf-8") == EXPECTED


@pytest.mark.parametrize("excel", [False, True], ids=["csv", "xlsx"])
def test_the_same_state_gives_the_committed_bytes_from_any_store(
    tmp_path: Path, filled: Store, catalog: Catalog, contract: Contract, excel: bool
) -> None:
    other = fresh_store(tmp_path / "other.sqlite")
    apply_plan(plan_import(SEMICOLON_FILE.encode(), "andet.csv", catalog, other), other, "x")
    data = export_bytes(contract, filled.values(), excel=excel)
    assert export_bytes(contract, other.values(), excel=excel) == data
    other.dispose()
    assert_matches_expected(data, "eksport-sjaelland-2022." + ("xlsx" if excel else "csv"))


@pytest.mark.parametrize("excel", [False, True], ids=["csv", "xlsx"])
def test_an_export_imports_back_into_an_empty_store_as_the_same_values(
    tmp_path: Path, filled: Store, catalog: Catalog, contract: Contract, excel: bool
) -> None:
    data = export_bytes(contract, filled.values(), excel=excel)
    cleared = fresh_store(tmp_path / "cleared.sqlite")
    name = "eksport.xlsx" if excel else "eksport.csv"
    apply_plan(plan_import(data, name, catalog, cleared), cleared, "tester")
    pd.testing.assert_frame_equal(state(cleared), state(filled))
    cleared.dispose()


def test_an_export_imported_over_its_own_state_changes_nothing(
    filled: Store, catalog: Catalog, contract: Contract
) -> None:
    plan = plan_import(export_bytes(contract, filled.values()), "eksport.csv", catalog, filled)
    assert plan.summary() == "0 indsættes, 0 ændres, 11 uændrede, 0 ikke udfyldt"


def test_an_empty_store_exports_the_header_only(store: Store, contract: Contract) -> None:
    assert export_bytes(contract, store.values()).decode().splitlines() == [
        "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,"
        "kritikere,kommentar"
    ]
