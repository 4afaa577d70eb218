"""Demo values: refused over real values, replaced by the first real write to their round.

The replacement deletes the round's demo values (audited with DEMO_REPLACED) and returns the
round to åben; the caller then writes the real values in the same transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.errors import ValidationFailed
from db.models import ReportedValue, ReportRound
from db.records import ValueKey, round_label
from db.rounds import OPEN, RoundKey, rounds_holding, rounds_without_real_values

DEMO_REPLACED = "demodata erstattet af rigtige tal"
DEMO_CLEARED = "demodata fjernet"


def key_of(row: ReportedValue) -> ValueKey:
    return ValueKey(row.house, row.year, row.period, row.target, row.kommune)


def refuse_demo_over_real(session: Session, round_keys: list[RoundKey]) -> None:
    real = sorted(rounds_holding(session, round_keys, demo=False))
    if real:
        names = ", ".join(round_label(*key) for key in real)
        raise ValidationFailed(
            f"Demodata kan ikke skrives til indberetninger med rigtige tal: {names}."
        )


def replace_demo(
    session: Session,
    round_key: RoundKey,
    round_row: ReportRound | None,
    current: dict[ValueKey, ReportedValue],
    user: str,
    now: datetime,
) -> int:
    """Delete the round's demo values (audited) and return the round to åben."""
    house, year, period = round_key
    query = select(ReportedValue).where(
        ReportedValue.house == house,
        ReportedValue.year == year,
        ReportedValue.period == period,
        ReportedValue.is_demo.is_(True),
    )
    demo_values = list(session.scalars(query))
    for value in demo_values:
        current.setdefault(key_of(value), value)
    _delete_audited(session, demo_values, user=user, at=now, reason=DEMO_REPLACED)
    if round_row is not None and round_row.status != OPEN:
        audit.record_round(
            session,
            at=now,
            user=user,
            action=audit.RESET,
            round_key=round_key,
            old_status=round_row.status,
            new_status=OPEN,
            reason=DEMO_REPLACED,
        )
        round_row.status = OPEN
    session.flush()
    return len(demo_values)


def _delete_audited(
    session: Session, values: list[ReportedValue], *, user: str, at: datetime, reason: str
) -> None:
    for value in values:
        audit.record_value(
            session,
            at=at,
            user=user,
            action=audit.DELETED,
            key=key_of(value),
            old=audit.snapshot(value),
            new=None,
            reason=reason,
        )
        session.delete(value)


def versions_of_replaced(
    current: dict[ValueKey, ReportedValue], round_key: RoundKey
) -> dict[ValueKey, int]:
    return {
        key: value.version
        for key, value in current.items()
        if key.round_key == round_key and value.is_demo
    }


def clear_demo(session: Session, *, user: str, at: datetime) -> int:
    """Delete every demo value and the rounds left without a real value; audited."""
    demo_values = list(session.scalars(select(ReportedValue).where(ReportedValue.is_demo)))
    _delete_audited(session, demo_values, user=user, at=at, reason=DEMO_CLEARED)
    session.flush()
    touched = {(v.house, v.year, v.period) for v in demo_values}
    for round_row in rounds_without_real_values(session, touched):
        audit.record_round(
            session,
            at=at,
            user=user,
            action=audit.REMOVED,
            round_key=(round_row.house, round_row.year, round_row.period),
            old_status=round_row.status,
            new_status=None,
            reason=DEMO_CLEARED,
        )
        session.delete(round_row)
    return len(demo_values)
