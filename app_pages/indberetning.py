"""Indberetning: erhvervshus staff enter a round's results by hand or from a file.

The choice of erhvervshus, year and period lives in the URL (``?hus=sjaelland&aar=2022&
periode=H1``). Values are entered against the contract in force (godkendt before udkast),
the same one an import uses.
"""

from __future__ import annotations

import dataclasses

import streamlit as st

from contracts import danish
from contracts.loader import Catalog
from contracts.reference import house_name
from services.entry import build_table
from ui import data
from ui.contract_view import contract_title, md, render_draft_notice
from ui.entry import editor, files, history, report_round, state
from ui.overview_view import default_period
from ui.selection import select_contract


def in_force(catalog: Catalog) -> Catalog:
    """Only the contract each house-year reports against, so no draft toggle is offered."""
    chosen = {
        (c.erhvervshus, c.year): catalog.contract(c.erhvervshus, c.year) for c in catalog.contracts
    }
    return dataclasses.replace(catalog, contracts=tuple(c for c in chosen.values() if c))


store = data.store()
catalog = data.review_catalog(store)
choice = select_contract(in_force(catalog), default_period=lambda h, y: default_period(store, h, y))
if choice is None:
    st.title("Indberetning")
    st.info("Der er ingen kontrakter i kontraktmappen endnu.")
    st.stop()

contract, period = choice.contract, choice.period
house, year = choice.house, choice.year
st.title(f"Indberetning: {house_name(house)} {danish.period_label(period, year)}")
st.caption(md(contract_title(contract)))
if contract.demo:
    st.warning("Demokontrakt: opdigtet til demonstration, ikke en rigtig kontrakt.")
render_draft_notice(contract)
state.show_flash()

info = store.round(house, year, period)
locked = report_round.is_locked(info)
report_round.render_status(store, info)
report_round.render_actions(catalog, store, info)

st.header("Tal")
include_all = st.toggle("Vis også måltal, der ikke måles i perioden", key="alle_maaltal")
identity = (house, year, period, include_all)
table, read_at = state.frozen_table(
    identity,
    lambda: build_table(contract, period, store.values(house), include_all=include_all),
)
st.caption(
    f"Tallene er hentet {history.local_time(read_at)}. Tryk »Hent tallene igen« for at se "
    "ændringer, andre har gemt siden."
)
edited = editor.render_editors(contract, table, locked=locked)
save_col, reload_col = st.columns([1, 4])
with save_col:
    save = st.button("Gem", key="gem", type="primary", disabled=locked or table.totals.empty)
with reload_col:
    reload = st.button("Hent tallene igen", key="hent_igen")
if reload:
    state.reset()
    st.rerun()
if save:
    editor.save(contract, period, store, table, edited)

st.header("Fra fil")
files.render_import(catalog, store, locked=report_round.import_locked(info))
files.render_downloads(contract, period, store)

history.render_history(contract, store, period)
