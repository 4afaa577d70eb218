"""A failing database is one Danish message (no driver text, no path), nothing is lost, and the
same store works again once the database is back (docs/import-format.md, "When the database
fails"). Real faults where the machine allows them: a read-only file, a full (tiny) file
system, a lock held past the busy timeout, PostgreSQL stopped under a running store and in
the middle of an import; otherwise the driver's own error for the same condition.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from db_support import PostgresCluster
from hostile_files import GOOD_ROW, csv_file, hang_guard
from sqlalchemy import event

import cli
from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow, faults
from db.errors import StoreUnavailable
from services.values_io import apply_plan, plan_import

CONTRACTS = Path(__file__).parent / "files" / "import" / "contracts"
AFTERWARDS = (
    "Intet er ændret. Prøv igen om lidt; varer det ved, så kontakt den, der driver systemet."
)
READ_ONLY = f"Databasen kan ikke skrives: den er skrivebeskyttet. {AFTERWARDS}"
FULL = f"Databasen kan ikke skrives: der er ikke mere plads på disken. {AFTERWARDS}"
BUSY = f"Databasen er optaget: en anden ændring har holdt den låst for længe. {AFTERWARDS}"
UNREACHABLE = (
    "Databasen kan ikke nås: serveren svarer ikke, eller forbindelsen blev afbrudt. " + AFTERWARDS
)
KEY = ValueKey("sjaelland", 2022, "H1", "8b")


def row(value: float, comment: str | None = None, key: ValueKey = KEY) -> ValueRow:
    return ValueRow(key, value=value, comment=comment)


def kommune_rows(comment: str) -> bytes:
    codes = ("253", "259", "265", "269", "306", "316", "320", "326", "329", "330", "336", "340")
    return csv_file(
        *(f"sjaelland,2022,{p},8a,{k},1,,,,,,{comment}" for p in ("H1", "FY") for k in codes)
    )


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTRACTS_DIR", str(CONTRACTS))
    monkeypatch.setenv("APP_USER", "anne")


def run_import(file: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    with hang_guard(120):
        code = cli.main(["import", str(file)])
    return code, capsys.readouterr().err


# --- how the driver's errors are read ---------------------------------------------------


def driver_error(base: str, **attributes: object) -> BaseException:
    error_class = type(base, (Exception,), {})
    error = error_class("english text with /a/path/store.sqlite")
    for name, value in attributes.items():
        setattr(error, name, value)
    return error


@pytest.mark.parametrize(
    ("error", "disconnected", "kind"),
    [
        (driver_error("OperationalError", sqlite_errorname="SQLITE_READONLY"), False, "read_only"),
        (driver_error("OperationalError", sqlite_errorname="SQLITE_READONLY_DBMOVED"), False, "read_only"),
        (driver_error("OperationalError", sqlite_errorname="SQLITE_FULL"), False, "full"),
        (driver_error("OperationalError", sqlite_errorname="SQLITE_BUSY"), False, "busy"),
        (driver_error("OperationalError", sqlite_errorname="SQLITE_IOERR_WRITE"), False, "broken"),
        (driver_error("DatabaseError", sqlite_errorname="SQLITE_NOTADB"), False, "broken"),
        (driver_error("OperationalError", sqlite_errorname="SQLITE_CANTOPEN"), False, "cannot_open"),
        (driver_error("OperationalError", sqlite_errorname="SQLITE_ERROR"), False, "other"),
        (driver_error("OperationalError", sqlstate=None), False, "unreachable"),
        (driver_error("OperationalError", sqlstate="57P01"), False, "unreachable"),
        (driver_error("OperationalError", sqlstate="08006"), False, "unreachable"),
        (driver_error("OperationalError", sqlstate="53100"), False, "full"),
        (driver_error("OperationalError", sqlstate="55P03"), False, "busy"),
        (driver_error("InternalError", sqlstate="25006"), False, "read_only"),
        (driver_error("OperationalError", sqlstate="28P01"), False, "refused"),
        (driver_error("OperationalError", sqlstate="XX001"), False, "broken"),
        (driver_error("OperationalError", sqlstate="42000"), True, "unreachable"),
        (driver_error("IntegrityError", sqlstate="23505"), False, None),
        (driver_error("ProgrammingError", sqlite_errorname="SQLITE_ERROR"), False, None),
        (driver_error("KeyboardInterrupt"), False, None),
    ],
)  # fmt: skip
def test_a_driver_error_is_read_by_its_code_not_its_text(
    error: BaseException, disconnected: bool, kind: str | None
) -> None:
    assert faults.kind_of(error, disconnected=disconnected) == kind


@pytest.mark.parametrize("kind", sorted(faults.MESSAGES))
def test_every_fault_message_is_danish_and_names_no_path_or_driver(kind: str) -> None:
    message = str(faults.unavailable(kind))
    assert message.endswith(AFTERWARDS)
    assert not any(word in message for word in ("/", "sqlite", "Error", "database is", "SQLITE"))
    assert faults.unavailable(kind).exit_code == 3


# --- SQLite: read-only, full, locked ----------------------------------------------------


def test_a_read_only_database_refuses_a_save_and_still_shows_its_values(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    writable = Store(f"sqlite:///{path}")
    writable.upgrade()
    writable.save([row(400)], user="anne")
    before = writable.values()
    writable.dispose()
    read_only = Store(f"sqlite:///file:{path}?mode=ro&uri=true")

    with pytest.raises(StoreUnavailable) as caught:
        read_only.save([row(470)], user="anne")

    assert (str(caught.value), caught.value.kind) == (READ_ONLY, "read_only")
    pd.testing.assert_frame_equal(read_only.values(), before)
    read_only.dispose()


@pytest.fixture
def tiny_file_system(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, where the machine lets us mount one (root, not in every container)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("kan ikke montere et lille filsystem her; fuld disk prøves med max_page_count")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_refuses_the_import_in_danish_and_the_same_store_carries_on_after(
    tiny_file_system: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    url = f"sqlite:///{tiny_file_system / 'store.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = Store(url)
    store.upgrade()
    store.save([row(400, "før")], user="anne")
    before = store.values()
    ballast = tiny_file_system / "ballast"
    free = subprocess.run(
        ["df", "--output=avail", "-B1", str(tiny_file_system)], capture_output=True, text=True
    )
    ballast.write_bytes(bytes(int(free.stdout.split()[-1]) - 64 * 1024))
    file = tmp_path / "stor.csv"
    file.write_bytes(kommune_rows("x" * 9000))

    code, err = run_import(file, capsys)

    assert (code, err) == (3, f"fejl: {FULL}\n")
    pd.testing.assert_frame_equal(store.values(), before)
    ballast.unlink()
    store.save([row(480, "efter")], user="anne")
    assert store.values()["value"].tolist() == [480.0]
    store.dispose()


def test_a_full_database_at_the_drivers_limit_refuses_the_save_and_keeps_the_values(
    sqlite_store: Store,
) -> None:
    sqlite_store.save([row(400, "før")], user="anne")
    before = sqlite_store.values()
    with sqlite_store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    sqlite_store.dispose()
    event.listen(sqlite_store.engine, "connect", cap)
    long_rows = [
        row(1, "x" * 9000, ValueKey("sjaelland", 2022, p, "8a", k))
        for p in ("H1", "FY")
        for k in ("253", "259", "265", "269", "306", "316", "320", "326", "329", "330")
    ]

    with pytest.raises(StoreUnavailable) as caught:
        sqlite_store.save(long_rows, user="anne")

    assert (str(caught.value), caught.value.kind) == (FULL, "full")
    pd.testing.assert_frame_equal(sqlite_store.values(), before)
    event.remove(sqlite_store.engine, "connect", cap)
    sqlite_store.dispose()
    assert sqlite_store.save(long_rows, user="anne").inserted == 20


def test_a_lock_held_past_the_busy_timeout_is_a_danish_refusal_and_the_next_try_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(faults, "BUSY_TIMEOUT_SECONDS", 0.3)
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    file = tmp_path / "tal.csv"
    file.write_bytes(csv_file(GOOD_ROW))
    assert cli.main(["db", "upgrade"]) == 0
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")

    assert run_import(file, capsys) == (3, f"fejl: {BUSY}\n")

    holder.rollback()
    holder.close()
    assert run_import(file, capsys) == (0, "")


# --- PostgreSQL stopped under a running store --------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[PostgresCluster]:
    """A cluster of its own: these tests stop it, which the shared one must never see."""
    own = PostgresCluster()
    yield own
    own.remove()


@pytest.fixture
def postgres_store(cluster: PostgresCluster) -> Iterator[Store]:
    store = Store(cluster.admin_url)
    store.upgrade()
    store.engine.dispose()
    with store.engine.begin() as conn:
        for table in ("audit_event", "reported_value", "report_round"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
    yield store
    store.dispose()


@pytest.mark.postgres
def test_postgres_stopped_while_the_app_runs_is_danish_and_the_same_store_recovers(
    cluster: PostgresCluster, postgres_store: Store, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], cli_env: None, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    postgres_store.save([row(400)], user="anne")
    monkeypatch.setenv("DATABASE_URL", cluster.admin_url)
    file = tmp_path / "tal.csv"
    file.write_bytes(csv_file(GOOD_ROW))
    cluster.stop()
    try:
        with pytest.raises(StoreUnavailable) as caught:
            postgres_store.values()
        assert (str(caught.value), caught.value.kind) == (UNREACHABLE, "unreachable")
        with pytest.raises(StoreUnavailable):
            postgres_store.save([row(470)], user="anne")
        assert run_import(file, capsys) == (3, f"fejl: {UNREACHABLE}\n")
    finally:
        cluster.start()
    assert postgres_store.values()["value"].tolist() == [400.0]
    postgres_store.save([row(470)], user="anne")
    assert postgres_store.values()["value"].tolist() == [470.0]


@pytest.mark.postgres
def test_postgres_stopped_in_the_middle_of_an_import_writes_nothing(
    cluster: PostgresCluster, postgres_store: Store
) -> None:
    catalog = load_folder(CONTRACTS)
    postgres_store.save([row(400)], user="anne")
    before = postgres_store.values()
    plan = plan_import(kommune_rows("ny"), "tal.csv", catalog, postgres_store)
    stopped: list[bool] = []

    def stop_at_the_first_insert(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO reported_value") and not stopped:
            stopped.append(True)
            cluster.stop()

    event.listen(postgres_store.engine, "before_cursor_execute", stop_at_the_first_insert)
    try:
        with pytest.raises(StoreUnavailable) as caught:
            apply_plan(plan, postgres_store, "anne")
    finally:
        event.remove(postgres_store.engine, "before_cursor_execute", stop_at_the_first_insert)
        cluster.start()
    assert stopped == [True]
    assert caught.value.kind == "unreachable"
    pd.testing.assert_frame_equal(postgres_store.values(), before)
    assert apply_plan(plan, postgres_store, "anne").inserted == 26
