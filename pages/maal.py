"""Mål: one goal of a contract in depth: targets, method, trend, kommuner and value history.

The choice lives in the URL (``?hus=sjaelland&aar=2022&periode=H1&maal=8``).
"""

from __future__ import annotations

import streamlit as st

from contracts.reference import house_name
from metrics.format import period_label
from ui import data, goal_view, overview_view
from ui.contract_view import md
from ui.frame import ensure_routed
from ui.selection import select_contract

ensure_routed()
store = data.store()
catalog = data.review_catalog(store)
choice = select_contract(
    catalog, default_period=lambda house, year: overview_view.default_period(store, house, year)
)
if choice is None or not choice.contract.goals:
    st.title("Mål")
    st.info("Der er ingen kontrakter med mål i kontraktmappen endnu.")
    st.stop()
st.title(f"Mål: {house_name(choice.house)} {choice.year}")
st.caption(md(period_label(choice.period, choice.year)))
if choice.contract.demo:
    st.warning("Demokontrakt: opdigtet til demonstration, ikke en rigtig kontrakt.")
goal_view.render(choice, catalog, store)
