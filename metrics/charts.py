"""Plotly figures of results: pure functions from tables to figures, Danish labels.

Every figure uses ``separators=",."`` so plotly writes 1.680 and 50,5; texts are written
with ``contracts.danish`` and ``contracts.wording``, and a target is named by its name
(``8c – vækstplaner``), never a dotted key. A page only shows the figure.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from contracts import danish, wording
from contracts.models import Target
from metrics.kommune import Spread

FONT = {"family": "DejaVu Sans, Arial, sans-serif", "size": 13}
_AXIS = {
    "gridcolor": "#EBF0F8",
    "linecolor": "#EBF0F8",
    "zerolinecolor": "#EBF0F8",
    "zerolinewidth": 2,
    "ticks": "",
    "automargin": True,
    "title": {"standoff": 15},
}
#: What these charts take of plotly's "plotly_white" template, as a template of its own,
#: checked once: plotly checks a template given by name or as a dict property by property
#: for every figure, and "plotly_white" (every trace type's defaults) cost 8–10 ms per
#: figure, and its loading a quarter of a second for a process's first chart.
TEMPLATE = go.layout.Template(
    {
        "layout": {
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "colorway": [
                "#636efa",
                "#EF553B",
                "#00cc96",
                "#ab63fa",
                "#FFA15A",
                "#19d3f3",
                "#FF6692",
                "#B6E880",
                "#FF97FF",
                "#FECB52",
            ],
            "font": {"color": "#2a3f5f"},
            "hoverlabel": {"align": "left"},
            "hovermode": "closest",
            "title": {"x": 0.05},
            "xaxis": _AXIS,
            "yaxis": _AXIS,
        },
        "data": {"bar": [{"marker": {"line": {"color": "white", "width": 0.5}}, "type": "bar"}]},
    }
)


def _layout(fig: go.Figure, title: str, **kwargs: object) -> go.Figure:
    fig.update_layout(
        title=title,
        separators=",.",
        font=FONT,
        template=TEMPLATE,
        margin={"l": 40, "r": 20, "t": 60, "b": 40},
        **kwargs,
    )
    # Group thousands on the value axis too ("1.800", not "1800"); x often holds years.
    fig.update_yaxes(tickformat=",")
    return fig


def trend_chart(history: pd.DataFrame, target: Target) -> go.Figure:
    """A target's H1 and FY results over the years, with its target and baseline lines."""
    fig = go.Figure()
    demo = history["demo"] if "demo" in history else pd.Series(False, index=history.index)
    demo_symbols = {"H1": "circle-x-open", "FY": "circle-x"}
    for period, symbol in (("H1", "circle-open"), ("FY", "circle")):
        name = danish.period_label(period, capital=True)
        for is_demo in (False, True):
            rows = history[
                (history["period"] == period) & history["actual"].notna() & (demo == is_demo)
            ]
            if is_demo and rows.empty:
                continue
            # Demo points are their own series, named and drawn apart from real results.
            fig.add_trace(
                go.Scatter(
                    x=rows["year"].tolist(),
                    y=rows["actual"].tolist(),
                    mode="lines+markers",
                    name=f"{name} (demodata)" if is_demo else name,
                    marker={"symbol": demo_symbols[period] if is_demo else symbol, "size": 10},
                    line={"dash": "dot"} if is_demo else None,
                    text=[
                        f"{danish.period_label(period, int(y), capital=True)}: "
                        f"{wording.value_text(target, a)}" + (" (demodata)" if is_demo else "")
                        for y, a in zip(rows["year"], rows["actual"], strict=True)
                    ],
                    hoverinfo="text",
                )
            )
    targets = history[history["period"] == "FY"].dropna(subset=["target_value"])
    if len(targets):
        fig.add_trace(
            go.Scatter(
                x=targets["year"].tolist(),
                y=targets["target_value"].tolist(),
                mode="lines+markers",
                name="Måltal",
                line={"dash": "dash", "shape": "hv"},
                marker={"symbol": "line-ew-open"},
            )
        )
    baselines = history.dropna(subset=["baseline"]).drop_duplicates("baseline")
    for value in baselines["baseline"]:
        fig.add_hline(
            y=value,
            line_dash="dot",
            line_color="#888",
            annotation_text=f"Udgangsniveau {wording.value_text(target, value, result=False)}",
        )
    return _layout(
        fig,
        f"Udvikling: {target.name}",
        xaxis={"title": "År", "dtick": 1},
        yaxis_title=target.unit or "",
    )


def kommune_bar(frame: pd.DataFrame, title: str, per_10000: bool = False) -> go.Figure:
    """A target's value per kommune (from ``metrics.kommune.per_kommune``), by/land coloured."""
    column = "per_10000" if per_10000 else "value"
    rows = frame.sort_values(column, ascending=False, na_position="last")
    colors = {"by": "#2c7fb8", "land": "#7fbc41"}
    fig = go.Figure(
        go.Bar(
            x=rows["navn"].tolist(),
            y=rows[column].tolist(),
            marker_color=[colors.get(c, "#999") for c in rows["klasse"]],
            customdata=[c.capitalize() if c else "–" for c in rows["klasse"]],
            hovertemplate="%{x} (%{customdata}): %{y:,.1f}<extra></extra>",
        )
    )
    axis = "Pr. 10.000 indbyggere" if per_10000 else "Antal"
    return _layout(fig, title, yaxis_title=axis, xaxis_tickangle=-45, showlegend=False)


def spread_chart(result: Spread, title: str = "Fordeling på by- og landkommuner") -> go.Figure:
    """Share of forløb against share of population per group, with the tolerance stated."""
    groups = result.groups
    fig = go.Figure(
        [
            go.Bar(
                name="Andel af forløb",
                x=groups["gruppe"].tolist(),
                y=groups["andel_forloeb"].tolist(),
                text=[danish.percent(v, 1) for v in groups["andel_forloeb"]],
                textposition="outside",
                marker_color="#1f4e79",
            ),
            go.Bar(
                name="Andel af befolkningen",
                x=groups["gruppe"].tolist(),
                y=groups["andel_befolkning"].tolist(),
                text=[danish.percent(v, 1) for v in groups["andel_befolkning"]],
                textposition="outside",
                # Neutral colours: neither bar is "good" or "bad" in itself.
                marker_color="#9ecae1",
            ),
        ]
    )
    subtitle = []
    if result.max_deviation is not None:
        deviation = wording.quantity("spread", result.max_deviation, result=True)
        subtitle.append(f"Største afvigelse {deviation}")
    if result.tolerance is not None:
        subtitle.append(f"tilladt {wording.quantity('spread', result.tolerance)}")
    full_title = f"{title}<br><sup>{'; '.join(subtitle)}</sup>" if subtitle else title
    return _layout(fig, full_title, barmode="group", yaxis_title="Andel (%)")
