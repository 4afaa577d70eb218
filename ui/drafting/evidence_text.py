"""The evidence beside a target in Danish lines: results, 1. halvår, framework, suggestion.

Pure (no Streamlit): tested directly with literal expected texts.
"""

from __future__ import annotations

from contracts.describe import target_requirement
from contracts.models import Target
from metrics.format import fmt_value
from metrics.suggest import YearResult
from services.evidence import Evidence
from ui import format as fmt

MAX_YEARS = 3


def _value(target: Target, value: float | None) -> str:
    unit = target.unit if target.kind in {"count", "amount", "coverage"} else None
    return fmt_value(target.kind, value, unit)


def result_text(target: Target, result: YearResult) -> str:
    """``"1.742 forløb (mål 1.680 forløb) – Opfyldt, 104 %"``."""
    goal = (
        f" (mål {_value(target, result.target_value)})" if result.target_value is not None else ""
    )
    share = (
        f", {fmt.number(result.fulfilment, decimals=0)} %" if result.fulfilment is not None else ""
    )
    return f"{_value(target, result.actual)}{goal} – {result.status_label}{share}"


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
        suggested = target_requirement(target.model_copy(update={"value": suggestion.value}))
        found.append(f"Forslag: {suggested} – {suggestion.reason}")
    else:
        found.append(f"Forslag: {suggestion.reason}")
    return found
