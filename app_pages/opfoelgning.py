"""Opfølgning: KKR's round tracker — every house × year × period with its status, who
submitted and decided it, what is missing, and what is overdue (docs/tracker.md).

The filters live in the URL (``?kkr=syddanmark&aar=2026``).
"""

from __future__ import annotations

import streamlit as st

from services.tracker import kkr_choices, year_choices
from ui import data, tracker

session = data.session()
catalog = data.review_catalog(session)
st.title("Opfølgning")
st.caption(
    "Indberetningerne for hvert erhvervshus, år og periode: status, hvem der har indsendt, "
    "godkendt eller sendt tilbage, hvad der mangler, og hvad der er over fristen."
)
if not catalog.contracts:
    st.info("Der er ingen kontrakter i kontraktmappen endnu.")
    st.stop()

kkr, year = tracker.choose_filters(kkr_choices(catalog), year_choices(catalog))
today = tracker.today()
rows = session.tracker(catalog, today, kkr=kkr, year=year)
tracker.render_summary(rows)
st.info(tracker.DEFAULTS_NOTE)
tracker.render_table(rows, enters=session.principal.role != "kkr_medlem")
tracker.render_missing(rows)
