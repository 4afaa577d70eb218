"""The five KKR: keys, Danish names, the house each region's KKR holds, and due dates."""

from __future__ import annotations

import datetime as dt

import pytest

from contracts.models import KKR_KEYS
from contracts.reference import DueDay, Kkr, houses, kkr_name, kkr_of_house, kkrs, parse_kkrs
from services.catalog import load_catalog
from services.demo_contracts import build_demo_contract


def test_kkr_yaml_holds_exactly_the_five_keys_the_contract_schema_accepts() -> None:
    assert tuple(kkrs()) == KKR_KEYS
    assert set(KKR_KEYS) == {"hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"}


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("hovedstaden", "KKR Hovedstaden"),
        ("sjaelland", "KKR Sjælland"),
        ("syddanmark", "KKR Syddanmark"),
        ("midtjylland", "KKR Midtjylland"),
        ("nordjylland", "KKR Nordjylland"),
    ],
)
def test_each_kkr_key_has_its_danish_name(key: str, name: str) -> None:
    assert kkr_name(key) == name


def test_kkr_syddanmark_holds_fyn_and_sydjylland_and_the_others_one_house_each() -> None:
    held = {key: sorted(h for h in houses() if kkr_of_house(h) == key) for key in KKR_KEYS}
    assert held == {
        "hovedstaden": ["hovedstaden"],
        "sjaelland": ["sjaelland"],
        "syddanmark": ["fyn", "sydjylland"],
        "midtjylland": ["midtjylland"],
        "nordjylland": ["nordjylland"],
    }


def test_every_shipped_contract_names_the_kkr_of_its_house() -> None:
    catalog = load_catalog(None)
    assert catalog.contracts
    assert all(c.kkr == kkr_of_house(c.erhvervshus) for c in catalog.contracts)


def test_a_demo_contract_names_its_houses_kkr() -> None:
    framework = load_catalog(None).frameworks["2024-2027"]
    assert build_demo_contract("fyn", 2025, framework).kkr == "syddanmark"


def test_without_dates_of_its_own_a_kkr_uses_15_august_and_1_april_the_year_after() -> None:
    kkr = kkrs()["syddanmark"]
    assert kkr.due_date(2026, "H1") == dt.date(2026, 8, 15)
    assert kkr.due_date(2026, "FY") == dt.date(2027, 4, 1)
    assert not kkr.has_own_due("H1")


def test_a_kkr_with_its_own_due_day_uses_it_for_that_period_only() -> None:
    kkr = Kkr("sjaelland", "KKR Sjælland", due={"H1": DueDay(month=9, day=1)})
    assert kkr.due_date(2026, "H1") == dt.date(2026, 9, 1)
    assert kkr.due_date(2026, "FY") == dt.date(2027, 4, 1)
    assert kkr.has_own_due("H1")


def test_a_kkrs_own_due_days_are_read_from_kkr_yaml() -> None:
    read = parse_kkrs(
        "kkr:\n"
        "  - key: sjaelland\n"
        "    name: KKR Sjælland\n"
        "    due:\n"
        "      H1: {month: 9, day: 1}\n"
        "      FY: {month: 3, day: 15, next_year: true}\n"
        "  - key: syddanmark\n"
        "    name: KKR Syddanmark\n"
    )
    assert read["sjaelland"].due_date(2026, "H1") == dt.date(2026, 9, 1)
    assert read["sjaelland"].due_date(2026, "FY") == dt.date(2027, 3, 15)
    assert read["syddanmark"].due_date(2026, "FY") == dt.date(2027, 4, 1)


@pytest.mark.parametrize(
    ("due", "message"),
    [
        ("Q3: {month: 9, day: 1}", "kkr.yaml: sjaelland: ukendt periode 'Q3' i due"),
        ("H1: {month: 4, day: 31}", "kkr.yaml: sjaelland: H1: der er ingen dag 31 i måned 4"),
    ],
)
def test_a_due_day_that_cannot_be_is_refused(due: str, message: str) -> None:
    text = f"kkr:\n  - key: sjaelland\n    name: KKR Sjælland\n    due:\n      {due}\n"
    with pytest.raises(ValueError, match=message):
        parse_kkrs(text)
