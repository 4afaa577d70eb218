"""The Indberetning form: the targets by goal, each with the inputs of its kind, the list of
what is still missing at the top, and "Gem", which saves every edit in one go.

Every target is drawn first (its texts make the draft); then the round is judged as if the
draft were saved (``services.entry_live``) and each target's status, its help and the list at
the top are filled in. A save that meets someone else's change keeps every edit
(``services.entry_save``): what met no conflict is saved, and the conflicts wait for the
person's choice per value (``ui.entry.conflicts``). »Gem« saves before any part of the page
is drawn (``save_first``), from what the session holds for the inputs, so a save that works
runs the page once, drawn from the store as it is after the save (docs/entry.md "Speed").
"""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from contracts.models import Contract
from services.entry_form import GoalForm, TargetForm, entry_form
from services.entry_hints import form_hints
from services.entry_live import MISSING_HEADINGS, LiveRound, apply_draft, cells_of, live_round
from services.entry_save import draft_of
from services.entry_table import EntryTable
from services.session import Session
from ui.contract_view import md_inline
from ui.entry import conflicts, inputs, saving, state
from ui.entry.inputs import Slots
from ui.entry.state import FormState

AS_READ_KEY = "indberetning_som_hentet"


def save_first(
    contract: Contract, period: str, session: Session, form_state: FormState, *, locked: bool
) -> saving.Answer | None:
    """»Gem« pressed (and no conflicts to choose): save what the session holds for the
    inputs before any part of the page is drawn. A save that works leaves the form to be read
    again, so the page is drawn once, from the store as it is after the save. None: nothing
    was pressed."""
    if locked or form_state.conflicts or not _save_pressed():
        return None
    table = form_state.table
    goals = entry_form(contract, table)
    start = cells_of(apply_draft(table, form_state.seed))
    typed = {p: t for form in _forms(goals) for p, t in inputs.texts_in_state(form, start).items()}
    names = {form.key: form.name for form in _forms(goals)}
    return saving.save(contract, period, session, form_state, apply_draft(table, typed), {}, names)


def render_form(
    contract: Contract,
    period: str,
    session: Session,
    form_state: FormState,
    *,
    locked: bool,
    answer: saving.Answer | None = None,
) -> None:
    """The form; ``answer`` is what ``save_first`` said in this run (a save is then not
    tried again when the buttons are drawn)."""
    table = form_state.table
    if table.totals.empty and (table.computed is None or table.computed.empty):
        st.info("Ingen måltal måles i denne periode.")
        return
    goals = entry_form(contract, table)
    names = {form.key: form.name for goal in goals for form in goal.targets}
    start = cells_of(apply_draft(table, form_state.seed))
    missing_box = st.container()
    choices = conflicts.render_conflicts(form_state.conflicts)
    save_top = st.button("Gem", key=SAVE_KEYS[0], type="primary", disabled=locked)
    feedback_top = st.container()
    st.caption(PANELS_HELP)
    _open_or_close_all(goals)
    _open_where_needed(goals, form_state, answer)
    draft_texts: dict[tuple[str, str], dict[str, str]] = {}
    slots: dict[str, Slots] = {}
    for goal in goals:
        # A panel's identity holds its label and start state: both stay the same whatever
        # else changes, so it stays open or closed as the person left it.
        panel = st.expander(goal.heading, key=panel_key(goal.anchor), on_change="rerun")
        for form in goal.targets:
            if panel.open:
                with panel:
                    texts, slots[form.key] = inputs.render_target(form, start, locked=locked)
            else:  # closed: its texts as the session holds them, drawn when it is opened
                texts = inputs.texts_in_state(form, start)
            draft_texts.update(texts)
    edited = apply_draft(table, draft_texts)
    draft = draft_of(table, edited)
    # Streamlit forgets an input's text once it is no longer drawn: the edits are kept as the
    # seed the inputs start from, so a goal closed and opened again shows what was typed.
    state.keep_draft(form_state, draft)
    save_bottom = st.button("Gem", key=SAVE_KEYS[1], type="primary", disabled=locked)
    feedback_bottom = st.container()
    pasted = st.session_state.pop(state.PASTED_KEY, None)
    if pasted is not None:
        _paste(form_state, table, edited, pasted)
    if answer is None and (save_top or save_bottom) and not locked:  # with conflicts to choose
        answer = saving.save(contract, period, session, form_state, edited, choices, names)
        if answer.saved:  # the choices made: the page starts again from the store
            st.rerun()
    issues: dict[str, list[str]] = defaultdict(list)
    if answer is not None:
        saving.tell((feedback_top, feedback_bottom), answer)
        for issue in answer.issues:
            issues[issue.target].append(saving.issue_text(goals, issue))
    as_read = _as_read(contract, period, form_state)
    live = (
        as_read
        if edited is table
        else live_round(contract, period, form_state.values, table, edited)
    )
    changed = {place[0] for place in draft}
    if changed:  # a computed target or a total of parts can change with another's edit
        changed |= {k for k, t in live.targets.items() if as_read.targets.get(k) != t}
    _fill(goals, slots, live, edited, issues, changed)
    if not locked:  # a locked round takes no values: nothing to point to
        _missing(missing_box, live, goals, set(slots))


def _listed(items: list[tuple[str, str]], separator: str) -> str:
    """Items in order; those in a closed goal grouped with it: "9b, 9c (Mål 9)"."""
    groups: list[tuple[str, list[str]]] = []
    for goal, item in items:
        if goal and groups and groups[-1][0] == goal:
            groups[-1][1].append(item)
        else:
            groups.append((goal, [item]))
    return separator.join(
        separator.join(texts) + (f" ({md_inline(goal)})" if goal else "") for goal, texts in groups
    )


