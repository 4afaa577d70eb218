"""Hele landet: the six erhvervshuse side by side on the national goals of a year and period.

The choice of year and period lives in the URL (``?aar=2025&periode=FY``).
"""

from __future__ import annotations

import streamlit as st

from services.report import NATIONAL
from ui import data, national_view, report_download

session = data.session()
catalog = data.review_catalog(session)
if not catalog.contracts:
    st.title("Hele landet")
    st.info("Der er ingen kontrakter i kontraktmappen endnu.")
    st.stop()
year, period = national_view.select_year_period(catalog)
national_view.render(
    catalog,
    data.reads(session),
    year,
    period,
    actions=lambda: report_download.report_panel(
        catalog, session, NATIONAL, year, period, title="Rapport til KKR: hele landet"
    ),
)
