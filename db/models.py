"""The tables of the store: reported values, their audit trail, report rounds, and the users
who log in with their sessions (docs/roles.md).

Constraint names come from one naming convention so that migrations can name what they
create and drop, on SQLite (batch mode) and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Dialect,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out. SQLite keeps no zone, so naive values read back are UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


#: The rule of ``ck_reported_value_value_or_comment`` (also in migration 0002).
VALUE_OR_COMMENT = (
    "value IS NOT NULL OR numerator IS NOT NULL OR denominator IS NOT NULL "
    "OR promoters IS NOT NULL OR passives IS NOT NULL OR detractors IS NOT NULL "
    "OR (comment IS NOT NULL AND kommune = '')"
)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ReportedValue(Base):
    """The current value of one target in one period (and kommune). History is in audit_event."""

    __tablename__ = "reported_value"
    __table_args__ = (
        UniqueConstraint("house", "year", "period", "target", "kommune"),
        CheckConstraint("period IN ('H1', 'FY')", name="period"),
        CheckConstraint("version >= 1", name="version"),
        # A row holds a number, or only a comment on its target (the total row: a comment
        # belongs to a target in a round, docs/rules.md); never nothing.
        CheckConstraint(VALUE_OR_COMMENT, name="value_or_comment"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    house: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(2))
    target: Mapped[str] = mapped_column(String(40))
    # "" rather than NULL for the total, so the unique constraint also covers totals.
    kommune: Mapped[str] = mapped_column(String(4), default="")
    value: Mapped[float | None] = mapped_column(Double)
    numerator: Mapped[float | None] = mapped_column(Double)
    denominator: Mapped[float | None] = mapped_column(Double)
    promoters: Mapped[float | None] = mapped_column(Double)
    passives: Mapped[float | None] = mapped_column(Double)
    detractors: Mapped[float | None] = mapped_column(Double)
    comment: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(255))
    entered_by: Mapped[str] = mapped_column(String(100))
    entered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Optimistic locking: a writer states the version it read; a mismatch is a conflict.
    version: Mapped[int] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(default=False)

    # The ORM adds "AND version = <read>" to every UPDATE and DELETE; the store sets the
    # new number itself.
    __mapper_args__ = {  # noqa: RUF012 (read once by the mapper, never mutated)
        "version_id_col": version,
        "version_id_generator": False,
    }


class ReportRound(Base):
    """One house × year × period with its status; created åben by the first value written."""

    __tablename__ = "report_round"
    __table_args__ = (
        UniqueConstraint("house", "year", "period"),
        CheckConstraint("period IN ('H1', 'FY')", name="period"),
        CheckConstraint("status IN ('åben', 'indsendt', 'godkendt')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    house: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(10))
    # Who last changed the status or wrote a value to the round, and when.
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Every write touches the round under this version, so a save and a concurrent
    # submit cannot both win: the later UPDATE finds the version moved and fails.
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (read once by the mapper)


class AuditEvent(Base):
    """Every insert, change and delete of a value, and every round status change.

    old and new hold JSON text (sorted keys) so the trail reads the same on both engines.
    Rows are only ever added; nothing in the product updates or deletes them.
    """

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_house_year", "house", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    # "user" is reserved in PostgreSQL; the DataFrame column is still called user.
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    house: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(2))
    target: Mapped[str] = mapped_column(String(40), default="")
    kommune: Mapped[str] = mapped_column(String(4), default="")
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)


class ContractEvent(Base):
    """Every save of a draft and every approval of a contract (docs/drafting.md).

    A contract lives in a file, not in the store; the trail of who saved or approved it, and
    which content (``content_hash``: SHA-256 of the file's bytes) is kept here. ``detail``
    holds JSON text (sorted keys): the approval's date and meeting, the file, the values the
    approved contract no longer has targets for. Rows are only ever added.
    """

    __tablename__ = "contract_event"
    __table_args__ = (Index("ix_contract_event_house_year", "house", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    house: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(Text)


class ReportSnapshot(Base):
    """What a report showed at one moment: values, round status and contract text, frozen.

    A report made from a snapshot is the same report however the values change afterwards
    (docs/reports.md). ``house`` is an erhvervshus key, or "landet" for the national report.
    The contract and the values are kept as text (YAML and JSON) exactly as they were read;
    rows are only ever added.
    """

    __tablename__ = "report_snapshot"
    __table_args__ = (
        CheckConstraint("period IN ('H1', 'FY')", name="period"),
        CheckConstraint("reason IN ('indsendt', 'godkendt', 'bestilt')", name="reason"),
        Index("ix_report_snapshot_house_year", "house", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    house: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(2))
    # Why it was taken: the round was submitted or approved, or someone asked for a report.
    reason: Mapped[str] = mapped_column(String(20))
    # The round's status at that moment; None when no value had been written to it yet.
    round_status: Mapped[str | None] = mapped_column(String(10))
    has_demo: Mapped[bool] = mapped_column(default=False)
    # The report's own contract as YAML, and its SHA-256 (None for the national report).
    contract_hash: Mapped[str | None] = mapped_column(String(64))
    contract_yaml: Mapped[str | None] = mapped_column(Text)
    # JSON: the other contracts the report reads (earlier years for trends, or the six houses).
    contracts_json: Mapped[str] = mapped_column(Text)
    # JSON: every reported value (comments included) the report reads, as store.values() gave.
    values_json: Mapped[str] = mapped_column(Text)
    # JSON: the rounds the report names, with status and demo marking.
    rounds_json: Mapped[str] = mapped_column(Text)
    taken_by: Mapped[str] = mapped_column(String(100))
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)


class User(Base):
    """A person who logs in, with the role that says what they may do (docs/roles.md).

    ``password_hash`` is an argon2id hash (None: single sign-on only). ``failed_logins`` and
    ``locked_until`` hold the lock-out after repeated failures."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('erhvervshus', 'kkr', 'kkr_medlem', 'admin')", name="role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    oidc_subject: Mapped[str | None] = mapped_column(String(255), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    house: Mapped[str | None] = mapped_column(String(20))
    kkr: Mapped[str | None] = mapped_column(String(40))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(default=False)
    is_demo: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuthSession(Base):
    """A login: only the SHA-256 of its opaque token is kept (docs/roles.md)."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked: Mapped[bool] = mapped_column(default=False)
