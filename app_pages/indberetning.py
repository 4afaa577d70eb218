"""Indberetning: erhvervshus staff enter a round's results by hand or from a file.

The choice of erhvervshus, year and period lives in the URL (``?hus=sjaelland&aar=2022&
periode=H1``). Values are entered against the contract in force (godkendt before udkast),
the same one an import uses; each target with the inputs of its kind (docs/entry.md).
"""

from __future__ import annotations

import dataclasses

import streamlit as st

from contracts import danish
from contracts.loader import Catalog
from contracts.reference import house_name
from ui import auth, data, page_reads
from ui.contract_view import contract_title, md, render_draft_notice
from ui.entry import editor, files, history, report_round, state
from ui.entry.round_now import INCLUDE_ALL_KEY, round_now
from ui.selection import select_contract


def in_force(catalog: Catalog) -> Catalog:
    """Only the contract each house-year reports against, so no draft toggle is offered."""
    chosen = {
        (c.erhvervshus, c.year): catalog.contract(c.erhvervshus, c.year) for c in catalog.contracts
    }
    return dataclasses.replace(catalog, contracts=tuple(c for c in chosen.values() if c))


session = data.session()
catalog = data.review_catalog(session)
choice = select_contract(
    in_force(auth.work_catalog(session, catalog)),
    default_period=lambda h, y: page_reads.default_period(data.reads(session), h, y),
)
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

now = round_now(session, contract, period)
# »Gem« saves before the rest of the page is drawn (docs/entry.md "Speed"): after a save the
# page goes on from the store as it is now.
answer = editor.save_first(contract, period, session, now.form, locked=now.locked)
if answer is not None and answer.saved:
    data.read_again(session)
    now = round_now(session, contract, period)
state.show_flash()
report_round.render_status(session, now.info)
report_round.render_actions(catalog, session, now.info)

st.header("Tal")
if not now.writes:
    st.caption(f"Du kan læse tallene for {house_name(house)}, men ikke indtaste eller importere.")
st.toggle("Vis også måltal, der ikke måles i perioden", key=INCLUDE_ALL_KEY)
form = now.form
st.caption(
    f"Tallene er hentet {danish.date_time(form.read_at)}. Tal skrives på dansk: 1.680 og 50,5. "
    "Status ved hvert måltal er den, det får, når du gemmer. »Hent tallene igen« viser, hvad "
    "andre har gemt siden, og sletter dine ændringer, der ikke er gemt."
)
if st.button("Hent tallene igen", key="hent_igen"):
    state.reset()
    st.rerun()
editor.render_form(contract, period, session, form, locked=now.locked, answer=answer)

st.header("Fra fil")
import_locked = report_round.import_locked(now.info) or not now.writes
files.render_import(catalog, session, locked=import_locked)
files.render_downloads(contract, period, session)

history.render_history(contract, session, period, form.read_at)
