"""The Kommuner page's parts: target choice, map, sortable table, by/land spread, coverage."""

from __future__ import annotations

import numbers
from collections.abc import Callable

import pandas as pd
import streamlit as st

from contracts import danish
from contracts.models import Contract, Target
from metrics.kommune import Coverage, Spread
from services.cache import PageReads
from ui import page_reads
from ui.contract_view import md
from ui.selection import Choice, seed_choice
from ui.shared_figure import SharedFigure as Figure

TARGET_PARAM = "maaltal"
PER_10000_PARAM = "pr10000"
TABLE_COLUMNS = {
    "navn": "Kommune",
    "klasse": "By/land",
    "befolkning": "Befolkning",
    "value": "Antal",
    "per_10000": "Pr. 10.000 indbyggere",
}


def kommune_targets(contract: Contract) -> list[Target]:
    """Targets reported per kommune (spread targets are shown with their source target)."""
    return [t for _g, t in contract.targets() if t.per_kommune and t.kind != "spread"]


def spread_targets(contract: Contract, source: str) -> list[Target]:
    return [t for _g, t in contract.targets() if t.kind == "spread" and t.source_target == source]


def choose_target(targets: list[Target]) -> Target:
    keys = [t.key for t in targets]
    seed_choice(
        TARGET_PARAM,
        keys,
        keys[0],
        lambda v: f"Måltallet »{v}« afrapporteres ikke pr. kommune. Viser {targets[0].name}.",
    )
    by_key = {t.key: t for t in targets}
    key = st.selectbox(
        "Måltal",
        keys,
        key=TARGET_PARAM,
        format_func=lambda k: f"{by_key[k].name} – {by_key[k].text[:90]}",
    )
    st.query_params[TARGET_PARAM] = key
    return by_key[key]


def render(choice: Choice, reads: PageReads) -> None:
    contract, period = choice.contract, choice.period
    targets = kommune_targets(contract)
    if not targets:
        st.info("Kontrakten har ingen måltal, der afrapporteres pr. kommune.")
        return
    target = choose_target(targets)
    st.markdown(f"**{md(target.name)}** · {md(target.text)}")
    if PER_10000_PARAM not in st.session_state:
        st.session_state[PER_10000_PARAM] = st.query_params.get(PER_10000_PARAM) == "1"
    relative = st.toggle("Pr. 10.000 indbyggere", key=PER_10000_PARAM)
    if relative:
        st.query_params[PER_10000_PARAM] = "1"
    elif PER_10000_PARAM in st.query_params:
        del st.query_params[PER_10000_PARAM]
    shown = page_reads.kommune_view(
        reads, contract, target, spread_targets(contract, target.key), period, relative=relative
    )
    st.plotly_chart(shown.figure, config={"displayModeBar": False})
    render_table(shown.frame)
    if shown.coverage is not None:
        render_coverage(shown.coverage, target)
    for spread_target, result, chart in shown.spreads:
        render_spread(spread_target, result, chart)


def _danish(decimals: int | None) -> Callable[[object], str]:
    def show(value: object) -> str:
        return danish.number(float(value), decimals) if isinstance(value, numbers.Real) else ""

    return show


def render_table(frame: pd.DataFrame) -> None:
    """Sortable on the numbers, shown in Danish formats (the browser's locale may not be)."""
    table = frame[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)
    table["By/land"] = table["By/land"].map({"by": "By", "land": "Land"}).fillna("")
    styled = table.style.format(
        {
            "Befolkning": _danish(None),
            "Antal": _danish(None),
            "Pr. 10.000 indbyggere": _danish(1),
        }
    )
    st.dataframe(styled, hide_index=True)


def render_coverage(result: Coverage, target: Target) -> None:
    st.subheader("Dækning")
    minimum = danish.counted(danish.number(result.minimum), target.unit_singular, target.unit)
    of = danish.counted(str(result.n), "kommune", "kommuner")
    st.markdown(f"{result.reached} af {of} har mindst {md(minimum)}.")
    if result.missing:
        st.markdown("**Mangler:** " + md(", ".join(result.missing)))


def render_spread(target: Target, result: Spread, chart: Figure | None) -> None:
    st.subheader(md(f"Fordeling på by- og landkommuner ({target.name})"))
    if result.groups.empty:
        st.info("Der er ingen tal pr. kommune at fordele endnu.")
    else:
        st.plotly_chart(chart, config={"displayModeBar": False})
    st.caption(md(result.note))
