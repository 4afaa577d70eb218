"""a comment belongs to a target in a round: a total row may hold only a comment

Revision ID: 0002_target_comments
Revises: 0001
Create Date: 2026-11-24 09:00:00

Before this revision every stored row carried a number, so a computed target (a spread from
another target's kommune rows) or one not yet measured could not carry its explanation. A
total row (kommune '') may now hold a comment alone; a row with neither a number nor a
comment, and a kommune row without a number, are refused by the database as well.
"""

from __future__ import annotations

from alembic import op

revision: str = "0002_target_comments"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

VALUE_OR_COMMENT = (
    "value IS NOT NULL OR numerator IS NOT NULL OR denominator IS NOT NULL "
    "OR promoters IS NOT NULL OR passives IS NOT NULL OR detractors IS NOT NULL "
    "OR (comment IS NOT NULL AND kommune = '')"
)


def upgrade() -> None:
    with op.batch_alter_table("reported_value", schema=None) as batch_op:
        batch_op.create_check_constraint("value_or_comment", VALUE_OR_COMMENT)


def downgrade() -> None:
    # Comment-only rows have no place in the old schema: they are removed with the rule.
    op.execute(
        "DELETE FROM reported_value WHERE value IS NULL AND numerator IS NULL "
        "AND denominator IS NULL AND promoters IS NULL AND passives IS NULL "
        "AND detractors IS NULL"
    )
    with op.batch_alter_table("reported_value", schema=None) as batch_op:
        batch_op.drop_constraint("value_or_comment", type_="check")
