"""Demo data: contracts for the house-years the sources lack, seeded values, never mixed."""

from __future__ import annotations

import datetime as dt

import pytest

import metrics
from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from db.errors import DemoInRound
from services.catalog import load_catalog, with_demo
from services.demo import demo_rows, due_periods, install_demo
from services.demo_contracts import DEMO_YEARS, NO_CONTRACT

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def catalog():
    return with_demo(load_folder())


def test_demo_contracts_fill_every_house_year_the_sources_lack(catalog) -> None:
    pairs = {(c.erhvervshus, c.year) for c in catalog.contracts}
    houses = {"hovedstaden", "sjaelland", "fyn", "sydjylland", "midtjylland", "nordjylland"}
    expected = {(h, y) for h in houses for y in DEMO_YEARS} - NO_CONTRACT
    assert expected <= pairs


def test_hovedstaden_2024_gets_no_demo_contract_because_the_sources_say_there_was_none(
    catalog,
) -> None:
    assert catalog.contract("hovedstaden", 2024) is None


def test_real_contracts_are_not_replaced_by_demo_ones(catalog) -> None:
    sjaelland = catalog.contract("sjaelland", 2022)
    assert sjaelland is not None and not sjaelland.demo
    assert [c for c in catalog.contracts if (c.erhvervshus, c.year) == ("sjaelland", 2022)] == [
        sjaelland
    ]


def test_every_demo_contract_is_marked_and_titled_as_demo(catalog) -> None:
    demos = [c for c in catalog.contracts if c.demo]
    assert demos
    assert all("(demo)" in (c.title or "") and "Demokontrakt" in (c.note or "") for c in demos)


def test_demo_contract_holds_each_house_to_its_own_awareness_baseline(catalog) -> None:
    fyn = catalog.contract("fyn", 2022)
    assert fyn is not None and fyn.target("1a") is not None
    assert fyn.target("1a").baseline.value == 33
    nord = catalog.contract("nordjylland", 2023)
    assert nord.target("1a").baseline.value == 40


@pytest.mark.parametrize(
    ("year", "as_of", "expected"),
    [
        (2026, dt.date(2026, 8, 14), []),
        (2026, dt.date(2026, 8, 15), ["H1"]),
        (2025, dt.date(2026, 2, 28), ["H1"]),
        (2025, dt.date(2026, 3, 1), ["H1", "FY"]),
    ],
)
def test_a_period_is_due_after_its_reporting_date(year, as_of, expected) -> None:
    assert due_periods(year, as_of) == expected


def test_demo_rows_are_the_same_for_the_same_seed_and_differ_for_another(catalog) -> None:
    contract = catalog.contract("fyn", 2024)
    assert demo_rows(contract, "FY") == demo_rows(contract, "FY")
    assert demo_rows(contract, "FY") != demo_rows(contract, "FY", seed=7)


def test_demo_rows_skip_targets_not_measured_in_the_period(catalog) -> None:
    contract = catalog.contract("fyn", 2024)
    keys = {row.key.target for row in demo_rows(contract, "H1")}
    assert "15a" not in keys  # gearing is measured at FY only
    assert "15a" in {row.key.target for row in demo_rows(contract, "FY")}


def test_demo_per_kommune_rows_add_up_to_their_total(catalog) -> None:
    contract = catalog.contract("midtjylland", 2025)
    rows = [r for r in demo_rows(contract, "FY") if r.key.target == "8a"]
    total = next(r for r in rows if r.key.kommune == "")
    assert total.value == sum(r.value for r in rows if r.key.kommune != "")


