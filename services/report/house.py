"""The status report of one erhvervshus in one period, built from a snapshot (docs/reports.md).

Everything comes from the snapshot (and the one taken before it, for "what changed"), never
from the store as it is now, so the same snapshot always gives the same report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from contracts import danish
from contracts.models import Contract, Target
from contracts.reference import house_name
from metrics import fulfilment, fulfilment_all, goal_status
from metrics.frames import row_dicts
from metrics.statuses import I_RISIKO, IKKE_OPFYLDT, STATUS_SEVERITY
from services.report import wording
from services.report.annex import annex
from services.report.content import Chart, Front, GoalPart, StatusReport, TargetRow
from services.report.kommune_part import kommune_part
from services.report.snapshots import SnapshotContent
from services.report.trends import trend_charts


def _float(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return float(value)


def target_row(record: Mapping[str, Any], target: Target) -> TargetRow:
    comment = record.get("comment")
    return TargetRow(
        goal=str(record["goal"]),
        key=target.key,
        label=wording.target_label(target),
        text=target.text,
        requirement=wording.requirement(target),
        result=wording.result_text(record, target),
        fulfilment=wording.fulfilment_text(record),
        status=str(record["status"]),
        status_label=wording.status_word(str(record["status"])),
        comment=comment if isinstance(comment, str) and comment.strip() else None,
        note=target.note,
        kind=target.kind,
        period=str(record["period"]),
        actual=_float(record.get("actual")),
        target_value=_float(record.get("target_value")),
        expected=_float(record.get("expected")),
        fulfilment_value=_float(record.get("fulfilment")),
    )


def _rows(contract: Contract, values: pd.DataFrame, period: str) -> dict[str, TargetRow]:
    # The whole frame: fulfilment picks the house's values of the years it needs.
    table = fulfilment(contract, values, period=period)
    targets = {t.key: t for _g, t in contract.targets()}
    return {
        str(r["target"]): target_row({str(k): v for k, v in r.items()}, targets[r["target"]])
        for r in row_dicts(table)
    }


def _history(content: SnapshotContent, contract: Contract) -> pd.DataFrame:
    """Every target's result in every year and period the snapshot holds, demo marked."""
    contracts = [*content.contracts, contract]
    table = fulfilment_all(contracts, content.values)
    demo = content.values[content.values["is_demo"]]
    demo_keys = set(zip(demo["year"], demo["period"], demo["target"], strict=True))
    table["demo"] = [
        (int(y), p, t) in demo_keys
        for y, p, t in zip(table["year"], table["period"], table["target"], strict=True)
    ]
    return table


def _until(history: pd.DataFrame, year: int, period: str) -> pd.DataFrame:
    """The results known at the report's period: earlier years, and this year up to it."""
    later = (history["year"] > year) | (
        (history["year"] == year) & (period == "H1") & (history["period"] == "FY")
    )
    return history[~later]


def _changes(
    rows: dict[str, TargetRow], previous: SnapshotContent | None
) -> tuple[str, tuple[str, ...]]:
    if previous is None or previous.contract is None:
        return wording.NO_CHANGES_FIRST, ()
    before = _rows(previous.contract, previous.values, previous.info.period)
    lines = [
        wording.change_line(row.label, old.result, row.result, old.status, row.status)
        for key, row in rows.items()
        if (old := before.get(key)) is not None
        and (old.result != row.result or old.status != row.status)
    ]
    intro = wording.since_text(previous.info)
    return intro, tuple(lines) if lines else (wording.NO_CHANGES,)


def _headlines(contract: Contract, rows: dict[str, TargetRow]) -> tuple[TargetRow, ...]:
    """The totals the contract builds from parts, else its per-kommune counts."""
    chosen = [t.key for _g, t in contract.targets() if t.parts]
    if not chosen:
        chosen = [t.key for _g, t in contract.targets() if t.per_kommune and t.kind == "count"]
    return tuple(rows[key] for key in chosen)


def _front(content: SnapshotContent, contract: Contract) -> Front:
    info = content.info
    period = danish.period_label(info.period, info.year)
    provisional = None if info.round_status == "godkendt" else wording.PROVISIONAL
    notes = tuple(
        n for n in (wording.DEMO_CONTRACT_NOTE if contract.demo else None,) if n is not None
    )
    return Front(
        title=wording.report_title(info.house, info.year, info.period),
        subtitle="Status på resultatkontrakten til KKR",
        facts=(
            ("Erhvervshus", house_name(info.house)),
            ("Kontrakt", wording.contract_name(contract)),
            ("Periode", danish.capitalised(period)),
            ("Dato", danish.local_date(info.taken_at)),
            ("Indberetning", wording.round_text(info.round_status, info.has_demo)),
            ("Grundlag", wording.snapshot_line(info)),
        ),
        running_header=f"{house_name(info.house)} · status {period}",
        provisional=provisional,
        demo=info.has_demo,
        created=info.taken_at,
        notes=notes,
    )


def build_status_report(
    content: SnapshotContent, previous: SnapshotContent | None = None
) -> StatusReport:
    contract = content.contract
    assert contract is not None, "a house snapshot always holds its contract"
    info = content.info
    rows = _rows(contract, content.values, info.period)
    goals = goal_status(contract, fulfilment(contract, content.values, period=info.period))
    goal_statuses = dict(zip(goals["goal"], goals["status"], strict=True))
    history = _until(_history(content, contract), info.year, info.period)
    trends = trend_charts(contract.goals, history)
    charts: list[Chart] = list(trends.values())
    parts = []
    for goal in contract.goals:
        chart = trends.get(goal.number)
        remark = None if chart else wording.NO_TREND
        status = goal_statuses.get(goal.number) if goal.targets else None
        parts.append(
            GoalPart(
                number=goal.number,
                anchor=f"maal-{goal.number}",
                heading=wording.goal_heading(goal),
                scope=wording.goal_scope(goal),
                status=status,
                status_label=wording.status_word(status) if status else wording.NO_TARGETS,
                purpose=goal.purpose,
                rows=tuple(rows[t.key] for t in goal.targets),
                chart=chart.key if chart else None,
                remark=remark if goal.targets else wording.NO_TARGETS,
            )
        )
    statuses = [row.status for row in rows.values()]
    counts = tuple(
        (s, wording.status_word(s), statuses.count(s)) for s in STATUS_SEVERITY if s in statuses
    )
    attention = [r.label for r in rows.values() if r.status in {I_RISIKO, IKKE_OPFYLDT}]
    kommune, kommune_charts = kommune_part(contract, content.values, info.period)
    charts += kommune_charts
    intro, changes = _changes(rows, previous)
    return StatusReport(
        snapshot=info,
        front=_front(content, contract),
        counts=counts,
        count_sentence=wording.count_sentence({s: n for s, _l, n in counts}, len(statuses)),
        headlines=_headlines(contract, rows),
        attention=wording.attention_sentence(attention),
        changes_intro=intro,
        changes=changes,
        goals=tuple(parts),
        kommune=kommune,
        annex=annex(contract),
        charts=tuple(charts),
    )
