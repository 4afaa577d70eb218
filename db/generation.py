"""The store's data version: one row (``store_generation``) that every write transaction
changes before it commits (``db/writes.py``, ``write_session``).

A shared page cache keys what it computed by this version (``services/cache.py``,
docs/shared-installation.md "Pages cheap enough to share"): a write by any instance, on any
table, gives a new version, so nothing computed before it is served after it. Reading the
version is one primary-key lookup.

On PostgreSQL the update holds the row's lock from the end of one write transaction until its
commit, so writers pass it one at a time, for the moment of their commit only; on SQLite a
writer holds the database's write lock anyway.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from db.models import StoreGeneration

ROW_ID = 1


def bump(session: Session) -> None:
    """Give the store a new data version inside ``session``'s transaction."""
    changed = session.execute(
        update(StoreGeneration)
        .where(StoreGeneration.id == ROW_ID)
        .values(counter=StoreGeneration.counter + 1, token=uuid.uuid4().hex)
        .execution_options(synchronize_session=False)
    )
    if not getattr(changed, "rowcount", 1):
        # The row is made by migration 0006; a store whose row was deleted gets it back.
        session.add(StoreGeneration(id=ROW_ID, counter=1, token=uuid.uuid4().hex))


def read(connection: Connection) -> str:
    """The data version: ``"<counter>-<token>"`` ("0-" on a store without the row)."""
    row = connection.execute(
        select(StoreGeneration.counter, StoreGeneration.token).where(StoreGeneration.id == ROW_ID)
    ).first()
    return "0-" if row is None else f"{row.counter}-{row.token}"
