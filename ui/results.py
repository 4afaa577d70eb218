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
from ui import format as fmt

#: Colours of ``st.badge`` per status; the Danish label always stands beside the colour.
BadgeColor = Literal["red", "orange", "yellow", "blue", "green", "violet", "gray", "primary"]
BADGE_COLORS: dict[str, BadgeColor] = {
    "opfyldt": "green",
    "paa_vej": "blue",
    "i_risiko": "orange",
    "ikke_opfyldt": "red",
    "mangler_data": "gray",
    "maales_senere": "violet",
    "maalt_tidligere": "primary",
}
SEASONS: dict[str, str] = {
    "spring": "foråret",
    "summer": "sommeren",
    "autumn": "efteråret",
    "winter": "vinteren",
}
PRELIMINARY = "Foreløbigt tal"


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


def measured_in(target: Target, year: int) -> str:
    """``"Målt i efteråret 2021"``, ``"Målt i 2021"``."""
    season = SEASONS.get(target.measured.season or "")
    return f"Målt i {season} {year}" if season else f"Målt i {year}"


def earlier_text(row: Mapping[str, Any], target: Target) -> str:
    """A measurement made before the contract year, with its result where it is known."""
    year = row.get("earlier_year")
    if year is None or (isinstance(year, float) and math.isnan(year)):
        years = sorted(target.measured.years or ())
        year = years[-1] if years else None
    when = measured_in(target, int(year)) if year is not None else "Målt før kontraktåret"
    value = _number(row, "earlier_actual")
    if value is None:
        return f"{when}; resultatet er ikke oplyst i kilderne."
    source = row.get("earlier_source")
    origin = "indberettet for året" if source == "indberettet" else f"kilde: {source}"
    result = _judged_text(value, _number(row, "target_value"), row, target)
    return f"{when}: {result} ({origin})."


def expected_text(target: Target, value: float) -> str:
    """The H1 expectation, with its decimal where it is not whole ("forventet 0,5")."""
    if target.kind in {"count", "coverage"} and not float(value).is_integer():
        unit = f" {target.unit}" if target.unit else ""
        return f"{fmt.number(value)}{unit}"
    return _fmt(target, value)


def result_text(row: Mapping[str, Any], target: Target) -> str:
    """``"837 forløb af 1.680 forløb (forventet ved 1. halvår: 840 forløb)"`` and the like.

    A value where the target is not normally measured is marked "Foreløbigt tal"."""
    text = _result_text(row, target)
    if bool(row.get("preliminary")):
        return f"{PRELIMINARY}: {text}"
    return text


def _result_text(row: Mapping[str, Any], target: Target) -> str:
    status = row["status"]
    if status == "maales_senere":
        return later_text(target)
    if status == "maalt_tidligere":
        return earlier_text(row, target)
    actual = _number(row, "actual")
    if actual is None:
        return "Ingen tal indberettet for perioden."
    if target.kind == "milestone":
        return "Gennemført" if actual >= 1 else "Ikke gennemført"
    if target.judged_as_assessment:
        return "Vurderet som nået" if actual >= 1 else "Vurderet som ikke nået"
    text = _judged_text(actual, _number(row, "target_value"), row, target)
    if target.kind == "spread":
        return text
    expected = _number(row, "expected")
    if expected is not None and row.get("period") == "H1":
        text += f", forventet ved 1. halvår: {expected_text(target, expected)}"
    low, high = _number(row, "ci_low"), _number(row, "ci_high")
    if low is not None and high is not None:
        text += f"; 95 %-interval {fmt_percent(low)}–{fmt_percent(high)}"
    return text


def _judged_text(actual: float, goal: float | None, row: Mapping[str, Any], target: Target) -> str:
    """The number against its måltal: "1.700 forløb af 1.680 forløb", "9,5 % (mål: …)"."""
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
