"""The round as the store holds it at a point of an Indberetning run, and what the person may
do with it: read at the start of the run, and once more after »Gem« saved (docs/entry.md
"Speed"), so the page is drawn from the store as it is after the save."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from contracts.models import Contract
from services.session import RoundInfo, Session
from ui import auth, data, page_reads
from ui.entry import report_round, state

#: The toggle "Vis også måltal, der ikke måles i perioden".
INCLUDE_ALL_KEY = "alle_maaltal"


@dataclass(frozen=True)
class RoundNow:
    info: RoundInfo | None
    writes: bool  # the person may enter values in the round's house
    locked: bool  # the round takes no values now (its status, or the person's rights)
    form: state.FormState


def round_now(session: Session, contract: Contract, period: str) -> RoundNow:
    house, year = contract.erhvervshus, contract.year
    reads = data.reads(session)
    info = page_reads.round_info(reads, house, year, period)
    demo_data = contract.demo or bool(info and info.has_demo)
    writes = auth.allowed(session, "write_value", house, demo=demo_data)
    locked = report_round.is_locked(info, demo_account=session.principal.demo) or not writes
    # The toggle is drawn later in the run; its state is known now.
    include_all = bool(st.session_state.get(INCLUDE_ALL_KEY, False))
    form = state.form_state(
        (house, year, period),
        include_all,
        *page_reads.entry_readers(reads, contract, period, include_all),
    )
    return RoundNow(info, writes, locked, form)
