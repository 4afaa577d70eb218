"""Danish wording of one target's result in a period (a row of ``metrics.fulfilment``).

Pure: a fulfilment row (a mapping) and the contract's target in, text out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

from contracts.models import Target
from metrics.format import fmt_percent, fmt_value
from ui import describe

#: Colours of ``st.badge`` per status; the Danish label always stands beside the colour.
BadgeColor = Literal["red", "orange", "yellow", "blue", "green", "violet", "gray", "primary"]
BADGE_COLORS: dict[str, BadgeColor] = {
    "opfyldt": "green",
    "paa_vej": "blue",
    "i_risiko": "orange",
    "ikke_opfyldt": "red",
    "mangler_data": "gray",
    "maales_senere": "violet",
}


def _number(row: Mapping[str, Any], column: str) -> float | None:
    value = row.get(column)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _fmt(target: Target, value: float | None) -> str:
    unit = target.unit if target.kind in {"count", "amount", "coverage", "range"} else None
    return fmt_value(target.kind, value, unit)


def later_text(target: Target) -> str:
    """Why there is no result yet for a target that is measured later."""
    return f"Måles senere: målet opgøres {describe.measured_text(target.measured)}."


def record(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A row of a DataFrame's ``to_dict("records")`` with string keys."""
    return {str(k): v for k, v in row.items()}


def result_text(row: Mapping[str, Any], target: Target) -> str:
    """``"837 forløb af 1.680 forløb (forventet ved 1. halvår: 840 forløb)"`` and the like."""
    status = row["status"]
    if status == "maales_senere":
        return later_text(target)
    actual = _number(row, "actual")
    if actual is None:
        return "Ingen tal indberettet for perioden."
    if target.kind == "milestone":
        return "Gennemført" if actual >= 1 else "Ikke gennemført"
    if target.judged_as_assessment:
        return "Vurderet som nået" if actual >= 1 else "Vurderet som ikke nået"
    goal = _number(row, "target_value")
    if target.kind == "spread":
        text = f"Største afvigelse {fmt_value('spread', actual)}"
        return f"{text} (højst {fmt_value('spread', goal)})" if goal is not None else text
    if target.kind == "range":
        upper = _number(row, "upper")
        unit = f" {target.unit}" if target.unit else ""
        bounds = f"{fmt_value('range', goal)}–{fmt_value('range', upper)}{unit}"
        text = f"{_fmt(target, actual)} (mål: {bounds})"
    elif target.is_cumulative or target.kind in {"count", "amount", "coverage"}:
        text = f"{_fmt(target, actual)} af {_fmt(target, goal)}"
    else:
        direction = describe.DIRECTION_LABELS[target.direction]
        text = f"{_fmt(target, actual)} (mål: {direction} {_fmt(target, goal)})"
    expected = _number(row, "expected")
    if expected is not None and row.get("period") == "H1":
        text += f", forventet ved 1. halvår: {_fmt(target, expected)}"
    low, high = _number(row, "ci_low"), _number(row, "ci_high")
    if low is not None and high is not None:
        text += f"; 95 %-interval {fmt_percent(low)}–{fmt_percent(high)}"
    return text


def fulfilment_share(row: Mapping[str, Any]) -> float | None:
    """Fulfilment as 0–1 for a progress bar (capped at 1), or None where it has none."""
    value = _number(row, "fulfilment")
    if value is None:
        return None
    return max(0.0, min(value / 100, 1.0))


def fulfilment_text(row: Mapping[str, Any]) -> str | None:
    value = _number(row, "fulfilment")
    return None if value is None else f"Målopfyldelse {fmt_percent(value, 0)}"
