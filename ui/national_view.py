"""The "Hele landet" page's parts: the six houses side by side on the national goals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from contracts import danish
from contracts.loader import Catalog
from contracts.models import HOUSE_KEYS, PERIODS, Contract
from contracts.reference import house_name
from metrics.national import NO_TARGETS
from services.cache import PageReads
from ui import page_reads
from ui.contract_view import md
from ui.selection import (
    PERIOD_LABELS,
    PERIOD_PARAM,
    YEAR_PARAM,
    remember_choice,
    seed_choice,
)

#: Light tints behind the status text (never colour alone: every cell says its status).
TINTS: dict[str, str] = {
    "opfyldt": "#d9f0d3",
    "paa_vej": "#deebf7",
    "i_risiko": "#fde0c5",
    "ikke_opfyldt": "#f8cfcb",
    "mangler_data": "#e8e8e8",
    "maales_senere": "#ebe3f5",
    "maalt_tidligere": "#e6e6f0",
    NO_TARGETS: "#ffffff",
}
DEMO_MARK = " (demo)"
TARGETS_OPEN_KEY = "maaltal_hus_for_hus"


def short_name(house: str) -> str:
    return house_name(house).removeprefix("Erhvervshus ")


def column_label(contract: Contract) -> str:
    """The house's short name, marked where its contract is only a draft."""
    name = short_name(contract.erhvervshus)
    return f"{name} (udkast)" if contract.status == "udkast" else name


def select_year_period(catalog: Catalog) -> tuple[int, str]:
    """Year and period selectors, kept in the URL like on the other pages."""
    years = sorted({c.year for c in catalog.contracts}, reverse=True)
    options = [str(y) for y in years]
    for key, choices, default in ((YEAR_PARAM, options, options[0]), (PERIOD_PARAM, PERIODS, "FY")):
        seed_choice(
            key,
            choices,
            default,
            lambda v, d=default: f"Ukendt værdi i adressen: »{v}«. Viser {d}.",
        )
    year_col, period_col, _ = st.columns([1, 1, 3])
    year = year_col.selectbox("År", options, key=YEAR_PARAM)
    period = period_col.selectbox(
        "Periode", PERIODS, key=PERIOD_PARAM, format_func=PERIOD_LABELS.__getitem__
    )
    remember_choice(YEAR_PARAM, year)
    remember_choice(PERIOD_PARAM, period)
    return int(year), period


def contracts_of_year(catalog: Catalog, year: int) -> list[Contract]:
    found = (catalog.contract(house, year) for house in HOUSE_KEYS)
    return [c for c in found if c is not None]


def goal_label(catalog: Catalog, contract: Contract, number: int) -> str:
    """The framework's goal as every page heads a goal: "Mål 2 – Bred geografisk spredning"."""
    framework = catalog.frameworks.get(contract.framework or "")
    for goal in framework.goals if framework else ():
        if goal.number == number:
            return f"Mål {number} – {goal.title}"
    return f"Mål {number}"


def _styled(text: pd.DataFrame, status: pd.DataFrame) -> pd.io.formats.style.Styler:
    def css(column: pd.Series) -> list[str]:
        return [f"background-color: {TINTS.get(s, '#ffffff')}" for s in status[column.name]]

    text = text.rename_axis(index=text.index.name, columns=None)
    return text.style.apply(css, axis=0)


