"""The Mål page's parts: one goal's targets with result, details, trend, kommuner and history."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from contracts import danish, wording
from contracts.describe import goal_heading, kommune_label
from contracts.loader import Catalog
from contracts.models import Contract, Goal, Target
from contracts.reported import NPS_PARTS
from metrics.frames import row_dicts
from services.cache import PageReads
from services.session import Session
from ui import auth, data, overview_view, page_reads, results
from ui.contract_view import md, render_goal_facts, render_target_details
from ui.overview_view import badge_markdown
from ui.selection import Choice, seed_choice
from ui.shared_figure import SharedFigure as Figure

GOAL_PARAM = "maal"
#: Mål's "Historik" of a target shows at most this many of its latest changes.
LATEST_CHANGES = 50
AUDIT_COLUMNS = [
    "Tidspunkt",
    "Bruger",
    "Handling",
    "Periode",
    "Kommune",
    "Før",
    "Efter",
    "Begrundelse",
]


def choose_goal(contract: Contract) -> Goal:
    numbers = [g.number for g in contract.goals]
    by_number = {g.number: g for g in contract.goals}
    seed_choice(
        GOAL_PARAM,
        numbers,
        numbers[0],
        lambda v: f"Kontrakten har intet mål »{v}«. Viser mål {numbers[0]}.",
    )
    number = st.selectbox(
        "Mål", numbers, key=GOAL_PARAM, format_func=lambda n: goal_heading(by_number[n])
    )
    st.query_params[GOAL_PARAM] = number
    return by_number[number]


def _stored_number(text: object, target: Target) -> str:
    """The number of an audit row's JSON ("old"/"new"), in Danish; parts where no value."""
    if not isinstance(text, str) or not text:
        return ""
    data = json.loads(text)
    value = data.get("value")
    if value is not None:
        return wording.value_text(target, float(value))
    if data.get("numerator") is not None and data.get("denominator") is not None:
        return f"{danish.number(data['numerator'])} af {danish.number(data['denominator'])}"
    parts = [data.get(k) for k in NPS_PARTS]
    if all(p is not None for p in parts):
        return "/".join(danish.number(p) for p in parts) + " (promotorer/passive/kritikere)"
    return ""


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def audit_table(audit: pd.DataFrame, target: Target) -> pd.DataFrame:
    """The store's audit rows of one target as a Danish table, newest first; moments in
    Danish time in the one format of every page (``contracts.danish.date_time``)."""
    rows = [
        {
            "Tidspunkt": danish.date_time(row["at"]) if row["at"] is not None else "",
            "Bruger": row["user"],
            "Handling": row["action"],
            "Periode": danish.period_label(row["period"], capital=True),
            "Kommune": kommune_label(row["kommune"]),
            "Før": _stored_number(row["old"], target),
            "Efter": _stored_number(row["new"], target),
            "Begrundelse": row["reason"] if isinstance(row["reason"], str) else "",
        }
        for row in row_dicts(audit)
    ]
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def render(choice: Choice, catalog: Catalog, session: Session) -> None:
    contract, period = choice.contract, choice.period
    goal = choose_goal(contract)
    reads = data.reads(session)
    judged = page_reads.overview(reads, contract, period)
    if judged.demo_in_year:
        st.warning(overview_view.DEMO_BANNER)
    overview_view.goal_heading(goal, judged.goals.loc[goal.number, "status"], level="header")
    render_goal_facts(goal)
    rows = {str(r["target"]): results.record(r) for r in row_dicts(judged.table)}
    house_contracts = [c for c in catalog.contracts if c.erhvervshus == choice.house]
    # Who changed what is internal: the public and other houses' staff see no history.
    internal = auth.sees_internal(session, choice.house, demo=contract.demo)
    for target in goal.targets:
        row = {**rows[target.key], "warning": judged.warnings.get(target.key)}
        figures = page_reads.target_figures(reads, contract, house_contracts, target, period)
        log = _target_audit(reads, contract, target) if internal else None
        render_target(contract, target, row, figures, log)


def _target_audit(reads: PageReads, contract: Contract, target: Target) -> TargetLog:
    """The target's latest changes as ``audit_table``, read with the database's filter and
    limit (a value saved a thousand times costs no more to show) and laid out again only when
    one of the target's values was written: every write to a value changes its row (its
    version), so the rows' content keys the trail (docs/shared-installation.md)."""
    house, year = contract.erhvervshus, contract.year
    split = page_reads.house_rows(reads, house)

    def compute() -> TargetLog:
        rows = reads.session.audit(house, year, target.key, limit=LATEST_CHANGES + 1)
        return TargetLog(audit_table(rows.head(LATEST_CHANGES), target), len(rows) > LATEST_CHANGES)

    key = (page_reads.contract_key(contract), target.key, split.demo_rounds)
    fingerprints = split.fingerprints_of([target.key])
    return reads.by_fingerprints("target_audit", compute, fingerprints, *key)


@dataclass(frozen=True)
class TargetLog:
    """Mål's "Historik" of a target: its latest changes, and whether there are older ones."""

    table: pd.DataFrame
    more: bool


def render_target(
    contract: Contract,
    target: Target,
    row: dict[str, object],
    figures: tuple[Figure | None, Figure | None],
    audit: TargetLog | None,  # None: the history is not shown (internal data)
) -> None:
    trend_figure, bar_figure = figures
    with st.container(border=True):
        st.markdown(
            f"**{md(target.name)}** · {md(target.text)} {badge_markdown(str(row['status']))}"
            f"\n\n{md(results.result_text(row, target))}"
        )
        warning = overview_view.warning_markdown(_text(row.get("warning")))
        if warning:
            st.markdown(warning)
        comment = row.get("comment")
        if isinstance(comment, str) and comment:
            st.caption(f"Kommentar: {md(comment)}")
        render_target_details(target, contract)
        names = ["Udvikling", "Pr. kommune"] + (["Historik"] if audit is not None else [])
        trend, kommuner, *log = st.tabs(names)
        with trend:
            if trend_figure is not None:
                st.plotly_chart(
                    trend_figure, config={"displayModeBar": False}, key=f"trend-{target.key}"
                )
            else:
                st.caption("Ingen indberettede tal for målet endnu.")
        with kommuner:
            if bar_figure is not None:
                st.plotly_chart(
                    bar_figure, config={"displayModeBar": False}, key=f"bar-{target.key}"
                )
            else:
                st.caption("Målet afrapporteres ikke pr. kommune.")
        if audit is None:
            return
        with log[0]:
            if audit.table.empty:
                st.caption("Ingen ændringer registreret.")
                return
            if audit.more:
                st.caption(f"Viser de seneste {LATEST_CHANGES} ændringer af måltallet.")
            st.dataframe(audit.table, hide_index=True)
