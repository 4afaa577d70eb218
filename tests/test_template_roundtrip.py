"""The import template lists every target of a contract and period and imports back empty."""

from __future__ import annotations

import csv
import io

import pytest
from expected_files import assert_matches_expected
from openpyxl import load_workbook

from contracts.loader import Catalog
from contracts.models import Contract
from db import Store
from db.errors import ValidationFailed
from services.values_io import TEMPLATE_COLUMNS, apply_plan, plan_import, template_bytes

TARGETS = ["1a", "3b.drift", "5a", "6b.omsaetning", "8a", "8b", "9b", "9c", "11h", "12a", "15a"]
#: Measured in FY 2022: not 1a (measured in 2021 only); in H1 2022 not 3b.drift (yearly) either.
FY_TARGETS = [t for t in TARGETS if t != "1a"]
H1_TARGETS = [t for t in FY_TARGETS if t != "3b.drift"]


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_the_template_has_the_import_columns_with_kommune_names_then_sentence_unit_and_kind(
    contract: Contract,
) -> None:
    header = template_bytes(contract, "H1").decode().splitlines()[0]
    assert header == (
        "erhvervshus,år,periode,måltal,kommunekode,kommune,værdi,tæller,nævner,promotorer,"
        "passive,kritikere,kommentar,målsætning,enhed,type"
    )
    assert tuple(header.split(",")) == TEMPLATE_COLUMNS


@pytest.mark.parametrize(
    ("period", "all_targets", "expected"),
    [("FY", False, FY_TARGETS), ("H1", False, H1_TARGETS), ("H1", True, TARGETS)],
)
def test_a_template_lists_the_targets_measured_in_its_period_or_all_on_request(
    contract: Contract, period: str, all_targets: bool, expected: list[str]
) -> None:
    rows = read_csv(template_bytes(contract, period, all_targets=all_targets))
    assert [row["måltal"] for row in rows if not row["kommunekode"]] == expected


def test_per_kommune_targets_get_a_named_row_per_kommune_and_one_for_outside(
    contract: Contract,
) -> None:
    rows = read_csv(template_bytes(contract, "FY"))
    geography = list(contract.geography or ())
    assert len(geography) == 17
    for key in ("8a", "9c"):
        assert [r["kommunekode"] for r in rows if r["måltal"] == key] == ["", *geography, "0"]
    named = {(r["kommunekode"], r["kommune"]) for r in rows if r["måltal"] == "8a"}
    assert {
        ("", ""),
        ("259", "Køge"),
        ("336", "Stevns"),
        ("0", "Uden for geografien / ukendt"),
    } <= (named)
    assert len(rows) == len(FY_TARGETS) + 2 * 18
    assert {(r["erhvervshus"], r["år"], r["periode"]) for r in rows} == {
        ("sjaelland", "2022", "FY")
    }


@pytest.mark.parametrize(
    ("key", "sentence", "unit", "kind"),
    [
        ("8b", "880 korte forløb.", "forløb", "antal"),
        ("12a", "50 % nye kunder.", "%", "procentdel (0-100)"),
        ("5a", "Dialogværktøjet er taget i brug.", "", "milepæl (1 = nået, 0 = ikke nået)"),
        ("3b.drift", "NPS på mindst 70 for driftsvejledning.", "", "NPS (-100 til 100)"),
    ],
)
def test_the_template_explains_each_target(
    contract: Contract, key: str, sentence: str, unit: str, kind: str
) -> None:
    row = next(r for r in read_csv(template_bytes(contract, "FY")) if r["måltal"] == key)
    assert (row["målsætning"], row["enhed"], row["type"]) == (sentence, unit, kind)
    assert [row[c] for c in ("værdi", "tæller", "nævner", "kommentar")] == ["", "", "", ""]


@pytest.mark.parametrize("excel", [False, True], ids=["csv", "xlsx"])
def test_an_unfilled_template_imports_as_all_not_filled_in_and_writes_nothing(
    store: Store, catalog: Catalog, contract: Contract, excel: bool
) -> None:
    name = "skabelon.xlsx" if excel else "skabelon.csv"
    plan = plan_import(template_bytes(contract, "H1", excel=excel), name, catalog, store)
    assert plan.summary() == "0 indsættes, 0 ændres, 0 uændrede, 45 ikke udfyldt"  # 9 + 2 × 18
    result = apply_plan(plan, store, "tester")
    assert (result.inserted, result.changed) == (0, 0)
    assert store.values().empty
    assert store.rounds() == []


def test_a_filled_in_excel_template_imports(
    store: Store, catalog: Catalog, contract: Contract
) -> None:
    workbook = load_workbook(io.BytesIO(template_bytes(contract, "H1", excel=True)))
    sheet = workbook.active
    assert sheet is not None
    assert [cell.value for cell in sheet[2]][:3] == ["sjaelland", 2022, "H1"]  # år: a number
    value, comment = TEMPLATE_COLUMNS.index("værdi") + 1, TEMPLATE_COLUMNS.index("kommentar") + 1
    for row in sheet.iter_rows(min_row=2):
        if row[3].value == "8b":
            row[value - 1].value = 470
        if row[3].value == "8a" and row[4].value == "259":
            row[value - 1].value = 40
            row[comment - 1].value = "Køge"
    buffer = io.BytesIO()
    workbook.save(buffer)
    plan = plan_import(buffer.getvalue(), "skabelon.xlsx", catalog, store)
    assert plan.summary() == "3 indsættes, 0 ændres, 0 uændrede, 43 ikke udfyldt"
    apply_plan(plan, store, "tester")
    assert store.values()[["target", "kommune", "value"]].values.tolist() == [
        ["8a", "", 40],
        ["8a", "259", 40],
        ["8b", "", 470],
    ]


@pytest.mark.parametrize(("period", "suffix"), [("H1", "csv"), ("FY", "xlsx")])
def test_the_template_is_the_committed_file(contract: Contract, period: str, suffix: str) -> None:
    data = template_bytes(contract, period, excel=suffix == "xlsx")
    assert_matches_expected(data, f"skabelon-sjaelland-2022-{period}.{suffix}")


def test_a_template_for_an_unknown_period_is_refused(contract: Contract) -> None:
    with pytest.raises(ValidationFailed) as caught:
        template_bytes(contract, "H3")
    assert str(caught.value) == "'H3' er ikke en periode (brug H1 eller FY)"
