"""Worked examples from the sources, judged by the engine (contracts in code and, where the
contract files are present, the real ones in contracts/data)."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.loader import DEFAULT_CONTRACTS_DIR, load_folder
from contracts.models import Contract
from contracts.reference import kkr_of_house
from metrics import fulfilment
from metrics.values import values_frame


def one_target(house: str, year: int, spec: dict[str, Any]) -> Contract:
    return Contract.model_validate(
        {
            "erhvervshus": house,
            "kkr": kkr_of_house(house),
            "year": year,
            "goals": [
                {
                    "number": "1",
                    "title": "Kendskab",
                    "scope": "national",
                    "framework_goal": 1,
                    "targets": [{"text": "Måltal.", **spec}],
                }
            ],
        }
    )


def judge(contract: Contract, target: str, period: str, **parts: float) -> dict[str, Any]:
    values = values_frame(
        [
            {
                "house": contract.erhvervshus,
                "year": contract.year,
                "period": period,
                "target": target,
                **parts,
            }
        ]
    )
    table = fulfilment(contract, values, period=period)
    return table[table["target"] == target].iloc[0].to_dict()


KENDSKAB_2023 = {
    "key": "1c",
    "kind": "percentage",
    "value": 50,
    "measured": {"periods": ["FY"], "years": [2023]},
}
SJ_1A = {
    "key": "1a",
    "kind": "change_pp",
    "value": 5,
    "baseline": {"value": 34, "year": 2020},
    "measured": {"periods": ["FY"], "years": [2021]},
}


def test_hovedstaden_2023_kendskab_35_against_50_is_not_met() -> None:
    row = judge(one_target("hovedstaden", 2023, KENDSKAB_2023), "1c", "FY", value=35)
    assert (row["actual"], row["target_value"], row["status"]) == (35, 50, "ikke_opfyldt")
    assert row["fulfilment"] == 70


@pytest.mark.parametrize(("level", "status"), [(39, "opfyldt"), (38.9, "ikke_opfyldt")])
def test_sjaelland_1a_baseline_34_plus_5_points(level: float, status: str) -> None:
    row = judge(one_target("sjaelland", 2021, SJ_1A), "1a", "FY", value=level)
    assert (row["target_value"], row["status"]) == (39, status)


def test_57_of_100_meets_a_57_percent_target() -> None:
    spec = {"key": "12a", "kind": "percentage", "value": 57}
    row = judge(one_target("sjaelland", 2022, spec), "12a", "FY", numerator=57, denominator=100)
    assert (row["actual"], row["status"], row["n"]) == (57, "opfyldt", 100)


def _real(house: str, year: int) -> Contract:
    """A shipped contract; its absence is a failure, never a skip."""
    contract = load_folder(DEFAULT_CONTRACTS_DIR).contract(house, year)
    assert contract is not None, f"contracts/data has no contract for {house} {year}"
    return contract


def test_real_hovedstaden_2023_kendskab_35_is_not_met() -> None:
    row = judge(_real("hovedstaden", 2023), "1c", "FY", value=35)
    assert (row["target_value"], row["status"]) == (50, "ikke_opfyldt")


def test_real_sjaelland_2022_awareness_of_2021_was_measured_before_the_contract_year() -> None:
    table = fulfilment(_real("sjaelland", 2022), values_frame([]), period="FY")
    statuses = dict(zip(table["target"], table["status"], strict=True))
    assert (statuses["1a"], statuses["8a"]) == ("maalt_tidligere", "mangler_data")


def test_real_sjaelland_2022_12a_140_of_251_meets_50_percent() -> None:
    row = judge(_real("sjaelland", 2022), "12a", "FY", numerator=140, denominator=251)
    assert row["actual"] == pytest.approx(100 * 140 / 251)
    assert (row["target_value"], row["status"]) == (50, "opfyldt")
