"""The Overblik page's parts: round status, status counts, goals with their targets' results."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from contracts import danish, describe
from contracts.models import Contract, Goal
from contracts.reference import house_name
from metrics import STATUS_LABELS, STATUS_SEVERITY, Finding, consistency
from metrics.frames import row_dicts
from metrics.statuses import NO_TARGETS_LABEL
from services.rounds import round_status_label
from services.session import RoundInfo, Session
from ui import results, target_cards
from ui.contract_view import contract_title, md, render_draft_notice
from ui.selection import Choice

if TYPE_CHECKING:
    from ui.page_reads import Overview

DEMO_BANNER = (
    "Demodata: tallene på siden er opdigtede til demonstration og er ingens rigtige tal. "
    "Rigtige tal indberettes, når demodata er fjernet på siden Indberetning."
)


def default_period(session: Session, house: str, year: int) -> str:
    """Open on helår once a helår round exists, else on 1. halvår."""
    periods = {r.period for r in session.rounds(house=house, year=year)}
    return "FY" if "FY" in periods or not periods else "H1"


def round_text(info: RoundInfo | None, period: str, year: int) -> str:
    label = danish.period_label(period, year)
    if info is None:
        return f"Indberetningen for {label} er ikke påbegyndt: der er ingen tal endnu."
    when = f" {danish.date_time(info.updated_at)}" if info.updated_at else ""
    by = f" af {info.updated_by}" if info.updated_by else ""
    return f"Indberetningen for {label}: {round_status_label(info)} (senest ændret{by}{when})."


def badge_markdown(status: object) -> str:
    """The status as an inline badge: colour and its Danish label, never colour alone.

    A goal without targets has no status, so no badge ("" here; see ``goal_heading``)."""
    if not isinstance(status, str) or status not in STATUS_LABELS:
        return ""
    return f":{results.BADGE_COLORS[status]}-badge[{STATUS_LABELS[status]}]"


def goal_heading(goal: Goal, status: object, *, level: str = "subheader") -> None:
    """A goal's heading with its status badge; a goal without targets says so beneath."""
    text = f"{md(describe.goal_heading(goal))} {badge_markdown(status)}".rstrip()
    (st.header if level == "header" else st.subheader)(text)
    if not badge_markdown(status):
        st.caption(NO_TARGETS_LABEL)


def warnings_by_target(contract: Contract, values: pd.DataFrame, period: str) -> dict[str, str]:
    """Danish warnings on totals whose parts do not add up, by target (docs/rules.md)."""
    found: dict[str, list[Finding]] = {}
    for finding in consistency(contract, values):
        if finding.period == period and finding.code in {"parts", "kommune_sum"}:
            found.setdefault(finding.target, []).append(finding)
    return {key: " ".join(f.message for f in items) for key, items in found.items()}


def warning_markdown(text: str | None) -> str | None:
    """A warning line beside the status: the word says it, the colour only repeats it."""
    return None if not text else f":orange[**Advarsel:** {md(text)}]"


def render(
    choice: Choice,
    judged: Overview,
    info: RoundInfo | None,
    actions: Callable[[], None] | None = None,
) -> None:
    """The page from its judged targets (``ui.page_reads.overview``); ``actions`` (the report
    panel) are drawn under the round's status."""
    contract, period = choice.contract, choice.period
    st.title(f"Overblik: {house_name(choice.house)} {choice.year}")
    st.caption(
        md(f"{contract_title(contract)} · {danish.period_label(period, choice.year, capital=True)}")
    )
    if contract.demo:
        st.warning("Demokontrakt: opdigtet til demonstration, ikke en rigtig kontrakt.")
    render_draft_notice(contract)
    if judged.demo_in_period:
        st.warning(DEMO_BANNER)
    st.info(round_text(info, period, choice.year))
    if actions is not None:
        actions()
    render_counts(judged.table)
    render_goals(contract, judged)


def render_counts(table: pd.DataFrame) -> None:
    """How many targets have each status, most severe first."""
    counts = table["status"].value_counts()
    for column, status in zip(st.columns(len(STATUS_SEVERITY)), STATUS_SEVERITY, strict=True):
        column.metric(STATUS_LABELS[status], int(counts.get(status, 0)))


def render_goals(contract: Contract, judged: Overview) -> None:
    """Goals with their targets, from ``ui.page_reads.overview``: each goal's cards are one
    HTML list, as a page holds dozens of targets (docs/decisions.md)."""
    st.html(target_cards.STYLE)
    for scope, heading in (("national", "Nationale mål"), ("local", "Lokale mål")):
        chosen = [g for g in contract.goals if g.scope == scope]
        if not chosen:
            continue
        st.header(heading)
        for goal in chosen:
            goal_heading(goal, judged.goals.loc[goal.number, "status"])
            if goal.targets:
                st.html(target_cards.card_list(goal, [judged.cards[t.key] for t in goal.targets]))


def cards(contract: Contract, table: pd.DataFrame, warnings: dict[str, str]) -> dict[str, str]:
    """Each target's card as HTML (``ui.target_cards``), by target key."""
    rows = {str(r["target"]): results.record(r) for r in row_dicts(table)}
    return {
        target.key: target_cards.card(target, rows[target.key], warnings.get(target.key))
        for _goal, target in contract.targets()
    }
