"""Import from a file (dry run, then the same plan applied) and the downloads of the page."""

from __future__ import annotations

import streamlit as st

from contracts.loader import Catalog
from contracts.models import Contract
from db import Store
from db.errors import UserError
from db.identity import current_user
from services.values_io import ImportPlan, apply_plan, export_bytes, plan_import, template_bytes
from services.values_io.limits import MAX_FILE_MB
from ui.contract_view import md
from ui.danish_widgets import danish_file_uploader
from ui.entry import state

PLAN_KEY = "indberetning_importplan"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render_import(catalog: Catalog, store: Store, *, locked: bool) -> None:
    """Upload → dry run (summary and one line per row) → "Gennemfør import" of that plan."""
    danish_file_uploader()
    uploaded = st.file_uploader(
        "Importér fra fil (CSV eller Excel)",
        type=["csv", "xlsx"],
        key=f"importfil_{state.generation()}",
        disabled=locked,
        max_upload_size=MAX_FILE_MB,
    )
    if uploaded is None:
        st.session_state.pop(PLAN_KEY, None)
        return
    data = uploaded.getvalue()
    identity = (uploaded.name, uploaded.file_id, len(data))
    kept = st.session_state.get(PLAN_KEY)
    if kept is None or kept[0] != identity:
        try:
            plan = plan_import(data, uploaded.name, catalog, store)
        except UserError as exc:
            st.error(state.bulleted(str(exc).splitlines()[0], exc.problems))
            return
        kept = (identity, plan)
        st.session_state[PLAN_KEY] = kept
    show_plan(kept[1], store)


def show_plan(plan: ImportPlan, store: Store) -> None:
    st.markdown(f"**Prøvekørsel af {md(plan.source)}:** {md(plan.summary())}.")
    st.dataframe(plan.frame(), hide_index=True, width="stretch")
    label = "Gennemfør import"
    if plan.demo_rounds:
        st.warning(
            f"Importen {plan.demo_text()}: demodata fjernes først, så indberetningen kun "
            "indeholder filens rigtige tal. Det registreres i historikken."
        )
        label = "Fjern demodata og gennemfør import"
    if not st.button(label, key="gennemfoer_import", type="primary"):
        return
    try:
        result = apply_plan(plan, store, current_user(), replace_demo=bool(plan.demo_rounds))
    except UserError as exc:
        st.error(state.bulleted(str(exc).splitlines()[0], exc.problems))
        return
    st.session_state.pop(PLAN_KEY, None)
    state.flash(
        "success",
        f"Importeret fra {plan.source}: {result.inserted} indsat, {result.changed} ændret, "
        f"{result.unchanged} uændret.",
    )
    state.reset()
    st.rerun()


def render_downloads(contract: Contract, period: str, store: Store) -> None:
    """The empty template of this contract-period, and an export of the contract's values."""
    house, year = contract.erhvervshus, contract.year
    values = store.values(house=house, year=year)
    stem = f"{house}-{year}"
    buttons = (
        ("Skabelon (CSV)", template_bytes(contract, period), f"skabelon-{stem}-{period}.csv"),
        (
            "Skabelon (Excel)",
            template_bytes(contract, period, excel=True),
            f"skabelon-{stem}-{period}.xlsx",
        ),
        ("Værdier (CSV)", export_bytes(contract, values), f"vaerdier-{stem}.csv"),
        ("Værdier (Excel)", export_bytes(contract, values, excel=True), f"vaerdier-{stem}.xlsx"),
    )
    for column, (label, data, name) in zip(st.columns(len(buttons)), buttons, strict=True):
        with column:
            mime = XLSX if name.endswith(".xlsx") else "text/csv"
            st.download_button(label, data, file_name=name, mime=mime, key=f"hent_{name}")
