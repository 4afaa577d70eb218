"""How a target reads in Danish: its kind, direction, number with its unit, the måltal, its
result against the måltal, its timing and its status. One wording for the pages, the command
line, exports and reports (``docs/wording.md``); numbers through ``contracts.danish``.

Pure: a :class:`~contracts.models.Target` (and, for a result, a row of the fulfilment table
as a mapping) in, text out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from contracts import danish
from contracts.models import Measurement, Target

KIND_LABELS: dict[str, str] = {
    "count": "antal",
    "amount": "beløb",
    "percentage": "procentdel",
    "nps": "NPS",
    "ratio": "faktor",
    "level": "niveau",
    "change_pp": "ændring i procentpoint",
    "change_relative": "relativ ændring",
    "range": "interval",
    "milestone": "milepæl",
    "assessment": "vurdering",
    "coverage": "dækning",
    "spread": "spredning",
}
DIRECTION_LABELS: dict[str, str] = {"at_least": "mindst", "at_most": "højst", "above": "over"}
#: The status of a target or goal in a period (codes in ``metrics.statuses``).
STATUS_LABELS: dict[str, str] = {
    "opfyldt": "Opfyldt",
    "paa_vej": "På vej",
    "i_risiko": "I risiko",
    "ikke_opfyldt": "Ikke opfyldt",
    "mangler_data": "Mangler data",
    "maales_senere": "Måles senere",
    "maalt_tidligere": "Målt tidligere",
}
#: What a goal without any target shows instead of a status (it has none).
NO_TARGETS_LABEL = "Ingen måltal i kontrakten"
NOT_STATED = "måltal ikke oplyst"
POINTS = "procentpoint"
#: Decimals of a measured result per kind, fixed (56,0 %) — other kinds are shown as written,
#: to at most one decimal (837 forløb; 113,4 virksomheder; forventet 0,5).
RESULT_DECIMALS: dict[str, int] = {
    "percentage": 1,
    "change_pp": 1,
    "level": 1,
    "spread": 1,
    "nps": 0,
    "ratio": 2,
}
BINARY = frozenset({"milestone", "assessment"})
#: Decimals tried, in turn, so that a result never reads equal to a måltal it misses.
_MORE_DECIMALS = (2, 3, 4)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def quantity(
    kind: str,
    value: float | None,
    unit: str | None = None,
    unit_singular: str | None = None,
    *,
    result: bool = False,
    decimals: int | None = None,
) -> str:
    """A number of a kind with its unit: "1.680 forløb", "1 koordinering", "56,0 %" (a
    result), "50 %" (a måltal), "NPS 55", "faktor 2,50", "4,2 procentpoint", "Ja"."""
    if _missing(value):
        return danish.MISSING
    assert value is not None
    if kind in BINARY:
        return "Ja" if value >= 1 - 1e-9 else "Nej"
    if decimals is None and result:
        decimals = RESULT_DECIMALS.get(kind)
    if kind in {"percentage", "change_pp"}:
        return danish.percent(value, decimals)
    if kind in {"level", "spread"}:
        return f"{danish.number(value, decimals, max_decimals=1)} {unit or POINTS}"
    if kind == "nps":
        return f"NPS {danish.number(value, decimals, max_decimals=0)}"
    if kind == "ratio":
        return f"{unit or 'faktor'} {danish.number(value, 2 if decimals is None else decimals)}"
    text = danish.number(value, decimals, max_decimals=1)
    if kind == "coverage":
        return danish.counted(text, "kommune", "kommuner")
    if kind == "amount":
        unit = unit or danish.AMOUNT_UNIT
    return danish.counted(text, unit_singular, unit)


def value_text(target: Target, value: float | None, *, result: bool = True, **kw: Any) -> str:
    """A value of ``target`` (reported, expected, its måltal) with the target's unit."""
    kind = "assessment" if target.judged_as_assessment else target.kind
    return quantity(kind, value, target.unit, target.unit_singular, result=result, **kw)


def level_text(target: Target, value: float | None = None) -> str:
    """What a number is held against, in short: "mindst 1.680 forløb", "højst 10
    procentpoint", "mellem 15 og 20 virksomheder"; "–" for yes/no kinds."""
    goal = target.target_value if value is None else value
    if not target.value_stated:
        return NOT_STATED
    if goal is None:
        return danish.MISSING
    if target.kind == "range" and target.upper is not None:
        upper = value_text(target, target.upper, result=False)
        return f"mellem {danish.number(goal, max_decimals=1)} og {upper}"
    return f"{DIRECTION_LABELS[target.direction]} {value_text(target, goal, result=False)}"


def requirement(target: Target) -> str | None:
    """The måltal as a Danish phrase (None for milestones and assessments):
    "mindst 1.680 forløb", "mindst 39 % (5 procentpoint over udgangsniveauet 34 %)",
    "mindst 17 kommuner med mindst 1 case", "afvigelse på højst 10 procentpoint"."""
    if not target.value_stated:
        return NOT_STATED
    if target.value is None:
        return None
    level = level_text(target)
    if target.kind in {"change_pp", "change_relative"} and target.baseline is not None:
        step = f"{danish.number(target.value)} {POINTS if target.kind == 'change_pp' else '%'}"
        base = value_text(target, target.baseline.value, result=False)
        return f"{level} ({step} over udgangsniveauet {base})"
    if target.kind == "coverage":
        minimum = danish.number(target.minimum_per_kommune or 1)
        each = danish.counted(minimum, target.unit_singular, target.unit)
        return f"{level} med mindst {each}"
    if target.kind == "spread":
        return f"afvigelse på {level}"
    return level


