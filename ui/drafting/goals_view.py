"""Each goal and target of the draft with its evidence, flags, new number and reason."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from contracts import danish
from contracts.diff import Entry
from contracts.diff_text import MISSING_REASON
from contracts.draft import FIELD_LABELS
from contracts.draft_flags import Flag
from contracts.models import Contract, Goal, Target
from services.evidence import Evidence
from ui.contract_view import md
from ui.drafting import evidence_text
from ui.drafting.state import DraftSession, accepted_texts, place_id

FlagsByPlace = Mapping[tuple[str, str], list[Flag]]


def _accept(current: DraftSession, ident: str, text: str) -> None:
    accepted_texts(current)[ident] = text


def _undo(current: DraftSession, ident: str) -> None:
    accepted_texts(current).pop(ident, None)


def _use(key: str, text: str) -> None:
    st.session_state[key] = text


def render_flags(current: DraftSession, found: list[Flag]) -> None:
    """Each flag in words, with a button that takes the corrected text where one is offered."""
    for flag in found:
        if flag.corrected is None:
            st.warning(md(flag.message), icon=":material/schedule:")
            continue
        st.warning(f"{md(flag.message)}:  \n»{md(flag.corrected)}«", icon=":material/edit:")
        st.button(
            "Brug den rettede tekst",
            key=current.key("ret", flag.kind, place_id(flag.place)),
            on_click=_accept,
            args=(current, place_id(flag.place), flag.corrected),
        )


def render_accepted(current: DraftSession, scope: str, ident: str) -> None:
    """Corrections the drafter took, each with a way back."""
    for key, text in list(accepted_texts(current).items()):
        place_scope, place_ident, field = key.split("|", 2)
        if (place_scope, place_ident) != (scope, ident):
            continue
        if place_scope == "target" and field == "text":
            st.caption("Ordlyden ovenfor er den rettede.")
        else:
            st.caption(f"Rettet ({FIELD_LABELS.get(field, field)}): »{md(text)}«")
        st.button(
            "Fortryd rettelsen",
            key=current.key("fortryd", key),
            on_click=_undo,
            args=(current, key),
        )


def _entry_words(entry: Entry | None) -> str | None:
    if entry is None or entry.status == "unchanged":
        return None
    words = {"changed": "Ændret", "added": "Tilføjet", "removed": "Fjernet"}[entry.status]
    parts = [", ".join(entry.fields)] if entry.fields else []
    if entry.automatic:
        parts.append("; ".join(entry.automatic))
    if entry.needs_reason and not entry.reason:
        parts.append(MISSING_REASON)
    return f"{words}: {' – '.join(parts)}" if parts else words


def render_target(
    current: DraftSession,
    target: Target,
    evidence: Evidence | None,
    entry: Entry | None,
    found: list[Flag],
    problem: str | None,
    goal_removed: bool,
    now: Target | None = None,
) -> None:
    """``target`` as the draft started, ``now`` as it reads with the edits (where valid)."""
    with st.container(border=True):
        st.markdown(f"**{md(target.name)}** · {md((now or target).text)}")
        words = _entry_words(entry)
        if words:
            st.markdown(f":orange-badge[{md(words)}]")
        render_flags(current, found)
        render_accepted(current, "target", target.key)
        if evidence is not None:
            st.markdown("  \n".join(md(line) for line in evidence_text.lines(target, evidence)))
        number_key = current.key("tal", target.key)
        columns = st.columns([1, 2, 1], vertical_alignment="bottom")
        if target.value is not None:
            if number_key not in st.session_state:
                st.session_state[number_key] = danish.exact(target.value)
            unit = f" ({target.unit})" if target.unit else ""
            columns[0].text_input(f"Nyt måltal for {target.name}{unit}", key=number_key)
            suggested = evidence.suggestion.value if evidence is not None else None
            typed = st.session_state.get(number_key)
            if suggested is not None and typed != danish.exact(suggested):
                columns[0].button(
                    "Brug forslaget",
                    key=current.key("forslag", target.key),
                    on_click=_use,
                    args=(number_key, danish.exact(suggested)),
                )
        removed = columns[2].checkbox("Fjern måltallet", key=current.key("fjern", "t", target.key))
        reason_key = current.key("grund", "t", target.key)
        wanted = entry is not None and entry.needs_reason
        if (wanted or removed or st.session_state.get(reason_key)) and not goal_removed:
            columns[1].text_input(f"Begrundelse for {target.name}", key=reason_key)
        if problem:
            st.error(md(problem))


def render_goal(
    current: DraftSession,
    goal: Goal,
    evidence: Mapping[str, Evidence],
    entries: Mapping[tuple[str, str], Entry],
    flags_by_place: FlagsByPlace,
    problems: Mapping[str, str],
    now: Contract | None = None,
) -> None:
    st.subheader(md(f"Mål {goal.number} – {goal.title}"))
    if goal.scope == "national":
        st.caption(f"Nationalt mål: rammeaftalens mål {goal.framework_goal}")
    elif goal.under is not None:
        st.caption(f"Lokalt delmål under nationalt mål {goal.under}")
    else:
        st.caption("Lokalt mål")
    render_flags(current, flags_by_place.get(("goal", goal.number), []))
    render_accepted(current, "goal", goal.number)
    removed = st.checkbox(f"Fjern mål {goal.number}", key=current.key("fjern", "g", goal.number))
    entry = entries.get(("goal", goal.number))
    reason_key = current.key("grund", "g", goal.number)
    if removed or (entry is not None and entry.needs_reason) or st.session_state.get(reason_key):
        st.text_input(f"Begrundelse for mål {goal.number}", key=reason_key)
    if removed:
        count = len(goal.targets)
        st.caption(f"Målet fjernes fra udkastet med sine måltal ({count}).")
        return
    if not goal.targets:
        st.caption("Ingen måltal i kontrakten.")
    for target in goal.targets:
        render_target(
            current,
            target,
            evidence.get(target.key),
            entries.get(("target", target.key)),
            flags_by_place.get(("target", target.key), []),
            problems.get(target.key),
            goal_removed=False,
            now=now.target(target.key) if now is not None else None,
        )


def render_goals(
    current: DraftSession,
    draft: Contract,
    evidence: Mapping[str, Evidence],
    entries: Mapping[tuple[str, str], Entry],
    flags_by_place: FlagsByPlace,
    problems: Mapping[str, str],
    now: Contract | None = None,
) -> None:
    """National goals first, then local ones, as the contract document orders them.

    ``draft`` is the draft as it started (so a removed goal can be put back); ``now`` is the
    draft with the edits, whose wording is shown."""
    for scope, heading in (("national", "Nationale mål"), ("local", "Lokale mål")):
        goals = [g for g in draft.goals if g.scope == scope]
        if goals:
            st.header(heading)
            for goal in goals:
                render_goal(current, goal, evidence, entries, flags_by_place, problems, now)
