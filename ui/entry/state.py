"""What the Indberetning page keeps between reruns: the table as read, messages, generations.

The editable table is frozen in the session when it is first built for a round, so the
versions sent with a save are the ones the user saw; it is rebuilt only after a save, an
import, a round action or an explicit "Hent igen" (a rebuilt table would otherwise let stale
edits overwrite someone else's change without a conflict).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import streamlit as st

from services.entry import EntryTable
from ui.contract_view import md

TABLE_KEY = "indberetning_tabel"
MESSAGE_KEY = "indberetning_besked"
GENERATION_KEY = "indberetning_generation"


def generation() -> int:
    """Bumped to give the editors and the file uploader fresh keys (their edits dropped)."""
    return int(st.session_state.get(GENERATION_KEY, 0))


def reset() -> None:
    st.session_state.pop(TABLE_KEY, None)
    st.session_state[GENERATION_KEY] = generation() + 1


def frozen_table(
    identity: tuple[Any, ...], build: Callable[[], EntryTable]
) -> tuple[EntryTable, datetime]:
    """The table built for ``identity`` and when it was read; built now if there is none."""
    kept = st.session_state.get(TABLE_KEY)
    if kept is None or kept[0] != identity:
        kept = (identity, build(), datetime.now(UTC))
        st.session_state[TABLE_KEY] = kept
    return kept[1], kept[2]


def flash(kind: str, text: str, lines: list[str] | None = None) -> None:
    """A message shown once, after the rerun that follows a save or an action."""
    st.session_state[MESSAGE_KEY] = (kind, text, lines or [])


def show_flash() -> None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message is None:
        return
    kind, text, lines = message
    show = {"success": st.success, "error": st.error, "info": st.info}[kind]
    show(bulleted(text, lines))


def bulleted(head: str, lines: list[str]) -> str:
    """A Danish message and its problem lines as a Markdown list, escaped."""
    return "\n".join([md(head), *(f"- {md(line)}" for line in lines)])
