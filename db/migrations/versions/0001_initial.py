"""reported values, audit trail and report rounds

Revision ID: 0001
Revises: -
Create Date: 2026-11-23 13:28:52.907188
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("house", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=2), nullable=False),
        sa.Column("target", sa.String(length=40), nullable=False),
        sa.Column("kommune", sa.String(length=4), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_house_year", ["house", "year"], unique=False)

    op.create_table(
        "report_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("house", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=2), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("period IN ('H1', 'FY')", name=op.f("ck_report_round_period")),
        sa.CheckConstraint(
            "status IN ('åben', 'indsendt', 'godkendt')", name=op.f("ck_report_round_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_round")),
        sa.UniqueConstraint(
            "house", "year", "period", name=op.f("uq_report_round_house_year_period")
        ),
    )
    op.create_table(
        "reported_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("house", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=2), nullable=False),
        sa.Column("target", sa.String(length=40), nullable=False),
        sa.Column("kommune", sa.String(length=4), nullable=False),
        sa.Column("value", sa.Double(), nullable=True),
        sa.Column("numerator", sa.Double(), nullable=True),
        sa.Column("denominator", sa.Double(), nullable=True),
        sa.Column("promoters", sa.Double(), nullable=True),
        sa.Column("passives", sa.Double(), nullable=True),
        sa.Column("detractors", sa.Double(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.Column("entered_by", sa.String(length=100), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.CheckConstraint("period IN ('H1', 'FY')", name=op.f("ck_reported_value_period")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_reported_value_version")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reported_value")),
        sa.UniqueConstraint(
            "house",
            "year",
            "period",
            "target",
            "kommune",
            name=op.f("uq_reported_value_house_year_period_target_kommune"),
        ),
    )


def downgrade() -> None:
    op.drop_table("reported_value")
    op.drop_table("report_round")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_house_year")

    op.drop_table("audit_event")
