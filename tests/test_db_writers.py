"""Many writers at once (docs/shared-installation.md): only a real conflict is a conflict.

Saves to different targets of one round wait their turn and all succeed; of writers who read
the same value and change it, exactly one wins. Nothing that was reported saved is missing
from the store or the audit trail.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from db import Store, ValueKey, ValueRow
from db.errors import Conflict, RoundLocked

WRITERS = 8
SAVES_EACH = 5


def version_of(store: Store, key: ValueKey) -> int:
    values = store.values(house=key.house, year=key.year, period=key.period)
    found = values.loc[(values["target"] == key.target) & (values["kommune"] == key.kommune)]
    return int(found["version"].iloc[0]) if len(found) else 0


def run_together(count: int, work: Callable[[int, threading.Barrier], object]) -> list[object]:
    """``count`` threads, each with its own index and one shared barrier; results or errors."""
    barrier = threading.Barrier(count)

    def guarded(index: int) -> object:
        try:
            return work(index, barrier)
        except Exception as exc:  # collected, so one failure does not hide the others
            barrier.abort()  # and the others do not wait for a writer who has stopped
            return exc

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(guarded, range(count)))


def last_audited_values(store: Store) -> dict[tuple[str, str], float | None]:
    """Per (target, kommune): the value of the newest audit entry, as the trail tells it."""
    trail = store.audit().iloc[::-1]  # the frame is newest first
    last: dict[tuple[str, str], float | None] = {}
    for _, event in trail.iterrows():
        new = json.loads(event["new"]) if event["new"] else None
        last[(event["target"], event["kommune"])] = None if new is None else new["value"]
    return last


def test_eight_writers_on_different_targets_of_one_round_all_succeed_without_conflicts(
    store: Store,
) -> None:
    writers = [Store(store.url) for _ in range(WRITERS)]

    def write(index: int, barrier: threading.Barrier) -> int:
        key = ValueKey("sjaelland", 2022, "H1", f"t{index}")
        mine = writers[index]
        for n in range(SAVES_EACH):
            read = version_of(mine, key)
            barrier.wait(timeout=30)  # everyone has read before anyone writes
            mine.save([ValueRow(key, value=n + 1, expected_version=read)], user=f"w{index}")
        return SAVES_EACH

    try:
        outcomes = run_together(WRITERS, write)
    finally:
        for writer in writers:
            writer.dispose()

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    values = store.values()
    assert sorted(values["target"]) == [f"t{i}" for i in range(WRITERS)]
    assert set(values["version"]) == {SAVES_EACH}
    assert set(values["value"]) == {float(SAVES_EACH)}
    assert len(store.audit()) == WRITERS * SAVES_EACH


def test_eight_writers_changing_the_same_value_one_wins_and_seven_get_a_conflict(
    store: Store,
) -> None:
    key = ValueKey("sjaelland", 2022, "H1", "8b")
    store.save([ValueRow(key, value=100, expected_version=0)], user="anna")
    writers = [Store(store.url) for _ in range(WRITERS)]

    def write(index: int, barrier: threading.Barrier) -> str:
        mine = writers[index]
        read = version_of(mine, key)
        barrier.wait(timeout=30)
        mine.save([ValueRow(key, value=200 + index, expected_version=read)], user=f"w{index}")
        return f"w{index}"

    try:
        outcomes = run_together(WRITERS, write)
    finally:
        for writer in writers:
            writer.dispose()

    winners = [o for o in outcomes if isinstance(o, str)]
    conflicts = [o for o in outcomes if isinstance(o, Conflict)]
    assert len(winners) == 1
    assert len(conflicts) == WRITERS - 1
    assert all("er ændret af" in c.problems[0] for c in conflicts)
    winner = int(winners[0][1:])
    assert list(store.values()["value"]) == [200.0 + winner]
    assert list(store.audit()["user"]) == [winners[0], "anna"]


def test_a_large_import_and_four_people_saving_other_targets_all_succeed(store: Store) -> None:
    kommuner = [f"{n:03d}" for n in range(101, 101 + 1500)]
    big = [ValueRow(ValueKey("sjaelland", 2022, "H1", "9c", k), value=1) for k in kommuner]
    writers = [Store(store.url) for _ in range(5)]

    def write(index: int, barrier: threading.Barrier) -> int:
        mine = writers[index]
        barrier.wait(timeout=30)
        if index == 0:
            return mine.save(big, user="import").inserted
        key = ValueKey("sjaelland", 2022, "H1", f"t{index}")
        for n in range(SAVES_EACH):
            mine.save([ValueRow(key, value=n, expected_version=n)], user=f"w{index}")
        return SAVES_EACH

    try:
        outcomes = run_together(5, write)
    finally:
        for writer in writers:
            writer.dispose()

    assert outcomes == [1500, SAVES_EACH, SAVES_EACH, SAVES_EACH, SAVES_EACH]
    assert len(store.values()) == 1500 + 4


def test_no_saved_write_is_lost_the_store_matches_the_last_audit_entry_of_every_value(
    store: Store,
) -> None:
    writers = [Store(store.url) for _ in range(WRITERS)]
    saved: list[tuple[str, float]] = []
    lock = threading.Lock()

    def write(index: int, barrier: threading.Barrier) -> int:
        mine = writers[index]
        wins = 0
        for n in range(SAVES_EACH):
            # Two writers per target: some saves are real conflicts, the rest must land.
            key = ValueKey("sjaelland", 2022, "H1", f"t{index % 4}")
            read = version_of(mine, key)
            barrier.wait(timeout=30)
            value = float(index * 100 + n)
            try:
                mine.save([ValueRow(key, value=value, expected_version=read)], user=f"w{index}")
            except Conflict:
                continue
            wins += 1
            with lock:
                saved.append((key.target, value))
        return wins

    try:
        outcomes = run_together(WRITERS, write)
    finally:
        for writer in writers:
            writer.dispose()

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    audit = store.audit()
    assert len(audit) == len(saved)
    assert sorted(audit["new"].map(lambda n: json.loads(n)["value"])) == sorted(v for _, v in saved)
    stored = {(r.target, r.kommune): r.value for r in store.values().itertuples()}
    assert stored == last_audited_values(store)
    # Per target and round of saves, at least one of the two writers got through.
    assert len(saved) >= 4 * SAVES_EACH


def test_a_submit_racing_eight_writers_leaves_no_value_written_after_the_submit(
    store: Store,
) -> None:
    store.save([ValueRow(ValueKey("sjaelland", 2022, "H1", "t0"), value=1)], user="anna")
    writers = [Store(store.url) for _ in range(WRITERS + 1)]

    def act(index: int, barrier: threading.Barrier) -> str:
        mine = writers[index]
        barrier.wait(timeout=30)
        if index == WRITERS:
            mine.set_round_status("sjaelland", 2022, "H1", "indsendt", user="direktør")
            return "submitted"
        key = ValueKey("sjaelland", 2022, "H1", f"t{index + 1}")
        mine.save([ValueRow(key, value=index, expected_version=0)], user=f"w{index}")
        return "saved"

    try:
        outcomes = run_together(WRITERS + 1, act)
    finally:
        for writer in writers:
            writer.dispose()

    assert outcomes[-1] == "submitted"
    refused = [o for o in outcomes[:-1] if o != "saved"]
    assert all(isinstance(o, RoundLocked) for o in refused), refused
    assert len(store.values()) == 1 + WRITERS - len(refused)
    # Chronologically the submit is the last thing in the trail: nothing slipped in after it.
    assert store.audit()["action"].iloc[0] == "indsendt"
    assert len(store.audit()) == 1 + (WRITERS - len(refused)) + 1
