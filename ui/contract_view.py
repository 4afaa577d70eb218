"""A contract drawn as a readable Danish document: frame, geography, sections, goals."""

from __future__ import annotations

import re

import streamlit as st

from contracts.loader import Catalog
from contracts.models import Contract, Goal, Target
from contracts.reference import house_name, houses
from ui import describe

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
    if contract.status == "godkendt":
        st.badge(describe.STATUS_LABELS[contract.status], color="green")
    else:
        st.badge(describe.STATUS_LABELS[contract.status], color="orange")
    if contract.demo:
        st.warning("Demokontrakt: opdigtet til demonstration, ikke en rigtig kontrakt.")
    render_draft_notice(contract)
    house = houses().get(contract.erhvervshus)
    kkr = contract.kkr or (house.kkr if house else "KKR")
    lines = [
        f"**Parter:** {md(kkr)} og {md(house_name(contract.erhvervshus))}",
        f"**Status:** {md(describe.approval_text(contract))}",
        f"**Rammeaftale:** {md(_framework_text(contract, catalog))}",
    ]
    st.markdown("  \n".join(lines))
    names = describe.geography_names(contract)
    with st.expander(f"Geografi: {len(names)} kommuner"):
        st.markdown(md(", ".join(names)))
    st.caption(md(describe.classification_text(contract)))
    if contract.note:
        st.info(md(contract.note))


def _framework_text(contract: Contract, catalog: Catalog) -> str:
    if contract.framework is None:
        return "ingen (kontrakten har kun lokale mål)"
    framework = catalog.frameworks.get(contract.framework)
    if framework is None:
        return f"{contract.framework} (rammeaftalen findes ikke i kontraktmappen)"
    if framework.id in framework.title:
        return framework.title
    return f"{framework.title} ({framework.id})"


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
                render_goal(goal)


def render_goal(goal: Goal) -> None:
    st.subheader(md(f"Mål {goal.number} – {goal.title}"))
    render_goal_facts(goal)
    for target in goal.targets:
        render_target(target)


def render_goal_facts(goal: Goal) -> None:
    """Where the goal sits, its purpose, method, data source, reporting and strategic goals."""
    if goal.under is not None:
        st.caption(f"Delmål under nationalt mål {goal.under}")
    if goal.scope == "national" and goal.framework_goal is not None:
        st.caption(f"Rammeaftalens mål {goal.framework_goal}")
    facts = [
        ("Formål", goal.purpose),
        ("Metode", goal.method),
        ("Datakilde", goal.data_source),
        ("Afrapportering", goal.reporting),
        ("Note", goal.note),
    ]
    text = "  \n".join(f"**{label}:** {md(value)}" for label, value in facts if value)
    if text:
        st.markdown(text)
    if goal.strategic_goals:
        st.markdown(
            "**Strategiske mål:**\n" + "\n".join(f"- {md(s)}" for s in goal.strategic_goals)
        )


def render_target(target: Target) -> None:
    with st.container(border=True):
        st.markdown(f"**{md(target.key)}** · {md(target.text)}")
        details = " · ".join(
            f"{label}: {md_inline(value)}" for label, value in describe.target_details(target)
        )
        st.caption(details)


def render_issues(catalog: Catalog) -> None:
    """The loader's findings for the whole folder: errors first, then warnings."""
    st.header("Kontrol af kontraktfilerne")
    if not catalog.issues:
        st.success("Kontraktmappen er gennemgået uden fejl og advarsler.")
        return
    for issue in sorted(catalog.issues, key=lambda i: i.severity != "fejl"):
        show = st.error if issue.severity == "fejl" else st.warning
        show(md(str(issue)))
