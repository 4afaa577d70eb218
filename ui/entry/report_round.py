"""The report round on the Indberetning page: its status, the demo banner and its actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import streamlit as st

from contracts.loader import Catalog
from db import RoundInfo, Store
from db.errors import UserError
from db.identity import current_user
from db.records import round_label
from services.rounds import approve_round, reopen_round, submit_round
from ui.entry import state
from ui.entry.history import local_time

LOCKED = ("indsendt", "godkendt")
ROUND_LABELS = {"åben": "Åben", "indsendt": "Indsendt", "godkendt": "Godkendt af KKR"}
ROUND_COLORS: dict[str, Literal["blue", "orange", "green"]] = {
    "åben": "blue",
    "indsendt": "orange",
    "godkendt": "green",
}
DEMO_BANNER = "Denne indberetning indeholder demodata. Første rigtige indtastning erstatter dem."
NOT_STARTED = "Ingen tal endnu: indberetningen oprettes som åben ved første indtastning."
REASON_KEY = "genaabn_begrundelse"


def is_locked(info: RoundInfo | None) -> bool:
    """Locked for writes: indsendt or godkendt, unless demo values the first write replaces."""
    return info is not None and info.status in LOCKED and not info.has_demo


def status_text(info: RoundInfo) -> str:
    return f"Senest ændret af {info.updated_by} {local_time(info.updated_at)}."


def render_status(info: RoundInfo | None) -> None:
    if info is None:
        st.info(NOT_STARTED)
        return
    st.badge(ROUND_LABELS[info.status], color=ROUND_COLORS[info.status])
    st.caption(status_text(info))
    if info.has_demo:
        st.warning(DEMO_BANNER)
    elif info.status in LOCKED:
        st.info(
            f"Indberetningen for {round_label(info.house, info.year, info.period)} er "
            f"{info.status} og kan ikke ændres. Genåbn den med en begrundelse for at rette."
        )


def render_actions(catalog: Catalog, store: Store, info: RoundInfo | None) -> None:
    """Indsend (åben), Godkend (indsendt) and Genåbn with a reason (indsendt, godkendt)."""
    if info is None or info.has_demo:
        return
    key = (info.house, info.year, info.period)
    user = current_user()
    if info.status == "åben":
        if st.button("Indsend", key="indsend", type="primary"):
            _act(
                lambda: submit_round(catalog, store, *key, user=user), "Indberetningen er indsendt."
            )
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
