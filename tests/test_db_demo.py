"""Demo values never mix with real ones: a round holding demo data refuses real values until
its demo data is removed by an explicit, audited act; clear_demo removes all demo data
together with the rounds that held only demo."""

from __future__ import annotations

import json

import pytest

from db import SaveResult, Store, ValueKey, ValueRow
from db.errors import DemoInRound, RoundLocked, ValidationFailed

H1_8A = ValueKey("fyn", 2022, "H1", "8a")
H1_8B = ValueKey("fyn", 2022, "H1", "8b")
FY_8B = ValueKey("fyn", 2022, "FY", "8b")
REAL_H1 = ValueKey("sjaelland", 2022, "H1", "8b")


def load_demo(store: Store) -> None:
    store.save(
        [ValueRow(H1_8A, value=700), ValueRow(H1_8B, value=300), ValueRow(FY_8B, value=900)],
        user="demo",
        demo=True,
    )


def test_demo_values_are_marked_and_their_round_says_so(store: Store) -> None:
    load_demo(store)

    assert store.values()["is_demo"].all()
    info = store.round("fyn", 2022, "H1")
    assert info is not None and (info.status, info.has_demo) == ("åben", True)
    assert store.has_any_values() is True


def test_a_real_write_to_a_round_holding_demo_is_refused_and_nothing_is_stored(
    store: Store,
) -> None:
    load_demo(store)

    with pytest.raises(DemoInRound) as caught:
        store.save([ValueRow(H1_8B, value=310, expected_version=1)], user="anna")

    assert str(caught.value).startswith(
        "Indberetningen for Erhvervshus Fyn 1. halvår 2022 indeholder demodata. Intet er gemt: "
        "fjern demodata først (»Fjern demodata og begynd indberetningen«)"
    )
    values = store.values()
    assert values["is_demo"].all() and list(values["value"]) == [900.0, 700.0, 300.0]


def test_a_locked_demo_round_refuses_writes_like_a_real_one(store: Store) -> None:
    load_demo(store)
    store.set_round_status("fyn", 2022, "H1", "indsendt", user="demo")

    with pytest.raises(RoundLocked):
        store.save([ValueRow(H1_8B, value=1)], user="demo", demo=True)


def test_removing_a_rounds_demo_data_is_explicit_and_audited(store: Store) -> None:
    load_demo(store)
    store.set_round_status("fyn", 2022, "H1", "indsendt", user="demo")

    removed = store.remove_demo("fyn", 2022, "H1", user="anna")

    assert removed == 2
    assert store.round("fyn", 2022, "H1") is None  # the demo round goes with its values
    trail = store.audit(house="fyn")
    done = trail[trail["reason"] == "demodata fjernet før indberetning"]
    assert sorted(zip(done["action"], done["target"], done["user"], strict=True)) == [
        ("fjernet", "", "anna"),
        ("slettet", "8a", "anna"),
        ("slettet", "8b", "anna"),
    ]
    # Now the round takes real values, and holds nothing else.
    result = store.save([ValueRow(H1_8B, value=310, expected_version=0)], user="anna")
    assert result == SaveResult(inserted=1, changed=0, unchanged=0, deleted=0)
    h1 = store.values("fyn", 2022, "H1")
    assert list(zip(h1["target"], h1["value"], h1["is_demo"], strict=True)) == [
        ("8b", 310.0, False)
    ]
    info = store.round("fyn", 2022, "H1")
    assert info is not None and (info.status, info.has_demo) == ("åben", False)


def test_a_save_may_remove_the_demo_data_first_in_the_same_transaction(store: Store) -> None:
    load_demo(store)

    result = store.save(
        [ValueRow(H1_8B, value=310, expected_version=0)],
        user="anna",
        remove_demo=[("fyn", 2022, "H1")],
    )

    assert (result.inserted, result.demo_removed) == (1, 2)
    assert json.loads(store.audit(house="fyn").iloc[0]["new"])["value"] == 310


def test_removing_demo_data_from_a_round_without_any_is_refused(store: Store) -> None:
    store.save([ValueRow(REAL_H1, value=470, expected_version=0)], user="anna")

    with pytest.raises(ValidationFailed, match="har ingen demodata"):
        store.remove_demo("sjaelland", 2022, "H1", user="anna")
    assert len(store.values()) == 1


def test_demo_values_cannot_be_written_over_real_values(store: Store) -> None:
    store.save([ValueRow(H1_8B, value=310, expected_version=0)], user="anna")

    with pytest.raises(ValidationFailed) as caught:
        load_demo(store)

    assert str(caught.value) == (
        "Demodata kan ikke skrives til indberetninger med rigtige tal: Erhvervshus Fyn 1. halvår 2022."
    )
    assert list(store.values()["value"]) == [310.0]


def test_clear_demo_removes_demo_values_and_demo_only_rounds(store: Store) -> None:
    load_demo(store)
    store.save([ValueRow(REAL_H1, value=470, expected_version=0)], user="anna")
    store.remove_demo("fyn", 2022, "H1", user="anna")
    store.save([ValueRow(H1_8B, value=310, expected_version=0)], user="anna")

    removed = store.clear_demo(user="drift")

    assert removed == 1  # FY 8b; the H1 demo values were already removed
    assert list(store.values()["is_demo"]) == [False, False]
    assert [(r.house, r.period) for r in store.rounds()] == [("fyn", "H1"), ("sjaelland", "H1")]
    trail = store.audit(house="fyn", year=2022)
    cleared = trail[trail["reason"] == "demodata fjernet"]
    assert list(zip(cleared["action"], cleared["period"], strict=True)) == [
        ("fjernet", "FY"),
        ("slettet", "FY"),
    ]


def test_clear_demo_on_a_store_without_demo_removes_nothing(store: Store) -> None:
    store.save([ValueRow(REAL_H1, value=470, expected_version=0)], user="anna")

    assert store.clear_demo(user="drift") == 0
    assert len(store.values()) == 1 and len(store.rounds()) == 1


def test_has_demo_values_tells_whether_any_demo_value_is_stored(store: Store) -> None:
    assert not store.has_demo_values()
    store.save([ValueRow(ValueKey("fyn", 2025, "FY", "8a"), value=3)], user="demo", demo=True)
    assert store.has_demo_values()
    store.clear_demo()
    assert not store.has_demo_values()
