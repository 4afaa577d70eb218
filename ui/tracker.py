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
from contracts.reference import DEFAULT_DUE, house_name, kkr_name
from services.session import RoundEvent, TrackerRow

ALL = "Alle"
DEFAULTS_NOTE = (
    "Kilderne angiver ingen frist for indberetningerne. Frister mærket »(standard)« er "
    f"produktets egne: 1. halvår den {DEFAULT_DUE['H1'].day}. august i kontraktåret og helår den "
    f"{DEFAULT_DUE['FY'].day}. april året efter. Et KKR kan sætte sine egne frister i "
    "kkr.yaml."
)
COLUMNS = (
    "KKR",
    "Erhvervshus",
    "Periode",
    "Status",
    "Indsendt",
    "Senest",
    "Begrundelse",
    "Mangler tal",
    "Mangler kommentar",
    "Frist",
    "Overskredet",
    "Indberetning",
)


def today() -> dt.date:
    """Today in Danish time: the day "overdue" is judged on."""
    return danish.local(dt.datetime.now(dt.UTC)).date()


def _event(event: RoundEvent | None, *, label: bool) -> str:
    if event is None:
        return "–"
    who = f"{event.user}, {danish.date_time(event.at)}"
    return f"{event.label} af {who}" if label else who


def _missing_values(names: tuple[str, ...]) -> str:
    return f"{len(names)}: {', '.join(names)}" if names else "Ingen"


def overdue_text(row: TrackerRow) -> str:
    if row.overdue:
        days = danish.counted(danish.number(row.days_overdue), "dag", "dage")
        return f"Ja – {days} over fristen"
    return "Nej"


def due_text(row: TrackerRow) -> str:
    return danish.date(row.due) + (" (standard)" if row.due_is_default else "")


def table(rows: list[TrackerRow]) -> pd.DataFrame:
    """One line per round, every cell Danish text; the link is Markdown for ``st.table``."""
    records = [
        {
            "KKR": kkr_name(row.kkr),
            "Erhvervshus": house_name(row.house),
            "Periode": danish.period_label(row.period, row.year, capital=True),
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
            "Indberetning": f"[Åbn {row.label}]({row.link})",
        }
        for row in rows
    ]
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


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


def render_table(rows: list[TrackerRow]) -> None:
    if rows:
        st.table(table(rows), hide_index=True, alt="Indberetningerne med status og frist")


def render_missing(rows: list[TrackerRow]) -> None:
    """What each round still lacks, line by line (the submit check's own lines)."""
    lacking = [row for row in rows if row.missing_comments]
    if not lacking:
        return
    st.header("Mangler kommentar før indsendelse", anchor="mangler-kommentar")
    for row in lacking:
        with st.expander(f"{row.label}: {len(row.missing_comments)}"):
            st.markdown("\n".join(f"- {line}" for line in row.missing_comments))
