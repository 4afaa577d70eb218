"""Every Danish sentence of the reports, in one place (docs/reports.md).

The report builders ask this module for text and never write Danish themselves. It speaks
with the project's one voice (``docs/wording.md``): numbers, dates, moments and periods from
``contracts.danish``, a target's måltal, result and timing from ``contracts.wording``, a
target named by its ``name`` (its label, or its undotted key). What is the report's own — its
headings, marks and sentences about snapshots — is here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from contracts import danish
from contracts import wording as voice
from contracts.models import Contract, Goal, Target
from contracts.reference import house_name
from db.records import SnapshotInfo

LOCAL_TIME = danish.TIME_ZONE
NATIONAL_NAME = "Hele landet"
PROVISIONAL = "Foreløbig: indberetningen er ikke godkendt"
DEMO_MARK = "DEMODATA – tallene er opdigtede"
DEMO_NOTE = (
    "Demodata: tallene i denne rapport er opdigtede til demonstration og er ikke "
    "erhvervshusets rigtige resultater."
)
DEMO_CONTRACT_NOTE = "Demokontrakt: opdigtet til demonstration, ikke en rigtig kontrakt."
CHART_PLACEHOLDER = (
    "Her skulle figuren »{alt}« stå. Den kunne ikke tegnes, da rapporten blev lavet."
)
CHART_WARNING = (
    "Figurerne er ikke tegnet: Chromium blev ikke fundet ({reason}). Rapporten er lavet med "
    "en pladsholder, hvor hver figur skulle stå."
)
CHART_FAILED = "Figuren »{alt}« kunne ikke tegnes ({reason}); en pladsholder står i stedet."
ROUND_STATUS = {
    None: "Ikke påbegyndt",
    "åben": "Åben",
    "indsendt": "Indsendt",
    "godkendt": "Godkendt af KKR",
}
REASONS = {
    "indsendt": "indberetningen blev indsendt",
    "godkendt": "indberetningen blev godkendt",
    "bestilt": "bestilt til en rapport",
}
NO_CHANGES_FIRST = "Dette er det første øjebliksbillede af årets indberetning."
NO_CHANGES = "Ingen måltal har fået nyt resultat eller ny status siden da."
NO_TREND = "Ingen talserie at vise for målets måltal."
TREND_LEGEND = (
    "Mørkeblå linje: helår. Lyseblå linje: 1. halvår. Grå stiplet linje: måltallet. "
    "Åbne punkter: demodata."
)
NO_KOMMUNE_TARGET = "Kontrakten har intet måltal, der afrapporteres pr. kommune."
NO_TARGETS = voice.NO_TARGETS_LABEL
NOT_IN_CONTRACT = "Ikke i kontrakten"
DRAFT_MARK = "Udkast: kontrakten er ikke godkendt af KKR"
NO_BASE = "Der er ingen kontrakt for {year} at sammenligne udkastet med."
NO_DRAFT_CHANGES = "Udkastet har de samme mål og måltal som kontrakten, det bygger på."
NO_REASON = "Mangler begrundelse"
AUTOMATIC = "Følger af det nye år eller den nye rammeaftale"
JUDGED = "bedømmes opfyldt eller ikke opfyldt"
NATIONAL_NOTE = (
    "De nationale mål er de samme for alle seks erhvervshuse (rammeaftalen); hvert hus har "
    "sine egne måltal under dem. Et måls status er den strengeste blandt dets måltal."
)
DEMO_HOUSES_NOTE = "Demodata: erhvervshuse markeret »demo« viser opdigtede tal."
ANNEX_MISSING = "ikke angivet i kontrakten"


def chart_placeholder(alt: str) -> str:
    return CHART_PLACEHOLDER.format(alt=alt)


def footer(info: SnapshotInfo) -> str:
    """``"Øjebliksbillede 7 · 24. november 2026"``: which stored state the pages show."""
    return f"Øjebliksbillede {info.id} · {danish.local_date(info.taken_at)}"


def chart_failed(alt: str, reason: str) -> str:
    return CHART_FAILED.format(alt=alt, reason=reason)


def status_word(status: str) -> str:
    return voice.STATUS_LABELS.get(status, status)


def local_time(moment: dt.datetime) -> dt.datetime:
    return danish.local(moment)


def date_time_text(moment: dt.datetime) -> str:
    """``"24. november 2026 kl. 10.15"`` in Danish time."""
    return danish.date_time(moment)


def target_label(target: Target) -> str:
    """The target as people write it ("8c – vækstplaner")."""
    return target.name


def requirement(target: Target) -> str:
    """What the target asks for: "mindst 1.680 forløb"; how a yes/no target is judged."""
    return voice.requirement(target) or JUDGED


def result_text(row: Mapping[str, Any], target: Target) -> str:
    return voice.result_text(row, target)


def fulfilment_text(row: Mapping[str, Any]) -> str:
    """Fulfilment in whole percent for a table cell: "98 %", or "–"."""
    value = row.get("fulfilment")
    return danish.MISSING if danish.is_missing(value) else danish.percent(value, 0)


def measured_text(target: Target) -> str:
    return voice.measured_text(target.measured)


def baseline_text(target: Target) -> str | None:
    return voice.baseline_text(target)


def quantity(kind: str, value: float | None, unit: str | None = None) -> str:
    """A number of a kind with its unit, as the one wording writes it."""
    return voice.quantity(kind, value, unit, result=True)


def house_title(house: str) -> str:
    return NATIONAL_NAME if house == "landet" else house_name(house)


def report_title(house: str, year: int, period: str) -> str:
    """``"Status for Erhvervshus Sjælland, 1. halvår 2022"``."""
    return f"Status for {house_title(house)}, {danish.period_label(period, year)}"


def national_title(year: int, period: str) -> str:
    return f"De seks erhvervshuse på de nationale mål, {danish.period_label(period, year)}"


def contract_name(contract: Contract) -> str:
    title = contract.title or f"Resultatkontrakt {contract.year}"
    status = "godkendt" if contract.status == "godkendt" else "udkast"
    demo = ", demo" if contract.demo and "demo" not in title.lower() else ""
    return f"{title} ({status}{demo})"


def round_text(status: str | None, has_demo: bool) -> str:
    text = ROUND_STATUS.get(status, status or "")
    return f"{text} (demo)" if has_demo and status else text


def snapshot_line(info: SnapshotInfo) -> str:
    """``"Øjebliksbillede 7, taget 24. november 2026 kl. 10.15 af ane (bestilt til en rapport)"``."""
    reason = REASONS.get(info.reason, info.reason)
    by = f" af {info.taken_by}" if info.taken_by else ""  # no name in the public view
    return f"Øjebliksbillede {info.id}, taget {date_time_text(info.taken_at)}{by} ({reason})"


def snapshot_choice(info: SnapshotInfo) -> str:
    """One line of a list of snapshots, for the CLI and the pages."""
    status = round_text(info.round_status, info.has_demo) if info.house != "landet" else ""
    demo = " · demodata" if info.has_demo and info.house == "landet" else ""
    parts = [
        f"{info.id}",
        danish.period_label(info.period, info.year, capital=True),
        date_time_text(info.taken_at),
        REASONS.get(info.reason, info.reason),
    ]
    if status:
        parts.append(f"indberetning: {status}")
    return " · ".join(parts) + demo


def goal_heading(goal: Goal) -> str:
    return f"Mål {goal.number} – {goal.title}"


def goal_scope(goal: Goal) -> str:
    if goal.scope == "national":
        return f"Nationalt mål (rammeaftalens mål {goal.framework_goal})"
    if goal.under is not None:
        return f"Lokalt delmål under mål {goal.under}"
    return "Lokalt mål"


def count_sentence(counts: Mapping[str, int], total: int) -> str:
    """``"50 måltal: 3 opfyldt, 13 på vej, 12 i risiko …"``."""
    parts = [f"{n} {status_word(s).lower()}" for s, n in counts.items() if n]
    return f"{total} måltal: {', '.join(parts)}." if parts else f"{total} måltal."


def attention_sentence(labels: list[str]) -> str:
    if not labels:
        return "Ingen måltal er i risiko eller ikke opfyldt."
    return f"Kræver opmærksomhed ({len(labels)}): {', '.join(labels)}."


def since_text(previous: SnapshotInfo) -> str:
    return (
        f"Siden øjebliksbillede {previous.id} "
        f"({danish.period_label(previous.period, previous.year)}, "
        f"{date_time_text(previous.taken_at)}):"
    )


def change_line(label: str, before: str, after: str, status_before: str, status_after: str) -> str:
    """``"8a: 837 → 912 forløb; I risiko → På vej"``."""
    parts = []
    if before != after:
        parts.append(f"{before} → {after}")
    if status_before != status_after:
        parts.append(f"{status_word(status_before)} → {status_word(status_after)}")
    return f"{label}: {'; '.join(parts)}"


def demo_points_note(years: list[int]) -> str:
    shown = ", ".join(str(y) for y in years)
    return f"Demodata: punkterne for {shown} er opdigtede."


def met_of_judged(met: int, judged: int) -> str:
    if judged == 0:
        return "ingen måltal opgjort"
    return f"{met} af {judged} måltal opfyldt"


def national_provisional(open_rounds: int, houses: int) -> str:
    return f"Foreløbig: {open_rounds} af {houses} erhvervshuses indberetninger er ikke godkendt"


def changes_heading(base_year: int) -> str:
    return f"Ændringer i forhold til kontrakten for {base_year}"


def contract_footer(status: str, year: int) -> str:
    return f"Resultatkontrakt {year} · {'udkast' if status == 'udkast' else 'godkendt'}"


def coverage_text(reached: int, n: int, minimum: float, missing: tuple[str, ...]) -> str:
    least = voice.quantity("count", minimum)
    text = f"{reached} af {n} kommuner har mindst {least}."
    if missing:
        text += f" Uden: {', '.join(missing)}."
    return text


def spread_text(deviation: float | None, tolerance: float | None) -> str:
    if deviation is None:
        return "Fordelingen kan ikke opgøres: der er ingen tal pr. kommune."
    text = f"Største afvigelse fra befolkningsandelen: {voice.quantity('spread', deviation)}"
    if tolerance is not None:
        text += f" (højst {voice.quantity('spread', tolerance)})"
    return text + "."
