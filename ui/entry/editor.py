"""The Indberetning form: the targets by goal, each with the inputs of its kind, the list of
what is still missing at the top, and "Gem", which saves every edit in one go.

Every target is drawn first (its texts make the draft); then the round is judged as if the
draft were saved (``services.entry_live``) and each target's status, its help and the list at
the top are filled in. A save that meets someone else's change keeps every edit
(``services.entry_save``): what met no conflict is saved, and the conflicts wait for the
person's choice per value (``ui.entry.conflicts``).
"""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from contracts.models import Contract
from services import entry_access as access
from services.entry_form import GoalForm, entry_form
from services.entry_hints import form_hints
from services.entry_live import MISSING_HEADINGS, LiveRound, apply_draft, cells_of, live_round
from services.entry_save import SaveOutcome, draft_of
from services.entry_table import EntryTable, kommune_name
from ui.contract_view import md_inline
from ui.entry import conflicts, inputs, state
from ui.entry.inputs import Slots
from ui.entry.state import FormState


def render_form(
    contract: Contract, period: str, store: access.Store, form_state: FormState, *, locked: bool
) -> None:
    table = form_state.table
    if table.totals.empty and (table.computed is None or table.computed.empty):
        st.info("Ingen måltal måles i denne periode.")
        return
    goals = entry_form(contract, table)
    missing_box = st.container()
    choices = conflicts.render_conflicts(form_state.conflicts)
    save_top = st.button("Gem", key="gem", type="primary", disabled=locked)
    feedback_top = st.container()
    start = cells_of(apply_draft(table, form_state.seed))
    draft_texts: dict[tuple[str, str], dict[str, str]] = {}
    slots: dict[str, Slots] = {}
    for goal in goals:
        _goal_heading(goal)
        for form in goal.targets:
            texts, slots[form.key] = inputs.render_target(form, start, locked=locked)
            draft_texts.update(texts)
    edited = apply_draft(table, draft_texts)
    save_bottom = st.button("Gem", key="gem_nederst", type="primary", disabled=locked)
    feedback_bottom = st.container()
    live = live_round(contract, period, form_state.values, table, edited)
    pasted = st.session_state.pop(state.PASTED_KEY, None)
    if pasted is not None:
        _paste(form_state, table, edited, pasted)
    issues: dict[str, list[str]] = defaultdict(list)
    if (save_top or save_bottom) and not locked:
        outcome = _save(contract, period, store, form_state, edited, choices)
        if outcome is not None:
            for box in (feedback_top, feedback_bottom):
                _show_problems(box, outcome, goals)
            for issue in outcome.issues:
                issues[issue.target].append(
                    _issue_text(goals, issue.kommune, issue.column, issue.text)
                )
    changed = {place[0] for place in draft_of(table, edited)}
    if changed:  # a computed target or a total of parts can change with another's edit
        before = live_round(contract, period, form_state.values, table, table).targets
        changed |= {k for k, t in live.targets.items() if before.get(k) != t}
    _fill(goals, slots, live, edited, issues, changed)
    if not locked:  # a locked round takes no values: nothing to point to
        _missing(missing_box, live)


def _goal_heading(goal: GoalForm) -> None:
    st.subheader(goal.heading, anchor=goal.anchor)


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


def _save(
    contract: Contract,
    period: str,
    store: access.Store,
    form_state: FormState,
    edited: EntryTable,
    choices: dict[tuple[str, str], conflicts.Choice | None],
) -> SaveOutcome | None:
    """Save; on success (whole or with conflicts left) the page starts again from the store."""
    table = form_state.table
    if form_state.conflicts:
        if any(choice is None for choice in choices.values()):
            st.error(conflicts.CHOOSE_FIRST)
            return None
        draft = conflicts.resolved(table, edited, choices)
        edited = apply_draft(table, draft)
    try:
        outcome = access.save(
            store, contract, period, table, edited, include_all=form_state.include_all
        )
    except access.UserError as exc:
        st.error(state.bulleted(str(exc).splitlines()[0], exc.problems))
        return None
    if outcome.problems:
        return outcome
    if outcome.nothing_to_save:
        st.info("Ingen ændringer at gemme.")
        return None
    saved = conflicts.saved_text(outcome)
    if outcome.conflicts and outcome.table is not None:
        values = access.house_values(store, contract.erhvervshus)
        state.flash("warning", saved)
        state.regenerate(
            form_state,
            outcome.draft,
            values=values,
            table=outcome.table,
            conflicts=outcome.conflicts,
        )
    else:
        state.flash("success", saved)
        state.reset()
    st.rerun()
    return None  # pragma: no cover - st.rerun ends the run


def _show_problems(
    box: st.delta_generator.DeltaGenerator, outcome: SaveOutcome, goals: tuple[GoalForm, ...]
) -> None:
    count = len(outcome.problems)
    head = f"Intet er gemt: {count} {'problem' if count == 1 else 'problemer'}."
    names = {form.key: form for goal in goals for form in goal.targets}
    links = []
    for key in dict.fromkeys(issue.target for issue in outcome.issues):
        form = names.get(key)
        if form is not None:
            links.append(f"[{md_inline(form.name)}](#{form.anchor})")
    with box:
        st.error(f"{state.bulleted(head, list(outcome.problems))}\n\nGå til: {', '.join(links)}")


def _issue_text(goals: tuple[GoalForm, ...], kommune: str, column: str, text: str) -> str:
    labels = {f.column: f.label for g in goals for form in g.targets for f in form.fields}
    where = f"{kommune_name(kommune)}, " if kommune else ""
    label = "Kommentar" if column == "kommentar" else labels.get(column, column)
    return f"{where}{label}: {text}"


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
            slot = slots[form.key]
            inputs.fill_status(
                slot,
                live.targets.get(form.key),
                changed=form.key in changed,
                warning=live.warnings.get(form.key),
            )
            total = live.kommune_sums.get(form.key)
            if total:
                with slot.help:
                    st.caption(f"I alt fra kommunerne: {total}")
            inputs.fill_help(slot, form_hints(form, cells), issues.get(form.key, []))


def _missing(box: st.delta_generator.DeltaGenerator, live: LiveRound) -> None:
    """What still lacks a value or a needed comment, by kind, each linking to its inputs."""
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
            links = []
            for m in found:
                text = f" ({md_inline(m.text)})" if m.text and kind == "comment" else ""
                text = f": {md_inline(m.text)}" if kind == "parts" else text
                links.append(f"[{md_inline(m.name)}](#{m.anchor}){text}")
            joined = "; ".join(links) if kind == "parts" else ", ".join(links)
            lines.append(f"- **{heading} ({len(found)}):** {joined}")
        st.markdown("\n".join(lines))
