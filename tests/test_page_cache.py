"""The cache of page reads shared between sessions (``services/cache.py``): keyed by the
store's data version, the acting person's scope, the context and today; bounded."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pandas as pd
import pytest

from db import Store, ValueKey, ValueRow
from services.cache import SMALL_FRAME, PageReads, SharedCache, digest, digests_by
from services.permissions import PUBLIC, Principal, operator
from services.session import Session

H1_8B = ValueKey("sjaelland", 2022, "H1", "8b")
FYN_8B = ValueKey("fyn", 2022, "H1", "8b")
TODAY = dt.date(2026, 12, 7)


ANNA = operator("anna")  # an administrator: scope "alle"
FYN_STAFF = Principal("bo", "erhvervshus", house="fyn")  # scope "hus:fyn"


@pytest.fixture
def other(store: Store) -> Iterator[Store]:
    """Another instance of the app: its own store object on the same database."""
    second = Store(store.url)
    yield second
    second.dispose()


def sjaelland_values(session: Session, cache: SharedCache, **given: object) -> pd.DataFrame:
    reads = PageReads(session, cache=cache, today=TODAY, **given)  # type: ignore[arg-type]
    return reads.get(
        "values", lambda: session.values(house="sjaelland"), "sjaelland", houses=["sjaelland"]
    )


def save(store: Store, key: ValueKey, value: float, version: int) -> None:
    store.save([ValueRow(key, value=value, expected_version=version)], user="anna")


def test_a_cached_read_is_computed_again_after_a_write_by_another_instance(
    store: Store, other: Store
) -> None:
    cache = SharedCache()
    session = Session(store, ANNA)
    save(store, H1_8B, 470, 0)
    assert sjaelland_values(session, cache)["value"].tolist() == [470.0]
    assert sjaelland_values(session, cache)["value"].tolist() == [470.0]
    assert (cache.hits, cache.misses) == (1, 1)

    save(other, H1_8B, 480, 1)

    assert sjaelland_values(session, cache)["value"].tolist() == [480.0]
    assert cache.misses == 2


def test_a_write_in_another_house_keeps_the_cached_read(store: Store, other: Store) -> None:
    cache = SharedCache()
    session = Session(store, ANNA)
    save(store, H1_8B, 470, 0)
    sjaelland_values(session, cache)

    save(other, FYN_8B, 12, 0)

    assert sjaelland_values(session, cache)["value"].tolist() == [470.0]
    assert (cache.hits, cache.misses) == (1, 1)


def test_two_scopes_never_share_an_entry(sqlite_store: Store) -> None:
    cache = SharedCache()
    computed: list[str] = []

    def read(principal: Principal) -> str:
        session = Session(sqlite_store, principal)
        scope = session.cache_scope()
        reads = PageReads(session, cache=cache, today=TODAY)
        return reads.get("who", lambda: computed.append(scope) or f"set af {scope}")

    assert read(PUBLIC) == "set af offentlig"
    assert read(FYN_STAFF) == "set af hus:fyn"
    assert read(PUBLIC) == "set af offentlig"
    assert read(FYN_STAFF) == "set af hus:fyn"
    assert read(ANNA) == "set af alle"
    assert computed == ["offentlig", "hus:fyn", "alle"]


def test_another_context_or_another_day_is_another_entry(sqlite_store: Store) -> None:
    cache = SharedCache()
    session = Session(sqlite_store, ANNA)
    computed: list[object] = []

    def read(context: object, today: dt.date) -> None:
        reads = PageReads(session, cache=cache, context=context, today=today)  # type: ignore[arg-type]
        reads.get("x", lambda: computed.append((context, today)))

    read("mappe-1", TODAY)
    read("mappe-1", TODAY)
    read("mappe-2", TODAY)
    read("mappe-1", TODAY + dt.timedelta(days=1))
    assert len(computed) == 3


def test_a_frame_changed_by_one_page_is_not_changed_for_the_next(sqlite_store: Store) -> None:
    cache = SharedCache()
    session = Session(sqlite_store, ANNA)
    save(sqlite_store, H1_8B, 470, 0)
    first = sjaelland_values(session, cache)
    first.loc[0, "value"] = -1.0

    assert sjaelland_values(session, cache)["value"].tolist() == [470.0]


def test_the_least_recently_used_entry_goes_first_beyond_the_limit() -> None:
    cache = SharedCache(max_entries=2)
    cache.get("a", lambda: 1)
    cache.get("b", lambda: 2)
    cache.get("a", lambda: 0)  # a used again: b is now the oldest
    cache.get("c", lambda: 3)

    assert len(cache) == 2
    assert cache.get("a", lambda: -1) == 1
    assert cache.get("b", lambda: -2) == -2


def test_an_entry_older_than_its_lifetime_is_computed_again() -> None:
    now = [1000.0]
    cache = SharedCache(max_entries=10, ttl_seconds=60, clock=lambda: now[0])
    assert cache.get("a", lambda: "først") == "først"
    now[0] += 59
    assert cache.get("a", lambda: "igen") == "først"
    now[0] += 2
    assert cache.get("a", lambda: "igen") == "igen"


def test_no_entries_allowed_turns_the_cache_off() -> None:
    cache = SharedCache(max_entries=0)
    assert cache.get("a", lambda: 1) == 1
    assert cache.get("a", lambda: 2) == 2
    assert len(cache) == 0


def test_the_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGE_CACHE_ENTRIES", "7")
    monkeypatch.setenv("PAGE_CACHE_SECONDS", "30")
    cache = SharedCache.from_environment()
    assert (cache.max_entries, cache.ttl_seconds) == (7, 30.0)
    monkeypatch.setenv("PAGE_CACHE_ENTRIES", "mange")
    assert SharedCache.from_environment().max_entries == 200


def test_entries_past_their_lifetime_leave_when_new_ones_come() -> None:
    now = [1000.0]
    cache = SharedCache(max_entries=10, ttl_seconds=60, clock=lambda: now[0])
    cache.get("gammel-1", lambda: 1)
    cache.get("gammel-2", lambda: 2)
    now[0] += 61
    cache.get("ny", lambda: 3)

    assert len(cache) == 1


def test_sessions_asking_for_a_missing_entry_at_once_compute_it_once() -> None:
    cache = SharedCache()
    started, release = threading.Event(), threading.Event()
    computed: list[int] = []

    def slow() -> int:
        computed.append(1)
        started.set()
        release.wait(10)
        return 42

    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(cache.get("k", slow)))
    first.start()
    started.wait(10)
    second = threading.Thread(target=lambda: results.append(cache.get("k", lambda: -1)))
    second.start()
    release.set()
    first.join(10)
    second.join(10)

    assert results == [42, 42] and computed == [1]


def test_a_failed_computation_is_not_stored_and_the_next_asker_computes() -> None:
    cache = SharedCache()

    def broken() -> int:
        raise RuntimeError("databasen svarer ikke")

    with pytest.raises(RuntimeError):
        cache.get("k", broken)
    assert cache.get("k", lambda: 7) == 7


def test_a_result_keyed_by_content_outlives_a_write_that_left_its_input(
    sqlite_store: Store,
) -> None:
    cache = SharedCache()
    session = Session(sqlite_store, ANNA)
    drawn: list[float] = []

    def chart(frame: pd.DataFrame) -> str:
        reads = PageReads(session, cache=cache, today=TODAY)
        return reads.by_content("chart", lambda: drawn.append(1) or "tegnet", frame, "8b")

    history = pd.DataFrame({"year": [2021, 2022], "actual": [400.0, 470.0]})
    chart(history)
    save(sqlite_store, H1_8B, 470, 0)  # a new data version
    chart(history.copy())
    assert len(drawn) == 1

    chart(pd.DataFrame({"year": [2021, 2022], "actual": [400.0, 480.0]}))
    assert len(drawn) == 2


@pytest.mark.parametrize("rows", [3, SMALL_FRAME + 1], ids=["small", "large"])
def test_a_fingerprint_changes_with_any_value_column_or_index_and_not_otherwise(
    rows: int,
) -> None:
    frame = pd.DataFrame(
        {
            "year": list(range(2016, 2016 + rows)),
            "actual": [1680.0] * rows,
            "status": ["opfyldt"] * rows,
        }
    )
    same = digest(frame.copy())
    changed_value = frame.copy()
    changed_value.loc[rows - 1, "actual"] = 1680.0001
    changed_text = frame.copy()
    changed_text.loc[0, "status"] = "ikke_opfyldt"
    renamed = frame.rename(columns={"actual": "value"})
    reindexed = frame.set_axis(range(1, rows + 1))

    assert digest(frame) == same
    others = {digest(f) for f in (changed_value, changed_text, renamed, reindexed)}
    assert len(others) == 4 and same not in others


def test_a_parts_fingerprint_changes_with_its_own_rows_only() -> None:
    frame = pd.DataFrame(
        {
            "target": ["8a", "8b", "8a", "11c"],
            "kommune": ["0101", "", "", ""],
            "value": [40.0, 900.0, None, 23.0],
            "version": [1, 1, 1, 2],
        }
    )
    before = digests_by(frame, "target")
    changed = frame.copy()
    changed.loc[1, "value"] = 900.5  # 8b's number
    bumped = frame.copy()
    bumped.loc[2, "version"] = 2  # 8a's total written again with the same number
    shorter = frame.drop(index=0)  # 8a's kommune row deleted
    reordered = frame.iloc[[1, 0, 3, 2]]  # another target's rows in between

    assert set(before) == {"8a", "8b", "11c"} and len(set(before.values())) == 3
    assert digests_by(frame.copy(), "target") == before
    assert digests_by(reordered, "target") == before
    after = digests_by(changed, "target")
    assert after["8b"] != before["8b"] and (after["8a"], after["11c"]) == (
        before["8a"],
        before["11c"],
    )
    assert digests_by(bumped, "target")["8a"] != before["8a"]
    found = digests_by(shorter, "target")
    assert found["8a"] != before["8a"] and found["8b"] == before["8b"]


def test_rows_are_read_once_per_version_and_what_they_key_outlives_a_write_leaving_them(
    sqlite_store: Store,
) -> None:
    cache = SharedCache()
    session = Session(sqlite_store, ANNA)
    reads_done: list[int] = []
    judged: list[int] = []

    def first_half_total() -> float:
        reads = PageReads(session, cache=cache, today=TODAY)

        def read() -> pd.DataFrame:
            reads_done.append(1)
            found = session.values(house="sjaelland")
            return found[found["period"] == "H1"].reset_index(drop=True)

        rows = reads.rows("h1", read, houses=["sjaelland"])
        return reads.by_rows(
            "sum", lambda: judged.append(1) or float(rows.frame["value"].sum()), [rows]
        )

    save(sqlite_store, H1_8B, 470, 0)
    assert first_half_total() == 470
    assert first_half_total() == 470
    assert (len(reads_done), len(judged)) == (1, 1)

    save(sqlite_store, ValueKey("sjaelland", 2022, "FY", "8b"), 900, 0)  # another period
    assert first_half_total() == 470
    assert (len(reads_done), len(judged)) == (2, 1)  # read again, not judged again

    save(sqlite_store, H1_8B, 480, 1)
    assert first_half_total() == 480
    assert (len(reads_done), len(judged)) == (3, 2)
