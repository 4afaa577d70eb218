"""Saving reported values: one transaction, all or nothing, every change audited.

Order inside the transaction: check the rows, take the write lock (the database's on SQLite,
the rounds' on PostgreSQL: ``db/locks.py``), remove the demo data of the rounds the caller
names (an explicit act, audited), refuse real values for a round that still holds demo data
(and demo values for one with real values), refuse locked rounds, refuse stale reads
(Conflict, listing every key), then delete, insert and change. Nothing is written unless all
of it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db import audit, generation
from db.checks import check_input, plain
from db.demo import key_of, refuse_demo_over_real, refuse_real_over_demo, remove_round_demo
from db.engine import WRITE_LOCK_OPTION
from db.errors import Conflict
from db.locks import lock_rounds
from db.models import ReportedValue, ReportRound, utcnow
from db.records import VALUE_PARTS, SaveResult, ValueKey, ValueRow
from db.rounds import OPEN, RoundKey, load_rounds, locked_error, open_round

CONFLICT_HEAD = "Nogle værdier er ændret af en anden, siden du hentede dem. Intet er gemt:"
KEYS_PER_QUERY = 500
UNCHANGED = "uændret"
RACE_MESSAGE = (
    "Værdierne eller indberetningens status blev ændret af en anden samtidig. "
    "Intet er gemt; hent dem igen."
)


@contextmanager
def write_session(
    engine: Engine, *, houses: Iterable[str] | None = None, data_change: bool = True
) -> Iterator[Session]:
    """A session in one transaction that holds the write lock from its start (SQLite).

    Just before it commits, the transaction gives the erhvervshuse it names in ``houses`` new
    data versions (``db/generation.py``; None: a write that may touch anything). A write no
    page shows (a login's last-seen time) passes ``data_change=False``. A transaction that
    fails changes nothing, the versions included."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_LOCK_OPTION: True})
        try:
            with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                yield session
                if data_change:
                    generation.bump(session, houses)
        except StaleDataError as exc:
            raise Conflict(RACE_MESSAGE) from exc
        except IntegrityError as exc:
            if _is_unique_violation(exc):
                raise Conflict(RACE_MESSAGE) from exc
            raise


def _is_unique_violation(exc: IntegrityError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "23505" or "UNIQUE constraint failed" in str(
        exc.orig
    )


def save(
    engine: Engine,
    rows: Sequence[ValueRow],
    *,
    user: str,
    reason: str | None,
    demo: bool,
    deletes: Sequence[tuple[ValueKey, int]],
    remove_demo: Sequence[RoundKey] = (),
) -> SaveResult:
    rows, deletes = plain(list(rows), list(deletes))
    check_input(rows, deletes, user)
    if not rows and not deletes and not remove_demo:
        return SaveResult(inserted=0, changed=0, unchanged=0, deleted=0)
    keys = [row.key for row in rows] + [key for key, _ in deletes]
    round_keys = sorted({key.round_key for key in keys})
    houses = {key[0] for key in [*round_keys, *remove_demo]}
    with write_session(engine, houses=houses) as session:
        lock_rounds(session, [*round_keys, *remove_demo])
        now = utcnow()  # after the wait for the lock: the trail's order is the commit order
        removed = remove_round_demo(session, remove_demo, user=user, at=now)
        if demo:
            refuse_demo_over_real(session, round_keys)
        else:
            refuse_real_over_demo(session, round_keys)
        current = load_values(session, keys)
        rounds = load_rounds(session, round_keys)
        locked = [r for _k, r in sorted(rounds.items()) if r.status != OPEN]
        if locked:
            raise locked_error(locked)
        _refuse_stale(rows, deletes, current)

        written: set[RoundKey] = set()
        ctx = _Writer(session, user=user, at=now, reason=reason, demo=demo)
        deleted = sum(ctx.delete(key, current, written) for key, _ in deletes)
        session.flush()  # before inserts: a delete and a re-insert of one key in one save
        outcomes = [ctx.write(row, current, written) for row in rows]
        _touch_rounds(session, rounds, written, user=user, at=now)
    return SaveResult(
        inserted=outcomes.count(audit.INSERTED),
        changed=outcomes.count(audit.CHANGED),
        unchanged=outcomes.count(UNCHANGED),
        deleted=deleted,
        demo_removed=removed,
    )


@dataclass
class _Writer:
    """Deletes and writes single values inside a save, auditing each one."""

    session: Session
    user: str
    at: datetime
    reason: str | None
    demo: bool

    def delete(
        self, key: ValueKey, current: dict[ValueKey, ReportedValue], written: set[RoundKey]
    ) -> int:
        existing = current.pop(key, None)
        if existing is None:
            return 0
        self._audit(audit.DELETED, key, audit.snapshot(existing), None)
        self.session.delete(existing)
        written.add(key.round_key)
        return 1

    def write(
        self, row: ValueRow, current: dict[ValueKey, ReportedValue], written: set[RoundKey]
    ) -> str:
        existing = current.get(row.key)
        if existing is None:
            created = _new_value(row, user=self.user, at=self.at, demo=self.demo)
            self.session.add(created)
            self._audit(audit.INSERTED, row.key, None, audit.snapshot(created))
            action = audit.INSERTED
        elif _same(existing, row):
            return UNCHANGED
        else:
            old = audit.snapshot(existing)
            _apply(existing, row, user=self.user, at=self.at, demo=self.demo)
            self._audit(audit.CHANGED, row.key, old, audit.snapshot(existing))
            action = audit.CHANGED
        written.add(row.key.round_key)
        return action

    def _audit(
        self, action: str, key: ValueKey, old: dict[str, Any] | None, new: dict[str, Any] | None
    ) -> None:
        audit.record_value(
            self.session,
            at=self.at,
            user=self.user,
            action=action,
            key=key,
            old=old,
            new=new,
            reason=self.reason,
        )


def _touch_rounds(
    session: Session,
    rounds: dict[RoundKey, ReportRound],
    written: set[RoundKey],
    *,
    user: str,
    at: datetime,
) -> None:
    """Create the rounds written to for the first time; stamp the others.

    The stamp is also the guard against a concurrent status change: it bumps the round's
    version, so of a save and a submit running at once, the later one fails.
    """
    for round_key in sorted(written):
        if round_key in rounds:
            rounds[round_key].updated_by = user
            rounds[round_key].updated_at = at
        else:
            rounds[round_key] = open_round(session, round_key, user=user, at=at)


def load_values(session: Session, keys: Sequence[ValueKey]) -> dict[ValueKey, ReportedValue]:
    """The stored rows for ``keys``, fetched in chunks to stay under bound-parameter limits."""
    wanted = sorted({(k.house, k.year, k.period, k.target, k.kommune) for k in keys})
    columns = (
        ReportedValue.house,
        ReportedValue.year,
        ReportedValue.period,
        ReportedValue.target,
        ReportedValue.kommune,
    )
    found: dict[ValueKey, ReportedValue] = {}
    for start in range(0, len(wanted), KEYS_PER_QUERY):
        chunk = wanted[start : start + KEYS_PER_QUERY]
        query = select(ReportedValue).where(tuple_(*columns).in_(chunk))
        found.update((key_of(v), v) for v in session.scalars(query))
    return found


def _refuse_stale(
    rows: list[ValueRow],
    deletes: list[tuple[ValueKey, int]],
    current: dict[ValueKey, ReportedValue],
) -> None:
    expectations = [(row.key, row.expected_version) for row in rows] + deletes
    problems: list[str] = []
    for key, expected in expectations:
        if expected is None:
            continue
        existing = current.get(key)
        found = existing.version if existing is not None else 0
        if found == expected:
            continue
        if existing is None:
            problems.append(f"{key.describe()}: er slettet af en anden.")
        elif expected == 0:
            problems.append(f"{key.describe()}: er indtastet af {existing.entered_by} imens.")
        else:
            problems.append(
                f"{key.describe()}: er ændret af {existing.entered_by} "
                f"(version {found}, du hentede version {expected})."
            )
    if problems:
        raise Conflict(CONFLICT_HEAD, problems)


def _comment(row: ValueRow) -> str | None:
    """An empty or blank comment is no comment."""
    return (row.comment or "").strip() or None


def _same(existing: ReportedValue, row: ValueRow) -> bool:
    return existing.comment == _comment(row) and all(
        getattr(existing, name) == getattr(row, name) for name in VALUE_PARTS
    )


def _new_value(row: ValueRow, *, user: str, at: datetime, demo: bool) -> ReportedValue:
    created = ReportedValue(
        house=row.key.house,
        year=row.key.year,
        period=row.key.period,
        target=row.key.target,
        kommune=row.key.kommune,
        version=1,
    )
    _apply(created, row, user=user, at=at, demo=demo, bump=False)
    return created


def _apply(
    target: ReportedValue, row: ValueRow, *, user: str, at: datetime, demo: bool, bump: bool = True
) -> None:
    for name, number in row.parts().items():
        setattr(target, name, None if number is None else float(number))
    target.comment = _comment(row)
    target.source = row.source
    target.entered_by = user
    target.entered_at = at
    target.is_demo = demo
    if bump:
        target.version = target.version + 1
