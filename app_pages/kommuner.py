"""Kommuner: one per-kommune target on a map and in a table, with by/land spread and coverage.

The choice lives in the URL (``?hus=sjaelland&aar=2022&periode=H1&maaltal=8a&pr10000=1``).
"""

from __future__ import annotations

import streamlit as st

from contracts import danish
from contracts.reference import house_name
from ui import data, kommune_view, overview_view, page_reads
from ui.contract_view import md, render_draft_notice
from ui.review import review_choice

session, catalog, choice = review_choice("Kommuner")
st.title(f"Kommuner: {house_name(choice.house)} {choice.year}")
st.caption(md(danish.period_label(choice.period, choice.year, capital=True)))
render_draft_notice(choice.contract)
reads = data.reads(session)
values = page_reads.values(reads, choice.house, choice.year)
own = values[values["period"] == choice.period]
if bool(own["is_demo"].any()):
    st.warning(overview_view.DEMO_BANNER)
kommune_view.render(choice, reads)
