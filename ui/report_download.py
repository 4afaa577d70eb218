"""Download panels: the KKR report (Overblik, Hele landet) and the contract document
(Kontrakter), with progress shown while the file is made (docs/reports.md).

A report is made from a stored snapshot (nothing is written) or from a new one taken of the
values as they are now. The file waits in the session until it is downloaded, so choosing a
format and pressing "Lav rapport" never makes it twice.
"""

from __future__ import annotations

import streamlit as st

from contracts.loader import Catalog
from services.report import (
    CONTRACT_FORMATS,
    ReportFile,
    UserError,
    contract_file,
    contract_file_name,
    snapshot_choice,
)
from services.session import Session

NEW = 0
FORMAT_LABELS = {"pdf": "PDF", "docx": "Word (docx)", "xlsx": "Excel (xlsx)"}
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
NEW_LABEL = "Et nyt øjebliksbillede af tallene, som de er nu"


def panel_key(house: str, year: int, period: str) -> str:
    """The report panel's state key; ``f"{panel_key(...)}-aaben"`` holds whether it is open."""
    return f"report-{house}-{year}-{period}"


@st.fragment
def report_panel(
    catalog: Catalog, session: Session, house: str, year: int, period: str, *, title: str
) -> None:
    """Snapshot and format choice, "Lav rapport", then the download button.

    The panel is filled only while it is open: closed, a page sends its label alone, so the
    page's own content reaches the browser and is drawn sooner (docs/reports.md). Opening it
    reruns the panel only (a fragment), not the page."""
    state_key = panel_key(house, year, period)
    panel = st.expander(
        title, icon=":material/picture_as_pdf:", key=f"{state_key}-aaben", on_change="rerun"
    )
    with panel:
        if not panel.open:
            return
        snapshots = {s.id: s for s in session.snapshots(house, year, period)}
        left, right = st.columns([3, 1])
        chosen = left.selectbox(
            "Grundlag",
            [NEW, *snapshots],
            format_func=lambda i: NEW_LABEL if i == NEW else snapshot_choice(snapshots[i]),
            key=f"{state_key}-grundlag",
            help="Et gemt øjebliksbillede giver den samme rapport, som den var dengang.",
        )
        fmt = right.selectbox(
            "Format",
            list(FORMAT_LABELS),
            format_func=FORMAT_LABELS.__getitem__,
            key=f"{state_key}-format",
        )
        if st.button("Lav rapport", key=f"{state_key}-lav", icon=":material/description:"):
            with st.status("Laver rapporten …", expanded=False) as progress:
                try:
                    if chosen == NEW:
                        made = session.snapshot_and_report(catalog, house, year, period, fmt)
                    else:
                        made = session.report(chosen, fmt)
                except UserError as exc:
                    progress.update(label="Rapporten kunne ikke laves", state="error")
                    st.error(str(exc))
                    return
                progress.update(label="Rapporten er klar", state="complete")
            st.session_state[state_key] = made
        made_file: ReportFile | None = st.session_state.get(state_key)
        if made_file is not None:
            for warning in made_file.warnings:
                st.warning(warning)
            st.download_button(
                f"Hent {made_file.file_name}",
                data=made_file.data,
                file_name=made_file.file_name,
                mime=made_file.mime,
                on_click="ignore",
                icon=":material/download:",
                type="primary",
                key=f"{state_key}-hent",
            )


def contract_panel(catalog: Catalog, house: str, year: int, *, draft: bool) -> None:
    """The contract (or draft) as PDF or Word."""
    state_key = f"contract-doc-{house}-{year}-{draft}"
    with st.expander("Kontrakten som dokument (PDF, Word)", icon=":material/picture_as_pdf:"):
        fmt = st.selectbox(
            "Format",
            CONTRACT_FORMATS,
            format_func=FORMAT_LABELS.__getitem__,
            key=f"{state_key}-format",
        )
        if st.button("Lav dokument", key=f"{state_key}-lav", icon=":material/description:"):
            with st.status("Laver dokumentet …", expanded=False) as progress:
                try:
                    data = contract_file(catalog, house, year, fmt, draft=draft)
                except UserError as exc:
                    progress.update(label="Dokumentet kunne ikke laves", state="error")
                    st.error(str(exc))
                    return
                progress.update(label="Dokumentet er klar", state="complete")
            st.session_state[state_key] = (fmt, data)
        made = st.session_state.get(state_key)
        if made is not None:
            made_fmt, data = made
            name = contract_file_name(house, year, made_fmt, draft=draft)
            st.download_button(
                f"Hent {name}",
                data=data,
                file_name=name,
                mime=MIME[made_fmt],
                on_click="ignore",
                icon=":material/download:",
                type="primary",
                key=f"{state_key}-hent",
            )