#: The two »Gem« buttons, above and below the targets.
SAVE_KEYS = ("gem", "gem_nederst")


def _save_pressed() -> bool:
    """Whether »Gem« was pressed for this run (a button's state is known before it is drawn)."""
    return any(bool(st.session_state.get(key)) for key in SAVE_KEYS)


def _forms(goals: tuple[GoalForm, ...]) -> list[TargetForm]:
    return [form for goal in goals for form in goal.targets]


#: Above the goals: what their panels do (docs/entry.md "One goal at a time").
PANELS_HELP = (
    "Åbn et mål for at indtaste dets tal. Det, du skriver, bliver stående, når du lukker "
    "målet igen, og »Gem« gemmer dine ændringer i alle mål på én gang."
)


def panel_key(anchor: str) -> str:
    """The key of the panel of the goal with ``anchor``: open or closed, it stays so after a
    save."""
    return f"indberetning_maal|{anchor}"


def _set_panels(anchors: list[str], is_open: bool) -> None:
    for anchor in anchors:
        st.session_state[panel_key(anchor)] = is_open


def _open_or_close_all(goals: tuple[GoalForm, ...]) -> None:
    """»Åbn alle mål« and »Luk alle mål«, for a person who wants the whole form at once."""
    anchors = [goal.anchor for goal in goals]
    left, right, _rest = st.columns([1, 1, 4])
    left.button("Åbn alle mål", key="aabn_alle_maal", on_click=_set_panels, args=(anchors, True))
    right.button("Luk alle mål", key="luk_alle_maal", on_click=_set_panels, args=(anchors, False))


def _open_where_needed(
    goals: tuple[GoalForm, ...], form_state: FormState, answer: saving.Answer | None
) -> None:
    """Open the goals whose targets need the person: a value in conflict, or a problem from
    the save just tried (each is shown beside its inputs); and the first goal, when the page
    is first shown."""
    needed = {c.target for c in form_state.conflicts}
    if answer is not None:
        needed |= {issue.target for issue in answer.issues}
    for goal in goals:
        if needed & {form.key for form in goal.targets}:
            st.session_state[panel_key(goal.anchor)] = True
    if goals:  # the first goal starts open, as the page is first shown
        st.session_state.setdefault(panel_key(goals[0].anchor), True)


def _paste(
    form_state: FormState, table: EntryTable, edited: EntryTable, pasted: tuple[str, dict[str, str]]
) -> None:
    """A column pasted into a kommune grid: the draft with it, in new inputs."""
    key, by_code = pasted
    seed = draft_of(table, edited)
    for code, text in by_code.items():
        seed.setdefault((key, code), dict(cells_of(table)[(key, code)]))["værdi"] = text
    state.regenerate(form_state, seed)
    st.rerun()


def _as_read(contract: Contract, period: str, form_state: FormState) -> LiveRound:
    """The round as read, judged once per table (to tell what an edit changes)."""
    kept = st.session_state.get(AS_READ_KEY)
    if kept is None or kept[0] is not form_state.table:
        table = form_state.table
        kept = (table, live_round(contract, period, form_state.values, table, table))
        st.session_state[AS_READ_KEY] = kept
    return kept[1]


def _fill(
    goals: tuple[GoalForm, ...],
    slots: dict[str, Slots],
    live: LiveRound,
    edited: EntryTable,
    issues: dict[str, list[str]],
    changed: set[str],
) -> None:
    cells = cells_of(edited)
    for goal in goals:
        for form in goal.targets:
            slot = slots.get(form.key)
            if slot is None:  # in a closed goal
                continue
            inputs.fill_status(
                slot,
                live.targets.get(form.key),
                changed=form.key in changed,
                warning=live.warnings.get(form.key),
            )
            total = live.kommune_sums.get(form.key)
            if total:
                for place in (slot.kommune_total, slot.help):
                    if place is not None:
                        place.caption(f"I alt fra kommunerne: {total}")
            inputs.fill_help(slot, form_hints(form, cells), issues.get(form.key, []))


def _missing(
    box: st.delta_generator.DeltaGenerator,
    live: LiveRound,
    goals: tuple[GoalForm, ...],
    drawn: set[str],
) -> None:
    """What still lacks a value or a needed comment, by kind, each linking to its inputs
    when its goal is open, else naming the goal to open."""
    goal_of = {form.key: f"Mål {goal.number}" for goal in goals for form in goal.targets}
    with box:
        if not live.missing:
            st.markdown(
                ":green[**Intet mangler:**] alle måltal i perioden har et tal, og de nødvendige "
                "kommentarer er skrevet."
            )
            return
        lines = []
        for kind, heading in MISSING_HEADINGS.items():
            found = [m for m in live.missing if m.kind == kind]
            if not found:
                continue
            items: list[tuple[str, str]] = []  # (the closed goal it is in, or "", the item)
            for m in found:
                text = f" ({md_inline(m.text)})" if m.text and kind == "comment" else ""
                text = f": {md_inline(m.text)}" if kind == "parts" else text
                if m.key in drawn:
                    items.append(("", f"[{md_inline(m.name)}](#{m.anchor}){text}"))
                else:
                    items.append((goal_of.get(m.key, ""), md_inline(m.name) + text))
            joined = _listed(items, "; " if kind == "parts" else ", ")
            lines.append(f"- **{heading} ({len(found)}):** {joined}")
        st.markdown("\n".join(lines))
