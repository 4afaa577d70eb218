"""Report rounds: created åben by the first write, locked when indsendt/godkendt, reopened
only with a reason, every status change audited."""

from __future__ import annotations

import json

import pytest

from db import Store, ValueKey, ValueRow
from db.errors import NotFound, RoundLocked, ValidationFailed

H1_8B = ValueKey("sjaelland", 2022, "H1", "8b")
FY_8B = ValueKey("sjaelland", 2022, "FY", "8b")


def first_write(store: Store, key: ValueKey = H1_8B) -> None:
    store.save([ValueRow(key, value=470, expected_version=0)], user="anna")


def test_first_write_creates_the_round_open(store: Store) -> None:
    assert store.round("sjaelland", 2022, "H1") is None

    first_write(store)

    info = store.round("sjaelland", 2022, "H1")
    assert info is not None
    assert (info.status, info.has_demo, info.updated_by) == ("åben", False, "anna")
    assert info.updated_at.tzinfo is not None
    assert store.round("sjaelland", 2022, "FY") is None


@pytest.mark.parametrize(
    ("statuses", "period_label"),
    [
        (["indsendt"], "1. halvår"),
        (["indsendt", "godkendt"], "1. halvår"),
    ],
)
def test_locked_round_refuses_writes_with_the_danish_message(
    store: Store, statuses: list[str], period_label: str
) -> None:
    first_write(store)
    for status in statuses:
        store.set_round_status("sjaelland", 2022, "H1", status, user="direktør")

    with pytest.raises(RoundLocked) as caught:
        store.save([ValueRow(H1_8B, value=1, expected_version=1)], user="anna")

    assert str(caught.value) == (
        f"Indberetningen for Erhvervshus Sjælland {period_label} 2022 er {statuses[-1]} "
        "og kan ikke ændres. Genåbn den med en begrundelse."
    )
    assert list(store.values()["value"]) == [470.0]


def test_locked_round_refuses_deletes_but_other_rounds_stay_writable(store: Store) -> None:
    first_write(store)
    store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="direktør")

    with pytest.raises(RoundLocked):
        store.save([], user="anna", deletes=[(H1_8B, 1)])
    result = store.save([ValueRow(FY_8B, value=900, expected_version=0)], user="anna")

    assert result.inserted == 1


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            ["godkendt"],
            "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 kan ikke gå fra åben til godkendt.",
        ),
        (["åben"], "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er allerede åben."),
        (
            ["indsendt", "indsendt"],
            "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er allerede indsendt.",
        ),
        (
            ["indsendt", "godkendt", "indsendt"],
            "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 kan ikke gå fra godkendt til indsendt.",
        ),
        (
            ["afvist"],
            "Ukendt status 'afvist' for indberetningen; brug åben, indsendt eller godkendt.",
        ),
    ],
)
def test_disallowed_transitions_are_refused_in_danish(
    store: Store, path: list[str], message: str
) -> None:
    first_write(store)
    *allowed, refused = path
    for status in allowed:
        store.set_round_status("sjaelland", 2022, "H1", status, user="direktør")

    with pytest.raises(ValidationFailed) as caught:
        store.set_round_status("sjaelland", 2022, "H1", refused, user="direktør")

    assert str(caught.value) == message


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_reopening_needs_a_reason(store: Store, reason: str | None) -> None:
    first_write(store)
    store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="direktør")

    with pytest.raises(ValidationFailed) as caught:
        store.set_round_status("sjaelland", 2022, "H1", "åben", user="direktør", reason=reason)

    assert str(caught.value) == (
        "Angiv en begrundelse for at genåbne indberetningen for Erhvervshus Sjælland 1. halvår 2022."
    )
    info = store.round("sjaelland", 2022, "H1")
    assert info is not None and info.status == "indsendt"


@pytest.mark.parametrize("locked", ["indsendt", "godkendt"])
def test_reopening_with_a_reason_is_audited_and_allows_writes_again(
    store: Store, locked: str
) -> None:
    first_write(store)
    store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="direktør")
    if locked == "godkendt":
        store.set_round_status("sjaelland", 2022, "H1", "godkendt", user="kkr")

    store.set_round_status(
        "sjaelland", 2022, "H1", "åben", user="direktør", reason="8b var talt dobbelt"
    )
    result = store.save([ValueRow(H1_8B, value=430, expected_version=1)], user="anna")

    assert result.changed == 1
    reopened = store.audit().query("action == 'genåbnet'").iloc[0]
    assert (reopened["user"], reopened["reason"], reopened["target"]) == (
        "direktør",
        "8b var talt dobbelt",
        "",
    )
    assert json.loads(reopened["old"]) == {"status": locked}
    assert json.loads(reopened["new"]) == {"status": "åben"}


def test_status_changes_are_audited_in_order(store: Store) -> None:
    first_write(store)
    store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="direktør")
    store.set_round_status("sjaelland", 2022, "H1", "godkendt", user="kkr")

    assert list(store.audit()["action"]) == ["godkendt", "indsendt", "indsat"]
    assert [r.status for r in store.rounds(house="sjaelland")] == ["godkendt"]


def test_status_of_a_round_never_written_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound) as caught:
        store.set_round_status("fyn", 2023, "FY", "indsendt", user="direktør")

    assert str(caught.value) == "Der er endnu ingen indberetning for Erhvervshus Fyn helår 2023."


def test_rounds_lists_by_house_and_year(store: Store) -> None:
    first_write(store)
    first_write(store, FY_8B)
    first_write(store, ValueKey("fyn", 2023, "H1", "8a"))

    assert [(r.house, r.year, r.period) for r in store.rounds()] == [
        ("fyn", 2023, "H1"),
        ("sjaelland", 2022, "FY"),
        ("sjaelland", 2022, "H1"),
    ]
    assert [r.period for r in store.rounds(house="sjaelland", year=2022)] == ["FY", "H1"]
    assert store.rounds(year=2021) == []
