"""A value's parts are named once (``contracts.reported``); every typed record that carries
them, and the import's Danish columns, follow that one list in its order."""

from __future__ import annotations

import dataclasses

from contracts.reported import NPS_PARTS, SHARE_PARTS, VALUE_COLUMNS, VALUE_PARTS
from db.models import ReportedValue
from db.records import ValueRow
from metrics.values import Reported
from services.values_io.validate import FIELD_OF, PARTS


def test_the_parts_are_the_number_then_a_shares_then_an_nps() -> None:
    assert VALUE_PARTS == (
        "value",
        "numerator",
        "denominator",
        "promoters",
        "passives",
        "detractors",
    )
    assert ("value", *SHARE_PARTS, *NPS_PARTS) == VALUE_PARTS


def test_the_records_that_carry_a_value_name_its_parts_in_order() -> None:
    row_fields = [f.name for f in dataclasses.fields(ValueRow)]
    assert tuple(row_fields[1:7]) == VALUE_PARTS
    assert Reported._fields[:6] == VALUE_PARTS
    columns = [c.name for c in ReportedValue.__table__.columns]
    assert tuple(c for c in columns if c in VALUE_PARTS) == VALUE_PARTS
    assert tuple(c for c in VALUE_COLUMNS if c in VALUE_PARTS) == VALUE_PARTS


def test_the_import_columns_map_onto_the_parts() -> None:
    assert tuple(FIELD_OF.values()) == VALUE_PARTS
    assert [tuple(FIELD_OF[c] for c in group) for group in PARTS.values()] == [
        ("value",),
        SHARE_PARTS,
        NPS_PARTS,
    ]
