"""The six houses side by side on the national goals."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from contracts.loader import load_folder
from db import Store
from metrics.national import NO_TARGETS, national_goals, national_targets
from services.catalog import with_demo
from services.prepare import prepare


@pytest.fixture(scope="module")
def catalog():
    return with_demo(load_folder())


@pytest.fixture
def values(sqlite_store: Store) -> pd.DataFrame:
    prepare(sqlite_store, as_of=dt.date(2026, 11, 23))
    return sqlite_store.values(year=2023)


def contracts_2023(catalog):
    houses = ("hovedstaden", "sjaelland", "fyn", "sydjylland", "midtjylland", "nordjylland")
    return [catalog.contract(h, 2023) for h in houses]


def test_one_row_per_house_and_national_goal(catalog, values) -> None:
    goals = national_goals(contracts_2023(catalog), values, period="FY")
    per_house = goals.groupby("house").size()
    assert per_house["sjaelland"] == 7
    assert per_house["hovedstaden"] == 6  # its 2023 contract has goals 1-6 only
    assert set(goals["framework_goal"]) == {1, 2, 3, 4, 5, 6, 7}


def test_hovedstaden_2023_misses_the_awareness_goal_with_its_real_35_percent(
    catalog, values
) -> None:
    goals = national_goals(contracts_2023(catalog), values, period="FY").set_index(
        ["house", "framework_goal"]
    )
    row = goals.loc[("hovedstaden", 1)]
    assert (row["status"], row["n_met"], row["n_judged"], row["demo"]) == (
        "ikke_opfyldt",
        0,
        1,
        False,
    )


def test_a_national_goal_without_targets_says_so_instead_of_a_verdict(catalog, values) -> None:
    goals = national_goals(contracts_2023(catalog), values, period="FY").set_index(
        ["house", "framework_goal"]
    )
    assert goals.loc[("hovedstaden", 2), "status"] == NO_TARGETS
    assert goals.loc[("hovedstaden", 2), "status_label"] == "Ingen måltal i kontrakten"


def test_goal_status_matches_the_contracts_own_goal_status(catalog, values) -> None:
    from metrics import fulfilment, goal_status

    contract = catalog.contract("fyn", 2023)
    own = values[values["house"] == "fyn"]
    expected = goal_status(contract, fulfilment(contract, own, period="FY")).set_index("goal")
    goals = national_goals([contract], values, period="FY").set_index("goal")
    for number in goals.index:
        assert goals.loc[number, "status"] == expected.loc[number, "status"]


@pytest.mark.parametrize("period", ["H1", "FY"])
def test_judging_only_the_national_targets_gives_what_judging_every_target_gives(
    catalog, values, period: str
) -> None:
    from metrics import fulfilment, goal_status

    contracts = contracts_2023(catalog)
    goals = national_goals(contracts, values, period=period).set_index(["house", "goal"])
    targets = national_targets(contracts, values, period=period).set_index(["house", "target"])
    for contract in contracts:
        house = contract.erhvervshus
        full = fulfilment(contract, values[values["house"] == house], period=period)
        statuses = goal_status(contract, full).set_index("goal")["status"]
        for goal in (g for g in contract.goals if g.scope == "national"):
            if goal.targets:
                assert goals.loc[(house, goal.number), "status"] == statuses[goal.number]
            for target in goal.targets:
                row = full.set_index("target").loc[target.key]
                mine = targets.loc[(house, target.key)]
                assert (mine["status"], str(mine["actual"])) == (row["status"], str(row["actual"]))


def test_targets_table_holds_only_targets_of_national_goals(catalog, values) -> None:
    targets = national_targets(contracts_2023(catalog), values, period="FY")
    sjaelland = targets[targets["house"] == "sjaelland"]
    assert "8a" not in set(sjaelland["target"])
    assert {"1c", "3b.drift"} <= set(sjaelland["target"])
    row = targets[(targets["house"] == "hovedstaden") & (targets["target"] == "1c")].iloc[0]
    assert (row["actual"], row["target_value"], row["status"]) == (35, 50, "ikke_opfyldt")


def test_no_contracts_give_empty_tables_with_the_columns() -> None:
    empty = pd.DataFrame(columns=["house", "year"])
    assert national_goals([], empty, period="FY").empty
    assert list(national_targets([], empty, period="FY").columns)[:3] == [
        "house",
        "framework_goal",
        "target",
    ]
