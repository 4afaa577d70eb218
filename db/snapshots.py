"""Report snapshots in the store: added once, listed, read; never changed (docs/reports.md)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import ValidationFailed
from db.models import ReportSnapshot
from db.records import SNAPSHOT_REASONS, Snapshot, SnapshotData, SnapshotInfo


def _info(row: ReportSnapshot) -> SnapshotInfo:
    return SnapshotInfo(
        id=row.id,
        house=row.house,
        year=row.year,
        period=row.period,
        reason=row.reason,
        round_status=row.round_status,
        has_demo=row.has_demo,
        contract_hash=row.contract_hash,
        taken_by=row.taken_by,
        taken_at=row.taken_at,
    )


def add(
    session: Session,
    key: tuple[str, int, str],
    data: SnapshotData,
    *,
    reason: str,
    user: str,
    at: datetime,
) -> SnapshotInfo:
    if reason not in SNAPSHOT_REASONS:
        raise ValidationFailed(
            f"Ukendt anledning '{reason}' til et øjebliksbillede; brug "
            f"{', '.join(SNAPSHOT_REASONS)}."
        )
    house, year, period = key
    row = ReportSnapshot(
        house=house,
        year=year,
        period=period,
        reason=reason,
        round_status=data.round_status,
        has_demo=data.has_demo,
        contract_hash=data.contract_hash,
        contract_yaml=data.contract_yaml,
        contracts_json=data.contracts_json,
        values_json=data.values_json,
        rounds_json=data.rounds_json,
        taken_by=user,
        taken_at=at,
    )
    session.add(row)
    session.flush()
    return _info(row)


def infos(
    session: Session,
    house: str | None = None,
    year: int | None = None,
    period: str | None = None,
    snapshot_id: int | None = None,
) -> list[SnapshotInfo]:
    """Newest first; only the listing columns are read, never the payload."""
    columns = [
        ReportSnapshot.id,
        ReportSnapshot.house,
        ReportSnapshot.year,
        ReportSnapshot.period,
        ReportSnapshot.reason,
        ReportSnapshot.round_status,
        ReportSnapshot.has_demo,
        ReportSnapshot.contract_hash,
        ReportSnapshot.taken_by,
        ReportSnapshot.taken_at,
    ]
    query = select(*columns).order_by(ReportSnapshot.id.desc())
    for column, wanted in (
        (ReportSnapshot.house, house),
        (ReportSnapshot.year, year),
        (ReportSnapshot.period, period),
        (ReportSnapshot.id, snapshot_id),
    ):
        if wanted is not None:
            query = query.where(column == wanted)
    return [SnapshotInfo(**row._asdict()) for row in session.execute(query)]


def read(session: Session, snapshot_id: int) -> Snapshot | None:
    row = session.get(ReportSnapshot, snapshot_id)
    if row is None:
        return None
    data = SnapshotData(
        round_status=row.round_status,
        has_demo=row.has_demo,
        contract_hash=row.contract_hash,
        contract_yaml=row.contract_yaml,
        contracts_json=row.contracts_json,
        values_json=row.values_json,
        rounds_json=row.rounds_json,
    )
    return Snapshot(info=_info(row), data=data)
