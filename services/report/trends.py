"""The report's trend charts: per goal, small multiples of its numeric targets' results over
the years, all drawn on one figure (``metrics.report_charts.trend_sheet``) and cut apart."""

from __future__ import annotations

import pandas as pd

from contracts.models import Goal, Target
from metrics.report_charts import TREND_WIDTH, trend_sheet
from services.report import wording
from services.report.content import Chart

#: A trend needs two results at least (two years, or 1. halvår and helår of one).
MIN_POINTS = 2
NUMERIC_KINDS = frozenset(
    {"count", "amount", "percentage", "nps", "ratio", "level", "change_pp", "change_relative"}
    | {"range", "coverage", "spread"}
)


def _charted(goal: Goal, shown: pd.DataFrame) -> list[Target]:
    counts = shown[shown["actual"].notna()].groupby("target").size()
    return [
        t
        for t in goal.targets
        if t.kind in NUMERIC_KINDS and int(counts.get(t.key, 0)) >= MIN_POINTS
    ]


def trend_charts(goals: tuple[Goal, ...], shown: pd.DataFrame) -> dict[str, Chart]:
    """A chart per goal that has targets to chart, by goal number."""
    charted = {goal.number: _charted(goal, shown) for goal in goals}
    groups = [(number, targets) for number, targets in charted.items() if targets]
    if not groups:
        return {}
    year = int(shown["year"].max())
    specs = [[(t.key, wording.target_label(t), t.kind) for t in targets] for _n, targets in groups]
    sheet = trend_sheet(shown, specs, year=year)
    charts = {}
    for (number, targets), box, spec in zip(groups, sheet.boxes, specs, strict=True):
        keys = [t.key for t in targets]
        points = shown[shown["target"].isin(keys) & shown["actual"].notna()]
        demo_years = sorted({int(y) for y in points.loc[points["demo"], "year"]})
        charts[number] = Chart(
            key=f"trend-{number}",
            figure=sheet.figure,
            width=sheet.width,
            height=sheet.height,
            alt=f"Udviklingen i {', '.join(label for _k, label, _kind in spec)} år for år",
            demo_note=wording.demo_points_note(demo_years) if demo_years else None,
            share=(box[2] - box[0]) / TREND_WIDTH,
            box=box,
            caption=wording.TREND_LEGEND,
        )
    return charts
