"""The shape of reported values as they cross the system: the store hands them out as a
DataFrame with ``VALUE_COLUMNS``, and the metrics read that frame. One definition for both.

A value is a number or its parts (``VALUE_PARTS``): tæller/nævner for a share, promotorer/
passive/kritikere for an NPS. Kommune "" is the total, "0" outside the geography.
"""

from __future__ import annotations

#: The parts of a share (a percentage = 100 × numerator ÷ denominator).
SHARE_PARTS: tuple[str, ...] = ("numerator", "denominator")
#: The parts of a Net Promoter Score (% promoters − % detractors, docs/decisions.md).
NPS_PARTS: tuple[str, ...] = ("promoters", "passives", "detractors")
#: Everything a value can be given as: the number itself, or the parts it is computed from.
VALUE_PARTS: tuple[str, ...] = ("value", *SHARE_PARTS, *NPS_PARTS)
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
