"""Danish text for a contract's parts: a target's number, baseline, timing and details.

Pure functions over the contract models (no Streamlit), so the wording is tested directly.
"""

from __future__ import annotations

from contracts.describe import DIRECTION_LABELS, KIND_LABELS, NOT_STATED, PERIOD_LABELS
from contracts.models import Baseline, Contract, Measurement, Target
from contracts.reference import kommuner
from ui import format as fmt

STATUS_LABELS: dict[str, str] = {"godkendt": "Godkendt", "udkast": "Udkast"}
#: Kinds whose unit reads naturally right after the number ("1.680 forløb").
_UNIT_AFTER_NUMBER = frozenset({"count", "amount", "level", "range", "coverage"})
PLACEHOLDER_CLASSIFICATION = (
    "Rammeaftalens bilag 1 (by- og landkommuner) findes ikke i kilderne. Indtil det "
    "foreligger, regnes Danmarks Statistiks »Landkommuner« som land og alle andre kommuner "
    "som by."
)


def _bare_number(target: Target, value: float) -> str:
    if target.kind == "percentage":
        return fmt.percent(value)
    if target.kind == "ratio":
        return fmt.number(value, decimals=2)
    return fmt.number(value)


def target_number(target: Target) -> str | None:
    """The måltal as a Danish phrase, e.g. "mindst 1.680 forløb"; None for yes/no kinds."""
    if not target.value_stated:
        return NOT_STATED
    if target.value is None:
        return None
    unit = f" {target.unit}" if target.unit and target.kind in _UNIT_AFTER_NUMBER else ""
    direction = DIRECTION_LABELS[target.direction]
    if target.kind == "range" and target.upper is not None:
        return f"mellem {fmt.number(target.value)} og {fmt.number(target.upper)}{unit}"
    if target.kind == "change_pp":
        goal = fmt.percent(target.target_value)
        return f"{fmt.signed(target.value)} procentpoint, dvs. {direction} {goal}"
    if target.kind == "change_relative":
        goal = fmt.number(target.target_value)
        return f"{fmt.signed(target.value)} %, dvs. {direction} {goal}"
    if target.kind == "spread":
        return f"afvigelse {direction} {fmt.number(target.value)} procentpoint"
    if target.kind == "coverage":
        minimum = fmt.number(target.minimum_per_kommune or 1)
        return f"{direction} {fmt.number(target.value)} kommuner med mindst {minimum}{unit}"
    return f"{direction} {_bare_number(target, target.value)}{unit}"


_PERCENT_UNITS = frozenset({"%", "pct.", "procent", "procentpoint", "pct.-point", "pp"})


def unit_text(target: Target) -> str | None:
    """The unit where the number does not already say it ("1.680 forløb", "50 %")."""
    if not target.unit or target.kind in _UNIT_AFTER_NUMBER:
        return None
    number = target_number(target) or ""
    if target.unit.strip() in _PERCENT_UNITS and ("%" in number or "procentpoint" in number):
        return None
    return target.unit


def baseline_text(target: Target) -> str | None:
    """``"34 % i 2020 (ERST kendskabsmåling)"``."""
    baseline: Baseline | None = target.baseline
    if baseline is None:
        return None
    if target.kind in {"percentage", "change_pp"}:
        level = fmt.percent(baseline.value)
    else:
        unit = f" {target.unit}" if target.unit and target.kind != "change_relative" else ""
        level = f"{fmt.number(baseline.value)}{unit}"
    source = f" ({baseline.source})" if baseline.source else ""
    return f"{level} i {baseline.year}{source}"


def measured_text(measured: Measurement) -> str:
    """``"1. halvår og helår"``, ``"kun helår"``, ``"kun helår 2021"``."""
    periods = [PERIOD_LABELS[p] for p in measured.periods]
    text = fmt.join_and(periods) if len(periods) > 1 else f"kun {periods[0]}"
    if measured.years:
        text += " " + fmt.join_and([str(y) for y in sorted(measured.years)])
    return text


def target_details(target: Target) -> list[tuple[str, str]]:
    """Label/text pairs for everything a target states beyond its sentence."""
    rows: list[tuple[str, str]] = [("Type", KIND_LABELS[target.kind])]
    number = target_number(target)
    if number:
        rows.append(("Måltal", number))
    unit = unit_text(target)
    if unit:
        rows.append(("Enhed", unit))
    baseline = baseline_text(target)
    if baseline:
        rows.append(("Udgangsniveau", baseline))
    rows.append(("Måles", measured_text(target.measured)))
    if target.is_cumulative and target.h1_share != 0.5:
        share = fmt.percent(target.h1_share * 100)
        rows.append(("Forventet ved 1. halvår", f"{share} af årsmålet"))
    if target.segment:
        rows.append(("Segment", target.segment))
    if target.per_kommune:
        rows.append(("Pr. kommune", "afrapporteres pr. kommune"))
    if target.source_target:
        rows.append(("Fordeling af", f"målet {target.source_target}"))
    if target.parts:
        rows.append(("Består af", fmt.join_and(list(target.parts))))
    if target.deadline:
        rows.append(("Frist", f"senest {fmt.date(target.deadline)}"))
    if target.note:
        rows.append(("Note", target.note))
    return rows


def approval_text(contract: Contract) -> str:
    """``"Godkendt af KKR 24. oktober 2025"``; the approval note where the date is not known."""
    status = STATUS_LABELS[contract.status]
    if contract.approved:
        meeting = f" ({contract.approval_meeting})" if contract.approval_meeting else ""
        approved = f"godkendt af KKR {fmt.date(contract.approved)}{meeting}"
        text = "G" + approved[1:] if contract.status == "godkendt" else f"{status}, {approved}"
        return f"{text}. {contract.approval_note}" if contract.approval_note else text
    if contract.approval_note:
        return (
            contract.approval_note
            if contract.status == "godkendt"
            else (f"{status}. {contract.approval_note}")
        )
    return status


def geography_names(contract: Contract) -> list[str]:
    """The contract's municipalities by name (code where the name is unknown)."""
    known = kommuner()
    return [known[code].name if code in known else code for code in contract.geography or ()]


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}r"


def classification_text(contract: Contract) -> str:
    """How many kommuner count as by and land, and on what the split rests."""
    classes = list((contract.classification or {}).values())
    by, land = classes.count("by"), classes.count("land")
    counts = f"{by} {_plural(by, 'bykommune')} og {land} {_plural(land, 'landkommune')}"
    note = contract.classification_note or PLACEHOLDER_CLASSIFICATION
    return f"By/land: {counts}. {note}"


def kommune_label(code: str) -> str:
    """``"259"`` → ``"Køge"``; the total and kommune "0" in words."""
    if not code:
        return "I alt"
    if code == "0":
        return "Uden for området / ukendt"
    known = kommuner()
    return known[code].name if code in known else code
