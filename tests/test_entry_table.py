"""Building the editable table of a contract-period: rows, kommune rows, text and versions."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest
import yaml

from contracts.models import Contract
from db.store import VALUE_COLUMNS
from services.entry import COLUMNS, EntryTable, build_table, target_text

CONTRACT_YAML = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
geography: ["259", "265"]
goals:
  - number: "8"
    title: Forløb
    scope: local
    targets:
      - {key: 8a, text: "Samlet 1.680 forløb i 2022.", kind: count, value: 1680, unit: forløb,
         per_kommune: true}
      - {key: 12a, text: "50 % nye kunder.", kind: percentage, value: 50, unit: "%"}
      - {key: 3b.drift, label: 3b – drift, text: "NPS mindst 70.", kind: nps, value: 70, measured: {periods: [FY]}}
      - {key: 15a, text: "Gearing mindst 2,50.", kind: ratio, value: 2.5,
         measured: {periods: [FY]}}
      - {key: 5a, text: "Dialogværktøj tages i brug.", kind: milestone}
      - {key: 13b, text: "15-20 virksomheder.", kind: range, value: 15, upper: 20}
      - {key: 1a, text: "Kendskab +5 pp.", kind: change_pp, value: 5,
         baseline: {value: 34, year: 2020}, measured: {periods: [FY], years: [2021]}}
"""


def contract() -> Contract:
    return Contract.model_validate(yaml.safe_load(CONTRACT_YAML))


def values(*records: dict[str, Any]) -> pd.DataFrame:
    """Rows shaped like ``Store.values()``; unspecified numbers are empty."""
    base: dict[str, Any] = {name: math.nan for name in VALUE_COLUMNS}
    base.update(house="sjaelland", year=2022, period="H1", kommune="", comment=None)
    base.update(source="indtastet", entered_by="test", entered_at=None, is_demo=False)
    rows = [{**base, "version": 1, **record} for record in records]
    return pd.DataFrame.from_records(rows, columns=list(VALUE_COLUMNS))


def keys(table: EntryTable) -> list[str]:
    return list(table.totals["nøgle"])


@pytest.mark.parametrize(
    ("period", "include_all", "expected"),
    [
        ("H1", False, ["8a", "12a", "5a", "13b"]),
        ("FY", False, ["8a", "12a", "3b.drift", "15a", "5a", "13b"]),
        ("H1", True, ["8a", "12a", "3b.drift", "15a", "5a", "13b", "1a"]),
    ],
)
def test_rows_are_the_targets_measured_in_the_period_in_contract_order(
    period: str, include_all: bool, expected: list[str]
) -> None:
    table = build_table(contract(), period, values(), include_all=include_all)
    assert keys(table) == expected
    assert list(table.totals.columns) == list(COLUMNS)


def test_a_target_not_measured_in_the_period_is_shown_when_it_holds_a_value() -> None:
    table = build_table(contract(), "H1", values({"target": "15a", "value": 2.1}))
    assert keys(table) == ["8a", "12a", "15a", "5a", "13b"]


def test_per_kommune_targets_get_a_row_per_kommune_of_the_geography_and_one_for_outside() -> None:
    table = build_table(contract(), "H1", values())
    rows = table.kommuner[["nøgle", "kommunekode", "kommune"]].values.tolist()
    assert rows == [
        ["8a", "259", "Køge"],
        ["8a", "265", "Roskilde"],
        ["8a", "0", "Uden for geografien / ukendt"],
    ]
    assert table.totals.loc[0, "kommune"] == "I alt"


def test_stored_numbers_are_danish_text_with_the_version_they_were_read_at() -> None:
    stored = values(
        {"target": "8a", "value": 1680.0, "version": 3, "comment": "Godt halvår"},
        {"target": "8a", "kommune": "259", "value": 1234.5, "version": 2},
        {"target": "12a", "numerator": 140.0, "denominator": 251.0, "value": 55.78},
    )
    table = build_table(contract(), "H1", stored)
    total = table.totals.set_index("nøgle")
    assert list(total.loc["8a", ["værdi", "kommentar", "version"]]) == [
        "1.680",
        "Godt halvår",
        3,
    ]
    assert list(total.loc["12a", ["tæller", "nævner"]]) == ["140", "251"]
    assert list(total.loc["5a", ["værdi", "kommentar", "version"]]) == ["", "", 0]
    koege = table.kommuner.set_index("kommunekode").loc["259"]
    assert list(koege[["værdi", "version"]]) == ["1.234,5", 2]


def test_values_of_other_periods_houses_and_years_are_not_shown() -> None:
    stored = values(
        {"target": "8a", "value": 900.0, "period": "FY"},
        {"target": "8a", "value": 800.0, "year": 2023},
        {"target": "8a", "value": 700.0, "house": "fyn"},
    )
    table = build_table(contract(), "H1", stored)
    assert table.totals.loc[0, "værdi"] == ""


def test_status_column_comes_from_the_metrics() -> None:
    table = build_table(contract(), "H1", values({"target": "8a", "value": 100.0}))
    status = dict(zip(table.totals["nøgle"], table.totals["status"], strict=True))
    assert status["8a"] == "I risiko"
    assert status["5a"] == "Mangler data"


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("8a", "mindst 1.680 forløb"),
        ("12a", "mindst 50 %"),
        ("15a", "mindst faktor 2,50"),
        ("5a", "1 = ja, 0 = nej"),
        ("13b", "mellem 15 og 20"),
        ("1a", "mindst 39 %"),
    ],
)
def test_maaltal_is_shown_briefly_in_danish(key: str, text: str) -> None:
    target = contract().target(key)
    assert target is not None
    assert target_text(target) == text
