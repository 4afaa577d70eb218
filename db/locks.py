"""Who writes when: one writer per report round at a time (docs/shared-installation.md).

On SQLite a write transaction takes the database's write lock at its start
(``BEGIN IMMEDIATE``, see ``db/engine.py``), so writers already wait their turn. On
PostgreSQL many transactions run at once; a save therefore first takes a transaction-level
advisory lock per round it writes to, and so does a status change. Saves to the same round
queue behind each other, each reads the values only once it holds the lock, and the version
check then fails only when the very value was changed since the writer read it.

Advisory locks rather than ``SELECT … FOR UPDATE`` on ``report_round``: the first save to a
round creates the round row, and a row that does not exist yet cannot be locked. Locks are
taken in the order of their numbers, so two saves spanning several rounds cannot deadlock.
The same mechanism, held for a session, keeps two instances from migrating at once.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from db.rounds import RoundKey

# First halves of the two-number advisory lock keys: one namespace per kind of lock.
ROUND_LOCKS = 0x524B0001
MIGRATION_LOCK = {"kind": 0x524B0002, "number": 1}
# How long a save waits for another writer's save of the same round before giving up.
LOCK_TIMEOUT = "30s"


def round_lock_id(key: RoundKey) -> int:
    """A stable signed 32-bit number for a round (a collision only makes two rounds queue)."""
    house, year, period = key
    unsigned = zlib.crc32(f"{house}/{year}/{period}".encode())
    return unsigned - (1 << 32) if unsigned >= 1 << 31 else unsigned


def lock_rounds(session: Session, keys: Iterable[RoundKey]) -> None:
    """Wait until this transaction alone may write to the rounds ``keys`` (PostgreSQL).

    Held until the transaction ends. On SQLite this only starts the transaction, whose
    ``BEGIN IMMEDIATE`` waits for the database's write lock.
    """
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    numbers = sorted({round_lock_id(key) for key in keys})
    if not numbers:
        return
    session.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
    for number in numbers:
        session.execute(
            text("SELECT pg_advisory_xact_lock(:kind, :number)"),
            {"kind": ROUND_LOCKS, "number": number},
        )


def lock_migrations(connection: Connection) -> None:
    """Wait until no other process migrates this database (PostgreSQL; held for the session)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_lock(:kind, :number)"), MIGRATION_LOCK)


def unlock_migrations(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_unlock(:kind, :number)"), MIGRATION_LOCK)
