"""Every status tells the truth about time (docs/rules.md "Status of a target").

A target measured only before the contract year is "Målt tidligere" (with its year and its
result where known), never "Måles senere"; 4a, 5a, 6a and 7a are measured in the contract year
in every house; a value outside the target's measurement periods is judged and marked as a
preliminary figure; a goal without targets has no status.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from contracts.loader import Catalog, load_folder
from contracts.models import Contract
from db import Store
from metrics import fulfilment, goal_status
from metrics.values import values_frame
from services.catalog import with_demo
from services.demo import install_demo

CONTRACT_YEAR_TARGETS = ("4a", "5a", "6a", "7a")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return with_demo(load_folder())


def _real(house: str, year: int) -> Contract:
    contract = load_folder().contract(house, year)
    assert contract is not None
    return contract


def _statuses(contract: Contract, values: object, period: str) -> dict[str, str]:
    table = fulfilment(contract, values, period=period)  # type: ignore[arg-type]
    return dict(zip(table["target"], table["status"], strict=True))


@pytest.mark.parametrize("period", ["H1", "FY"])
def test_sjaelland_2022_awareness_of_autumn_2021_was_measured_before(period: str) -> None:
    statuses = _statuses(_real("sjaelland", 2022), values_frame([]), period)

    assert [statuses[k] for k in ("1a", "1b", "5b.2021", "5c")] == ["maalt_tidligere"] * 4
    assert statuses["1c"] == "maales_senere"  # autumn 2023: after the contract year


def test_an_earlier_measurement_is_shown_with_its_year_and_season() -> None:
    row = fulfilment(_real("sjaelland", 2022), values_frame([]), period="FY").set_index("target")

    assert row.loc["1a", "earlier_year"] == 2021
    assert _real("sjaelland", 2022).target("1a").measured.season == "autumn"  # type: ignore[union-attr]
    assert row.loc["1a", "earlier_source"] is None  # the sources give no 2021 result


def test_an_earlier_result_stored_for_its_year_is_shown_with_it() -> None:
    contract = Contract.model_validate(
        {
            "erhvervshus": "fyn",
            "kkr": "syddanmark",
            "year": 2024,
            "goals": [
                {
                    "number": "1",
                    "title": "Kendskab",
                    "scope": "local",
                    "targets": [
                        {
                            "key": "1c",
                            "text": "Kendskab 50 pct. i 2023.",
                            "kind": "percentage",
                            "value": 50,
                            "measured": {"periods": ["FY"], "years": [2023]},
                        }
                    ],
                }
            ],
        }
    )
    values = values_frame(
        [{"house": "fyn", "year": 2023, "period": "FY", "target": "1c", "value": 41.0}]
    )

    row = fulfilment(contract, values, period="FY").iloc[0]

    assert (row["status"], row["actual"] != row["actual"]) == ("maalt_tidligere", True)
    assert (row["earlier_year"], row["earlier_actual"], row["earlier_source"]) == (
        2023,
        41.0,
        "indberettet",
    )


def test_an_earlier_result_stated_in_the_contract_comes_with_its_source() -> None:
    contract = Contract.model_validate(
        {
            "erhvervshus": "fyn",
            "kkr": "syddanmark",
            "year": 2022,
            "goals": [
                {
                    "number": "1",
                    "title": "Kendskab",
                    "scope": "local",
                    "targets": [
                        {
                            "key": "1b",
                            "text": "Kendskab 39 pct. i efteråret 2021.",
                            "kind": "percentage",
                            "value": 39,
                            "measured": {"periods": ["FY"], "years": [2021], "season": "autumn"},
                            "earlier_result": {
                                "value": 37,
                                "year": 2021,
                                "source": "ERST kendskabsmåling 2021",
                            },
                        }
                    ],
                }
            ],
        }
    )

    row = fulfilment(contract, values_frame([]), period="H1").iloc[0]

    assert (row["status"], row["earlier_year"], row["earlier_actual"]) == (
        "maalt_tidligere",
        2021,
        37.0,
    )
    assert row["earlier_source"] == "ERST kendskabsmåling 2021"


def test_a_stated_earlier_result_must_be_from_a_measurement_year() -> None:
    with pytest.raises(ValueError, match="resultatet fra 2020 er ikke fra et af målets måleår"):
        Contract.model_validate(
            {
                "erhvervshus": "fyn",
                "kkr": "syddanmark",
                "year": 2022,
                "goals": [
                    {
                        "number": "1",
                        "title": "Kendskab",
                        "scope": "local",
                        "targets": [
                            {
                                "key": "1b",
                                "text": "Kendskab.",
                                "kind": "percentage",
                                "value": 39,
                                "measured": {"periods": ["FY"], "years": [2021]},
                                "earlier_result": {"value": 37, "year": 2020, "source": "x"},
                            }
                        ],
                    }
                ],
            }
        )


def test_4a_5a_6a_7a_are_measured_in_the_contract_year_in_every_contract(catalog: Catalog) -> None:
    framework = catalog.frameworks["2021-2023"]
    in_framework = {t.key: t for g in framework.goals for t in g.targets}
    assert all(in_framework[k].measured.years is None for k in CONTRACT_YEAR_TARGETS)
    checked = 0
    for contract in catalog.contracts:
        for key in CONTRACT_YEAR_TARGETS:
            target = contract.target(key)
            if target is not None and target.value_stated:
                assert target.measured.applies(contract.year, "FY"), (contract.erhvervshus, key)
                checked += 1
    assert checked >= 6 * 4  # every house in 2022 at least


def test_4a_6a_7a_are_judged_in_2022_helaar_in_every_house(
    sqlite_store: Store, catalog: Catalog
) -> None:
    install_demo(sqlite_store, catalog.contracts, as_of=dt.date(2023, 4, 1))
    values = sqlite_store.values(year=2022)
    for house in ("hovedstaden", "sjaelland", "fyn", "sydjylland", "midtjylland", "nordjylland"):
        contract = catalog.contract(house, 2022)
        assert contract is not None
        statuses = _statuses(contract, values, "FY")
        for key in ("4a", "6a", "7a"):
            assert statuses[key] not in {"maales_senere", "maalt_tidligere"}, (house, key)


def test_a_value_outside_the_measurement_periods_is_judged_as_a_preliminary_figure() -> None:
    contract = _real("sjaelland", 2022)
    values = values_frame(
        [{"house": "sjaelland", "year": 2022, "period": "H1", "target": "15a", "value": 2.0}]
    )

    table = fulfilment(contract, values, period="H1").set_index("target")

    assert (table.loc["15a", "status"], bool(table.loc["15a", "preliminary"])) == ("i_risiko", True)
    assert bool(table.loc["8a", "preliminary"]) is False
    goals = goal_status(contract, table.reset_index()).set_index("goal")
    assert goals.loc["15", "status"] == "i_risiko"  # it counts in its goal


def test_a_goal_without_targets_has_no_status_and_says_so() -> None:
    contract = _real("hovedstaden", 2023)
    table = fulfilment(contract, values_frame([]), period="FY")

    goals = goal_status(contract, table).set_index("goal")

    for number in ("2", "3", "4"):
        assert pd.isna(goals.loc[number, "status"])
        assert goals.loc[number, "status_label"] == "Ingen måltal i kontrakten"
    assert goals.loc["1", "status"] == "mangler_data"