def measured_text(measured: Measurement) -> str:
    """``"1. halvår og helår"``, ``"kun helår"``, ``"kun helår 2021"``."""
    periods = [danish.period_label(p) for p in measured.periods]
    text = danish.join(periods) if len(periods) > 1 else f"kun {periods[0]}"
    if measured.years:
        text += " " + danish.join(str(y) for y in sorted(measured.years))
    return text


def baseline_text(target: Target) -> str | None:
    """``"34 % i 2020 (ERST kendskabsmåling)"``, ``"108 virksomheder i 2020"``."""
    baseline = target.baseline
    if baseline is None:
        return None
    source = f" ({baseline.source})" if baseline.source else ""
    return f"{value_text(target, baseline.value, result=False)} i {baseline.year}{source}"


def later_text(target: Target) -> str:
    """Why a target measured later has no result yet."""
    return f"Måles senere: målet opgøres {measured_text(target.measured)}."


def _number(row: Mapping[str, Any], column: str) -> float | None:
    value = row.get(column)
    return None if value is None or _missing(value) else float(value)


def result_number(target: Target, actual: float, goal: float | None) -> str:
    """The measured number, with more decimals only where rounding would make a miss read as
    the måltal itself (49,96 % against 50 %, never "50,0 %")."""
    shown = value_text(target, actual)
    if goal is None or abs(actual - goal) <= 1e-9 * max(1.0, abs(goal)):
        return shown
    if shown != value_text(target, goal):
        return shown
    for decimals in _MORE_DECIMALS:
        candidate = value_text(target, actual, decimals=decimals)
        if candidate != value_text(target, goal, decimals=decimals):
            return candidate
    return shown


SEASONS: dict[str, str] = {
    "spring": "foråret",
    "summer": "sommeren",
    "autumn": "efteråret",
    "winter": "vinteren",
}
#: How a value reported where its target is not normally measured is marked (docs/rules.md).
PRELIMINARY = "Foreløbigt tal"


def measured_in(target: Target, year: int) -> str:
    """``"Målt i efteråret 2021"``, ``"Målt i 2021"``."""
    season = SEASONS.get(target.measured.season or "")
    return f"Målt i {season} {year}" if season else f"Målt i {year}"


def earlier_text(row: Mapping[str, Any], target: Target) -> str:
    """A measurement made before the contract year, with its result where it is known."""
    year = row.get("earlier_year")
    if year is None or _missing(year):
        years = sorted(target.measured.years or ())
        year = years[-1] if years else None
    when = measured_in(target, int(year)) if year is not None else "Målt før kontraktåret"
    value = _number(row, "earlier_actual")
    if value is None:
        return f"{when}; resultatet er ikke oplyst i kilderne."
    source = row.get("earlier_source")
    origin = "indberettet for året" if source == "indberettet" else f"kilde: {source}"
    return f"{when}: {_judged_text(value, _number(row, 'target_value'), row, target)} ({origin})."


def result_text(row: Mapping[str, Any], target: Target) -> str:
    """A target's result in a period: "56,0 % (mål: mindst 50 %)", "837 forløb (mål: mindst
    1.680 forløb; forventet ved 1. halvår: 840 forløb)", "Gennemført", "Måles senere: …",
    "Målt i efteråret 2021; …"; a value where the target is not normally measured is marked
    "Foreløbigt tal".

    ``row`` is a row of ``metrics.fulfilment`` as a mapping."""
    text = _result_text(row, target)
    return f"{PRELIMINARY}: {text}" if bool(row.get("preliminary")) else text


def _result_text(row: Mapping[str, Any], target: Target) -> str:
    status = row.get("status")
    if status == "maalt_tidligere":
        return earlier_text(row, target)
    actual = _number(row, "actual")
    if actual is None:
        if status == "maales_senere":
            return later_text(target)
        return "Ingen tal indberettet for perioden."
    if target.kind == "milestone":
        return "Gennemført" if actual >= 1 else "Ikke gennemført"
    if target.judged_as_assessment:
        return "Vurderet som nået" if actual >= 1 else "Vurderet som ikke nået"
    return _judged_text(actual, _number(row, "target_value"), row, target)


def _judged_text(actual: float, goal: float | None, row: Mapping[str, Any], target: Target) -> str:
    shown = result_number(target, actual, goal)
    if target.kind == "spread":
        shown = f"Største afvigelse {shown}"
    if target.kind == "coverage":
        minimum = danish.number(target.minimum_per_kommune or 1)
        shown += f" med mindst {danish.counted(minimum, target.unit_singular, target.unit)}"
    notes = [f"mål: {level_text(target, goal)}"] if goal is not None else []
    expected = _number(row, "expected")
    if expected is not None and row.get("period") == "H1":
        # A whole-number kind keeps a decimal that is there ("forventet ... 0,5").
        notes.append(f"forventet ved 1. halvår: {value_text(target, expected, result=False)}")
    text = f"{shown} ({'; '.join(notes)})" if notes else shown
    low, high = _number(row, "ci_low"), _number(row, "ci_high")
    if low is not None and high is not None:
        text += f"; 95 %-interval {danish.percent(low, 1)}–{danish.percent(high, 1)}"
    return text


def fulfilment_text(row: Mapping[str, Any]) -> str | None:
    """``"Målopfyldelse 98 %"``; None where the kind has no fulfilment."""
    value = _number(row, "fulfilment")
    return None if value is None else f"Målopfyldelse {danish.percent(value, 0)}"
