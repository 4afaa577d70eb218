"""The start every review page shares: routed, session and catalog at hand, a contract chosen."""

from __future__ import annotations

import streamlit as st

from contracts.loader import Catalog
from services.session import Session
from ui import data, page_reads
from ui.selection import Choice, select_contract

NO_CONTRACTS = "Der er ingen kontrakter i kontraktmappen endnu."


def review_choice(page_title: str, empty: str = NO_CONTRACTS) -> tuple[Session, Catalog, Choice]:
    """House, year and period selectors; stops the page with ``empty`` when nothing to show."""
    session = data.session()
    catalog = data.review_catalog(session)
    choice = select_contract(
        catalog,
        default_period=lambda house, year: page_reads.default_period(
            data.reads(session), house, year
        ),
    )
    if choice is None:
        st.title(page_title)
        st.info(empty)
        st.stop()
    return session, catalog, choice
