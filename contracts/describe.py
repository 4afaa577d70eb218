"""A contract as a readable Danish text: goals, and per target its sentence and numbers.

Used by ``python cli.py show``; the labels are the ones a page can reuse.
"""

from __future__ import annotations

from contracts.models import Contract, Goal, Target
from contracts.reference import house_name

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
PERIOD_LABELS: dict[str, str] = {"H1": "1. halvår", "FY": "helår"}
NOT_STATED = "måltal ikke oplyst"
CHANGE_LABELS: dict[str, str] = {"added": "tilføjet", "removed": "fjernet", "changed": "ændret"}


def danish_number(value: float) -> str:
    """1680 → '1.680', 2.5 → '2,5' (Danish marks)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, decimals = f"{value:,.10f}".rstrip("0").partition(".")
    return f"{whole.replace(',', '.')},{decimals}"


def _with_unit(value: float, unit: str | None) -> str:
    if unit in ("%", "pct."):
        return f"{danish_number(value)} %"
    return f"{danish_number(value)} {unit}" if unit else danish_number(value)


def target_requirement(target: Target, municipalities: int | None = None) -> str:
    """What the target asks for, in words: 'mindst 1.680 forløb'."""
    if target.kind in ("milestone", "assessment"):
        return "bedømmes opfyldt eller ikke opfyldt"
    if not target.value_stated or target.value is None:
        return NOT_STATED
    direction = DIRECTION_LABELS[target.direction]
    value, unit = target.value, target.unit
    if target.kind == "percentage":
        unit = unit or "%"
    if target.kind in ("change_pp", "change_relative") and target.baseline is not None:
        step = "procentpoint" if target.kind == "change_pp" else "%"
        level = target.target_value
        shown = danish_number(level) if level is not None else "?"
        return (
            f"+{danish_number(value)} {step} over udgangsniveauet "
            f"{danish_number(target.baseline.value)}: {direction} {shown}"
        )
    if target.kind == "range" and target.upper is not None:
        return f"mellem {danish_number(value)} og {_with_unit(target.upper, unit)}"
    if target.kind == "coverage":
        of = f" af {municipalities}" if municipalities else ""
        least = danish_number(target.minimum_per_kommune or 1)
        return f"{direction} {danish_number(value)}{of} kommuner når mindst {least}"
    if target.kind == "spread":
        return (
            f"højst {danish_number(value)} procentpoints afvigelse fra befolkningsandelene "
            f"(fordelingen af {target.source_target})"
        )
    if target.kind == "nps":
        return f"NPS {direction} {danish_number(value)}"
    return f"{direction} {_with_unit(value, unit)}"


def _measured(target: Target) -> str:
    periods = " og ".join(PERIOD_LABELS[p] for p in target.measured.periods)
    years = target.measured.years
    return f"{periods}, kun {', '.join(map(str, years))}" if years else periods


def target_lines(target: Target, municipalities: int | None = None) -> list[str]:
    facts = [KIND_LABELS[target.kind], target_requirement(target, municipalities)]
    if target.per_kommune:
        facts.append("pr. kommune")
    if target.segment:
        facts.append(f"segment {target.segment}")
    lines = [f"{target.key}  {target.text}", "    " + " · ".join(facts)]
    if target.baseline is not None:
        source = f", {target.baseline.source}" if target.baseline.source else ""
        lines.append(
            f"    Udgangsniveau: {danish_number(target.baseline.value)} "
            f"({target.baseline.year}{source})"
        )
    measured = f"    Måles: {_measured(target)}"
    if target.h1_share != 0.5:
        measured += f"; ved 1. halvår forventes {danish_number(target.h1_share * 100)} %"
    lines.append(measured)
    if target.deadline is not None:
        lines.append(f"    Frist: {target.deadline.isoformat()}")
    if target.parts:
        lines.append(f"    Dele: {' + '.join(target.parts)}")
    if target.note:
        lines.append(f"    Note: {target.note}")
    return lines


def _goal_heading(goal: Goal) -> str:
    if goal.scope == "national":
        scope = f"nationalt, rammeaftalens mål {goal.framework_goal}"
    elif goal.under is not None:
        scope = f"lokalt, under mål {goal.under}"
    else:
        scope = "lokalt"
    return f"Mål {goal.number}: {goal.title} ({scope})"


def goal_lines(goal: Goal, municipalities: int | None = None) -> list[str]:
    lines = [_goal_heading(goal)]
    for label, text in (
        ("Formål", goal.purpose),
        ("Metode", goal.method),
        ("Datakilde", goal.data_source),
        ("Afrapportering", goal.reporting),
        ("Strategiske mål", "; ".join(goal.strategic_goals)),
        ("Note", goal.note),
    ):
        if text:
            lines.append(f"  {label}: {text}")
    for target in goal.targets:
        lines += [""] + ["  " + line for line in target_lines(target, municipalities)]
    return lines


def contract_text(contract: Contract) -> str:
    """The whole contract as Danish text."""
    geography = contract.geography or ()
    classes = list((contract.classification or {}).values())
    lines = [f"Resultatkontrakt {contract.year}: {house_name(contract.erhvervshus)}"]
    if contract.title:
        lines.append(contract.title)
    facts = [
        ("Status", contract.status + (" (demodata)" if contract.demo else "")),
        ("Rammeaftale", contract.framework or "ingen"),
        ("Godkendt", contract.approved.isoformat() if contract.approved else None),
        ("Møde", contract.approval_meeting),
        ("Bygger på", str(contract.based_on) if contract.based_on else None),
        ("Godkendelse", contract.approval_note),
        ("KKR", contract.kkr),
        (
            "Geografi",
            f"{len(geography)} kommuner ({classes.count('by')} by, {classes.count('land')} land)",
        ),
        ("By/land", contract.classification_note),
        ("Note", contract.note),
    ]
    lines += [f"{label}: {text}" for label, text in facts if text]
    for goal in contract.goals:
        lines += ["", *goal_lines(goal, len(geography) or None)]
    for section in contract.sections:
        lines += ["", section.title, section.text]
    if contract.sources:
        lines += ["", "Kilder:", *(f"- {source}" for source in contract.sources)]
    if contract.changes:
        lines += ["", f"Begrundelser for ændringerne i forhold til {contract.based_on}:"]
        for change in contract.changes:
            subject = change.target or f"mål {change.goal}"
            lines.append(f"- {subject} ({CHANGE_LABELS[change.change]}): {change.reason}")
    return "\n".join(lines) + "\n"
