"""Import from a file (dry run, then the same plan applied) and the downloads of the page.

The dry run lists every file row: what happens to it and what it changes (old → new), with
the target by name and the period as people name it; a refused file shows each problem
beside the row it is about (``services.entry_dry_run``). The downloads come in the comma
dialect or Danish Excel's (semicolon, decimal comma), and are made when clicked.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from contracts import danish
from contracts.loader import Catalog
from contracts.models import Contract
from contracts.reference import house_name
from services.entry_dry_run import SKIPPED, houses, plan_frame, problem_frame
from services.errors import UserError
from services.session import Session
from services.values_io import ImportPlan, template_bytes
from services.values_io.limits import MAX_FILE_MB
from services.values_io.tables import CsvDialect
from ui.contract_view import md
from ui.danish_widgets import danish_file_uploader
from ui.entry import state

PLAN_KEY = "indberetning_importplan"
DIALECT_KEY = "csv_dialekt"
ALL_TARGETS_KEY = "skabelon_alle"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DIALECTS: dict[CsvDialect, str] = {
    "komma": "Komma (punktum som decimaltegn)",
    "excel": "Dansk Excel (semikolon og decimalkomma)",
}


def render_import(catalog: Catalog, session: Session, *, locked: bool) -> None:
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
            plan = session.plan_import(data, uploaded.name, catalog)
        except UserError as exc:
            st.error(state.bulleted(str(exc).splitlines()[0], exc.problems))
            rows = problem_frame(data, uploaded.name, exc.problems)
            if rows is not None:
                st.markdown("**Problemerne ved rækkerne i filen**")
                st.dataframe(rows, hide_index=True, width="stretch")
            return
        kept = (identity, plan)
        st.session_state[PLAN_KEY] = kept
    show_plan(kept[1], catalog, session)


def show_plan(plan: ImportPlan, catalog: Catalog, session: Session) -> None:
    written = danish.join(house_name(h) for h in houses(plan))
    st.markdown(f"**Prøvekørsel af {md(plan.source)}** ({md(written)}): {md(plan.summary())}.")
    frame = plan_frame(plan, catalog)
    if plan.skipped and not st.toggle(
        f"Vis også de {len(plan.skipped)} rækker, der ikke er udfyldt", key="vis_tomme_raekker"
    ):
        frame = frame[frame["handling"] != SKIPPED]
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config={
            "række": st.column_config.TextColumn("Række", width="small"),
            "handling": st.column_config.TextColumn("Handling", width="small"),
            "måltal": st.column_config.TextColumn("Måltal", width="medium"),
            "periode": st.column_config.TextColumn("Periode"),
            "kommune": st.column_config.TextColumn("Kommune"),
            "før → efter": st.column_config.TextColumn("Før → efter", width="large"),
        },
    )
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
        result = session.apply_import(plan, replace_demo=bool(plan.demo_rounds))
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


def render_downloads(contract: Contract, period: str, session: Session) -> None:
    """The template of this contract-period (its measured targets, or all), and an export of
    the contract's values; CSV in the dialect chosen."""
    house, year = contract.erhvervshus, contract.year
    left, right = st.columns(2)
    with left:
        dialect: CsvDialect = st.radio(
            "CSV-filer",
            tuple(DIALECTS),
            format_func=DIALECTS.__getitem__,
            key=DIALECT_KEY,
            horizontal=True,
        )
    with right:
        all_targets = st.toggle(
            f"Skabelon med alle måltal, også dem, der ikke måles i "
            f"{danish.period_label(period, year)}",
            key=ALL_TARGETS_KEY,
        )
    stem = f"{house}-{year}"
    suffix = "-excel" if dialect == "excel" else ""

    def template(excel: bool) -> Callable[[], bytes]:
        return lambda: template_bytes(
            contract, period, excel=excel, dialect=dialect, all_targets=all_targets
        )

    def export(excel: bool) -> Callable[[], bytes]:
        return lambda: session.export(contract, excel=excel, dialect=dialect)

    buttons = (
        ("Skabelon (CSV)", template(False), f"skabelon-{stem}-{period}{suffix}.csv"),
        ("Skabelon (Excel)", template(True), f"skabelon-{stem}-{period}.xlsx"),
        ("Værdier (CSV)", export(False), f"vaerdier-{stem}{suffix}.csv"),
        ("Værdier (Excel)", export(True), f"vaerdier-{stem}.xlsx"),
    )
    for column, (label, data, name) in zip(st.columns(len(buttons)), buttons, strict=True):
        with column:
            mime = XLSX if name.endswith(".xlsx") else "text/csv"
            st.download_button(label, data, file_name=name, mime=mime, key=f"hent_{label}")
