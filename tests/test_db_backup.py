"""Backup and restore (docs/shared-installation.md): a restored store equals the original."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import cli
from db import Store, ValueKey, ValueRow
from db.errors import RoundLocked, UserError
from services.backup import backup_store, restore_store

H1_8B = ValueKey("sjaelland", 2022, "H1", "8b")
H1_9C_259 = ValueKey("sjaelland", 2022, "H1", "9c", "259")
FY_12A = ValueKey("sjaelland", 2022, "FY", "12a")


def fill(store: Store) -> None:
    """Values inserted, changed and deleted; a round submitted: every table has rows."""
    store.save(
        [
            ValueRow(H1_8B, value=470, comment="Først", expected_version=0),
            ValueRow(H1_9C_259, value=3, expected_version=0),
            ValueRow(FY_12A, numerator=55, denominator=100, expected_version=0),
        ],
        user="anna",
    )
    store.save([ValueRow(H1_8B, value=480, expected_version=1)], user="bo")
    store.save([], user="bo", deletes=[(H1_9C_259, 1)])
    store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="direktør")


def snapshot(store: Store) -> tuple[pd.DataFrame, pd.DataFrame, list[object]]:
    return store.values(), store.audit(), store.rounds()


def assert_same(store: Store, expected: tuple[pd.DataFrame, pd.DataFrame, list[object]]) -> None:
    values, trail, rounds = snapshot(store)
    pd.testing.assert_frame_equal(values, expected[0])
    pd.testing.assert_frame_equal(trail, expected[1])
    assert rounds == expected[2]


def test_a_store_restored_from_its_backup_equals_it_after_later_changes(
    store: Store, tmp_path: Path
) -> None:
    fill(store)
    original = snapshot(store)
    assert len(original[0]) == 2 and len(original[1]) == 6 and len(original[2]) == 2
    store.backup(tmp_path / "kopi.backup")

    store.set_round_status("sjaelland", 2022, "H1", "åben", user="kkr", reason="Ret 8b")
    store.save([ValueRow(H1_8B, value=999, expected_version=2)], user="carl")
    store.save([ValueRow(ValueKey("fyn", 2023, "H1", "1a"), value=1)], user="carl")

    store.restore(tmp_path / "kopi.backup")

    assert_same(store, original)
    # The restored store carries on: the round is submitted again, versions go on from the copy.
    with pytest.raises(RoundLocked):
        store.save([ValueRow(H1_8B, value=481, expected_version=2)], user="dan")
    store.save([ValueRow(FY_12A, numerator=60, denominator=100, expected_version=1)], user="dan")
    assert list(store.values()["version"]) == [2, 2]


def test_backup_and_restore_through_the_command_line_into_a_new_sqlite_file(
    sqlite_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(sqlite_store)
    original = snapshot(sqlite_store)
    copy_url = f"sqlite:///{tmp_path / 'ny.sqlite'}"

    assert cli.main(["db", "backup", str(tmp_path / "kopi.sqlite"), "--url", sqlite_store.url]) == 0
    assert cli.main(["db", "restore", str(tmp_path / "kopi.sqlite"), "--url", copy_url]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("(2 værdier, 6 hændelser i revisionssporet, 2 indberetninger).") and out[
        0
    ].startswith("Sikkerhedskopi af sqlite:///")
    assert out[1].startswith("Databasen sqlite:///") and "er genskabt fra" in out[1]
    copy = Store(copy_url)
    try:
        assert_same(copy, original)
    finally:
        copy.dispose()


def test_restore_refuses_a_store_that_holds_data_unless_told_to_replace_it(
    store: Store, tmp_path: Path
) -> None:
    fill(store)
    backup_store(tmp_path / "kopi.backup", store.url)

    with pytest.raises(UserError, match=r"indeholder allerede data\. Brug --replace"):
        restore_store(tmp_path / "kopi.backup", store.url)

    assert "er genskabt fra" in restore_store(tmp_path / "kopi.backup", store.url, replace=True)


def test_restore_refuses_a_file_that_is_no_backup_for_this_kind_of_database(
    store: Store, tmp_path: Path
) -> None:
    wrong = tmp_path / "noter.txt"
    wrong.write_text("ikke en sikkerhedskopi")
    kind = "SQLite-database" if store.engine.dialect.name == "sqlite" else "PostgreSQL"

    with pytest.raises(UserError, match=f"er ikke en sikkerhedskopi.*{kind}"):
        store.restore(wrong)

    assert store.values().empty
