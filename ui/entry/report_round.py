"""The report round on the Indberetning page: its status, its demo data and its actions.

A round holding demo data shows its status marked "(demo)" and takes no typed values: the
person first removes the demo data ("Fjern demodata og begynd indberetningen", audited), so
a demo number is never saved as theirs (docs/rules.md "Demo and real").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import streamlit as st

from contracts.describe import round_label
from contracts.loader import Catalog
from services.entry_history import local_time
from services.errors import Unconfirmed, UserError
from services.permissions import Action
from services.rounds import REMOVE_ACTION, round_status_label
from services.session import RoundEvent, RoundInfo, Session
from ui import auth, data, page_reads
from ui.entry import state

LOCKED = ("indsendt", "godkendt")
ROUND_COLORS: dict[str, Literal["blue", "orange", "green", "gray"]] = {
    "åben": "blue",
    "indsendt": "orange",
    "godkendt": "green",
}
DEMO_BANNER = (
    "Denne indberetning indeholder demodata: opdigtede tal, som ikke kan rettes eller gemmes "
    "som nogens rigtige tal. Fjern demodata for at indberette de rigtige tal; det registreres "
    "i historikken."
)
DEMO_ACCOUNT_NOTE = (
    "Du er logget ind med en demokonto: det, du indtaster her, gemmes som demodata og fjernes "
    "sammen med dem. Rigtige tal indberettes med en rigtig konto."
)
NOT_STARTED = "Ingen tal endnu: indberetningen oprettes som åben ved første indtastning."
REASON_KEY = "genaabn_begrundelse"
RETURN_REASON_KEY = "send_tilbage_begrundelse"
CONFIRM_KEY = "indsend_bekraeft"


def is_locked(info: RoundInfo | None, *, demo_account: bool = False) -> bool:
    """Locked for typed values: indsendt or godkendt, or holding demo data (remove it first) —
    except for a demo account, whose values are demo data too (docs/roles.md)."""
    return info is not None and (info.status in LOCKED or (info.has_demo and not demo_account))


def import_locked(info: RoundInfo | None) -> bool:
    """Locked for files: a real round that is indsendt or godkendt. A file may replace a demo
    round's data once the person confirms it (the dry run says so)."""
    return info is not None and info.status in LOCKED and not info.has_demo


def status_text(info: RoundInfo) -> str:
    return f"Senest ændret af {info.updated_by} {local_time(info.updated_at)}."


def returned_text(event: RoundEvent) -> str:
    """What the house reads until it submits the round again (docs/tracker.md)."""
    return f"Sendt tilbage af {event.user} den {local_time(event.at)}: {event.reason or ''}"


def render_status(session: Session, info: RoundInfo | None) -> None:
    if info is None:
        st.info(NOT_STARTED)
        return
    color = "gray" if info.has_demo else ROUND_COLORS[info.status]
    st.badge(round_status_label(info), color=color)
    st.caption(status_text(info))
    if info.status == "åben":
        reads = data.reads(session)
        returned = page_reads.standing_return(reads, info.house, info.year, info.period)
        if returned is not None:
            st.warning(returned_text(returned))
    if info.has_demo and session.principal.demo:
        st.info(DEMO_ACCOUNT_NOTE)
    elif info.has_demo:
        st.warning(DEMO_BANNER)
        if st.button(REMOVE_ACTION, key="fjern_demodata", type="primary"):
            _act(
                lambda: _remove_demo(session, info),
                "Demodata er fjernet. Indberetningen er tom og klar til de rigtige tal.",
            )
    elif info.status in LOCKED:
        st.info(
            f"Indberetningen for {round_label(info.house, info.year, info.period)} er "
            f"{info.status} og kan ikke ændres. Genåbn den med en begrundelse for at rette."
        )


def _remove_demo(session: Session, info: RoundInfo) -> None:
    session.begin_real_entry(info.house, info.year, info.period)


def render_actions(catalog: Catalog, session: Session, info: RoundInfo | None) -> None:
    """Indsend (åben), Godkend and Send tilbage with a reason (indsendt), and Genåbn with a
    reason (indsendt, godkendt).

    Demo rounds take the same steps (so every journey can be tried); their status says demo.
    Submitting with targets still "Mangler data" asks for a confirmation that names them."""
    if info is None:
        return
    key = (info.house, info.year, info.period)

    def offered(action: Action) -> bool:  # buttons the person may use; the session checks
        return auth.allowed(session, action, info.house, demo=info.has_demo)

    if info.status == "åben":
        if not offered("submit"):
            return
        if st.button("Indsend", key="indsend", type="primary"):
            _submit(catalog, session, key, confirmed=False)
        question = st.session_state.get(CONFIRM_KEY)
        if question is not None and question[0] == key:
            st.warning(question[1])
            if st.button("Indsend alligevel", key="indsend_alligevel"):
                _submit(catalog, session, key, confirmed=True)
        return
    may_reopen = offered("reopen") and (info.status == "indsendt" or session.is_operator)
    decides = info.status == "indsendt" and offered("approve")
    sends_back = info.status == "indsendt" and offered("return")
    if not decides and not sends_back and not may_reopen:
        return
    left, middle, right = st.columns(3, vertical_alignment="bottom")
    if decides:
        with left:
            if st.button("Godkend", key="godkend", type="primary"):
                _act(lambda: session.approve_round(catalog, *key), "Indberetningen er godkendt.")
    if sends_back:
        with middle:
            sent_back = st.text_input(
                "Begrundelse for at sende tilbage (erhvervshuset ser den)", key=RETURN_REASON_KEY
            )
            if st.button("Send tilbage", key="send_tilbage"):
                _act(
                    lambda: session.return_round(*key, reason=sent_back),
                    "Indberetningen er sendt tilbage til erhvervshuset.",
                )
    if not may_reopen:
        return
    with right:
        reason = st.text_input("Begrundelse for at genåbne", key=REASON_KEY)
        if st.button("Genåbn", key="genaabn"):
            _act(
                lambda: session.reopen_round(*key, reason=reason),
                "Indberetningen er genåbnet og kan rettes igen.",
            )


def _submit(
    catalog: Catalog, session: Session, key: tuple[str, int, str], *, confirmed: bool
) -> None:
    try:
        session.submit_round(catalog, *key, confirm_missing=confirmed)
    except Unconfirmed as exc:
        st.session_state[CONFIRM_KEY] = (key, str(exc))
        return
    except UserError as exc:
        st.session_state.pop(CONFIRM_KEY, None)
        st.error(state.bulleted(str(exc).splitlines()[0], exc.problems))
        return
    st.session_state.pop(CONFIRM_KEY, None)
    state.flash("success", "Indberetningen er indsendt.")
    state.reset()
    st.rerun()


def _act(action: Callable[[], None], success: str) -> None:
    try:
        action()
    except UserError as exc:
        head = str(exc).splitlines()[0]
        st.error(state.bulleted(head, exc.problems))
        return
    state.flash("success", success)
    state.reset()
    st.rerun()
