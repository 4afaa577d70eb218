"""Two writers, one value: the second writer's stale read is a conflict and nothing is written.

A writer who arrives while another is saving to the same round waits for it (on both engines,
docs/shared-installation.md) and then sees what it saved."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

import db.rounds
import db.writes
from db import SaveResult, Store, ValueKey, ValueRow
from db.errors import Conflict, RoundLocked

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


class Paused:
    """Wraps a step of the store so that the main thread stops there until ``release()``.

    Other threads pass straight through: they are the writers that arrive meanwhile.
    """

    def __init__(self, original: Callable[..., object]) -> None:
        self.original = original
        self.reached = threading.Event()
        self.go_on = threading.Event()

    def __call__(self, *args: object, **kwargs: object) -> object:
        result = self.original(*args, **kwargs)
        if threading.current_thread() is threading.main_thread():
            self.reached.set()
            assert self.go_on.wait(timeout=10)
        return result


def while_paused(paused: Paused, main: Callable[[], object], other: Callable[[], object]) -> object:
    """Runs ``main`` until it pauses, starts ``other`` in a thread, checks that ``other`` waits
    while ``main`` holds its transaction, then lets ``main`` finish; returns ``other``'s result
    (or the exception it raised)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        outcome: list[object] = []

        def later() -> None:
            assert paused.reached.wait(timeout=10)
            arrived = pool.submit(other)
            time.sleep(0.4)
            outcome.append(arrived.done())
            paused.go_on.set()
            outcome.append(arrived.exception() or arrived.result())

        watcher = threading.Thread(target=later)
        watcher.start()
        try:
            main()
        finally:
            paused.go_on.set()
            watcher.join()
    waited_done, result = outcome
    assert waited_done is False, "the second writer did not wait for the first"
    return result


def test_a_save_to_a_value_being_saved_waits_and_then_gets_a_conflict_naming_the_winner(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    other = Store(store.url)
    paused = Paused(db.writes._refuse_stale)
    monkeypatch.setattr(db.writes, "_refuse_stale", paused)
    try:
        result = while_paused(
            paused,
            lambda: store.save([ValueRow(H1_8B, value=480, expected_version=1)], user="bo"),
            lambda: other.save([ValueRow(H1_8B, value=999, expected_version=1)], user="carl"),
        )
    finally:
        other.dispose()

    assert isinstance(result, Conflict)
    assert result.problems == [
        "8b, Erhvervshus Sjælland 1. halvår 2022: er ændret af bo (version 2, du hentede version 1)."
    ]
    assert list(store.values()["value"]) == [480.0]
    assert list(store.audit()["user"]) == ["bo", "anna"]


def test_a_save_to_another_target_of_the_round_waits_its_turn_and_both_are_saved(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    other = Store(store.url)
    paused = Paused(db.writes._refuse_stale)
    monkeypatch.setattr(db.writes, "_refuse_stale", paused)
    try:
        result = while_paused(
            paused,
            lambda: store.save([ValueRow(H1_8B, value=480, expected_version=1)], user="bo"),
            lambda: other.save([ValueRow(H1_9C_259, value=3, expected_version=0)], user="carl"),
        )
    finally:
        other.dispose()

    assert isinstance(result, SaveResult) and result.inserted == 1
    assert list(store.values()["value"]) == [480.0, 3.0]
    assert list(store.audit()["user"]) == ["carl", "bo", "anna"]


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


def test_a_submit_waits_for_a_save_in_progress_and_the_save_lands_before_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    other = Store(store.url)
    paused = Paused(db.writes._refuse_stale)
    monkeypatch.setattr(db.writes, "_refuse_stale", paused)
    try:
        result = while_paused(
            paused,
            lambda: store.save([ValueRow(H1_8B, value=480, expected_version=1)], user="bo"),
            lambda: other.set_round_status("sjaelland", 2022, "H1", "indsendt", user="direktør"),
        )
    finally:
        other.dispose()

    assert result is None
    assert list(store.values()["value"]) == [480.0]
    assert list(store.audit()["action"]) == ["indsendt", "ændret", "indsat"]


def test_a_save_arriving_during_a_submit_waits_and_is_refused_as_locked(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    other = Store(store.url)
    paused = Paused(db.rounds.change_status)
    monkeypatch.setattr(db.rounds, "change_status", paused)
    try:
        result = while_paused(
            paused,
            lambda: store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="direktør"),
            lambda: other.save([ValueRow(H1_8B, value=480, expected_version=1)], user="bo"),
        )
    finally:
        other.dispose()

    assert isinstance(result, RoundLocked)
    assert list(store.values()["value"]) == [470.0]
    info = store.round("sjaelland", 2022, "H1")
    assert info is not None and info.status == "indsendt"
