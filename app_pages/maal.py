"""Mål: one goal of a contract in depth: targets, method, trend, kommuner and value history.

The choice lives in the URL (``?hus=sjaelland&aar=2022&periode=H1&maal=8``).
"""

from __future__ import annotations

import streamlit as st

from contracts import danish
from contracts.reference import house_name
from ui import goal_view
from ui.contract_view import md, render_draft_notice
from ui.review import review_choice

session, catalog, choice = review_choice("Mål")
if not choice.contract.goals:
    st.title("Mål")
    st.info("Kontrakten har ingen mål.")
    st.stop()
st.title(f"Mål: {house_name(choice.house)} {choice.year}")
st.caption(md(danish.period_label(choice.period, choice.year, capital=True)))
if choice.contract.demo:
    st.warning("Demokontrakt: opdigtet til demonstration, ikke en rigtig kontrakt.")
render_draft_notice(choice.contract)
goal_view.render(choice, catalog, session)
