"""The Opfølgning page's parts: filters, the tracker table and what each round lacks
(docs/tracker.md).

The table is ``st.table`` (a real HTML table, read by screen readers, its links reachable by
keyboard); overdue is written in words ("Ja – 12 dage"), never shown by colour alone.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from contracts import danish
from contracts.reference import DEFAULT_DUE, kkr_name
from services.session import RoundEvent, TrackerRow
from ui.contract_view import md, md_inline

ALL = "Alle"
DEFAULTS_NOTE = (
    "Kilderne angiver ingen frist for indberetningerne. Frister mærket »(standard)« er "
    f"produktets egne: 1. halvår den {DEFAULT_DUE['H1'].day}. august i kontraktåret og helår den "
    f"{DEFAULT_DUE['FY'].day}. april året efter. Et KKR kan sætte sine egne frister i "
    "kkr.yaml."
)
COLUMNS = (
    "Indberetning",
    "KKR",
    "Status",
    "Indsendt",
    "Senest",
    "Begrundelse",
    "Mangler tal",
    "Mangler kommentar",
    "Frist",
    "Overskredet",
)


def today() -> dt.date:
    """Today in Danish time: the day "overdue" is judged on."""
    return danish.local(dt.datetime.now(dt.UTC)).date()


def _event(event: RoundEvent | None, *, label: bool) -> str:
    if event is None:
        return "–"
    who = f"{event.user}, {danish.local_date(event.at)}"
    return f"{event.label} af {who}" if label else who


#: How many target names a cell lists before it says how many more there are.
SHOWN_NAMES = 3


def _missing_values(names: tuple[str, ...]) -> str:
    if not names:
        return "Ingen"
    shown = ", ".join(names[:SHOWN_NAMES])
    more = len(names) - SHOWN_NAMES
    return f"{len(names)}: {shown}" + (f" og {more} til" if more > 0 else "")


def overdue_text(row: TrackerRow) -> str:
    if row.overdue:
        days = danish.counted(danish.number(row.days_overdue), "dag", "dage")
        return f"Ja – {days} over fristen"
    return "Nej"


def due_text(row: TrackerRow) -> str:
    return danish.date(row.due) + (" (standard)" if row.due_is_default else "")


def table(rows: list[TrackerRow], page: str = "indberetning") -> pd.DataFrame:
    """One line per round, every cell Danish text. The first names the round and links to
    it on ``page`` (Markdown for ``st.table``; ``markdown_cells`` escapes the others)."""
    records = [
        {
            "Indberetning": f"[{md_inline(row.label)}]({row.link_on(page)})",
            "KKR": kkr_name(row.kkr),
            "Status": row.status,
            "Indsendt": _event(row.submitted, label=False),
            "Senest": _event(row.decided, label=True),
            "Begrundelse": (row.decided.reason if row.decided else None) or "–",
            "Mangler tal": _missing_values(row.missing_values),
            "Mangler kommentar": str(len(row.missing_comments))
            if row.missing_comments
            else "Ingen",
            "Frist": due_text(row),
            "Overskredet": overdue_text(row),
        }
        for row in rows
    ]
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def markdown_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """``st.table`` reads every cell as Markdown: "1. halvår" would be a list, so the text
    cells are escaped; the link cell is Markdown already."""
    shown = frame.copy()
    for column in COLUMNS[1:]:
        shown[column] = shown[column].map(md)
    return shown


def choose_filters(kkr_keys: list[str], years: list[int]) -> tuple[str | None, int | None]:
    """KKR and year, each with "Alle"; kept in the URL as ``kkr`` and ``aar``."""
    left, right = st.columns(2)
    kkr_options = [ALL, *kkr_keys]
    wanted = st.query_params.get("kkr")
    kkr = left.selectbox(
        "KKR",
        kkr_options,
        index=kkr_options.index(wanted) if wanted in kkr_options else 0,
        format_func=lambda k: k if k == ALL else kkr_name(k),
        key="opfoelgning_kkr",
    )
    year_options: list[int | str] = [ALL, *years]
    wanted_year = st.query_params.get("aar")
    year_index = next((i for i, y in enumerate(year_options) if str(y) == wanted_year), 0)
    year = right.selectbox("År", year_options, index=year_index, key="opfoelgning_aar")
    _keep_in_url("kkr", None if kkr == ALL else str(kkr))
    _keep_in_url("aar", None if year == ALL else str(year))
    return (None if kkr == ALL else str(kkr)), (None if year == ALL else int(year))


def _keep_in_url(key: str, value: str | None) -> None:
    if value is None:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def render_summary(rows: list[TrackerRow]) -> None:
    late = sum(1 for row in rows if row.overdue)
    st.markdown(
        f"**{danish.counted(str(len(rows)), 'indberetning', 'indberetninger')}**, heraf "
        f"**{late} overskredet** fristen."
        if rows
        else "Ingen indberetninger for det valgte."
    )


def render_table(rows: list[TrackerRow], *, enters: bool) -> None:
    """The rounds, each linked to Indberetning for those who enter or decide there, else to
    Overblik (a KKR member reads the round there)."""
    if rows:
        frame = table(rows, "indberetning" if enters else "overblik")
        st.table(markdown_cells(frame), hide_index=True, alt="Indberetningerne med status og frist")


def render_missing(rows: list[TrackerRow]) -> None:
    """What each round still lacks, line by line (the submit check's own lines)."""
    lacking = [row for row in rows if row.missing_comments]
    if not lacking:
        return
    st.header("Mangler kommentar før indsendelse", anchor="mangler-kommentar")
    for row in lacking:
        with st.expander(f"{row.label}: {len(row.missing_comments)}"):
            st.markdown("\n".join(f"- {md_inline(line)}" for line in row.missing_comments))
