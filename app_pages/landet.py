"""Hele landet: the six erhvervshuse side by side on the national goals of a year and period.

The choice of year and period lives in the URL (``?aar=2025&periode=FY``).
"""

from __future__ import annotations

import streamlit as st

from services.report import NATIONAL
from ui import data, national_view, report_download

store = data.store()
catalog = data.review_catalog(store)
if not catalog.contracts:
    st.title("Hele landet")
    st.info("Der er ingen kontrakter i kontraktmappen endnu.")
    st.stop()
year, period = national_view.select_year_period(catalog)
national_view.render(
    catalog,
    store.values(year=year),
    year,
    period,
    actions=lambda: report_download.report_panel(
        catalog, store, NATIONAL, year, period, title="Rapport til KKR: hele landet"
    ),
)
