"""Values someone else saved while the person was typing: both numbers, and a choice per value.

The person's other edits are already saved (or kept in the form); each value in conflict
shows theirs with who and when, and the person's own, and the person picks one. "Gem" then
saves the choices with everything else still unsaved (``services.entry_save``).
"""

from __future__ import annotations

import streamlit as st

from services.entry_save import Choice, Draft, SaveOutcome, ValueConflict, draft_of, resolve
from services.entry_table import EntryTable
from ui.contract_view import md_inline
from ui.entry.state import widget_key

Place = tuple[str, str]
OPTIONS: tuple[Choice, ...] = ("theirs", "mine")
CHOOSE_FIRST = (
    "Vælg for hvert tal, der er ændret af en anden, om deres eller dit tal skal gemmes; "
    "derefter gemmes alt på én gang."
)
__all__ = ["CHOOSE_FIRST", "Choice", "render_conflicts", "resolved", "saved_text"]


def render_conflicts(found: tuple[ValueConflict, ...]) -> dict[Place, Choice | None]:
    """Each conflict with both numbers and a choice; the choices by place (None: not yet)."""
    if not found:
        return {}
    st.subheader("Ændret af en anden, mens du skrev", anchor="konflikter")
    st.warning(
        f"{_count(len(found))} blev gemt af en anden, efter du hentede tallene. Dine andre "
        "ændringer er gemt eller står stadig i felterne. Vælg for hvert tal, hvilket der skal "
        "gemmes, og tryk »Gem«."
    )
    choices: dict[Place, Choice | None] = {}
    for conflict in found:
        with st.container(border=True):
            when = f" {conflict.when}" if conflict.when else ""
            st.markdown(
                f"[**{md_inline(conflict.name)}**](#{conflict.anchor}): "
                f"{md_inline(conflict.who)} gemte{md_inline(when)}: "
                f"**{md_inline(conflict.theirs)}**. Du skrev: **{md_inline(conflict.mine)}**."
            )
            labels: dict[Choice, str] = {
                "theirs": f"Behold {genitive(conflict.who)} tal: {conflict.theirs}",
                "mine": f"Gem mit: {conflict.mine}",
            }
            picked = st.radio(
                f"Hvilket tal skal gælde for {conflict.name}?",
                OPTIONS,
                index=None,
                key=widget_key(conflict.target, conflict.kommune, "konflikt"),
                format_func=labels.__getitem__,
                horizontal=True,
            )
            choices[(conflict.target, conflict.kommune)] = _choice(picked)
    return choices


def genitive(name: str) -> str:
    """Danish genitive: ``bo`` → ``bos``, ``Jens`` → ``Jens'``."""
    return f"{name}'" if name[-1:].casefold() in {"s", "x", "z"} else f"{name}s"


def _choice(picked: object) -> Choice | None:
    if picked == "theirs":
        return "theirs"
    if picked == "mine":
        return "mine"
    return None


def _count(n: int) -> str:
    return "1 tal" if n == 1 else f"{n} tal"


def resolved(table: EntryTable, edited: EntryTable, choices: dict[Place, Choice | None]) -> Draft:
    """The form's edits after the choices: "theirs" drops the person's edit of that value."""
    chosen: dict[Place, Choice] = {p: c for p, c in choices.items() if c is not None}
    return resolve(table, draft_of(table, edited), chosen)


def saved_text(outcome: SaveOutcome) -> str:
    """``Gemt: 2 indsat, 1 ændret, 0 slettet.``, and what waits for a choice."""
    result = outcome.result
    text = (
        "Gemt: intet."
        if result is None
        else (f"Gemt: {result.inserted} indsat, {result.changed} ændret, {result.deleted} slettet.")
    )
    if outcome.conflicts:
        text += (
            f" {_count(len(outcome.conflicts))} er ændret af en anden imens og er ikke gemt: "
            "vælg herunder, hvilket tal der skal gælde."
        )
    return text
