"""KKR's round tracker: the rows, with today as a parameter (docs/tracker.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from status_support import contract_store

from contracts.loader import load_folder
from contracts.reference import DueDay, Kkr, kkrs
from db import Store, ValueKey, ValueRow
from services.permissions import operator
from services.round_events import RoundEvents
from services.rounds import approve_round, return_round, submit_round
from services.session import PUBLIC, Principal, Session
from services.tracker import overdue, tracker_row, tracker_rows

ROUND = ("sjaelland", 2022, "H1")
NOTHING: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    created = contract_store(tmp_path, monkeypatch)
    yield created
    created.dispose()


def comment_all(store: Store, *, demo: bool = False) -> None:
    rows = [
        ValueRow(ValueKey(*ROUND, "8a"), value=800, comment="Forsinket", expected_version=0),
        ValueRow(ValueKey(*ROUND, "12a"), value=40, comment="Lavt", expected_version=0),
        ValueRow(ValueKey(*ROUND, "2a"), value=1, comment="Opfyldt", expected_version=0),
    ]
    store.save(rows, user="demo" if demo else "anne", demo=demo)


@pytest.mark.parametrize(
    ("status", "today", "days"),
    [
        (None, dt.date(2022, 8, 15), 0),  # due today: not yet late
        (None, dt.date(2022, 8, 16), 1),
        ("åben", dt.date(2022, 9, 14), 30),
        ("indsendt", dt.date(2022, 9, 14), 0),
        ("godkendt", dt.date(2030, 1, 1), 0),
    ],
)
def test_a_round_is_overdue_from_the_day_after_its_due_date_until_it_is_handed_in(
    status: str | None, today: dt.date, days: int
) -> None:
    assert overdue(status, dt.date(2022, 8, 15), today) == days


def test_before_and_after_the_default_due_date_of_1_halvaar(store: Store) -> None:
    contract = load_folder().contracts[0]
    before = tracker_row(contract, "H1", None, RoundEvents(), NOTHING, dt.date(2022, 8, 15))
    after = tracker_row(contract, "H1", None, RoundEvents(), NOTHING, dt.date(2022, 8, 20))
    assert (before.due, before.due_is_default, before.overdue) == (
        dt.date(2022, 8, 15),
        True,
        False,
    )
    assert (after.overdue, after.days_overdue) == (True, 5)


def test_helaar_is_due_1_april_of_the_next_year(store: Store) -> None:
    contract = load_folder().contracts[0]
    row = tracker_row(contract, "FY", None, RoundEvents(), NOTHING, dt.date(2023, 4, 2))
    assert (row.due, row.days_overdue) == (dt.date(2023, 4, 1), 1)


def test_a_kkr_with_its_own_due_date_is_judged_by_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = {**kkrs(), "sjaelland": Kkr("sjaelland", "KKR Sjælland", {"H1": DueDay(9, 1)})}
    monkeypatch.setattr("services.tracker.kkrs", lambda: own)
    contract = load_folder().contracts[0]
    row = tracker_row(contract, "H1", None, RoundEvents(), NOTHING, dt.date(2022, 8, 20))
    assert (row.due, row.due_is_default, row.overdue) == (dt.date(2022, 9, 1), False, False)
    late = tracker_row(contract, "H1", None, RoundEvents(), NOTHING, dt.date(2022, 9, 3))
    assert late.days_overdue == 2


def test_rows_without_any_round_list_what_is_missing_and_are_not_started(store: Store) -> None:
    rows = tracker_rows(load_folder(), store, dt.date(2022, 6, 1))
    assert [(r.period, r.status, r.overdue) for r in rows] == [
        ("H1", "Ikke påbegyndt", False),
        ("FY", "Ikke påbegyndt", False),
    ]
    assert rows[0].missing_values == ("8a", "12a", "2a")
    assert rows[0].missing_comments == ()
    assert rows[0].link == "/indberetning?hus=sjaelland&aar=2022&periode=H1"


def test_a_round_with_a_miss_lacks_its_comment_by_the_submit_check(store: Store) -> None:
    store.save([ValueRow(ValueKey(*ROUND, "8a"), value=100, expected_version=0)], user="anne")
    row = tracker_rows(load_folder(), store, dt.date(2022, 6, 1))[0]
    assert row.status == "Åben"
    assert row.missing_values == ("12a", "2a")
    assert row.missing_comments == (
        "8a: er i risiko og mangler en kommentar.",
        "2a: er en vurdering og mangler en begrundelse.",
    )


def test_submitted_then_returned_then_approved_each_show_who_and_why(store: Store) -> None:
    comment_all(store)
    catalog = load_folder()
    submit_round(catalog, store, *ROUND, user="anne")
    row = tracker_rows(catalog, store, dt.date(2022, 9, 1))[0]
    assert (row.status, row.submitted.user, row.decided, row.overdue) == (
        "Indsendt",
        "anne",
        None,
        False,
    )
    return_round(store, *ROUND, user="kkr-sj", reason="Uddyb 8a")
    row = tracker_rows(catalog, store, dt.date(2022, 9, 1))[0]
    assert row.status == "Åben – sendt tilbage"
    assert (row.decided.label, row.decided.user, row.decided.reason) == (
        "Sendt tilbage",
        "kkr-sj",
        "Uddyb 8a",
    )
    assert row.days_overdue == 17
    submit_round(catalog, store, *ROUND, user="bo")
    approve_round(catalog, store, *ROUND, user="kkr-sj")
    row = tracker_rows(catalog, store, dt.date(2022, 9, 1))[0]
    assert (row.status, row.submitted.user, row.decided.label, row.overdue) == (
        "Godkendt af KKR",
        "bo",
        "Godkendt",
        False,
    )


def test_the_kkr_and_year_filters_keep_only_their_rounds(store: Store) -> None:
    catalog = load_folder()
    assert len(tracker_rows(catalog, store, dt.date(2022, 6, 1), kkr="sjaelland")) == 2
    assert tracker_rows(catalog, store, dt.date(2022, 6, 1), kkr="syddanmark") == []
    assert tracker_rows(catalog, store, dt.date(2022, 6, 1), year=2023) == []


def test_a_round_removed_with_its_demo_data_forgets_its_demo_submission(store: Store) -> None:
    comment_all(store, demo=True)
    catalog = load_folder()
    submit_round(catalog, store, *ROUND, user="demo")
    approve_round(catalog, store, *ROUND, user="demo")
    store.remove_demo(*ROUND, user="anne")
    row = tracker_rows(catalog, store, dt.date(2022, 6, 1))[0]
    assert (row.submitted, row.decided) == (None, None)


@pytest.mark.parametrize(
    ("principal", "count"),
    [
        (Principal(name="sj", role="kkr", kkr="sjaelland"), 2),
        (Principal(name="medlem", role="kkr_medlem", kkr="sjaelland"), 2),
        (Principal(name="syd", role="kkr", kkr="syddanmark"), 0),
        (Principal(name="ib", role="erhvervshus", house="fyn"), 0),
        (PUBLIC, 0),
        (operator("admin"), 2),
    ],
    ids=["own-kkr", "own-kkr-member", "another-kkr", "another-house", "public", "admin"],
)
def test_the_tracker_shows_only_the_houses_whose_rounds_the_principal_may_read(
    store: Store, principal: Principal, count: int
) -> None:
    session = Session(store, principal)
    assert len(session.tracker(load_folder(), dt.date(2022, 6, 1))) == count
