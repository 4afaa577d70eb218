"""A comment belongs to a target in a round: a total row may hold a comment and no number.

The store keeps such a row like any value (versioned, audited, exported); a kommune row needs
a number, and a row with neither number nor comment is refused, by the checks and by the
database itself (migration 0002_target_comments).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from db import SaveResult, Store, ValueKey, ValueRow
from db.errors import ValidationFailed

H1_9A = ValueKey("sjaelland", 2022, "H1", "9a")


def test_a_comment_without_a_number_is_stored_and_audited_on_the_target(store: Store) -> None:
    result = store.save(
        [ValueRow(H1_9A, comment="Landkommunerne halter efter", expected_version=0)], user="anna"
    )

    assert result == SaveResult(inserted=1, changed=0, unchanged=0, deleted=0)
    stored = store.values().iloc[0]
    assert (stored["target"], stored["comment"], stored["version"]) == (
        "9a",
        "Landkommunerne halter efter",
        1,
    )
    assert stored[["value", "numerator", "promoters"]].isna().all()
    new = json.loads(store.audit(target="9a").iloc[0]["new"])
    assert (new["comment"], new["value"]) == ("Landkommunerne halter efter", None)


def test_a_value_may_later_join_the_comment_on_the_same_row(store: Store) -> None:
    store.save([ValueRow(H1_9A, comment="Forklaring", expected_version=0)], user="anna")

    store.save([ValueRow(H1_9A, value=4, comment="Forklaring", expected_version=1)], user="bo")

    stored = store.values().iloc[0]
    assert (stored["value"], stored["comment"], stored["version"]) == (4.0, "Forklaring", 2)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (ValueRow(H1_9A, comment="  "), "9a, Erhvervshus Sjælland 1. halvår 2022: hverken tal"),
        (
            ValueRow(ValueKey("sjaelland", 2022, "H1", "8a", "259"), comment="Køge"),
            "8a, Erhvervshus Sjælland 1. halvår 2022 (kommune 259): en kommunerække skal have et tal",
        ),
    ],
)
def test_a_row_without_a_number_needs_a_comment_and_must_be_the_total(
    store: Store, row: ValueRow, problem: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        store.save([row], user="anna")

    assert caught.value.problems[0].startswith(problem)
    assert store.values().empty


def test_the_database_refuses_a_row_with_neither_number_nor_comment(store: Store) -> None:
    insert = text(
        "INSERT INTO reported_value (house, year, period, target, kommune, source, entered_by,"
        " entered_at, version, is_demo) VALUES ('fyn', 2022, 'H1', '8a', '', 'x', 'x',"
        " '2026-01-01 00:00:00', 1, false)"
    )
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(insert)


def test_downgrade_to_0001_drops_comment_only_rows_and_upgrade_restores_the_rule(
    store: Store,
) -> None:
    from alembic import command

    from db.migrate import alembic_config, head_revision

    store.save([ValueRow(H1_9A, comment="Forklaring")], user="anna")
    store.save([ValueRow(ValueKey("sjaelland", 2022, "H1", "8b"), value=470)], user="anna")

    command.downgrade(alembic_config(store.engine), "0001")
    with store.engine.connect() as conn:
        left = conn.execute(text("SELECT target FROM reported_value")).scalars().all()
    assert left == ["8b"]

    assert store.upgrade() == head_revision(store.engine)
    store.save([ValueRow(H1_9A, comment="Forklaring")], user="anna")
    assert sorted(store.values()["target"]) == ["8b", "9a"]
