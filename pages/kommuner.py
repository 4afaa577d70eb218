"""Kommuner: one per-kommune target on a map and in a table, with by/land spread and coverage.

The choice lives in the URL (``?hus=sjaelland&aar=2022&periode=H1&maaltal=8a&pr10000=1``).
"""

from __future__ import annotations

import streamlit as st

from contracts.reference import house_name
from metrics.format import period_label
from ui import data, kommune_view, overview_view
from ui.contract_view import md
from ui.frame import ensure_routed
from ui.selection import select_contract

ensure_routed()
store = data.store()
catalog = data.review_catalog(store)
choice = select_contract(
    catalog, default_period=lambda house, year: overview_view.default_period(store, house, year)
)
if choice is None:
    st.title("Kommuner")
    st.info("Der er ingen kontrakter i kontraktmappen endnu.")
    st.stop()
st.title(f"Kommuner: {house_name(choice.house)} {choice.year}")
st.caption(md(period_label(choice.period, choice.year)))
values = store.values(house=choice.house, year=choice.year)
if bool(values["is_demo"].any()):
    st.warning(overview_view.DEMO_BANNER)
kommune_view.render(choice, values)
