"""Report rounds: house × year × period with the status åben → indsendt → godkendt.

Rules kept here: allowed transitions, the reason a reopening needs, the Danish messages.
The submit check (comments on misses) belongs to the caller, not to the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import and_, exists, select, tuple_
from sqlalchemy.orm import Session

from contracts.describe import round_label
from db import audit
from db.errors import NotFound, RoundLocked, ValidationFailed
from db.models import ReportedValue, ReportRound
from db.records import ROUND_STATUSES, RoundInfo

RoundKey = tuple[str, int, str]
OPEN = "åben"
TRANSITIONS: dict[tuple[str, str], str] = {
    ("åben", "indsendt"): audit.SUBMITTED,
    ("indsendt", "godkendt"): audit.APPROVED,
    ("indsendt", "åben"): audit.REOPENED,
    ("godkendt", "åben"): audit.REOPENED,
}
#: Sending a round back (KKR) is a transition of its own: only from indsendt, with a reason.
RETURNS: dict[tuple[str, str], str] = {("indsendt", "åben"): audit.RETURNED}


def locked_error(rounds: Iterable[ReportRound]) -> RoundLocked:
    """One message per locked round; the first is the headline."""
    messages = [
        f"Indberetningen for {round_label(r.house, r.year, r.period)} er {r.status} "
        "og kan ikke ændres. Genåbn den med en begrundelse."
        for r in rounds
    ]
    return RoundLocked(messages[0], messages[1:])


def load_rounds(session: Session, keys: Iterable[RoundKey]) -> dict[RoundKey, ReportRound]:
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    query = select(ReportRound).where(
        tuple_(ReportRound.house, ReportRound.year, ReportRound.period).in_(wanted)
    )
    return {(r.house, r.year, r.period): r for r in session.scalars(query)}


def rounds_holding(session: Session, keys: Iterable[RoundKey], *, demo: bool) -> set[RoundKey]:
    """The rounds among ``keys`` that hold at least one demo (or real) value."""
    wanted = sorted(set(keys))
    if not wanted:
        return set()
    query = (
        select(ReportedValue.house, ReportedValue.year, ReportedValue.period)
        .where(
            tuple_(ReportedValue.house, ReportedValue.year, ReportedValue.period).in_(wanted),
            ReportedValue.is_demo.is_(demo),
        )
        .distinct()
    )
    return {(house, year, period) for house, year, period in session.execute(query)}


def rounds_of_demo_values(session: Session) -> list[RoundKey]:
    """Every round holding a demo value (what clearing the demo writes to)."""
    query = (
        select(ReportedValue.house, ReportedValue.year, ReportedValue.period)
        .where(ReportedValue.is_demo.is_(True))
        .distinct()
    )
    return [(house, year, period) for house, year, period in session.execute(query)]


def open_round(session: Session, key: RoundKey, *, user: str, at: datetime) -> ReportRound:
    house, year, period = key
    created = ReportRound(
        house=house, year=year, period=period, status=OPEN, updated_by=user, updated_at=at
    )
    session.add(created)
    return created


def round_infos(
    session: Session,
    house: str | None = None,
    year: int | None = None,
    period: str | None = None,
) -> list[RoundInfo]:
    holds_demo = exists().where(
        and_(
            ReportedValue.house == ReportRound.house,
            ReportedValue.year == ReportRound.year,
            ReportedValue.period == ReportRound.period,
            ReportedValue.is_demo.is_(True),
        )
    )
    query = select(ReportRound, holds_demo.label("has_demo")).order_by(
        ReportRound.house, ReportRound.year, ReportRound.period
    )
    filters = [
        column == wanted
        for column, wanted in (
            (ReportRound.house, house),
            (ReportRound.year, year),
            (ReportRound.period, period),
        )
        if wanted is not None
    ]
    if filters:
        query = query.where(and_(*filters))
    return [
        RoundInfo(
            house=r.house,
            year=r.year,
            period=r.period,
            status=r.status,
            has_demo=bool(has_demo),
            updated_by=r.updated_by,
            updated_at=r.updated_at,
        )
        for r, has_demo in session.execute(query)
    ]


def change_status(
    session: Session,
    key: RoundKey,
    status: str,
    *,
    user: str,
    reason: str | None,
    at: datetime,
    returned: bool = False,
) -> None:
    """Move the round to ``status``; ``returned``: KKR sends an indsendt round back."""
    label = round_label(*key)
    if status not in ROUND_STATUSES:
        raise ValidationFailed(
            f"Ukendt status '{status}' for indberetningen; brug åben, indsendt eller godkendt."
        )
    current = load_rounds(session, [key]).get(key)
    if current is None:
        raise NotFound(f"Der er endnu ingen indberetning for {label}.")
    if current.status == status:
        raise ValidationFailed(f"Indberetningen for {label} er allerede {status}.")
    action = (RETURNS if returned else TRANSITIONS).get((current.status, status))
    if action is None and returned:
        raise ValidationFailed(
            f"Indberetningen for {label} er {current.status}; kun en indsendt indberetning "
            "kan sendes tilbage."
        )
    if action is None:
        raise ValidationFailed(
            f"Indberetningen for {label} kan ikke gå fra {current.status} til {status}."
        )
    reason = (reason or "").strip() or None
    if action == audit.REOPENED and reason is None:
        raise ValidationFailed(f"Angiv en begrundelse for at genåbne indberetningen for {label}.")
    if action == audit.RETURNED and reason is None:
        raise ValidationFailed(
            f"Angiv en begrundelse for at sende indberetningen for {label} tilbage."
        )
    audit.record_round(
        session,
        at=at,
        user=user,
        action=action,
        round_key=key,
        old_status=current.status,
        new_status=status,
        reason=reason,
    )
    current.status = status
    current.updated_by = user
    current.updated_at = at


def rounds_without_real_values(session: Session, keys: Iterable[RoundKey]) -> list[ReportRound]:
    """The rounds among ``keys`` holding no real value: what clear_demo removes with the demo."""
    real = rounds_holding(session, keys, demo=False)
    return [r for key, r in sorted(load_rounds(session, keys).items()) if key not in real]
