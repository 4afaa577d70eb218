"""»Gem« on the Indberetning form: the save, its outcome, and its problems beside the inputs.

A save that works starts the page again from the store (``ui.entry.state``); one that meets
someone else's change keeps the person's edits and waits for a choice per value
(``ui.entry.conflicts``); one that breaks a rule saves nothing and says why, each problem
beside its input and linked from the list at the top.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from contracts.models import Contract
from services.entry import Issue
from services.entry_form import GoalForm, anchor_of
from services.entry_live import apply_draft
from services.entry_save import SaveOutcome
from services.entry_table import EntryTable, kommune_name
from services.errors import UserError
from services.session import Session
from ui.contract_view import md_inline
from ui.entry import conflicts, state
from ui.entry.state import FormState

Boxes = Sequence[st.delta_generator.DeltaGenerator]


@dataclass(frozen=True)
class Answer:
    """What a save has to say: ``kind`` ``"saved"`` (something was saved: the message waits
    in ``state.flash`` and the page is drawn from the store again), or ``"error"`` or
    ``"info"`` beside both »Gem« buttons; ``outcome`` is a save that broke a rule, for the page
    to show each problem beside its input."""

    kind: str
    text: str
    outcome: SaveOutcome | None = None

    @property
    def saved(self) -> bool:
        return self.kind == "saved"

    @property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(self.outcome.issues) if self.outcome is not None else ()


def save(
    contract: Contract,
    period: str,
    session: Session,
    form_state: FormState,
    edited: EntryTable,
    choices: dict[tuple[str, str], conflicts.Choice | None],
    names: dict[str, str],
) -> Answer:
    """Save. On success (whole, or with conflicts left to choose) the form is read again
    from the store (or waits for the choices) and the answer is ``saved``; a save that saved
    nothing says why."""
    table = form_state.table
    if form_state.conflicts:
        if any(choice is None for choice in choices.values()):
            return Answer("error", conflicts.CHOOSE_FIRST)
        draft = conflicts.resolved(table, edited, choices)
        edited = apply_draft(table, draft)
    try:
        outcome = session.save_entry(
            contract, period, table, edited, include_all=form_state.include_all
        )
    except UserError as exc:
        return Answer("error", state.bulleted(str(exc).splitlines()[0], exc.problems))
    if outcome.problems:
        return Answer("error", problems_text(outcome, names), outcome)
    if outcome.nothing_to_save:
        return Answer("info", "Ingen ændringer at gemme.")
    saved = conflicts.saved_text(outcome)
    if outcome.conflicts and outcome.table is not None:
        values = session.values(house=contract.erhvervshus)
        state.flash("warning", saved)
        state.regenerate(
            form_state,
            outcome.draft,
            values=values,
            table=outcome.table,
            conflicts=outcome.conflicts,
            read_at=state.now(),
        )
    else:
        state.flash("success", saved)
        state.reset()
    return Answer("saved", saved)


def tell(boxes: Boxes, answer: Answer) -> None:
    """The answer in each of ``boxes`` (a save that saved is told by the flash instead)."""
    if answer.saved:
        return
    show: Callable[[str], object] = st.error if answer.kind == "error" else st.info
    for box in boxes:
        with box:
            show(answer.text)


def problems_text(outcome: SaveOutcome, names: dict[str, str]) -> str:
    """Intet er gemt, with every problem and a link to each target (by ``names``) with one."""
    count = len(outcome.problems)
    head = f"Intet er gemt: {count} {'problem' if count == 1 else 'problemer'}."
    text = state.bulleted(head, list(outcome.problems))
    targets = dict.fromkeys(issue.target for issue in outcome.issues)
    if targets:
        links = (f"[{md_inline(names.get(k, k))}](#{anchor_of(k)})" for k in targets)
        text += "\n\nGå til: " + ", ".join(links)
    return text


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
