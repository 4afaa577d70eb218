"""Kontrakter: the chosen contract as a readable document, then the folder's validation issues.

The choice of erhvervshus, year and draft lives in the URL (``?hus=sjaelland&aar=2022``).
"""

from __future__ import annotations

import streamlit as st

from ui import contract_events, contract_view, data, diff_view, report_download
from ui.selection import select_contract

session = data.session()
catalog = data.review_catalog(session)
choice = select_contract(catalog)
if choice is None:
    st.title("Kontrakter")
    st.info("Der er ingen kontrakter i kontraktmappen endnu.")
else:
    contract_view.render_frame(choice.contract, catalog)
    report_download.contract_panel(
        catalog, choice.house, choice.year, draft=choice.contract.status == "udkast"
    )
    contract_view.render_sections(choice.contract)
    contract_view.render_goals(choice.contract)
    contract_view.render_sources(choice.contract)
    diff_view.render_changes(choice.contract, catalog)
    contract_events.render_events(session, choice.contract)
contract_view.render_issues(catalog)