def render(
    catalog: Catalog,
    reads: PageReads,
    year: int,
    period: str,
    actions: Callable[[], None] | None = None,
) -> None:
    """The page; ``actions`` (the report panel) are drawn under its title."""
    st.title(f"Hele landet: de nationale mål {year}")
    st.caption(
        f"{danish.period_label(period, year, capital=True)} · de seks erhvervshuse side om side"
    )
    if actions is not None:
        actions()
    contracts = contracts_of_year(catalog, year)
    missing = [h for h in HOUSE_KEYS if h not in {c.erhvervshus for c in contracts}]
    if missing:
        names = ", ".join(house_name(h) for h in missing)
        st.info(f"Ingen resultatkontrakt for {year}: {names}.")
    drafts = [house_name(c.erhvervshus) for c in contracts if c.status == "udkast"]
    if drafts:
        st.warning(
            f"Udkast: {', '.join(drafts)} har for {year} kun et udkast, som KKR ikke har "
            "godkendt endnu; deres kolonner er mærket »udkast«."
        )
    key = tuple(page_reads.contract_key(c) for c in contracts)
    # Laid out once per content of the rows the houses are judged on: a save in another
    # period, or one that changes nothing judged here, keeps the tables.
    judged = [page_reads.year_rows(reads, c, period) for c in contracts]
    tables = reads.by_rows(
        "national_tables",
        lambda: _tables(catalog, reads, contracts, year, period),
        judged,
        key,
        year,
        period,
    )
    if tables is None:
        st.info("Kontrakterne for året har ingen nationale mål.")
        return
    if tables.demo_houses == {c.erhvervshus for c in contracts}:
        st.warning("Demodata: alle husenes kontrakter eller tal for perioden er opdigtede til "
                   "demonstration (markeret »(demo)«).")  # fmt: skip
    elif tables.demo_houses:
        listed = danish.join([short_name(h) for h in HOUSE_KEYS if h in tables.demo_houses])
        st.warning(
            f"Demodata: kontrakterne eller tallene for {listed} er opdigtede til demonstration "
            "(markeret »(demo)«). De øvrige huse viser rigtige tal."
        )
    st.subheader("Målenes status")
    st.caption("I parentes: opfyldte måltal af dem, der kan vurderes i perioden.")
    st.table(_styled(*tables.goals))
    if tables.targets is not None:
        # Filled only while open: closed, the page sends its label alone (most visits).
        targets = st.expander(
            md("Måltallene hus for hus (resultat og mål · status)"),
            key=TARGETS_OPEN_KEY,
            on_change="rerun",
        )
        with targets:
            if targets.open:
                st.table(_styled(*tables.targets))


@dataclass(frozen=True)
class NationalTables:
    """Hele landet's two tables as (texts, statuses) frames, one column per house: worked out
    once per content of the rows the year's houses are judged on, and shared
    (``ui/page_reads.py``); read only."""

    demo_houses: frozenset[str]
    goals: tuple[pd.DataFrame, pd.DataFrame]
    targets: tuple[pd.DataFrame, pd.DataFrame] | None


def _tables(
    catalog: Catalog, reads: PageReads, contracts: list[Contract], year: int, period: str
) -> NationalTables | None:
    goals, targets = page_reads.national(reads, contracts, year, period)
    if goals.empty:
        return None
    demo_houses = frozenset(goals.loc[goals["demo"].astype(bool), "house"])
    names = {
        c.erhvervshus: column_label(c) + (DEMO_MARK if c.erhvervshus in demo_houses else "")
        for c in contracts
    }
    by_house = {c.erhvervshus: c for c in contracts}
    goals["row"] = [
        goal_label(catalog, by_house[h], int(n))
        for h, n in zip(goals["house"], goals["framework_goal"], strict=True)
    ]
    goals["column"] = goals["house"].map(names)
    goals["text"] = [
        f"{label} ({met} af {judged})" if judged else label
        for label, met, judged in zip(
            goals["status_label"], goals["n_met"], goals["n_judged"], strict=True
        )
    ]
    order = [names[c.erhvervshus] for c in contracts]
    goals = goals.rename(columns={"row": "Nationalt mål"})
    text = goals.pivot(index="Nationalt mål", columns="column", values="text")
    text = text.reindex(columns=order)
    status = goals.pivot(index="Nationalt mål", columns="column", values="status")
    status = status.reindex(columns=order)
    return NationalTables(
        demo_houses,
        (text.astype(object).fillna("–"), status),
        target_tables(contracts, targets, names),
    )


def target_tables(
    contracts: list[Contract], targets: pd.DataFrame, names: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The table of måltal house by house as (texts, statuses); ``targets``:
    ``metrics.national``'s targets of ``contracts``, each with its cell's ``text``."""
    if targets.empty:
        return None
    order = [names[c.erhvervshus] for c in contracts]
    targets["column"] = targets["house"].map(names)
    # One row per key (the same target in every house), named by its label.
    labels = dict(zip(targets["target"], targets["label"], strict=True))
    text = targets.pivot(index="target", columns="column", values="text").reindex(columns=order)
    status = targets.pivot(index="target", columns="column", values="status")
    status = status.reindex(columns=order)
    text = text.rename(index=labels).rename_axis("Måltal")
    status = status.rename(index=labels).rename_axis("Måltal")
    return text.astype(object).fillna("–"), status
