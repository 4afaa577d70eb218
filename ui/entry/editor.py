"""The editable tables of the Indberetning page and the "Gem" that saves them in one go."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from contracts import danish
from contracts.describe import name_of
from contracts.models import Contract
from db import SaveResult, Store
from db.errors import Conflict, UserError
from db.identity import current_user
from services.entry import COLUMNS, NUMBER_COLUMNS, EntryTable, changes
from ui.entry import state

#: The target by name ("8c – vækstplaner"); the key stays in the table, hidden, to save by.
NAME = "navn"
HIDDEN = {"nøgle", "version", "kilde"}
VISIBLE = (NAME, *(c for c in COLUMNS if c not in {*HIDDEN, "kommunekode"}))
VISIBLE_KOMMUNER = (NAME, *(c for c in COLUMNS if c not in {*HIDDEN, "målsætning", "type"}))
#: Computed targets show no number columns: they take a comment, never a typed value.
VISIBLE_COMPUTED = (NAME, "målsætning", "måltal", "status", "kommentar")
HELP = (
    "Skriv tal på dansk (1.680 og 50,5). Udfyld værdi, eller tæller og nævner (procentdel), "
    "eller promotorer, passive og kritikere (NPS). Milepæle og vurderinger: 1 eller 0. "
    "Tøm cellerne for at slette en værdi. En kommentar uden tal er en kommentar til måltallet."
)
RELOAD_ADVICE = "Tryk »Hent tallene igen« for at se de nye tal, og ret derefter igen."


def _config(locked: bool) -> dict[str, Any]:
    config: dict[str, Any] = {
        NAME: st.column_config.TextColumn("Måltal", disabled=True),
        "kommunekode": st.column_config.TextColumn("Kode", disabled=True),
        "kommune": st.column_config.TextColumn("Kommune", disabled=True),
        "målsætning": st.column_config.TextColumn("Målsætning", disabled=True, width="large"),
        "type": st.column_config.TextColumn("Type", disabled=True),
        "måltal": st.column_config.TextColumn("Mål for året", disabled=True),
        "status": st.column_config.TextColumn("Status", disabled=True, width="medium"),
        "kommentar": st.column_config.TextColumn("Kommentar", disabled=locked, width="large"),
    }
    for column in NUMBER_COLUMNS:
        config[column] = st.column_config.TextColumn(column.capitalize(), disabled=locked)
    return config


def _editor(frame: pd.DataFrame, name: str, order: tuple[str, ...], locked: bool) -> pd.DataFrame:
    edited: pd.DataFrame = st.data_editor(
        frame,
        key=f"{name}_{state.generation()}",
        hide_index=True,
        num_rows="fixed",
        column_order=order,
        column_config=_config(locked),
        disabled=locked,
        width="stretch",
    )
    return edited


def _named(frame: pd.DataFrame, contract: Contract) -> pd.DataFrame:
    """The table with each row's target named as people write it (never a dotted key)."""
    return frame.assign(**{NAME: [name_of(contract, str(k)) for k in frame["nøgle"]]})


def render_editors(contract: Contract, table: EntryTable, *, locked: bool) -> EntryTable:
    """The totals editor, and the kommune rows of per-kommune targets in an expander."""
    if table.totals.empty:
        st.info("Ingen måltal måles i denne periode.")
        return table
    for warning in table.warnings:
        st.warning(warning)
    st.caption(HELP)
    totals = _editor(_named(table.totals, contract), "rediger_total", VISIBLE, locked)
    kommuner = table.kommuner
    if not kommuner.empty:
        kommuner = _named(kommuner, contract)
        names = danish.join(dict.fromkeys(kommuner[NAME]))
        with st.expander(f"Tal pr. kommune ({names})"):
            st.caption(
                "Totalen følger kommunerækkerne. En total, du selv har skrevet, erstattes "
                "aldrig af en anden sum: ret den, eller tøm den, så den bliver summen."
            )
            kommuner = _editor(kommuner, "rediger_kommuner", VISIBLE_KOMMUNER, locked)
    computed = table.computed
    if computed is not None and not computed.empty:
        st.subheader("Beregnede måltal")
        st.caption(
            "Resultatet beregnes af andre måltals kommunetal og kan ikke tastes. Skriv en "
            "kommentar, der forklarer det, hvor det er i risiko eller ikke opfyldt."
        )
        computed = _editor(
            _named(computed, contract), "rediger_beregnede", VISIBLE_COMPUTED, locked
        )
    return EntryTable(totals, kommuner, computed, table.warnings)


def saved_text(result: SaveResult) -> str:
    return f"Gemt: {result.inserted} indsat, {result.changed} ændret, {result.deleted} slettet."


def save(
    contract: Contract, period: str, store: Store, table: EntryTable, edited: EntryTable
) -> None:
    """All changes in ONE store.save with the versions read; every problem listed, else none."""
    found = changes(contract, period, table, edited)
    if found.problems:
        count = len(found.problems)
        head = f"Intet er gemt: {count} {'problem' if count == 1 else 'problemer'}."
        st.error(state.bulleted(head, list(found.problems)))
        return
    if found.empty:
        st.info("Ingen ændringer at gemme.")
        return
    try:
        result = store.save(found.rows, user=current_user(), deletes=found.deletes)
    except Conflict as exc:
        head = str(exc).splitlines()[0]
        st.error(state.bulleted(head, [*exc.problems, RELOAD_ADVICE]))
        return
    except UserError as exc:
        st.error(state.bulleted(str(exc).splitlines()[0], exc.problems))
        return
    state.flash("success", saved_text(result))
    state.reset()
    st.rerun()
