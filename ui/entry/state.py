"""What the Indberetning page keeps between reruns: the round as read, the person's edits,
conflicts waiting for a choice, and one-off messages.

The values are read once per round and frozen in the session, so the versions sent with a
save are the ones the person saw; they are read again only after a save, an import, a round
action or an explicit "Hent tallene igen" (a silent re-read would let stale edits overwrite
someone else's change without a conflict).

The inputs' keys carry a *generation*: a new generation gives every input a fresh key that
starts from the ``seed`` (the person's unsaved edits over the table as read). That is how a
save, a pasted column or a conflict puts new texts into the inputs without losing others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import streamlit as st

from services.entry_save import Draft, ValueConflict
from services.entry_table import EntryTable
from ui import script_run
from ui.contract_view import md

FORM_KEY = "indberetning_form"
MESSAGE_KEY = "indberetning_besked"
GENERATION_KEY = "indberetning_generation"
#: A column pasted into a kommune grid in this run: (target key, texts by kommunekode).
PASTED_KEY = "indberetning_indsat"


@dataclass(frozen=True)
class FormState:
    """The round as read and what the inputs of the current generation start from."""

    identity: tuple[str, int, str]
    include_all: bool
    values: pd.DataFrame
    table: EntryTable
    read_at: datetime
    seed: Draft = field(default_factory=dict)
    conflicts: tuple[ValueConflict, ...] = ()


def generation() -> int:
    """Bumped to give the inputs and the file uploader fresh keys; read once per run (every
    input's key asks for it)."""
    return script_run.once(GENERATION_KEY, lambda: int(st.session_state.get(GENERATION_KEY, 0)))


def _next_generation() -> None:
    st.session_state[GENERATION_KEY] = generation() + 1
    script_run.forget(GENERATION_KEY)


def widget_key(*parts: object) -> str:
    """``ind|3|8a|259|værdi``: an input's key in the current generation."""
    return "|".join(["ind", str(generation()), *(str(p) for p in parts)])


def reset() -> None:
    """Forget the round as read and every unsaved edit (after a save, import or round act)."""
    st.session_state.pop(FORM_KEY, None)
    _next_generation()


def form_state(
    identity: tuple[str, int, str],
    include_all: bool,
    read: Callable[[], pd.DataFrame],
    build: Callable[[pd.DataFrame, bool], EntryTable],
) -> FormState:
    """The round's state; read now if there is none. Showing more or fewer targets builds
    the table again from the values as read, keeping the person's edits."""
    kept: FormState | None = st.session_state.get(FORM_KEY)
    if kept is None or kept.identity != identity:
        values = read()
        kept = FormState(identity, include_all, values, build(values, include_all), now())
        st.session_state[FORM_KEY] = kept
    elif kept.include_all != include_all:
        table = build(kept.values, include_all)
        kept = replace(kept, include_all=include_all, table=table)
        st.session_state[FORM_KEY] = kept
    return kept


def regenerate(state: FormState, seed: Draft, **changes: Any) -> None:
    """New inputs starting from ``seed`` over the table (and any other field changed)."""
    st.session_state[FORM_KEY] = replace(state, seed=seed, **changes)
    _next_generation()


def keep_draft(state: FormState, draft: Draft) -> None:
    """Keep ``draft`` (the person's edits as typed now) as what the inputs start from, in
    the same generation: inputs still drawn keep their own text; an input drawn again after
    its goal was closed starts from the edit instead of the table."""
    if draft != state.seed:
        st.session_state[FORM_KEY] = replace(state, seed=draft)


def now() -> datetime:
    return datetime.now(UTC)


def flash(kind: str, text: str, lines: list[str] | None = None) -> None:
    """A message shown once, after the rerun that follows a save or an action."""
    st.session_state[MESSAGE_KEY] = (kind, text, lines or [])


def show_flash() -> None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message is None:
        return
    kind, text, lines = message
    show = {"success": st.success, "error": st.error, "info": st.info, "warning": st.warning}
    show[kind](bulleted(text, lines))


def bulleted(head: str, lines: list[str]) -> str:
    """A Danish message and its problem lines as a Markdown list, escaped."""
    return "\n".join([md(head), *(f"- {md(line)}" for line in lines)])
