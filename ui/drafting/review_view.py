"""The draft as a whole: the loader's findings, the diff, save, download and approval."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from contracts.diff import ContractDiff
from contracts.edits import Built
from contracts.loader import Catalog
from contracts.reference import house_name
from services.drafts import when
from services.errors import UserError
from services.session import Session
from ui.contract_view import md
from ui.diff_view import render_diff_table
from ui.drafting import state
from ui.drafting.issue_text import issue_line
from ui.drafting.state import DraftSession


def render_checks(built: Built, problems: dict[str, str]) -> None:
    """Errors (which stop a save) and warnings, in the loader's Danish words."""
    st.header("Kontrol")
    if not built.issues and not problems:
        st.success("Udkastet overholder kontraktfilernes regler; der er ingen advarsler.")
        return
    for key, message in problems.items():
        st.error(md(f"{key}: {message}"))
    for issue in built.errors:
        st.error(md(f"Fejl: {issue_line(issue, built.text)}"))
    warnings = built.warnings
    if warnings:
        with st.expander(f"Advarsler ({len(warnings)})", expanded=len(warnings) <= 3):
            st.markdown("\n".join(f"- {md(issue_line(i, built.text))}" for i in warnings))


def render_diff(diff: ContractDiff | None) -> None:
    st.header(f"Ændringer i forhold til {diff.base_year}" if diff else "Ændringer")
    if diff is None:
        st.info("Ændringerne vises, når fejlene ovenfor er rettet.")
        return
    render_diff_table(diff)


def render_save(
    current: DraftSession,
    session: Session,
    catalog: Catalog,
    built: Built,
    problems: dict[str, str],
) -> None:
    st.header("Gem udkastet")
    read = current.read
    if read is not None and not current.fresh:
        by = f" af {read.saved_by} {when(read.saved_at)}" if read.saved_by and read.saved_at else ""
        st.caption(md(f"Udkastet blev gemt{by}; du arbejder videre på det, som du hentede det."))
    blocked = bool(built.errors or problems)
    if blocked:
        st.caption("Udkastet kan gemmes, når fejlene under »Kontrol« er rettet.")
    save_col, download_col, reload_col = st.columns(3)
    if save_col.button("Gem udkastet", type="primary", disabled=blocked, key=current.key("gem")):
        try:
            saved = session.save_draft(
                catalog,
                built.text,
                expected_hash=read.content_hash if read is not None else None,
            )
        except UserError as exc:
            st.error(md(str(exc)))
        else:
            state.saved(current, saved)
            state.flash("success", f"Udkastet er gemt som udkast/{saved.path.name}.")
            st.rerun()
    download_col.download_button(
        "Hent udkastet som YAML",
        data=built.text.encode("utf-8"),
        file_name=f"{current.house}-{current.year}.yaml",
        mime="application/yaml",
        key=current.key("hent"),
    )
    if reload_col.button("Hent det gemte udkast igen", key=current.key("igen")):
        state.reload()
        st.rerun()


def render_approval(current: DraftSession, session: Session, built: Built) -> None:
    """KKR's approval of the saved draft (not of unsaved edits)."""
    st.header("KKR's godkendelse")
    read = current.read
    if read is None or current.fresh:
        st.caption("Gem udkastet først; det er det gemte udkast, KKR godkender.")
        return
    if read.text != built.text:
        st.caption(
            "Du har ændringer, der ikke er gemt. Gem udkastet, før godkendelsen registreres."
        )
        return
    date_col, meeting_col = st.columns(2)
    approved = date_col.date_input(
        "Godkendt af KKR den",
        value=dt.date(current.year - 1, 10, 1),
        format="DD.MM.YYYY",
        key=current.key("dato"),
    )
    meeting = meeting_col.text_input("KKR-mødet", key=current.key("moede"))
    if st.button("Registrér KKR's godkendelse", key=current.key("godkend")):
        try:
            approval = session.approve_draft(
                current.house, current.year, approved=approved, meeting=meeting
            )
        except UserError as exc:
            st.error(md(str(exc)))
        else:
            lines = [o.describe(current.year) for o in approval.orphans]
            head = (
                f"Kontrakten for {house_name(current.house)} {current.year} er godkendt og gemt "
                f"som {approval.path.name}."
            )
            if lines:
                head += " Gemte værdier uden måltal i den godkendte kontrakt (de er bevaret):"
            state.saved(current, None)
            state.flash("success", head, lines)
            st.rerun()
