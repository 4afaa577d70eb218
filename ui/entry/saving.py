"""»Gem« on the Indberetning form: the save, its outcome, and its problems beside the inputs.

A save that works starts the page again from the store (``ui.entry.state``); one that meets
someone else's change keeps the person's edits and waits for a choice per value
(``ui.entry.conflicts``); one that breaks a rule saves nothing and says why, each problem
beside its input and linked from the list at the top.
"""

from __future__ import annotations

import streamlit as st

from contracts.models import Contract
from services import entry_access as access
from services.entry import Issue
from services.entry_form import GoalForm
from services.entry_live import apply_draft
from services.entry_save import SaveOutcome
from services.entry_table import EntryTable, kommune_name
from ui.contract_view import md_inline
from ui.entry import conflicts, state
from ui.entry.state import FormState


def save(
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


def show_problems(
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


def issue_text(goals: tuple[GoalForm, ...], issue: Issue) -> str:
    """A problem as shown beside its input: ``Køge, Antal forløb: …``."""
    labels = {
        f.column: f.label
        for g in goals
        for form in g.targets
        if form.key == issue.target
        for f in form.fields
    }
    where = f"{kommune_name(issue.kommune)}, " if issue.kommune else ""
    label = "Kommentar" if issue.column == "kommentar" else labels.get(issue.column, issue.column)
    return f"{where}{label}: {issue.text}"
