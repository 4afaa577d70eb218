"""A contract as Danish text: its facts, goals and targets, as the Kontrakter page shows them
and ``python cli.py show`` prints them. The target's own wording is ``contracts.wording``.

A target is named by its name (``8c – vækstplaner``), never by a dotted key; the source's
own words, a note and an interpretation ("Fortolkning") stay apart (``docs/wording.md``).
"""

from __future__ import annotations

from contracts import danish, wording
from contracts.models import Contract, Framework, Goal, Target
from contracts.reference import house_name, kkr_name, kommuner

CONTRACT_STATUS_LABELS: dict[str, str] = {"godkendt": "Godkendt", "udkast": "Udkast"}
CHANGE_LABELS: dict[str, str] = {"added": "tilføjet", "removed": "fjernet", "changed": "ændret"}
INTERPRETATION = "Fortolkning"
PLACEHOLDER_CLASSIFICATION = (
    "Rammeaftalens bilag 1 (by- og landkommuner) findes ikke i kilderne. Indtil det "
    "foreligger, regnes Danmarks Statistiks »Landkommuner« som land og alle andre kommuner "
    "som by."
)


def name_of(contract: Contract | None, key: str) -> str:
    """The name of the contract's target ``key`` (the key itself where it has none)."""
    target = contract.target(key) if contract is not None else None
    return target.name if target is not None else key


def target_details(target: Target, contract: Contract | None = None) -> list[tuple[str, str]]:
    """Label/text pairs for everything a target states beyond its sentence, in order."""
    rows: list[tuple[str, str]] = [("Type", wording.KIND_LABELS[target.kind])]
    number = wording.requirement(target)
    if number:
        rows.append(("Måltal", number))
    baseline = wording.baseline_text(target)
    if baseline:
        rows.append(("Udgangsniveau", baseline))
    rows.append(("Måles", wording.measured_text(target.measured)))
    if target.is_cumulative and target.h1_share != 0.5:
        share = danish.percent(target.h1_share * 100)
        rows.append(("Forventet ved 1. halvår", f"{share} af årsmålet"))
    if target.segment:
        rows.append(("Segment", target.segment))
    if target.per_kommune:
        rows.append(("Pr. kommune", "afrapporteres pr. kommune"))
    if target.source_target:
        rows.append(("Fordeling af", f"målet {name_of(contract, target.source_target)}"))
    if target.parts:
        rows.append(("Består af", danish.join(name_of(contract, k) for k in target.parts)))
    if target.deadline:
        rows.append(("Frist", f"senest {danish.date(target.deadline)}"))
    if target.note:
        rows.append(("Note", target.note))
    if target.interpretation:
        rows.append((INTERPRETATION, target.interpretation))
    return rows


def goal_place(goal: Goal) -> str | None:
    """Where a goal sits: "Rammeaftalens mål 2", "Delmål under nationalt mål 4"."""
    if goal.under is not None:
        return f"Delmål under nationalt mål {goal.under}"
    if goal.scope == "national" and goal.framework_goal is not None:
        return f"Rammeaftalens mål {goal.framework_goal}"
    return None


def goal_facts(goal: Goal) -> list[tuple[str, str]]:
    """Purpose, method, data source, reporting, note and interpretation, where given."""
    facts = [
        ("Formål", goal.purpose),
        ("Metode", goal.method),
        ("Datakilde", goal.data_source),
        ("Afrapportering", goal.reporting),
        ("Note", goal.note),
        (INTERPRETATION, goal.interpretation),
    ]
    return [(label, text) for label, text in facts if text]


DEMO_CONTRACT_STATUS = "Demokontrakt – ikke godkendt af nogen KKR"


def approval_text(contract: Contract) -> str:
    """``"Godkendt af KKR 24. oktober 2025"``; the approval note where the date is not known."""
    if contract.demo:
        # A demo contract was never approved by anyone: never a plain "Godkendt".
        return DEMO_CONTRACT_STATUS
    status = CONTRACT_STATUS_LABELS[contract.status]
    if contract.approved:
        meeting = f" ({contract.approval_meeting})" if contract.approval_meeting else ""
        approved = f"godkendt af KKR {danish.date(contract.approved)}{meeting}"
        text = "G" + approved[1:] if contract.status == "godkendt" else f"{status}, {approved}"
        return f"{text}. {contract.approval_note}" if contract.approval_note else text
    if contract.approval_note:
        if contract.status == "godkendt":
            return contract.approval_note
        return f"{status}. {contract.approval_note}"
    return status


