"""Kontrakter: who saved the draft and who recorded KKR's approval, and when."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from contracts.models import Contract
from metrics.frames import row_dicts
from services.drafts import when
from services.session import Session
from ui import auth

COLUMNS = ["Tidspunkt", "Hvem", "Hvad"]


def events_frame(events: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for event in row_dicts(events):
        detail = event["detail"] or {}
        what = str(event["action"]).capitalize()
        if detail.get("møde"):
            what += f" (KKR-møde: {detail['møde']}, {detail.get('dato', '')})"
        elif detail.get("fil"):
            what += f" ({detail['fil']})"
        rows.append([when(event["at"].to_pydatetime()), event["user"], what])
    return pd.DataFrame(rows, columns=COLUMNS)


def render_events(session: Session, contract: Contract) -> None:
    if not auth.sees_internal(session, contract.erhvervshus, demo=contract.demo):
        return  # the public view has no history (docs/login.md)
    events = session.contract_events(contract.erhvervshus, contract.year)
    if events.empty:
        return
    with st.expander(f"Historik for kontrakten ({len(events)})"):
        st.dataframe(events_frame(events), hide_index=True, width="stretch")
