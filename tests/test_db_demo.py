"""Demo values: replaced by the first real write to their round (audited, round reset to
åben), removed by clear_demo together with the rounds that held only demo."""

from __future__ import annotations

import json

import pytest

from db import SaveResult, Store, ValueKey, ValueRow
from db.errors import ValidationFailed

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


def test_first_real_write_replaces_the_rounds_demo_values_and_audits_it(store: Store) -> None:
    load_demo(store)
    store.set_round_status("fyn", 2022, "H1", "indsendt", user="demo")

    result = store.save([ValueRow(H1_8B, value=310, expected_version=1)], user="anna")

    assert result == SaveResult(inserted=1, changed=0, unchanged=0, deleted=0, demo_replaced=2)
    values = store.values()
    assert list(
        values[["period", "target", "value", "is_demo"]].itertuples(index=False, name=None)
    ) == [
        ("FY", "8b", 900.0, True),
        ("H1", "8b", 310.0, False),
    ]
    # The key keeps counting: a reader of the demo version 1 cannot write blind over it.
    assert values.loc[1, "version"] == 2
    info = store.round("fyn", 2022, "H1")
    assert info is not None and (info.status, info.has_demo) == ("åben", False)
    trail = store.audit(house="fyn")
    replaced = trail[trail["reason"] == "demodata erstattet af rigtige tal"]
    assert sorted(zip(replaced["action"], replaced["target"], strict=True)) == [
        ("nulstillet", ""),
        ("slettet", "8a"),
        ("slettet", "8b"),
    ]
    assert json.loads(trail.iloc[0]["new"])["value"] == 310


def test_a_real_write_leaves_other_rounds_demo_values_alone(store: Store) -> None:
    load_demo(store)

    store.save([ValueRow(H1_8A, value=1, expected_version=1)], user="anna")

    fy = store.round("fyn", 2022, "FY")
    assert fy is not None and fy.has_demo is True


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
    store.save([ValueRow(H1_8B, value=310, expected_version=1)], user="anna")

    removed = store.clear_demo(user="drift")

    assert removed == 1  # FY 8b; the H1 demo values were already replaced
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
