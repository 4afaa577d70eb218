"""contract events: who saved a draft or approved a contract, and when

Revision ID: 0004_contract_events
Revises: 0002_target_comments
Create Date: 2026-12-01 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004_contract_events"
down_revision: str | None = "0002_target_comments"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "contract_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("house", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_event")),
    )
    with op.batch_alter_table("contract_event", schema=None) as batch_op:
        batch_op.create_index("ix_contract_event_house_year", ["house", "year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contract_event", schema=None) as batch_op:
        batch_op.drop_index("ix_contract_event_house_year")
    op.drop_table("contract_event")
