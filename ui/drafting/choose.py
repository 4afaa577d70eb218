"""Choosing the house, the new year and the base; and, under a new framework, the mapping.

House and year live in the URL (``?hus=sjaelland&aar=2023``) like on the other pages; the
new year's options are the year after each real contract of the house, and any year with a
saved draft.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from contracts.loader import Catalog
from contracts.models import HOUSE_KEYS, Contract, Framework
from contracts.reference import house_name
from services.drafting import base_years, real_contracts
from ui.contract_view import md
from ui.drafting.state import DraftSession
from ui.selection import remember_choice, seed_choice

HOUSE_PARAM = "hus"
YEAR_PARAM = "aar"
BASE_KEY = "naeste_aar_grundlag"
UNDECIDED = "— vælg —"
NOT_CARRIED = "Videreføres ikke"


@dataclass(frozen=True)
class Choice:
    house: str
    year: int
    base_year: int | None


def new_years(catalog: Catalog, house: str) -> list[int]:
    """The year after each real contract of ``house`` that has no godkendt contract yet, and
    years holding a draft, newest first."""
    own = [c for c in real_contracts(catalog) if c.erhvervshus == house]
    approved = {c.year for c in own if c.status == "godkendt"}
    years = {c.year + 1 for c in own} - approved | {c.year for c in own if c.status == "udkast"}
    return sorted(years, reverse=True)


def default_year(catalog: Catalog, house: str) -> int:
    """The year after the house's newest godkendt contract (its draft, if one is saved)."""
    own = [c for c in real_contracts(catalog) if c.erhvervshus == house]
    approved = [c.year for c in own if c.status == "godkendt"]
    return max(approved) + 1 if approved else max(c.year for c in own) + 1


def choose(catalog: Catalog) -> Choice | None:
    houses = [h for h in HOUSE_KEYS if new_years(catalog, h)]
    if not houses:
        return None
    default_house = "sjaelland" if "sjaelland" in houses else houses[0]
    house_col, year_col, base_col = st.columns([2, 1, 1], vertical_alignment="bottom")
    seed_choice(
        HOUSE_PARAM,
        houses,
        default_house,
        lambda v: f"Ukendt erhvervshus i adressen: »{v}«. Viser {house_name(default_house)}.",
    )
    house = house_col.selectbox("Erhvervshus", houses, key=HOUSE_PARAM, format_func=house_name)
    remember_choice(HOUSE_PARAM, house)
    years = [str(y) for y in new_years(catalog, house)]
    seed_choice(
        YEAR_PARAM,
        years,
        str(default_year(catalog, house)),
        lambda v: f"{house_name(house)} har ingen kontrakt at bygge et udkast til {v} på.",
    )
    year = int(year_col.selectbox("Nyt år", years, key=YEAR_PARAM))
    remember_choice(YEAR_PARAM, str(year))
    bases = [str(y) for y in base_years(catalog, house, year)]
    if not bases:
        return Choice(house, year, None)
    if st.session_state.get(BASE_KEY) not in bases:
        st.session_state[BASE_KEY] = str(year - 1) if str(year - 1) in bases else bases[0]
    base = base_col.selectbox("Bygger på kontrakten for", bases, key=BASE_KEY)
    return Choice(house, year, int(base))


def _option(framework: Framework, value: str) -> str:
    if value in (UNDECIDED, NOT_CARRIED):
        return value
    for goal in framework.goals:
        if str(goal.number) == value:
            return f"Mål {goal.number} – {goal.title}"
    return value


def choose_mapping(
    current: DraftSession, base: Contract, framework: Framework
) -> tuple[dict[int, int | None], dict[str, str]]:
    """For each national goal of the base: the new framework's goal it goes under, or none.

    Returns the mapping chosen so far and the reasons given for goals not carried on."""
    st.header("Ny rammeaftale")
    st.markdown(
        md(
            f"Kontrakten for {base.year} følger rammeaftalen {base.framework}, udkastet "
            f"{framework.id}. Vælg for hvert nationalt mål, hvilket af den nye aftales mål det "
            "hører under, eller at det ikke videreføres. Kilderne giver ingen oversættelse; "
            "valget er dit og står i udkastet."
        )
    )
    options = [UNDECIDED, *(str(g.number) for g in framework.goals), NOT_CARRIED]
    mapping: dict[int, int | None] = {}
    reasons: dict[str, str] = {}
    for goal in base.goals:
        if goal.scope != "national" or goal.framework_goal is None:
            continue
        columns = st.columns([2, 2], vertical_alignment="bottom")
        chosen = columns[0].selectbox(
            f"Mål {goal.number} – {goal.title} ({len(goal.targets)} måltal)",
            options,
            key=current.key("kort", str(goal.framework_goal)),
            format_func=lambda v: _option(framework, v),
        )
        if chosen == NOT_CARRIED:
            mapping[goal.framework_goal] = None
            reasons[goal.number] = columns[1].text_input(
                f"Begrundelse for ikke at videreføre mål {goal.number}",
                key=current.key("grund", "kort", goal.number),
            )
            keys = ", ".join(t.name for t in goal.targets) or "ingen"
            st.caption(md(f"Måltal, der ikke føres videre: {keys}"))
        elif chosen != UNDECIDED:
            mapping[goal.framework_goal] = int(chosen)
    return mapping, reasons
