"""Figures made for the printed reports: small multiples of a goal's trends, the six houses'
statuses. Pure, like ``metrics.charts``: tables in, plotly figures out, Danish labels.

A report prints a figure at a fixed size, so each builder says how large it wants to be.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from metrics.charts import FONT
from metrics.format import KIND_DECIMALS
from metrics.statuses import STATUS_COLORS, STATUS_LABELS, STATUS_SEVERITY

#: A figure as plotly.js reads it: ``{"data": [...], "layout": {...}}``.
FigureSpec = dict[str, Any]
TREND_COLUMNS = ("target", "year", "period", "actual", "target_value", "demo")
TREND_WIDTH = 900
TREND_ROW_HEIGHT = 190
TREND_COLUMNS_PER_ROW = 3
H1_COLOR, FY_COLOR, TARGET_COLOR = "#6baed6", "#08519c", "#555555"
GRID_COLOR = "#e5e5e5"


def trend_size(n_targets: int) -> tuple[int, int]:
    """Width and height in pixels of the small multiples of ``n_targets`` targets."""
    columns = min(TREND_COLUMNS_PER_ROW, max(n_targets, 1))
    rows = max(1, math.ceil(n_targets / columns))
    return TREND_WIDTH * columns // TREND_COLUMNS_PER_ROW, 70 + TREND_ROW_HEIGHT * rows


def _tickformat(kind: str) -> str:
    decimals = KIND_DECIMALS.get(kind, 1)
    return ",.0f" if decimals == 0 else ",~r" if kind != "ratio" else ",.2f"


def _axis(letter: str, index: int) -> str:
    """The trace reference of subplot ``index``: "x", "x2", … (layout key "xaxis2")."""
    return f"{letter}{index + 1 if index else ''}"


def goal_trends(
    history: pd.DataFrame, targets: Sequence[tuple[str, str, str]], *, year: int
) -> FigureSpec:
    """One small chart per target (key, title, kind): H1 and Helår results over the years
    up to ``year``, with the year's måltal as a dashed line. Demo points are drawn hollow.

    A plain figure dict laid out by plotly.js's own grid: building the same with
    ``make_subplots`` validated every property many times over and cost a report most of
    its build time. ``go.Figure(spec)`` gives the checked figure where one is wanted."""
    n = len(targets)
    columns = min(TREND_COLUMNS_PER_ROW, max(n, 1))
    rows = max(1, math.ceil(n / columns))
    shown = history[history["year"] <= year]
    data: list[dict[str, Any]] = []
    layout: dict[str, Any] = {
        "grid": {"rows": rows, "columns": columns, "pattern": "independent", "ygap": 0.55},
        "annotations": [],
    }
    for index, (key, title, kind) in enumerate(targets):
        x, y = _axis("x", index), _axis("y", index)
        own = shown[shown["target"] == key].sort_values("year")
        for period, name, color in (("H1", "1. halvår", H1_COLOR), ("FY", "Helår", FY_COLOR)):
            points = own[(own["period"] == period) & own["actual"].notna()]
            symbols = ["circle-open" if demo else "circle" for demo in points["demo"].tolist()]
            data.append(
                {
                    "type": "scatter",
                    "x": [int(v) for v in points["year"].tolist()],
                    "y": points["actual"].tolist(),
                    "xaxis": x,
                    "yaxis": y,
                    "mode": "lines+markers",
                    "name": name,
                    "legendgroup": name,
                    "showlegend": index == 0,
                    "line": {"color": color},
                    "marker": {"size": 8, "color": color, "symbol": symbols},
                }
            )
        goals = own[own["period"] == "FY"].dropna(subset=["target_value"])
        data.append(
            {
                "type": "scatter",
                "x": [int(v) for v in goals["year"].tolist()],
                "y": goals["target_value"].tolist(),
                "xaxis": x,
                "yaxis": y,
                "mode": "lines+markers",
                "name": "Måltal",
                "legendgroup": "Måltal",
                "showlegend": index == 0,
                "line": {"color": TARGET_COLOR, "dash": "dash"},
                "marker": {"symbol": "line-ew-open", "size": 12, "color": TARGET_COLOR},
            }
        )
        layout[f"xaxis{index + 1 if index else ''}"] = {
            "dtick": 1,
            "tickformat": "d",
            "gridcolor": GRID_COLOR,
        }
        layout[f"yaxis{index + 1 if index else ''}"] = {
            "tickformat": _tickformat(kind),
            "rangemode": "tozero",
            "gridcolor": GRID_COLOR,
        }
        layout["annotations"].append(
            {
                "text": title,
                "xref": f"{x} domain",
                "yref": f"{y} domain",
                "x": 0.5,
                "y": 1.0,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12},
            }
        )
    width, height = trend_size(n)
    layout.update(
        separators=",.",
        font={**FONT, "size": 11},
        paper_bgcolor="white",
        plot_bgcolor="white",
        width=width,
        height=height,
        margin={"l": 50, "r": 20, "t": 60, "b": 30},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "yref": "container"},
    )
    return {"data": data, "layout": layout}


def national_statuses(table: pd.DataFrame, house_names: dict[str, str]) -> go.Figure:
    """Per house, how many national goals have each status (``metrics.national`` rows)."""
    houses = [h for h in house_names if h in set(table["house"])]
    figure = go.Figure()
    for status in (*reversed(STATUS_SEVERITY),):
        counts = [
            int(((table["house"] == house) & (table["status"] == status)).sum()) for house in houses
        ]
        if not any(counts):
            continue
        figure.add_trace(
            go.Bar(
                name=STATUS_LABELS[status],
                x=[house_names[h] for h in houses],
                y=counts,
                marker_color=STATUS_COLORS[status],
                text=[str(c) if c else "" for c in counts],
                textposition="inside",
            )
        )
    figure.update_layout(
        barmode="stack",
        title="De nationale mål efter status",
        separators=",.",
        font=FONT,
        template="plotly_white",
        width=TREND_WIDTH,
        height=420,
        yaxis={"title": "Antal mål", "dtick": 1},
        margin={"l": 50, "r": 20, "t": 60, "b": 40},
    )
    return figure