def test_installed_demo_shows_every_status_and_is_flagged(sqlite_store: Store, catalog) -> None:
    rounds = install_demo(sqlite_store, catalog.contracts, as_of=AS_OF)
    values = sqlite_store.values()
    assert values["is_demo"].all()
    seen: set[str] = set()
    for contract in catalog.contracts:
        own = values[(values.house == contract.erhvervshus) & (values.year == contract.year)]
        for period in ("H1", "FY"):
            seen.update(metrics.fulfilment(contract, own, period=period)["status"])
    assert seen == {
        "opfyldt",
        "paa_vej",
        "i_risiko",
        "ikke_opfyldt",
        "mangler_data",
        "maales_senere",
        "maalt_tidligere",
    }
    assert ("fyn", 2026, "H1") in {(r.house, r.year, r.period) for r in rounds}
    assert ("fyn", 2026, "FY") not in {(r.house, r.year, r.period) for r in rounds}


def test_installed_demo_sets_round_statuses_like_a_real_year(sqlite_store: Store, catalog) -> None:
    install_demo(sqlite_store, catalog.contracts, as_of=AS_OF)
    assert sqlite_store.round("fyn", 2025, "FY").status == "godkendt"
    assert sqlite_store.round("fyn", 2026, "H1").status == "indsendt"
    assert sqlite_store.round("sjaelland", 2026, "H1").status == "åben"


def test_demo_leaves_rounds_with_real_values_alone(store: Store, catalog) -> None:
    real = ValueRow(ValueKey("fyn", 2025, "FY", "15a"), value=2.7, expected_version=0)
    store.save([real], user="anne")
    install_demo(store, catalog.contracts, as_of=AS_OF)
    fy = store.values("fyn", 2025, "FY")
    assert list(fy["target"]) == ["15a"] and not fy["is_demo"].any()


def test_real_values_enter_a_demo_round_only_after_its_demo_data_is_removed(
    store: Store, catalog
) -> None:
    install_demo(store, catalog.contracts, as_of=AS_OF)
    row = ValueRow(ValueKey("sydjylland", 2026, "H1", "8b"), value=400, expected_version=0)
    with pytest.raises(DemoInRound):
        store.save([row], user="anne")

    store.remove_demo("sydjylland", 2026, "H1", user="anne")
    store.save([row], user="anne")

    h1 = store.values("sydjylland", 2026, "H1")
    assert list(h1["target"]) == ["8b"] and not h1["is_demo"].any()
    assert store.values("sydjylland", 2025, "FY")["is_demo"].all()


def test_demo_contracts_are_in_the_catalog_only_while_demo_values_exist(
    sqlite_store: Store, catalog
) -> None:
    assert load_catalog(sqlite_store).contract("fyn", 2024) is None
    install_demo(sqlite_store, catalog.contracts, as_of=AS_OF)
    assert load_catalog(sqlite_store).contract("fyn", 2024).demo
    sqlite_store.clear_demo()
    assert sqlite_store.values().empty
    assert load_catalog(sqlite_store).contract("fyn", 2024) is None


def test_installed_demo_has_values_for_every_target_kind(sqlite_store: Store, catalog) -> None:
    from contracts.models import TARGET_KINDS

    install_demo(sqlite_store, catalog.contracts, as_of=AS_OF)
    values = sqlite_store.values()
    kinds: set[str] = set()
    for contract in catalog.contracts:
        own = set(
            values.loc[
                (values.house == contract.erhvervshus) & (values.year == contract.year), "target"
            ]
        )
        for _goal, target in contract.targets():
            if target.key in own or (target.kind == "spread" and target.source_target in own):
                kinds.add(target.kind)
    assert kinds == set(TARGET_KINDS)


def test_demo_numbers_carry_at_most_hundredths_so_no_float_noise_reaches_a_page(catalog) -> None:
    # Seen: 11h's per-kommune amounts summed to 13,319999999999995 mio. kr. on Indberetning.
    noisy = [
        (contract.erhvervshus, contract.year, period, row.key.target, row.key.kommune, number)
        for contract in catalog.contracts
        if contract.demo
        for period in ("H1", "FY")
        for row in demo_rows(contract, period)
        for number in (row.value, row.numerator, row.denominator)
        if number is not None and abs(number * 100 - round(number * 100)) > 1e-6
    ]
    assert noisy == []
