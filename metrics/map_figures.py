"""The kommune map: a choropleth over the contract's municipalities, drawn without network.

``go.Choroplethmap`` with ``map_style="white-bg"`` needs no tiles and no CDN (plotly's ``geo``
maps fetch a topojson and stay blank offline). Boundaries come from
``contracts/reference/kommuner.geojson`` (DAGI, see SOURCES.md beside it).

A municipality with no activity (value 0 or no row) is its own grey class, "Ingen aktivitet",
so it is not read as the low end of the colour scale.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import get_colorscale

from contracts import danish
from contracts.reference import GEOJSON_PATH, kommuner

NO_ACTIVITY = "Ingen aktivitet"
NO_ACTIVITY_COLOR = "#c8c8c8"
COLOR_SCALE = "Blues"
PER_10000_SUFFIX = "pr. 10.000 indbyggere"
#: The map's size in pixels, used to choose the zoom that fits the geography.
WIDTH_PX, HEIGHT_PX, TOP_MARGIN_PX = 700, 560, 50


@cache
def _features() -> dict[str, dict[str, Any]]:
    data = json.loads(GEOJSON_PATH.read_text(encoding="utf-8"))
    return {f["properties"]["kode"]: f for f in data["features"]}


@cache
def _color_scale() -> list[list[Any]]:
    """``COLOR_SCALE`` as plotly.py spells it out (plotly.js has its own "Blues")."""
    return [[float(stop), color] for stop, color in get_colorscale(COLOR_SCALE)]


def _points(geometry: dict[str, Any]) -> list[tuple[float, float]]:
    """All (lon, lat) vertices of a Polygon or MultiPolygon."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return [(p[0], p[1]) for polygon in polygons for ring in polygon for p in ring]


def bounds(codes: list[str]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the municipalities' boundaries."""
    points = [pt for code in codes for pt in _points(_features()[code]["geometry"])]
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def view(codes: list[str]) -> tuple[dict[str, float], float]:
    """Centre and zoom that fit the municipalities into the map with a small margin."""
    centre, zoom = _view(tuple(codes))
    return dict(centre), zoom


@cache
def _view(codes: tuple[str, ...]) -> tuple[dict[str, float], float]:
    """``view``, worked out once per geography (every vertex of its boundaries is read)."""
    west, south, east, north = bounds(list(codes))
    lon_span = max(east - west, 1e-6)
    y_span = max(_mercator_y(north) - _mercator_y(south), 1e-6)
    # MapLibre draws the world 512 pixels wide at zoom 0.
    zoom_lon = math.log2(WIDTH_PX * 360 / (512 * lon_span))
    zoom_lat = math.log2((HEIGHT_PX - TOP_MARGIN_PX) * 2 * math.pi / (512 * y_span))
    centre = {"lon": (west + east) / 2, "lat": (south + north) / 2}
    return centre, round(min(zoom_lon, zoom_lat) - 0.1, 2)


def kommune_table(values: pd.DataFrame, *, geography: list[str], per_10000: bool) -> pd.DataFrame:
    """One row per municipality of the geography: ``kode, navn, value, shown, active``.

    ``value`` is the reported number (0 where no row), ``shown`` the number drawn (per 10.000
    inhabitants when asked), ``active`` whether it is above 0. Rows outside the geography and
    kommune "0" are left out."""
    known = kommuner()
    codes = [code for code in geography if code in _features()]
    given = values.assign(kode=values["kode"].astype(str)).groupby("kode")["value"].sum()
    table = pd.DataFrame({"kode": codes, "navn": [known[c].name for c in codes]})
    table["value"] = [float(given.get(code, 0.0)) for code in codes]
    if per_10000:
        population = [known[c].population for c in codes]
        table["shown"] = [
            v / p * 10_000 if p else 0.0 for v, p in zip(table["value"], population, strict=True)
        ]
    else:
        table["shown"] = table["value"]
    table["active"] = table["shown"] > 0
    return table


def _hover_number(value: float, per_10000: bool) -> str:
    decimals = 1 if per_10000 and not float(value).is_integer() else 0
    return danish.number(value, decimals)


def kommune_map(
    values: pd.DataFrame,
    *,
    geography: list[str],
    title: str,
    value_label: str,
    per_10000: bool = False,
) -> go.Figure:
    """A choropleth of ``values`` (columns ``kode``, ``value``) over ``geography``.

    Trace 0 holds the active municipalities on a colour scale, trace 1 the grey "Ingen
    aktivitet" class. Hover text reads "Køge: 1.234 forløb"."""
    spec = kommune_map_spec(
        values, geography=geography, title=title, value_label=value_label, per_10000=per_10000
    )
    return go.Figure(spec)


def kommune_map_spec(
    values: pd.DataFrame,
    *,
    geography: list[str],
    title: str,
    value_label: str,
    per_10000: bool = False,
) -> dict[str, Any]:
    """``kommune_map`` as plotly's JSON, without the template: what a page draws. Building
    the figure through plotly's objects copies every boundary twice, most of a map's time;
    a test keeps this equal to what plotly makes of it."""
    table = kommune_table(values, geography=geography, per_10000=per_10000)
    label = f"{value_label} {PER_10000_SUFFIX}" if per_10000 else value_label
    active = table[table["active"]]
    idle = table[~table["active"]]
    geojson = {
        "type": "FeatureCollection",
        "features": [_features()[code] for code in table["kode"]],
    }
    common: dict[str, Any] = {
        "type": "choroplethmap",
        "geojson": geojson,
        "featureidkey": "properties.kode",
        "marker": {"line": {"color": "white", "width": 1}},
        "hovertemplate": "%{text}<extra></extra>",
    }
    shown = [float(v) for v in active["shown"]]
    traces = [
        {
            **common,
            "locations": list(active["kode"]),
            "z": shown,
            "text": [
                f"{name}: {_hover_number(v, per_10000)} {label}"
                for name, v in zip(active["navn"], shown, strict=True)
            ],
            "colorscale": _color_scale(),
            "zmin": 0,
            "colorbar": {
                "title": {"text": label},
                "tickformat": ",.1f" if per_10000 else ",.0f",
            },
            "name": label,
        },
        {
            **common,
            "locations": list(idle["kode"]),
            "z": [0] * len(idle),
            "text": [f"{name}: ingen aktivitet" for name in idle["navn"]],
            "colorscale": [[0, NO_ACTIVITY_COLOR], [1, NO_ACTIVITY_COLOR]],
            "showscale": False,
            "showlegend": True,
            "name": NO_ACTIVITY,
        },
    ]
    centre, zoom = view(list(table["kode"])) if len(table) else ({"lon": 11.5, "lat": 56.0}, 5.5)
    layout = {
        "title": {"text": title},
        "map": {"style": "white-bg", "center": centre, "zoom": zoom},
        "height": HEIGHT_PX,
        "margin": {"l": 0, "r": 0, "t": TOP_MARGIN_PX, "b": 0},
        "legend": {"x": 0, "y": 0, "bgcolor": "rgba(255,255,255,0.8)"},
        "separators": ",.",
    }
    return {"data": traces, "layout": layout}
