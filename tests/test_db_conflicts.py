"""Two writers, one value: the second writer's stale read is a conflict and nothing is written."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

import db.writes
from db import Store, ValueKey, ValueRow
from db.errors import Conflict

H1_8B = ValueKey("sjaelland", 2022, "H1", "8b")
FY_12A = ValueKey("sjaelland", 2022, "FY", "12a")
H1_9C_259 = ValueKey("sjaelland", 2022, "H1", "9c", "259")


def test_second_writer_with_a_stale_version_gets_a_conflict_naming_target_and_period(
    store: Store,
) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    store.save([ValueRow(H1_8B, value=480, expected_version=1)], user="anna")
    before = store.values()

    with pytest.raises(Conflict) as caught:
        store.save([ValueRow(H1_8B, value=490, expected_version=1)], user="bo")

    assert str(caught.value) == (
        "Nogle værdier er ændret af en anden, siden du hentede dem. Intet er gemt:\n"
        "8b, Erhvervshus Sjælland 1. halvår 2022: er ændret af anna "
        "(version 2, du hentede version 1)."
    )
    pd.testing.assert_frame_equal(store.values(), before)


def test_conflict_lists_every_stale_key_and_writes_none_of_the_others(store: Store) -> None:
    store.save(
        [
            ValueRow(H1_8B, value=470, expected_version=0),
            ValueRow(FY_12A, value=55, expected_version=0),
        ],
        user="anna",
    )
    store.save([], user="anna", deletes=[(FY_12A, 1)])
    store.save([ValueRow(H1_9C_259, value=1, expected_version=0)], user="anna")
    before_values, before_audit = store.values(), store.audit()

    with pytest.raises(Conflict) as caught:
        store.save(
            [
                ValueRow(H1_8B, value=471, expected_version=1),  # fine
                ValueRow(FY_12A, value=56, expected_version=1),  # deleted meanwhile
                ValueRow(H1_9C_259, value=2, expected_version=0),  # entered meanwhile
            ],
            user="bo",
        )

    assert caught.value.problems == [
        "12a, Erhvervshus Sjælland helår 2022: er slettet af en anden.",
        "9c, Erhvervshus Sjælland 1. halvår 2022 (kommune 259): er indtastet af anna imens.",
    ]
    pd.testing.assert_frame_equal(store.values(), before_values)
    pd.testing.assert_frame_equal(store.audit(), before_audit)


def test_deleting_a_value_changed_since_it_was_read_is_a_conflict(store: Store) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    store.save([ValueRow(H1_8B, value=480, expected_version=1)], user="anna")

    with pytest.raises(Conflict):
        store.save([], user="bo", deletes=[(H1_8B, 1)])

    assert list(store.values()["value"]) == [480.0]


def test_writes_without_expected_version_skip_the_check(store: Store) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")

    result = store.save([ValueRow(H1_8B, value=1)], user="seed")

    assert result.changed == 1


def test_change_committed_between_read_and_write_is_a_conflict(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store.engine.dialect.name == "sqlite":
        pytest.skip("SQLite tager skrivelåsen ved BEGIN IMMEDIATE; ingen kan skrive imellem")
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    other = Store(store.url)
    original = db.writes._refuse_stale

    def someone_else_writes_now(*args: object) -> None:
        original(*args)  # type: ignore[arg-type]
        monkeypatch.setattr(db.writes, "_refuse_stale", original)
        other.save([ValueRow(H1_8B, value=999, expected_version=1)], user="carl")

    monkeypatch.setattr(db.writes, "_refuse_stale", someone_else_writes_now)
    try:
        with pytest.raises(Conflict, match="ændret af en anden samtidig"):
            store.save([ValueRow(H1_8B, value=480, expected_version=1)], user="bo")
    finally:
        other.dispose()

    assert list(store.values()["value"]) == [999.0]
    assert list(store.audit()["user"]) == ["carl", "anna"]


def test_concurrent_writers_on_sqlite_wait_for_each_other_instead_of_failing(
    sqlite_store: Store,
) -> None:
    writers = [Store(sqlite_store.url) for _ in range(4)]

    def write(index: int) -> None:
        store = writers[index]
        for n in range(10):
            key = ValueKey("sjaelland", 2022, "H1", f"t{index}")
            current = store.values(house="sjaelland")
            version = current.loc[current["target"] == key.target, "version"].tolist()
            store.save(
                [ValueRow(key, value=n, expected_version=version[0] if version else 0)],
                user=f"w{index}",
            )

    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(write, range(4)))
    finally:
        for store in writers:
            store.dispose()

    values = sqlite_store.values()
    assert list(values["version"]) == [10, 10, 10, 10]
    assert len(sqlite_store.audit()) == 40


def test_round_submitted_between_read_and_write_refuses_the_save(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store.engine.dialect.name == "sqlite":
        pytest.skip("SQLite tager skrivelåsen ved BEGIN IMMEDIATE; ingen kan skrive imellem")
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    other = Store(store.url)
    original = db.writes._refuse_stale

    def director_submits_now(*args: object) -> None:
        original(*args)  # type: ignore[arg-type]
        monkeypatch.setattr(db.writes, "_refuse_stale", original)
        other.set_round_status("sjaelland", 2022, "H1", "indsendt", user="direktør")

    monkeypatch.setattr(db.writes, "_refuse_stale", director_submits_now)
    try:
        with pytest.raises(Conflict, match="ændret af en anden samtidig"):
            store.save([ValueRow(H1_8B, value=480, expected_version=1)], user="bo")
    finally:
        other.dispose()

    assert list(store.values()["value"]) == [470.0]
    info = store.round("sjaelland", 2022, "H1")
    assert info is not None and info.status == "indsendt"
