"""The audit trail: one row per insert, change and delete of a value and per round event;
and, in its own table, one row per saved draft and approved contract (docs/drafting.md)."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEvent, ContractEvent, ReportedValue
from db.records import VALUE_PARTS, ValueKey

#: The trail's columns as the store hands them out, and where each comes from.
_COLUMNS = {
    "at": AuditEvent.at,
    "user": AuditEvent.user_name,
    "action": AuditEvent.action,
    "house": AuditEvent.house,
    "year": AuditEvent.year,
    "period": AuditEvent.period,
    "target": AuditEvent.target,
    "kommune": AuditEvent.kommune,
    "old": AuditEvent.old,
    "new": AuditEvent.new,
    "reason": AuditEvent.reason,
}
AUDIT_COLUMNS: tuple[str, ...] = tuple(_COLUMNS)
# Actions, in Danish as users read them in the trail.
INSERTED = "indsat"
CHANGED = "ændret"
DELETED = "slettet"
SUBMITTED = "indsendt"
APPROVED = "godkendt"
REOPENED = "genåbnet"
#: KKR sent an indsendt round back to the house with a reason (docs/tracker.md).
RETURNED = "sendt tilbage"
REMOVED = "fjernet"
# Contract events.
DRAFT_SAVED = "udkast gemt"
CONTRACT_APPROVED = "kontrakt godkendt"
CONTRACT_EVENT_COLUMNS: tuple[str, ...] = (
    "at",
    "user",
    "action",
    "house",
    "year",
    "content_hash",
    "detail",
)


def snapshot(row: ReportedValue) -> dict[str, Any]:
    """What the trail keeps of a value: its numbers, comment, source, version and demo flag."""
    data: dict[str, Any] = {name: getattr(row, name) for name in VALUE_PARTS}
    data.update(comment=row.comment, source=row.source, version=row.version, demo=row.is_demo)
    return data


def to_json(data: dict[str, Any] | None) -> str | None:
    return None if data is None else json.dumps(data, sort_keys=True, ensure_ascii=False)


def record_value(
    session: Session,
    *,
    at: datetime,
    user: str,
    action: str,
    key: ValueKey,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    reason: str | None,
) -> None:
    session.add(
        AuditEvent(
            at=at,
            user_name=user,
            action=action,
            house=key.house,
            year=key.year,
            period=key.period,
            target=key.target,
            kommune=key.kommune,
            old=to_json(old),
            new=to_json(new),
            reason=reason,
        )
    )


def record_round(
    session: Session,
    *,
    at: datetime,
    user: str,
    action: str,
    round_key: tuple[str, int, str],
    old_status: str | None,
    new_status: str | None,
    reason: str | None,
) -> None:
    house, year, period = round_key
    session.add(
        AuditEvent(
            at=at,
            user_name=user,
            action=action,
            house=house,
            year=year,
            period=period,
            target="",
            kommune="",
            old=to_json(None if old_status is None else {"status": old_status}),
            new=to_json(None if new_status is None else {"status": new_status}),
            reason=reason,
        )
    )


def audit_frame(
    session: Session,
    house: str | None,
    year: int | None,
    target: str | None,
    *,
    period: str | None = None,
    actions: Collection[str] | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The trail, newest first (ties in one transaction: last written first); only the
    events of ``period`` and ``actions`` when given, and at most ``limit`` of them.

    The filters and the limit are the database's work: a round's history or its standing
    return reads a few rows, not the round's whole trail (which grows with every save)."""
    query = select(*_COLUMNS.values()).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    for column, wanted in (
        (AuditEvent.house, house),
        (AuditEvent.year, year),
        (AuditEvent.target, target),
        (AuditEvent.period, period),
    ):
        if wanted is not None:
            query = query.where(column == wanted)
    if actions is not None:
        query = query.where(AuditEvent.action.in_(sorted(actions)))
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    frame = pd.DataFrame.from_records(rows, columns=list(AUDIT_COLUMNS))
    frame["at"] = pd.to_datetime(frame["at"], utc=True)
    frame["year"] = frame["year"].astype("int64")
    return frame


def record_contract(
    session: Session,
    *,
    at: datetime,
    user: str,
    action: str,
    house: str,
    year: int,
    content_hash: str | None,
    detail: dict[str, Any] | None,
) -> None:
    session.add(
        ContractEvent(
            at=at,
            user_name=user,
            action=action,
            house=house,
            year=year,
            content_hash=content_hash,
            detail=to_json(detail),
        )
    )


def contract_events_frame(session: Session, house: str | None, year: int | None) -> pd.DataFrame:
    """Saved drafts and approvals, newest first; ``detail`` parsed back from JSON."""
    query = select(ContractEvent).order_by(ContractEvent.at.desc(), ContractEvent.id.desc())
    if house is not None:
        query = query.where(ContractEvent.house == house)
    if year is not None:
        query = query.where(ContractEvent.year == year)
    records = [
        {
            "at": event.at,
            "user": event.user_name,
            "action": event.action,
            "house": event.house,
            "year": event.year,
            "content_hash": event.content_hash,
            "detail": json.loads(event.detail) if event.detail else {},
        }
        for event in session.scalars(query)
    ]
    frame = pd.DataFrame.from_records(records, columns=list(CONTRACT_EVENT_COLUMNS))
    frame["at"] = pd.to_datetime(frame["at"], utc=True)
    frame["year"] = frame["year"].astype("int64")
    return frame
