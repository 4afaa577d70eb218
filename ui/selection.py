"""Choosing erhvervshus, year and draft, kept in the URL so a view can be shared as a link.

Query parameters: ``hus`` (house key), ``aar`` (year), ``udkast=1`` (show the draft) and, on
the review pages, ``periode`` (``H1`` or ``FY``).
A value in the URL that names no contract gives a Danish error and a fallback, never a
traceback. The choice is remembered in the session so it survives a switch of page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from contracts import danish
from contracts.loader import Catalog
from contracts.models import HOUSE_KEYS, PERIODS, Contract
from contracts.reference import house_name

HOUSE_PARAM = "hus"
YEAR_PARAM = "aar"
DRAFT_PARAM = "udkast"
PERIOD_PARAM = "periode"
#: The period selectors' options: a label begins with a capital ("Helår"), docs/wording.md.
PERIOD_LABELS = {period: danish.period_label(period, capital=True) for period in PERIODS}
PREFERRED_HOUSE = "sjaelland"


@dataclass(frozen=True)
class Choice:
    house: str
    year: int
    contract: Contract
    period: str = "FY"


def seed_choice(
    key: str, options: Sequence[str], default: str, message: Callable[[str], str]
) -> None:
    """Put a valid value for widget ``key`` into the session before the widget is drawn.

    Order: the current widget value, the value remembered from another page, the URL, the
    default. Only a bad value in the URL is reported: it is what a shared link carries."""
    remembered = f"valgt_{key}"
    current = st.session_state.get(key)
    if current in options:
        # Set explicitly: a widget of the same key on another page would otherwise start
        # from its own default instead of the value chosen there.
        st.session_state[key] = current
        return
    if current is None and st.session_state.get(remembered) in options:
        st.session_state[key] = st.session_state[remembered]
        return
    from_url = st.query_params.get(key) if current is None else None
    if from_url is not None and from_url not in options:
        st.error(message(from_url))
    st.session_state[key] = from_url if from_url in options else default


def remember_choice(key: str, value: str) -> None:
    st.session_state[f"valgt_{key}"] = value
    st.query_params[key] = value


def select_contract(
    catalog: Catalog, *, default_period: Callable[[str, int], str] | None = None
) -> Choice | None:
    """Selectors for house, year, (where both exist) draft and, given ``default_period``
    (house, year → the period to open on), the period; None when there are no contracts."""
    by_house: dict[str, list[int]] = {}
    for known in catalog.contracts:
        by_house.setdefault(known.erhvervshus, []).append(known.year)
    houses = [h for h in HOUSE_KEYS if h in by_house]
    if not houses:
        return None
    default_house = PREFERRED_HOUSE if PREFERRED_HOUSE in houses else houses[0]
    house_col, year_col, period_col, draft_col = st.columns(
        [2, 1, 1, 1], vertical_alignment="bottom"
    )
    seed_choice(
        HOUSE_PARAM,
        houses,
        default_house,
        lambda v: f"Ukendt erhvervshus i adressen: »{v}«. Viser {house_name(default_house)}.",
    )
    with house_col:
        house = st.selectbox("Erhvervshus", houses, key=HOUSE_PARAM, format_func=house_name)
    remember_choice(HOUSE_PARAM, house)

    years = [str(y) for y in sorted(set(by_house[house]), reverse=True)]
    seed_choice(
        YEAR_PARAM,
        years,
        years[0],
        lambda v: f"{house_name(house)} har ingen kontrakt for år »{v}«. Viser {years[0]}.",
    )
    with year_col:
        year_text = st.selectbox("År", years, key=YEAR_PARAM)
    remember_choice(YEAR_PARAM, year_text)
    year = int(year_text)

    statuses = {c.status for c in catalog.contracts if c.erhvervshus == house and c.year == year}
    draft = False
    if statuses == {"godkendt", "udkast"}:
        if DRAFT_PARAM not in st.session_state:
            st.session_state[DRAFT_PARAM] = st.query_params.get(DRAFT_PARAM) == "1"
        with draft_col:
            draft = st.toggle("Vis udkast", key=DRAFT_PARAM)
    if draft:
        st.query_params[DRAFT_PARAM] = "1"
    elif DRAFT_PARAM in st.query_params:
        del st.query_params[DRAFT_PARAM]
    contract = catalog.contract(house, year, draft=draft)
    if contract is None:
        return None
    if default_period is None:
        return Choice(house, year, contract)
    fallback = default_period(house, year)
    seed_choice(
        PERIOD_PARAM,
        PERIODS,
        fallback,
        lambda v: f"Ukendt periode i adressen: »{v}«. Viser {danish.period_label(fallback)}.",
    )
    with period_col:
        period = st.selectbox(
            "Periode", PERIODS, key=PERIOD_PARAM, format_func=PERIOD_LABELS.__getitem__
        )
    remember_choice(PERIOD_PARAM, period)
    return Choice(house, year, contract, period)
