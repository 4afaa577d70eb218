"""The store's data versions: rows of ``store_generation`` that every write transaction
changes before it commits (``db/writes.py``, ``write_session``).

A shared page cache keys what it computed by these versions (``services/cache.py``,
docs/shared-installation.md "Pages cheap enough to share"): a write by any instance gives a
new version, so nothing computed before it is served after it. There is one row per
erhvervshus (and "landet", the national reports), bumped by a write that names the houses it
touches, and one row ``"*"``, bumped by a write that names none (clearing all demo data, a
restore, any write added later without saying where it writes). What one house's page shows
is keyed by that house's row and ``"*"``; a read of the whole store by every row. So a value
saved in Fyn does not throw away what was computed for Sjælland, and a write that forgets to
say where it writes only invalidates too much, never too little.

Reading every row is one query of eight rows. On PostgreSQL the update holds a row's lock
from the end of one write transaction until its commit, so writers to one house pass it one
at a time, for the moment of their commit only; on SQLite a writer holds the database's write
lock anyway.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from db.models import StoreGeneration

EVERYTHING = "*"
#: The rows migration 0007 creates; a write naming anything else counts as ``EVERYTHING``.
SCOPES = (
    EVERYTHING,
    "hovedstaden",
    "sjaelland",
    "fyn",
    "sydjylland",
    "midtjylland",
    "nordjylland",
    "landet",
)


def bump(session: Session, houses: Iterable[str] | None = None) -> None:
    """New versions, inside ``session``'s transaction, for ``houses`` (None: ``"*"``)."""
    named = {EVERYTHING} if houses is None else set(houses)
    scopes = sorted({h if h in SCOPES else EVERYTHING for h in named})
    for scope in scopes:  # in one order, so two writers cannot wait for each other
        session.execute(
            update(StoreGeneration)
            .where(StoreGeneration.scope == scope)
            .values(counter=StoreGeneration.counter + 1, token=uuid.uuid4().hex)
            .execution_options(synchronize_session=False)
        )


def read(connection: Connection) -> dict[str, str]:
    """Every row as scope → ``"<counter>-<token>"``."""
    rows = connection.execute(
        select(StoreGeneration.scope, StoreGeneration.counter, StoreGeneration.token)
    )
    return {row.scope: f"{row.counter}-{row.token}" for row in rows}


def version_of(versions: Mapping[str, str], houses: Iterable[str] | None = None) -> str:
    """The version of what ``houses`` hold (None: the whole store), from ``read``'s rows."""
    scopes = sorted(versions if houses is None else {*houses, EVERYTHING})
    return "|".join(f"{scope}={versions.get(scope, '')}" for scope in scopes)
