"""The store's data version (``db/generation.py``): every committed write by any instance
changes it, a read or a refused write does not. Another ``Store`` object on the same database
stands for another instance of the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db import SnapshotData, Store, ValueKey, ValueRow, users
from db.errors import Conflict

H1_8B = ValueKey("sjaelland", 2022, "H1", "8b")
FY_8B = ValueKey("sjaelland", 2022, "FY", "8b")


@pytest.fixture
def other(store: Store) -> Iterator[Store]:
    """A second instance: its own engine and connection pool on the same database."""
    second = Store(store.url)
    yield second
    second.dispose()


def _snapshot(store: Store) -> None:
    data = SnapshotData(None, False, None, None, "[]", "[]", "[]")
    store.add_snapshot("sjaelland", 2022, "H1", data, reason="bestilt", user="bo")


WRITES: dict[str, Callable[[Store], object]] = {
    "a value": lambda s: s.save([ValueRow(FY_8B, value=5, expected_version=0)], user="bo"),
    "a changed value": lambda s: s.save(
        [ValueRow(H1_8B, value=480, expected_version=1)], user="bo", reason="rettet"
    ),
    "a comment": lambda s: s.save(
        [ValueRow(H1_8B, value=470, comment="ny", expected_version=1)], user="bo"
    ),
    "a deleted value": lambda s: s.save([], user="bo", deletes=[(H1_8B, 1)]),
    "a round's status": lambda s: s.set_round_status(
        "sjaelland", 2022, "H1", "indsendt", user="bo"
    ),
    "a contract event": lambda s: s.record_contract_event(
        "udkast_gemt", "sjaelland", 2023, user="bo", content_hash="ab" * 32
    ),
    "a snapshot": _snapshot,
    "demo values": lambda s: s.save(
        [ValueRow(ValueKey("fyn", 2022, "H1", "8b"), value=1, expected_version=0)],
        user="demo",
        demo=True,
    ),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_a_write_through_another_instance_changes_the_data_version(
    store: Store, other: Store, write: str
) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    before = store.data_version()
    written = "fyn" if write == "demo values" else "sjaelland"
    house_before = store.data_version([written])

    WRITES[write](other)

    assert store.data_version() != before
    assert store.data_version([written]) != house_before
    assert store.data_version() == other.data_version()


def test_clearing_demo_data_through_another_instance_changes_the_data_version(
    store: Store, other: Store
) -> None:
    demo_key = ValueKey("fyn", 2022, "H1", "8b")
    store.save([ValueRow(demo_key, value=1, expected_version=0)], user="demo", demo=True)
    before = store.data_version()

    sjaelland_before = store.data_version(["sjaelland"])

    assert other.clear_demo("bo") == 1

    assert store.data_version() != before
    # Clearing names no house: every house's version changes with it.
    assert store.data_version(["sjaelland"]) != sjaelland_before


def test_reads_leave_the_data_version_as_it_was(store: Store, other: Store) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    before = store.data_version()

    other.values()
    other.audit()
    other.rounds()
    other.snapshots()

    assert store.data_version() == before


def test_a_refused_write_leaves_the_data_version_as_it_was(store: Store, other: Store) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    before = store.data_version()

    with pytest.raises(Conflict):
        other.save([ValueRow(H1_8B, value=480, expected_version=0)], user="bo")

    assert store.data_version() == before


def test_every_write_gives_a_version_not_seen_before(store: Store) -> None:
    seen = {store.data_version()}
    for value in range(1, 6):
        store.save([ValueRow(H1_8B, value=value, expected_version=value - 1)], user="anna")
        seen.add(store.data_version())

    assert len(seen) == 6


def test_a_restored_backup_gets_a_version_neither_it_nor_the_store_had(
    store: Store, tmp_path: Path
) -> None:
    store.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")
    backed_up = store.data_version()
    store.backup(tmp_path / "backup")
    store.save([ValueRow(H1_8B, value=480, expected_version=1)], user="anna")
    before_restore = store.data_version()

    store.restore(tmp_path / "backup")

    assert store.values()["value"].tolist() == [470.0]
    assert store.data_version() not in {backed_up, before_restore}


def test_a_write_in_one_house_changes_its_version_and_leaves_the_others(
    store: Store, other: Store
) -> None:
    before = {house: store.data_version([house]) for house in ("sjaelland", "fyn", "landet")}

    other.save([ValueRow(H1_8B, value=470, expected_version=0)], user="anna")

    assert store.data_version(["sjaelland"]) != before["sjaelland"]
    assert store.data_version(["fyn"]) == before["fyn"]
    assert store.data_version(["landet"]) == before["landet"]
    assert store.data_version(["fyn", "sjaelland"]) != store.data_version(["fyn"])


def test_users_and_logins_leave_the_data_version_as_it_was(store: Store, other: Store) -> None:
    before = store.data_version()
    now = datetime.now(UTC)

    anna = users.add_user(other.engine, name="anna", role="admin", at=now)
    users.add_login(other.engine, anna.id, "ab" * 32, at=now)
    users.touch_login(other.engine, users.find_login(other.engine, "ab" * 32).id, at=now)  # type: ignore[union-attr]

    assert store.data_version() == before
