"""store generation: one row every write changes, the data version shared page caches key by
(docs/shared-installation.md, "Pages cheap enough to share")

Revision ID: 0007_store_generation
Revises: 0006_users
Create Date: 2026-12-07 11:40:00.000000
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision: str = "0007_store_generation"
# Chained after the newest migration on main; relink when another lands before this one.
down_revision: str | None = "0006_users"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    table = op.create_table(
        "store_generation",
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_store_generation")),
    )
    # "*" (a write that names no house), the six erhvervshuse and "landet": written out here,
    # as they were when this migration was made (db/generation.py lists them for the code).
    scopes = ["*", "hovedstaden", "sjaelland", "fyn", "sydjylland", "midtjylland"]
    scopes += ["nordjylland", "landet"]
    op.bulk_insert(table, [{"scope": s, "counter": 0, "token": uuid.uuid4().hex} for s in scopes])


def downgrade() -> None:
    op.drop_table("store_generation")
