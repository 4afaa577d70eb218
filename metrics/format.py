"""Danish number, date and period formats for everything a user reads.

Thousands are grouped with ``.`` and decimals use ``,`` (1.680; 50,5 %). The helpers return
"–" for a missing number so tables never show ``nan``.
"""

from __future__ import annotations

import datetime as dt
import math

MISSING = "–"

MONTHS: tuple[str, ...] = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

PERIOD_NAMES: dict[str, str] = {"H1": "1. halvår", "FY": "Helår"}

#: Decimals shown per kind (the numbers themselves stay unrounded).
KIND_DECIMALS: dict[str, int] = {
    "count": 0,
    "coverage": 0,
    "amount": 1,
    "percentage": 1,
    "nps": 0,
    "ratio": 2,
    "level": 1,
    "change_pp": 1,
    "change_relative": 1,
    "range": 0,
    "spread": 1,
}


def _is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float | None, decimals: int = 0) -> str:
    """``1680 -> "1.680"``, ``fmt_number(50.5, decimals=1) -> "50,5"``, ``-3 -> "-3"``."""
    if _is_missing(value):
        return MISSING
    assert value is not None
    text = f"{value:,.{decimals}f}"
    if decimals == 0 and text in {"-0"}:
        text = "0"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_percent(value: float | None, decimals: int = 1) -> str:
    """``50.5 -> "50,5 %"``."""
    if _is_missing(value):
        return MISSING
    return f"{fmt_number(value, decimals)} %"


def fmt_value(kind: str, value: float | None, unit: str | None = None) -> str:
    """A reported or target number as its kind reads in Danish.

    Milestones and assessments read "Ja"/"Nej"; percentages and change_pp levels carry "%", spread "pct.-point"
    (a deviation); other kinds append their unit when one is given.
    """
    if _is_missing(value):
        return MISSING
    assert value is not None
    if kind in {"milestone", "assessment"}:
        return "Ja" if value >= 1 - 1e-9 else "Nej"
    decimals = KIND_DECIMALS.get(kind, 1)
    if decimals and float(value).is_integer() and kind not in {"ratio"}:
        decimals = 0
    if kind in {"percentage", "change_pp"}:
        # A change in percentage points is held against a level that is a share.
        return fmt_percent(value, decimals)
    if kind == "change_relative":
        # The unit of a relative change is its "%"; the level itself has the baseline's unit.
        return fmt_number(value, decimals)
    if kind == "spread":
        return f"{fmt_number(value, decimals)} pct.-point"
    text = fmt_number(value, decimals)
    return f"{text} {unit}" if unit else text


def period_label(period: str, year: int) -> str:
    """``("H1", 2026) -> "1. halvår 2026"``, ``("FY", 2026) -> "Helår 2026"``."""
    return f"{PERIOD_NAMES.get(period, period)} {year}"


def fmt_date(day: dt.date | None) -> str:
    """``date(2025, 10, 24) -> "24. oktober 2025"``."""
    if day is None:
        return MISSING
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
