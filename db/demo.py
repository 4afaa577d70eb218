"""Demo values never mix with real ones (docs/rules.md "Demo and real").

A round holds demo values or real values, never both: demo values are refused in a round with
real values, and real values are refused in a round with demo values until that round's demo
data is removed by an explicit, audited act (``remove_round_demo``). ``clear_demo`` removes
every demo value and the rounds that held only demo.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from contracts.describe import round_label
from db import audit
from db.errors import DemoInRound, ValidationFailed
from db.models import ReportedValue, ReportRound
from db.records import ValueKey
from db.rounds import RoundKey, load_rounds, rounds_holding, rounds_without_real_values

DEMO_REMOVED = "demodata fjernet før indberetning"
DEMO_CLEARED = "demodata fjernet"
REMOVE_ACTION = "Fjern demodata og begynd indberetningen"


def key_of(row: ReportedValue) -> ValueKey:
    return ValueKey(row.house, row.year, row.period, row.target, row.kommune)


def refuse_demo_over_real(session: Session, round_keys: list[RoundKey]) -> None:
    real = sorted(rounds_holding(session, round_keys, demo=False))
    if real:
        names = ", ".join(round_label(*key) for key in real)
        raise ValidationFailed(
            f"Demodata kan ikke skrives til indberetninger med rigtige tal: {names}."
        )


def refuse_real_over_demo(session: Session, round_keys: list[RoundKey]) -> None:
    """Real values never enter a round holding demo data; its removal comes first."""
    demo = sorted(rounds_holding(session, round_keys, demo=True))
    if demo:
        messages = [
            f"Indberetningen for {round_label(*key)} indeholder demodata. Intet er gemt: fjern "
            f"demodata først (»{REMOVE_ACTION}«), så demo og rigtige tal aldrig blandes."
            for key in demo
        ]
        raise DemoInRound(messages[0], messages[1:])


def remove_round_demo(
    session: Session, round_keys: Iterable[RoundKey], *, user: str, at: datetime
) -> int:
    """Delete the demo values of ``round_keys`` and those rounds (audited); the count.

    Rounds without demo values are left alone: there is nothing of theirs to remove.
    """
    wanted = sorted(rounds_holding(session, round_keys, demo=True))
    removed = 0
    for house, year, period in wanted:
        query = select(ReportedValue).where(
            ReportedValue.house == house,
            ReportedValue.year == year,
            ReportedValue.period == period,
            ReportedValue.is_demo.is_(True),
        )
        values = list(session.scalars(query))
        _delete_audited(session, values, user=user, at=at, reason=DEMO_REMOVED)
        removed += len(values)
    session.flush()
    for key, round_row in sorted(load_rounds(session, wanted).items()):
        _remove_round(session, key, round_row, user=user, at=at, reason=DEMO_REMOVED)
    session.flush()
    return removed


def _remove_round(
    session: Session,
    key: RoundKey,
    round_row: ReportRound,
    *,
    user: str,
    at: datetime,
    reason: str,
) -> None:
    audit.record_round(
        session,
        at=at,
        user=user,
        action=audit.REMOVED,
        round_key=key,
        old_status=round_row.status,
        new_status=None,
        reason=reason,
    )
    session.delete(round_row)


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


def clear_demo(session: Session, *, user: str, at: datetime) -> int:
    """Delete every demo value and the rounds left without a real value; audited."""
    demo_values = list(session.scalars(select(ReportedValue).where(ReportedValue.is_demo)))
    _delete_audited(session, demo_values, user=user, at=at, reason=DEMO_CLEARED)
    session.flush()
    touched = {(v.house, v.year, v.period) for v in demo_values}
    for round_row in rounds_without_real_values(session, touched):
        key = (round_row.house, round_row.year, round_row.period)
        _remove_round(session, key, round_row, user=user, at=at, reason=DEMO_CLEARED)
    return len(demo_values)
