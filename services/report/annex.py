"""The report's annex: per goal its method, data source and reporting line, and per target
how it is measured — what a reader needs to judge the numbers (docs/reports.md)."""

from __future__ import annotations

from contracts.models import Contract, Target
from services.report import wording
from services.report.content import AnnexGoal, AnnexTarget


def _details(target: Target) -> tuple[tuple[str, str], ...]:
    details = [("Måltal", wording.requirement(target))]
    baseline = wording.baseline_text(target)
    if baseline:
        details.append(("Udgangsniveau", baseline))
    details.append(("Måles", wording.measured_text(target)))
    if target.interpretation:
        details.append(("Fortolkning", target.interpretation))
    if target.note:
        details.append(("Note", target.note))
    return tuple(details)


def annex(contract: Contract) -> tuple[AnnexGoal, ...]:
    return tuple(
        AnnexGoal(
            heading=wording.goal_heading(goal),
            method=goal.method or wording.ANNEX_MISSING,
            data_source=goal.data_source or wording.ANNEX_MISSING,
            reporting=goal.reporting or wording.ANNEX_MISSING,
            targets=tuple(
                AnnexTarget(label=wording.target_label(t), details=_details(t))
                for t in goal.targets
            ),
        )
        for goal in contract.goals
    )
