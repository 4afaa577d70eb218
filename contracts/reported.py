"""The shape of reported values as they cross the system: the store hands them out as a
DataFrame with ``VALUE_COLUMNS``, and the metrics read that frame. One definition for both.

A value is a number or its parts (``VALUE_PARTS``): tæller/nævner for a share, promotorer/
passive/kritikere for an NPS. Kommune "" is the total, "0" outside the geography.
"""

from __future__ import annotations

VALUE_PARTS: tuple[str, ...] = (
    "value",
    "numerator",
    "denominator",
    "promoters",
    "passives",
    "detractors",
)
VALUE_COLUMNS: tuple[str, ...] = (
    "house",
    "year",
    "period",
    "target",
    "kommune",
    *VALUE_PARTS,
    "comment",
    "source",
    "entered_by",
    "entered_at",
    "version",
    "is_demo",
)
TOTAL = ""
OUTSIDE = "0"
