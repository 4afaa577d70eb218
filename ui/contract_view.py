"""A contract drawn as a readable Danish document: frame, geography, sections, goals."""

from __future__ import annotations

import re

import streamlit as st

from contracts import describe
from contracts.loader import Catalog
from contracts.models import Contract, Goal, Target
from contracts.reference import house_name, kkr_name

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#$~|])")


_LIST_START = re.compile(r"^(\s*\d+)\.(\s)", re.MULTILINE)


def md_inline(text: str) -> str:
    """Escape text placed inside a line of markdown (no $…$ as LaTeX, no *emphasis*)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def md(text: str) -> str:
    """Escape a whole markdown text: inline marks, and "1. halvår" at a line start (a list)."""
    return _LIST_START.sub(r"\1\\.\2", md_inline(text))


DRAFT_NOTICE = (
    "Udkast: kontrakten er ikke godkendt af KKR endnu. Resultaterne vurderes mod udkastets "
    "måltal, som kan nå at ændre sig."
)


def render_draft_notice(contract: Contract) -> None:
    """The "Udkast" mark every page shows for a contract that is only a draft."""
    if contract.status == "udkast":
        st.warning(DRAFT_NOTICE, icon=":material/edit_document:")


def contract_title(contract: Contract) -> str:
    return (
        contract.title or f"Resultatkontrakt {contract.year} for {house_name(contract.erhvervshus)}"
    )


def render_frame(contract: Contract, catalog: Catalog) -> None:
    """Title, status, framework, KKR, geography and the by/land note."""
    st.title(md(contract_title(contract)))
    if contract.demo:  # never a plain "Godkendt": no KKR approved a demo contract
        st.badge("Demokontrakt – ikke godkendt", color="gray")
    elif contract.status == "godkendt":
        st.badge(describe.CONTRACT_STATUS_LABELS[contract.status], color="green")
    else:
        st.badge(describe.CONTRACT_STATUS_LABELS[contract.status], color="orange")
    if contract.demo:
        st.warning("Demokontrakt: opdigtet til demonstration, ikke en rigtig kontrakt.")
    render_draft_notice(contract)
    lines = [
        f"**Parter:** {md(kkr_name(contract.kkr))} og {md(house_name(contract.erhvervshus))}",
        f"**Status:** {md(describe.approval_text(contract))}",
        f"**Rammeaftale:** {md(describe.framework_text(contract, catalog.frameworks))}",
    ]
    st.markdown("  \n".join(lines))
    names = describe.geography_names(contract)
    with st.expander(f"Geografi: {len(names)} kommuner"):
        st.markdown(md(", ".join(names)))
    st.caption(md(describe.classification_text(contract)))
    if contract.note:
        st.info(md(contract.note))
    if contract.interpretation:
        st.info(f"**{describe.INTERPRETATION}:** {md(contract.interpretation)}")


def render_sources(contract: Contract) -> None:
    """The documents the contract file is written from, as the sources name them."""
    if contract.sources:
        st.header("Kilder")
        st.markdown("\n".join(f"- {md_inline(source)}" for source in contract.sources))


def render_sections(contract: Contract) -> None:
    if not contract.sections:
        return
    st.header("Særlige indsatsområder")
    for section in contract.sections:
        with st.expander(md(section.title)):
            st.markdown(md(section.text))


def render_goals(contract: Contract) -> None:
    """National goals first, then local ones, each with its targets."""
    for scope, heading in (("national", "Nationale mål"), ("local", "Lokale mål")):
        goals = [g for g in contract.goals if g.scope == scope]
        if goals:
            st.header(heading)
            for goal in goals:
                render_goal(goal, contract)


def render_goal(goal: Goal, contract: Contract) -> None:
    st.subheader(md(describe.goal_heading(goal)))
    render_goal_facts(goal)
    for target in goal.targets:
        render_target(target, contract)


def render_goal_facts(goal: Goal) -> None:
    """Where the goal sits, its purpose, method, data source, reporting and strategic goals;
    the contract file's interpretation apart from the contract's own words."""
    place = describe.goal_place(goal)
    if place:
        st.caption(place)
    facts = describe.goal_facts(goal)
    text = "  \n".join(f"**{label}:** {md(value)}" for label, value in facts)
    if text:
        st.markdown(text)
    if goal.strategic_goals:
        st.markdown(
            "**Strategiske mål:**\n" + "\n".join(f"- {md(s)}" for s in goal.strategic_goals)
        )


def render_target(target: Target, contract: Contract) -> None:
    with st.container(border=True):
        st.markdown(f"**{md(target.name)}** · {md(target.text)}")
        render_target_details(target, contract)


def render_target_details(target: Target, contract: Contract) -> None:
    """The target's facts on one line; its note and the interpretation each on their own."""
    rows = describe.target_details(target, contract)
    own = {"Note", describe.INTERPRETATION}
    st.caption(" · ".join(f"{k}: {md_inline(v)}" for k, v in rows if k not in own))
    for label, text in rows:
        if label in own:
            st.caption(f"**{label}:** {md_inline(text)}")


def render_issues(catalog: Catalog) -> None:
    """The loader's findings for the whole folder: errors first, then warnings."""
    st.header("Kontrol af kontraktfilerne")
    if not catalog.issues:
        st.success("Kontraktmappen er gennemgået uden fejl og advarsler.")
        return
    for issue in sorted(catalog.issues, key=lambda i: i.severity != "fejl"):
        show = st.error if issue.severity == "fejl" else st.warning
        show(md(str(issue)))
