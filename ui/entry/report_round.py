"""The report round on the Indberetning page: its status, its demo data and its actions.

A round holding demo data shows its status marked "(demo)" and takes no typed values: the
person first removes the demo data ("Fjern demodata og begynd indberetningen", audited), so
a demo number is never saved as theirs (docs/rules.md "Demo and real").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import streamlit as st

from contracts.loader import Catalog
from db import RoundInfo, Store
from db.errors import Unconfirmed, UserError
from db.identity import current_user
from db.records import round_label
from services.rounds import (
    REMOVE_ACTION,
    approve_round,
    begin_real_entry,
    reopen_round,
    round_status_label,
    submit_round,
)
from ui.entry import state
from ui.entry.history import local_time

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
NOT_STARTED = "Ingen tal endnu: indberetningen oprettes som åben ved første indtastning."
REASON_KEY = "genaabn_begrundelse"
CONFIRM_KEY = "indsend_bekraeft"


def is_locked(info: RoundInfo | None) -> bool:
    """Locked for typed values: indsendt or godkendt, or holding demo data (remove it first)."""
    return info is not None and (info.status in LOCKED or info.has_demo)


def import_locked(info: RoundInfo | None) -> bool:
    """Locked for files: a real round that is indsendt or godkendt. A file may replace a demo
    round's data once the person confirms it (the dry run says so)."""
    return info is not None and info.status in LOCKED and not info.has_demo


def status_text(info: RoundInfo) -> str:
    return f"Senest ændret af {info.updated_by} {local_time(info.updated_at)}."


def render_status(store: Store, info: RoundInfo | None) -> None:
    if info is None:
        st.info(NOT_STARTED)
        return
    color = "gray" if info.has_demo else ROUND_COLORS[info.status]
    st.badge(round_status_label(info), color=color)
    st.caption(status_text(info))
    if info.has_demo:
        st.warning(DEMO_BANNER)
        if st.button(REMOVE_ACTION, key="fjern_demodata", type="primary"):
            _act(
                lambda: _remove_demo(store, info),
                "Demodata er fjernet. Indberetningen er tom og klar til de rigtige tal.",
            )
    elif info.status in LOCKED:
        st.info(
            f"Indberetningen for {round_label(info.house, info.year, info.period)} er "
            f"{info.status} og kan ikke ændres. Genåbn den med en begrundelse for at rette."
        )


def _remove_demo(store: Store, info: RoundInfo) -> None:
    begin_real_entry(store, info.house, info.year, info.period, user=current_user())


def render_actions(catalog: Catalog, store: Store, info: RoundInfo | None) -> None:
    """Indsend (åben), Godkend (indsendt) and Genåbn with a reason (indsendt, godkendt).

    Demo rounds take the same steps (so every journey can be tried); their status says demo.
    Submitting with targets still "Mangler data" asks for a confirmation that names them."""
    if info is None:
        return
    key = (info.house, info.year, info.period)
    user = current_user()
    if info.status == "åben":
        if st.button("Indsend", key="indsend", type="primary"):
            _submit(catalog, store, key, user, confirmed=False)
        question = st.session_state.get(CONFIRM_KEY)
        if question is not None and question[0] == key:
            st.warning(question[1])
            if st.button("Indsend alligevel", key="indsend_alligevel"):
                _submit(catalog, store, key, user, confirmed=True)
        return
    left, right = st.columns(2, vertical_alignment="bottom")
    if info.status == "indsendt":
        with left:
            if st.button("Godkend", key="godkend", type="primary"):
                _act(
                    lambda: approve_round(catalog, store, *key, user=user),
                    "Indberetningen er godkendt.",
                )
    with right:
        reason = st.text_input("Begrundelse for at genåbne", key=REASON_KEY)
        if st.button("Genåbn", key="genaabn"):
            _act(
                lambda: reopen_round(store, *key, user=user, reason=reason),
                "Indberetningen er genåbnet og kan rettes igen.",
            )


def _submit(
    catalog: Catalog, store: Store, key: tuple[str, int, str], user: str, *, confirmed: bool
) -> None:
    try:
        submit_round(catalog, store, *key, user=user, confirm_missing=confirmed)
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
