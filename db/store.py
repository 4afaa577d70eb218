"""The store of reported values: the one object the app, the CLI and the importers use.

    store = Store()                 # DATABASE_URL, else data/resultatkontrakter.sqlite
    store.upgrade()                 # Alembic upgrade head
    store.save([ValueRow(ValueKey("sjaelland", 2022, "H1", "8b"), value=470,
                         expected_version=0)], user=current_user())
    store.values(house="sjaelland", year=2022)          # a DataFrame

Errors a user can cause come out as ``db.errors`` exceptions: Conflict, RoundLocked,
ValidationFailed, NotFound, and StoreUnavailable from any method when the database cannot be
reached, read or written (the engine's fault translation, ``db/faults.py``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine, exists, select
from sqlalchemy.orm import Session

from contracts.describe import round_label
from contracts.reported import VALUE_COLUMNS
from db import audit, backup, demo, generation, locks, migrate, rounds, snapshots, writes
from db.engine import create_store_engine, default_database_url, safe_url
from db.errors import ValidationFailed
from db.identity import current_user
from db.models import ReportedValue, utcnow
from db.records import (
    VALUE_PARTS,
    RoundInfo,
    SaveResult,
    Snapshot,
    SnapshotData,
    SnapshotInfo,
    ValueKey,
    ValueRow,
)
from db.users import UserMethods


class Store(UserMethods):
    """Values, rounds, audit, snapshots; users and their logins (``db/users.py``)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_database_url()
        self.engine: Engine = create_store_engine(self.url)

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)!r})"

    def dispose(self) -> None:
        self.engine.dispose()

    def upgrade(self) -> str | None:
        """Bring the schema to the newest migration; returns the revision now in place."""
        migrate.upgrade_head(self.engine)
        return migrate.current_revision(self.engine)

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole store in ``target`` (docs/shared-installation.md)."""
        backup.backup(self.url, target)

    def restore(self, source: Path) -> str | None:
        """Replace the whole store with the backup in ``source``, then migrate it to head."""
        self.engine.dispose()  # no pooled connection may hold the old tables
        backup.restore(self.url, source)
        self.engine.dispose()
        revision = self.upgrade()
        with writes.write_session(self.engine):
            pass  # a new data version: caches keyed by the one the backup held are not reused
        return revision

    def data_versions(self) -> dict[str, str]:
        """Per erhvervshus, "landet" and "*": changes with every committed write by any
        instance there (``db/generation.py``); ``generation.version_of`` combines them."""
        with self.engine.connect() as connection:
            return generation.read(connection)

    def data_version(self, houses: Sequence[str] | None = None) -> str:
        """The version of what ``houses`` hold; None: of the whole store."""
        return generation.version_of(self.data_versions(), houses)

    def revision(self) -> str | None:
        return migrate.current_revision(self.engine)

    def save(
        self,
        rows: Sequence[ValueRow],
        *,
        user: str,
        reason: str | None = None,
        demo: bool = False,
        deletes: Sequence[tuple[ValueKey, int]] = (),
        remove_demo: Sequence[tuple[str, int, str]] = (),
    ) -> SaveResult:
        """Write ``rows`` and ``deletes`` in one transaction, all or nothing, audited.

        ``remove_demo`` names rounds whose demo data is removed first, in the same
        transaction: the explicit act that lets real values into a round that held demo
        (an import confirmed to replace demo data). Without it such a round is refused.
        """
        return writes.save(
            self.engine,
            rows,
            user=user,
            reason=reason,
            demo=demo,
            deletes=deletes,
            remove_demo=remove_demo,
        )

    def remove_demo(self, house: str, year: int, period: str, *, user: str) -> int:
        """Remove one round's demo values and the round itself (audited): the explicit act
        before real values are entered by hand. Returns how many values were removed."""
        removed = self.save([], user=user, remove_demo=[(house, year, period)]).demo_removed
        if not removed:
            raise ValidationFailed(
                f"Indberetningen for {round_label(house, year, period)} har ingen demodata."
            )
        return removed

    def values(
        self, house: str | None = None, year: int | None = None, period: str | None = None
    ) -> pd.DataFrame:
        # A Core select of plain columns: building ORM objects cost most of the time here.
        columns = [getattr(ReportedValue, name) for name in VALUE_COLUMNS]
        query = select(*columns).order_by(
            ReportedValue.house,
            ReportedValue.year,
            ReportedValue.period,
            ReportedValue.target,
            ReportedValue.kommune,
        )
        for column, wanted in (
            (ReportedValue.house, house),
            (ReportedValue.year, year),
            (ReportedValue.period, period),
        ):
            if wanted is not None:
                query = query.where(column == wanted)
        with self.engine.connect() as connection:
            rows = [tuple(row) for row in connection.execute(query)]
        return _values_frame(rows)

    def has_demo_values(self) -> bool:
        """Whether any demo value is stored; stops at the first one (asked on every page view)."""
        query = select(ReportedValue.id).where(ReportedValue.is_demo.is_(True)).limit(1)
        with self.engine.connect() as connection:
            return connection.execute(query).first() is not None

    def audit(
        self,
        house: str | None = None,
        year: int | None = None,
        target: str | None = None,
        *,
        period: str | None = None,
        actions: Collection[str] | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """The audit trail, newest first, filtered and limited by the database
        (``db.audit.audit_frame``)."""
        with Session(self.engine) as session:
            return audit.audit_frame(
                session, house, year, target, period=period, actions=actions, limit=limit
            )

    def record_contract_event(
        self,
        action: str,
        house: str,
        year: int,
        *,
        user: str,
        content_hash: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> datetime:
        """Add a saved draft or an approval to the trail; returns when it was recorded."""
        at = utcnow()
        with writes.write_session(self.engine, houses=[house]) as session:
            audit.record_contract(
                session,
                at=at,
                user=user,
                action=action,
                house=house,
                year=year,
                content_hash=content_hash,
                detail=detail,
            )
        return at

    def contract_events(self, house: str | None = None, year: int | None = None) -> pd.DataFrame:
        with Session(self.engine) as session:
            return audit.contract_events_frame(session, house, year)

    def round(self, house: str, year: int, period: str) -> RoundInfo | None:
        with Session(self.engine) as session:
            found = rounds.round_infos(session, house, year, period)
        return found[0] if found else None

    def rounds(self, house: str | None = None, year: int | None = None) -> list[RoundInfo]:
        with Session(self.engine) as session:
            return rounds.round_infos(session, house, year)

    def set_round_status(
        self,
        house: str,
        year: int,
        period: str,
        status: str,
        *,
        user: str,
        reason: str | None = None,
        returned: bool = False,
    ) -> None:
        """Move a round to ``status``, audited; ``returned``: KKR sends it back (docs/tracker.md)."""
        with writes.write_session(self.engine, houses=[house]) as session:
            locks.lock_rounds(session, [(house, year, period)])
            rounds.change_status(
                session,
                (house, year, period),
                status,
                user=user,
                reason=reason,
                at=utcnow(),
                returned=returned,
            )

    def add_snapshot(
        self, house: str, year: int, period: str, data: SnapshotData, *, reason: str, user: str
    ) -> SnapshotInfo:
        """Store a report snapshot (docs/reports.md); it is never changed afterwards."""
        with writes.write_session(self.engine, houses=[house]) as session:
            return snapshots.add(
                session, (house, year, period), data, reason=reason, user=user, at=utcnow()
            )

    def snapshots(
        self,
        house: str | None = None,
        year: int | None = None,
        period: str | None = None,
        *,
        snapshot_id: int | None = None,
    ) -> list[SnapshotInfo]:
        """Stored snapshots, newest first, without their payload."""
        with Session(self.engine) as session:
            return snapshots.infos(session, house, year, period, snapshot_id)

    def snapshot(self, snapshot_id: int) -> Snapshot | None:
        with Session(self.engine) as session:
            return snapshots.read(session, snapshot_id)

    def clear_demo(self, user: str | None = None) -> int:
        """Delete every demo value, and the rounds that held only demo; returns the count."""
        with writes.write_session(self.engine) as session:
            locks.lock_rounds(session, rounds.rounds_of_demo_values(session))
            return demo.clear_demo(session, user=user or current_user(), at=utcnow())

    def has_any_values(self) -> bool:
        with Session(self.engine) as session:
            return bool(session.scalar(select(exists().where(ReportedValue.id.is_not(None)))))


def _values_frame(rows: Sequence[tuple[Any, ...]]) -> pd.DataFrame:
    """The rows of ``VALUE_COLUMNS`` as a frame, built column by column with its types: half
    the time of a frame from records and a conversion per column, on every read of a house."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in VALUE_COLUMNS]
    data: dict[str, Any] = {}
    for name, column in zip(VALUE_COLUMNS, columns, strict=True):
        if name in VALUE_PARTS:
            data[name] = np.array([np.nan if v is None else v for v in column], dtype="float64")
        elif name in {"year", "version"}:
            data[name] = np.array(column, dtype="int64")
        elif name == "is_demo":
            data[name] = np.array(column, dtype="bool")
        elif name == "entered_at":
            data[name] = pd.to_datetime(pd.Series(column, dtype=object), utc=True)
        else:
            data[name] = np.array(column, dtype=object)
    return pd.DataFrame(data)
