"""Overblik: every goal of one contract in one period, with status, results and comments.

The choice of erhvervshus, year and period lives in the URL (``?hus=sjaelland&aar=2022&periode=H1``).
"""

from __future__ import annotations

import streamlit as st

from ui import data, overview_view, page_reads, report_download
from ui.review import review_choice

session, catalog, choice = review_choice("Overblik")
reads = data.reads(session)
overview_view.render(
    choice,
    page_reads.overview(reads, choice.contract, choice.period),
    page_reads.round_info(reads, choice.house, choice.year, choice.period),
    actions=lambda: report_download.report_panel(
        catalog, session, choice.house, choice.year, choice.period, title="Rapport til KKR"
    ),
)
st.page_link(
    "app_pages/landet.py",
    label=f"Sammenlign de seks erhvervshuse på de nationale mål i {choice.year}",
    icon=":material/public:",
    query_params={"aar": str(choice.year), "periode": choice.period},
)
