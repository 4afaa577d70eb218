"""The latest changes of a report round, as the Indberetning page shows them.

The Danish table is built in ``services.entry_history``; this module only draws it.
"""

from __future__ import annotations

import streamlit as st

from contracts.models import Contract
from services import entry_access as access
from services.entry_history import HISTORY_COLUMNS, history_frame, local_time

__all__ = ["HISTORY_COLUMNS", "history_frame", "local_time", "render_history"]


def render_history(contract: Contract, store: access.Store, period: str) -> None:
    frame = access.history(store, contract, period)
    with st.expander(f"Seneste ændringer ({len(frame)})"):
        if frame.empty:
            st.caption("Ingen ændringer endnu.")
        else:
            st.dataframe(frame, hide_index=True, width="stretch")
