"""The latest changes of a report round, as the Indberetning page shows them.

The Danish table is built in ``services.entry_history``; this module draws it, read once per
reading of the round (like the values: "Hent tallene igen" reads both again).
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from contracts.models import Contract
from services.entry_history import HISTORY_COLUMNS, history_frame, local_time
from services.session import Session

__all__ = ["HISTORY_COLUMNS", "history_frame", "local_time", "render_history"]


HISTORY_KEY = "indberetning_historik"


def render_history(contract: Contract, session: Session, period: str, read_at: datetime) -> None:
    identity = (contract.erhvervshus, contract.year, period, read_at)
    kept = st.session_state.get(HISTORY_KEY)
    if kept is None or kept[0] != identity:
        kept = (identity, session.round_history(contract, period))
        st.session_state[HISTORY_KEY] = kept
    frame = kept[1]
    with st.expander(f"Seneste ændringer ({len(frame)})"):
        if frame.empty:
            st.caption("Ingen ændringer endnu.")
        else:
            st.dataframe(frame, hide_index=True, width="stretch")
