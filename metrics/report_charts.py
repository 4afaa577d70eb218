"""Figures made for the printed reports: small multiples of a goal's trends, the six houses'
statuses. Pure, like ``metrics.charts``: tables in, plotly figures out, Danish labels.

A report prints a figure at a fixed size, so each builder says how large it wants to be.
The trend charts of every goal share one figure (``trend_sheet``), cut apart after drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from contracts.wording import RESULT_DECIMALS
from metrics.charts import FONT
from metrics.statuses import STATUS_COLORS, STATUS_LABELS, STATUS_SEVERITY

#: A figure as plotly.js reads it: ``{"data": [...], "layout": {...}}``.
FigureSpec = dict[str, Any]
TREND_COLUMNS = ("target", "year", "period", "actual", "target_value", "demo")
TREND_WIDTH = 900
TREND_COLUMNS_PER_ROW = 3
H1_COLOR, FY_COLOR, TARGET_COLOR = "#6baed6", "#08519c", "#555555"
GRID_COLOR = "#e5e5e5"


#: One small chart: its box on the sheet, and the room inside it for ticks and the title.
CELL_WIDTH, CELL_HEIGHT = 300, 190
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 55, 15, 34, 26
Key = tuple[str, str, str]  # target key, title, kind


@dataclass(frozen=True)
class TrendSheet:
    """Every goal's small multiples on one figure, drawn once; ``boxes`` says where each
    goal's charts are on it, in pixels (left, top, right, bottom), to cut them apart."""

    figure: FigureSpec
    width: int
    height: int
    boxes: tuple[tuple[int, int, int, int], ...]


def band_size(n_targets: int) -> tuple[int, int]:
    """Width and height in pixels of the small multiples of ``n_targets`` targets."""
    columns = min(TREND_COLUMNS_PER_ROW, max(n_targets, 1))
    rows = max(1, math.ceil(n_targets / columns))
    return CELL_WIDTH * columns, CELL_HEIGHT * rows


def _tickformat(kind: str) -> str:
    decimals = RESULT_DECIMALS.get(kind, 0 if kind in {"count", "coverage"} else 1)
    return ",.0f" if decimals == 0 else ",~r" if kind != "ratio" else ",.2f"


def _traces(own: pd.DataFrame, ref: str) -> list[dict[str, Any]]:
    axes = {"xaxis": f"x{ref}", "yaxis": f"y{ref}", "showlegend": False}
    traces = []
    for period, color, width in (("H1", H1_COLOR, 1.5), ("FY", FY_COLOR, 2.5)):
        points = own[(own["period"] == period) & own["actual"].notna()]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": [int(v) for v in points["year"].tolist()],
                "y": points["actual"].tolist(),
                "line": {"color": color, "width": width},
                "marker": {
                    "size": 8,
                    "color": color,
                    "symbol": ["circle-open" if d else "circle" for d in points["demo"].tolist()],
                },
                **axes,
            }
        )
    goals = own[own["period"] == "FY"].dropna(subset=["target_value"])
    traces.append(
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": [int(v) for v in goals["year"].tolist()],
            "y": goals["target_value"].tolist(),
            "line": {"color": TARGET_COLOR, "dash": "dash", "width": 1.5},
            "marker": {"symbol": "line-ew-open", "size": 12, "color": TARGET_COLOR},
            **axes,
        }
    )
    return traces


def trend_sheet(history: pd.DataFrame, groups: Sequence[Sequence[Key]], *, year: int) -> TrendSheet:
    """Small multiples per group (a goal's targets: key, title, kind): each target's 1. halvår
    and helår results over the years up to ``year``, its måltal dashed, demo points hollow.

    One figure for every goal, because each figure drawn costs the browser a fixed ~0,3 s;
    the groups are stacked in bands of whole rows and cut apart after drawing. A plain dict
    with explicit axis domains: ``go.Figure(sheet.figure)`` gives the checked figure."""
    shown = history[history["year"] <= year]
    sizes = [band_size(len(group)) for group in groups]
    width = TREND_WIDTH
    height = max(1, sum(h for _w, h in sizes))
    data: list[dict[str, Any]] = []
    layout: dict[str, Any] = {"annotations": []}
    boxes = []
    top, n = 0, 0
    for group, (band_width, band_height) in zip(groups, sizes, strict=True):
        boxes.append((0, top, band_width, top + band_height))
        for index, (key, title, kind) in enumerate(group):
            n += 1
            left = (index % TREND_COLUMNS_PER_ROW) * CELL_WIDTH
            cell_top = top + (index // TREND_COLUMNS_PER_ROW) * CELL_HEIGHT
            x0, x1 = left + PAD_LEFT, left + CELL_WIDTH - PAD_RIGHT
            y0, y1 = cell_top + PAD_TOP, cell_top + CELL_HEIGHT - PAD_BOTTOM
            ref = "" if n == 1 else str(n)  # plotly.js names the first axes "x" and "y"
            layout[f"xaxis{ref}"] = {
                "domain": [x0 / width, x1 / width],
                "anchor": f"y{ref}",
                "dtick": 1,
                "tickformat": "d",
                "gridcolor": GRID_COLOR,
            }
            layout[f"yaxis{ref}"] = {
                "domain": [1 - y1 / height, 1 - y0 / height],
                "anchor": f"x{ref}",
                "tickformat": _tickformat(kind),
                "rangemode": "tozero",
                "gridcolor": GRID_COLOR,
            }
            layout["annotations"].append(
                {
                    "text": title,
                    "xref": "paper",
                    "yref": "paper",
                    "x": (x0 + x1) / 2 / width,
                    "y": 1 - (y0 - 8) / height,
                    "yanchor": "bottom",
                    "showarrow": False,
                    "font": {"size": 13},
                }
            )
            data += _traces(shown[shown["target"] == key].sort_values("year"), ref)
        top += band_height
    layout.update(
        separators=",.",
        font={**FONT, "size": 11},
        paper_bgcolor="white",
        plot_bgcolor="white",
        width=width,
        height=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        showlegend=False,
    )
    return TrendSheet({"data": data, "layout": layout}, width, height, tuple(boxes))


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
