"""A per-kommune target's kommune rows on Indberetning: one grid with the geography's
kommuner by name and code plus "Uden for geografien / ukendt" (kommunekode 0), filled by
typing or by pasting a column of numbers copied from Excel.

A column pasted into the grid's first cell fills it downwards (the grid does that itself);
the text field under it takes a column pasted as text, for the keyboard and the tests. The
target's sentence stands once above the grid, never on each row; the live total of the rows
is shown by the page (``services.entry_live``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from metrics.frames import row_dicts
from services.entry_form import TargetForm
from services.entry_kommuner import kommune_rows, paste_column
from ui.entry.state import PASTED_KEY, widget_key

Place = tuple[str, str]
ROW_HEIGHT = 35


def render_kommuner(
    form: TargetForm, start: Mapping[Place, Mapping[str, str]], *, locked: bool
) -> tuple[dict[Place, dict[str, str]], st.delta_generator.DeltaGenerator]:
    """The grid of the target's kommune rows; their texts by place, and the place beside the
    grid where the page writes their live total."""
    frame = kommune_rows(form, start)
    codes = list(frame["kommunekode"])
    label = f"Tal pr. kommune for {form.name}: {len(codes) - 1} kommuner og »uden for geografien«"
    with st.expander(label):
        grid, paste = st.columns([3, 2])
    with grid:
        edited: pd.DataFrame = st.data_editor(
            frame,
            key=widget_key(form.key, "kommuner"),
            hide_index=True,
            num_rows="fixed",
            disabled=locked,
            column_config=_config(form, locked),
            height=(len(frame) + 1) * ROW_HEIGHT + 3,
            width="stretch",
            placeholder="",  # an emptied cell is empty, never "None"
            alt=f"Tal pr. kommune for {form.name}",
        )
    with paste:
        total = st.container()
        if not locked:
            _paste_field(form, codes)
    return _texts(form, edited), total


def texts_in_state(
    form: TargetForm, start: Mapping[Place, Mapping[str, str]]
) -> dict[Place, dict[str, str]]:
    """The texts ``render_kommuner`` returns, read from the grid's edits in the session before
    the grid is drawn: its rows as they start, with the cells the person changed
    (``edited_rows``, by row position; the grid's rows are fixed)."""
    frame = kommune_rows(form, start)
    edits = st.session_state.get(widget_key(form.key, "kommuner"))
    changed = edits.get("edited_rows", {}) if isinstance(edits, Mapping) else {}
    for position, cells in changed.items():
        for column, cell in cells.items():
            if column in frame.columns:
                frame.iat[int(position), frame.columns.get_loc(column)] = cell
    return _texts(form, frame)


def _texts(form: TargetForm, frame: pd.DataFrame) -> dict[Place, dict[str, str]]:
    texts: dict[Place, dict[str, str]] = {}
    for record in row_dicts(frame):
        place = (form.key, str(record["kommunekode"]))
        texts[place] = {field.column: _text(record[field.column]) for field in form.fields}
    return texts


def _config(form: TargetForm, locked: bool) -> dict[str, Any]:
    config: dict[str, Any] = {
        "kommunekode": st.column_config.TextColumn("Kode", disabled=True, width="small"),
        "kommune": st.column_config.TextColumn("Kommune", disabled=True, width="medium"),
    }
    for field in form.fields:
        config[field.column] = st.column_config.TextColumn(field.label, disabled=locked)
    return config


def _paste_field(form: TargetForm, codes: list[str]) -> None:
    key = widget_key(form.key, "indsaet")
    pasted = st.text_area(
        "Indsæt en kolonne fra Excel",
        key=key,
        height=150,
        placeholder=(
            f"Ét tal pr. linje i tabellens rækkefølge ({len(codes) - 1} kommuner og evt. "
            "»uden for geografien«), eller to kolonner: kommunekode og tal."
        ),
    )
    if st.button("Udfyld kommunerne", key=widget_key(form.key, "udfyld")):
        filled, problem = paste_column(pasted, codes)
        if problem:
            st.error(problem)
        else:
            st.session_state[PASTED_KEY] = (form.key, filled)


def _text(cell: object) -> str:
    if cell is None or (isinstance(cell, float) and cell != cell):
        return ""
    return str(cell).strip()
