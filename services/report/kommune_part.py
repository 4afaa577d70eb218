"""The report's municipality section: map, table per 10.000 inhabitants, by/land spread and
coverage, for the contract's per-kommune count (the one its spread target distributes)."""

from __future__ import annotations

import math

import pandas as pd

from contracts import danish
from contracts.models import Contract, Target
from metrics.charts import spread_chart
from metrics.frames import row_dicts
from metrics.kommune import SPREAD_NOTE, coverage, per_kommune, spread
from metrics.map_figures import HEIGHT_PX, WIDTH_PX, kommune_map
from services.report import wording
from services.report.content import Chart, KommunePart, KommuneRow, SpreadRow

SPREAD_SIZE = (700, 380)


def kommune_target(contract: Contract) -> tuple[Target | None, Target | None]:
    """The per-kommune count to show, and the spread target that distributes it (if any)."""
    spreads = [t for _g, t in contract.targets() if t.kind == "spread" and t.source_target]
    if spreads:
        source = contract.target(spreads[0].source_target or "")
        if source is not None:
            return source, spreads[0]
    counts = [t for _g, t in contract.targets() if t.per_kommune and t.kind == "count"]
    return (counts[0] if counts else None), None


def _per_10000_text(value: float) -> str:
    return "–" if math.isnan(value) else danish.number(value, 1)


def _rows(frame: pd.DataFrame, target: Target) -> tuple[KommuneRow, ...]:
    unit = target.unit
    return tuple(
        KommuneRow(
            code=str(r["kode"]),
            name=str(r["navn"]),
            group=str(r["klasse"]).capitalize() if r["klasse"] else "–",
            population=int(r["befolkning"]),
            value=float(r["value"]),
            per_10000=None if math.isnan(r["per_10000"]) else float(r["per_10000"]),
            value_text=wording.quantity("count", float(r["value"]), unit),
            per_10000_text=_per_10000_text(float(r["per_10000"])),
        )
        for r in row_dicts(frame)
    )


def kommune_part(
    contract: Contract, values: pd.DataFrame, period: str
) -> tuple[KommunePart | None, list[Chart]]:
    target, spread_target = kommune_target(contract)
    if target is None:
        return None, []
    own = values[(values["house"] == contract.erhvervshus) & (values["year"] == contract.year)]
    frame = per_kommune(contract, own, period=period, target=target.key)
    label = wording.target_label(target)
    noun = target.unit or "værdi"
    geography = list(contract.geography or ())
    inside = frame[frame["kode"].isin(geography)]
    charts: list[Chart] = []
    map_chart = Chart(
        key="kort",
        figure=kommune_map(
            inside[["kode", "value"]],
            geography=geography,
            title=f"{label}: {noun} pr. 10.000 indbyggere",
            value_label=noun,
            per_10000=True,
        ),
        width=WIDTH_PX,
        height=HEIGHT_PX,
        alt=f"Kort over kontraktens kommuner farvet efter {noun} pr. 10.000 indbyggere",
        share=0.8,
    )
    charts.append(map_chart)
    result = spread(contract, own, period=period, target=(spread_target or target).key)
    spread_rows = tuple(
        SpreadRow(
            group=str(g["gruppe"]),
            count_text=wording.quantity("count", float(g["antal"]), target.unit),
            count_share=float(g["andel_forloeb"]),
            population_share=float(g["andel_befolkning"]),
            deviation=float(g["afvigelse"]),
            count_share_text=danish.percent(float(g["andel_forloeb"]), 1),
            population_share_text=danish.percent(float(g["andel_befolkning"]), 1),
            deviation_text=wording.quantity("spread", float(g["afvigelse"])),
        )
        for g in row_dicts(result.groups)
    )
    spread_key = None
    if spread_rows:
        spread_key = "spredning"
        figure = spread_chart(result)
        figure.update_layout(width=SPREAD_SIZE[0], height=SPREAD_SIZE[1])
        charts.append(
            Chart(
                key=spread_key,
                figure=figure,
                width=SPREAD_SIZE[0],
                height=SPREAD_SIZE[1],
                alt="Andel af forløb og andel af befolkningen i by- og landkommuner",
                share=0.7,
            )
        )
    coverage_lines = []
    for _goal, t in contract.targets():
        if t.kind == "coverage":
            c = coverage(contract, own, period=period, target=t.key)
            coverage_lines.append(
                f"{wording.target_label(t)}: "
                + wording.coverage_text(c.reached, c.n, c.minimum, c.missing)
            )
    spread_heading = (
        f"Fordeling på by og land ({wording.target_label(spread_target)})"
        if spread_target
        else "Fordeling på by og land"
    )
    part = KommunePart(
        heading="Kommunerne",
        intro=f"{label}: {target.text}",
        map_chart=map_chart.key,
        rows=_rows(frame, target),
        spread_heading=spread_heading,
        spread_rows=spread_rows,
        spread_text=wording.spread_text(result.max_deviation, result.tolerance),
        spread_chart=spread_key,
        coverage=tuple(coverage_lines),
        notes=(SPREAD_NOTE,),
    )
    return part, charts
