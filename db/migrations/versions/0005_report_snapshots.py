"""report snapshots: what a report showed at one moment (docs/reports.md)

Revision ID: 0005_report_snapshots
Revises: 0004_contract_events
Create Date: 2026-12-07 04:32:00.134193
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005_report_snapshots"
# Chained after the newest migration on main; relink when another lands before this one.
down_revision: str | None = "0004_contract_events"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "report_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("house", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=2), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("round_status", sa.String(length=10), nullable=True),
        sa.Column("has_demo", sa.Boolean(), nullable=False),
        sa.Column("contract_hash", sa.String(length=64), nullable=True),
        sa.Column("contract_yaml", sa.Text(), nullable=True),
        sa.Column("contracts_json", sa.Text(), nullable=False),
        sa.Column("values_json", sa.Text(), nullable=False),
        sa.Column("rounds_json", sa.Text(), nullable=False),
        sa.Column("taken_by", sa.String(length=100), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("period IN ('H1', 'FY')", name=op.f("ck_report_snapshot_period")),
        sa.CheckConstraint(
            "reason IN ('indsendt', 'godkendt', 'bestilt')",
            name=op.f("ck_report_snapshot_reason"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_snapshot")),
    )
    with op.batch_alter_table("report_snapshot", schema=None) as batch_op:
        batch_op.create_index("ix_report_snapshot_house_year", ["house", "year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_snapshot", schema=None) as batch_op:
        batch_op.drop_index("ix_report_snapshot_house_year")
    op.drop_table("report_snapshot")
