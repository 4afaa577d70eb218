"""Backup and restore of the whole store (values, audit trail, rounds, schema version).

SQLite: the online backup API copies a consistent snapshot while the app keeps running, and
restores the same way. PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean
--single-transaction`` (Debian's client of the newest installed version). A restored store is
then brought to the newest schema by the caller (``Store.upgrade``). See
docs/shared-installation.md.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from db.errors import UserError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


def backup(url: str, target: Path) -> None:
    parsed = make_url(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    if parsed.get_backend_name() == "sqlite":
        _sqlite_copy(Path(parsed.database or ""), target)
    else:
        _run_pg("pg_dump", url, "--format=custom", "--no-owner", "--no-privileges",
                "--file", str(target))  # fmt: skip


def restore(url: str, source: Path) -> None:
    """Replace the store's contents with the backup in ``source``."""
    parsed = make_url(url)
    head = source.read_bytes()[:16] if source.is_file() else b""
    if parsed.get_backend_name() == "sqlite":
        if not head.startswith(SQLITE_MAGIC):
            raise UserError(f"{source} er ikke en sikkerhedskopi af en SQLite-database.")
        _sqlite_copy(source, Path(parsed.database or ""))
    else:
        if not head.startswith(PG_DUMP_MAGIC):
            raise UserError(
                f"{source} er ikke en sikkerhedskopi fra PostgreSQL (pg_dump --format=custom)."
            )
        _run_pg("pg_restore", url, "--clean", "--if-exists", "--no-owner", "--no-privileges",
                "--single-transaction", "--exit-on-error", str(source))  # fmt: skip


def _sqlite_copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise UserError(f"Databasefilen {source} findes ikke.")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def pg_binary(name: str) -> str:
    """The newest installed client (it must not be older than the server)."""
    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path is None:
        raise UserError(f"{name} er ikke installeret (Debian: apt-get install postgresql-client).")
    return on_path


def _run_pg(tool: str, url: str, *args: str) -> None:
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)  # not on the command line, where ps shows it
    libpq = parsed.set(drivername="postgresql", password=None).render_as_string()
    done = subprocess.run(
        [pg_binary(tool), "--dbname", libpq, *args], capture_output=True, env=env, check=False
    )
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise UserError(f"{tool} fejlede: {detail[-1] if detail else done.returncode}")
