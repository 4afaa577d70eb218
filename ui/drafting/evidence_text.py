"""The evidence beside a target in Danish lines: results, 1. halvår, framework, suggestion.

Pure (no Streamlit): tested directly with literal expected texts.
"""

from __future__ import annotations

from contracts import danish, wording
from contracts.models import Target
from metrics.suggest import YearResult
from services.evidence import Evidence

MAX_YEARS = 3


def _value(target: Target, value: float | None) -> str:
    return wording.value_text(target, value, result=False)


def result_text(target: Target, result: YearResult) -> str:
    """``"1.742 forløb (mål: mindst 1.680 forløb) – Opfyldt, 104 %"``."""
    if result.actual is None:
        return f"ingen tal – {result.status_label}"
    shown = wording.result_number(target, result.actual, result.target_value)
    goal = (
        f" (mål: {wording.level_text(target, result.target_value)})"
        if result.target_value is not None
        else ""
    )
    share = f", {danish.percent(result.fulfilment, 0)}" if result.fulfilment is not None else ""
    return f"{shown}{goal} – {result.status_label}{share}"


def lines(target: Target, evidence: Evidence) -> list[str]:
    """The evidence as lines a drafter reads; statuses in words."""
    found = []
    if evidence.history:
        shown = [
            f"{r.year}: {result_text(target, r)}" for r in reversed(evidence.history[-MAX_YEARS:])
        ]
        found.append("Helår: " + "; ".join(shown))
    elif evidence.demo_only:
        found.append("Helår: kun demodata i databasen – de indgår ikke i forslaget.")
    else:
        found.append("Helår: ingen resultater i databasen.")
    if evidence.h1 is not None:
        line = f"1. halvår {evidence.h1.year}: {result_text(target, evidence.h1)}"
        if evidence.projection is not None:
            line += f"; fremskrevet til helår: {_value(target, evidence.projection)}"
        found.append(line)
    if evidence.national:
        found.append(f"Rammeaftalen: {evidence.national}")
    suggestion = evidence.suggestion
    if suggestion.value is not None:
        suggested = wording.requirement(
            target.model_copy(update={"value": suggestion.value})
        ) or _value(target, suggestion.value)
        found.append(f"Forslag: {suggested} – {suggestion.reason}")
    else:
        found.append(f"Forslag: {suggestion.reason}")
    return found
