"""A target's wording in the reports: its label, what it asks for, its result in a period.

Kept apart from the rest of the report's Danish (``services.report.wording``, which re-exports
these) because it is the part the project's one wording module takes over; the reports call
it only through ``wording``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from contracts.describe import DIRECTION_LABELS, target_requirement
from contracts.models import Target
from metrics.format import fmt_percent, fmt_value

PERIOD_WORDS = {"H1": "1. halvår", "FY": "helår"}


def target_label(target: Target) -> str:
    """The target as people write it ("8c – vækstplaner"); its key until labels exist."""
    label = getattr(target, "label", None)
    return str(label) if label else target.key


def _number(row: Mapping[str, Any], column: str) -> float | None:
    value = row.get(column)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _fmt(target: Target, value: float | None) -> str:
    unit = target.unit if target.kind in {"count", "amount", "coverage", "range"} else None
    return fmt_value(target.kind, value, unit)


def requirement(target: Target, municipalities: int | None = None) -> str:
    """What the target asks for: "mindst 1.680 forløb"."""
    return target_requirement(target, municipalities)


def result_text(row: Mapping[str, Any], target: Target) -> str:
    """A target's result in a period: "837 forløb af 1.680 forløb, forventet …"."""
    status = row["status"]
    actual = _number(row, "actual")
    if status == "maales_senere":
        return "Måles senere"
    if actual is None:
        return "Ingen tal indberettet"
    if target.kind == "milestone":
        return "Gennemført" if actual >= 1 else "Ikke gennemført"
    if target.judged_as_assessment:
        return "Vurderet som nået" if actual >= 1 else "Vurderet som ikke nået"
    goal = _number(row, "target_value")
    if target.kind == "spread":
        return f"Største afvigelse {fmt_value('spread', actual)}"
    if target.kind == "range":
        text = _fmt(target, actual)
    elif target.is_cumulative or target.kind in {"count", "amount", "coverage"}:
        text = f"{_fmt(target, actual)} af {_fmt(target, goal)}"
    else:
        direction = DIRECTION_LABELS[target.direction]
        text = f"{_fmt(target, actual)} (mål: {direction} {_fmt(target, goal)})"
    expected = _number(row, "expected")
    if expected is not None and row.get("period") == "H1":
        text += f", forventet ved 1. halvår: {_fmt(target, expected)}"
    low, high = _number(row, "ci_low"), _number(row, "ci_high")
    if low is not None and high is not None:
        text += f"; 95 %-interval {fmt_percent(low)}–{fmt_percent(high)}"
    return text


def fulfilment_text(row: Mapping[str, Any]) -> str:
    value = _number(row, "fulfilment")
    return "–" if value is None else fmt_percent(value, 0)


def measured_text(target: Target) -> str:
    """``"1. halvår og helår"``, ``"kun helår 2021 og 2023"``."""
    periods = [PERIOD_WORDS[p] for p in target.measured.periods]
    text = " og ".join(periods) if len(periods) > 1 else f"kun {periods[0]}"
    years = sorted(target.measured.years or ())
    if years:
        text += " " + " og ".join(str(y) for y in years)
    return text


def baseline_text(target: Target) -> str | None:
    baseline = target.baseline
    if baseline is None:
        return None
    kind = "percentage" if target.kind in {"percentage", "change_pp"} else "level"
    level = fmt_value(kind, baseline.value)
    source = f" ({baseline.source})" if baseline.source else ""
    return f"{level} i {baseline.year}{source}"