def geography_names(contract: Contract) -> list[str]:
    """The contract's municipalities by name (code where the name is unknown)."""
    known = kommuner()
    return [known[code].name if code in known else code for code in contract.geography or ()]


def classification_text(contract: Contract) -> str:
    """How many kommuner count as by and land, and on what the split rests."""
    classes = list((contract.classification or {}).values())
    by, land = classes.count("by"), classes.count("land")
    counts = (
        f"{danish.counted(str(by), 'bykommune', 'bykommuner')} og "
        f"{danish.counted(str(land), 'landkommune', 'landkommuner')}"
    )
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


def round_label(house: str, year: int, period: str) -> str:
    """A report round as people name it: "Erhvervshus Sjælland 1. halvår 2022"."""
    return f"{house_name(house)} {danish.period_label(period, year)}"


def framework_text(contract: Contract, frameworks: dict[str, Framework]) -> str:
    """The contract's framework by title: "Aftale om rammerne for erhvervshuse 2021-2023"."""
    if contract.framework is None:
        return "ingen (kontrakten har kun lokale mål)"
    framework = frameworks.get(contract.framework)
    if framework is None:
        return f"{contract.framework} (rammeaftalen findes ikke i kontraktmappen)"
    if framework.id in framework.title:
        return framework.title
    return f"{framework.title} ({framework.id})"


def goal_heading(goal: Goal) -> str:
    """``"Mål 8 – Kvantitative mål vedr. virksomhedsforløb"``, as every page heads a goal."""
    return f"Mål {goal.number} – {goal.title}"


def _goal_lines(goal: Goal, contract: Contract) -> list[str]:
    place = goal_place(goal)
    scope = "nationalt" if goal.scope == "national" else "lokalt"
    where = f"{scope}, {place[:1].lower()}{place[1:]}" if place else scope
    lines = [f"{goal_heading(goal)} ({where})"]
    lines += [f"  {label}: {text}" for label, text in goal_facts(goal)]
    if goal.strategic_goals:
        lines.append(f"  Strategiske mål: {'; '.join(goal.strategic_goals)}")
    for target in goal.targets:
        lines += ["", f"  {target.name}  {target.text}"]
        lines += [f"      {label}: {text}" for label, text in target_details(target, contract)]
    return lines


def contract_text(contract: Contract, frameworks: dict[str, Framework] | None = None) -> str:
    """The whole contract as Danish text (``python cli.py show``)."""
    geography = contract.geography or ()
    lines = [f"Resultatkontrakt {contract.year}: {house_name(contract.erhvervshus)}"]
    if contract.title:
        lines.append(contract.title)
    facts = [
        ("Status", approval_text(contract)),
        ("Rammeaftale", framework_text(contract, frameworks or {})),
        ("KKR", kkr_name(contract.kkr)),
        ("Bygger på", f"kontrakten for {contract.based_on}" if contract.based_on else None),
        ("Geografi", f"{danish.counted(str(len(geography)), 'kommune', 'kommuner')}"),
        (None, classification_text(contract) if contract.classification else None),
        ("Note", contract.note),
        (INTERPRETATION, contract.interpretation),
    ]
    lines += [f"{label}: {text}" if label else text for label, text in facts if text]
    for goal in contract.goals:
        lines += ["", *_goal_lines(goal, contract)]
    for section in contract.sections:
        lines += ["", section.title, section.text]
    if contract.sources:
        lines += ["", "Kilder:", *(f"- {source}" for source in contract.sources)]
    if contract.changes:
        lines += ["", f"Begrundelser for ændringerne i forhold til {contract.based_on}:"]
        for change in contract.changes:
            subject = name_of(contract, change.target) if change.target else f"mål {change.goal}"
            lines.append(f"- {subject} ({CHANGE_LABELS[change.change]}): {change.reason}")
    return "\n".join(lines) + "\n"
