"""The kommune map: locations, values, the grey "Ingen aktivitet" class, view and hover text."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from contracts.reference import GEOJSON_PATH, default_geography, kommuner
from metrics.map_figures import (
    NO_ACTIVITY,
    NO_ACTIVITY_COLOR,
    kommune_map,
    kommune_map_spec,
    kommune_table,
)
from ui.shared_figure import SharedFigure

SJAELLAND = list(default_geography("sjaelland"))
KOEGE, LEJRE, ROSKILDE = "259", "350", "265"


def values(rows: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame({"kode": list(rows), "value": list(rows.values())})


def test_sjaelland_geography_has_its_17_kommuner_in_the_geojson() -> None:
    codes = {f["properties"]["kode"] for f in json.loads(GEOJSON_PATH.read_text())["features"]}
    assert len(SJAELLAND) == 17
    assert set(SJAELLAND) <= codes


def test_active_kommuner_are_trace_0_with_their_values() -> None:
    fig = kommune_map(
        values({KOEGE: 1234, ROSKILDE: 10}),
        geography=SJAELLAND,
        title="Forløb",
        value_label="forløb",
    )
    assert list(fig.data[0].locations) == [KOEGE, ROSKILDE]
    assert list(fig.data[0].z) == [1234, 10]
    assert list(fig.data[0].text) == ["Køge: 1.234 forløb", "Roskilde: 10 forløb"]


@pytest.mark.parametrize(
    ("rows", "idle"),
    [
        ({KOEGE: 5}, 16),
        ({KOEGE: 5, LEJRE: 0}, 16),
        ({}, 17),
    ],
)
def test_zero_or_missing_kommuner_form_the_grey_no_activity_class(
    rows: dict[str, float], idle: int
) -> None:
    fig = kommune_map(values(rows), geography=SJAELLAND, title="t", value_label="forløb")
    grey = fig.data[1]
    assert grey.name == NO_ACTIVITY
    assert len(grey.locations) == idle
    assert set(grey.z) == {0}
    assert grey.colorscale == ((0, NO_ACTIVITY_COLOR), (1, NO_ACTIVITY_COLOR))
    assert grey.showscale is False
    assert "Lejre: ingen aktivitet" in grey.text


def test_rows_outside_the_geography_and_kommune_0_are_left_out() -> None:
    fig = kommune_map(
        values({KOEGE: 3, "101": 99, "0": 7}), geography=SJAELLAND, title="t", value_label="x"
    )
    shown = set(fig.data[0].locations) | set(fig.data[1].locations)
    assert shown == set(SJAELLAND)
    assert [f["properties"]["kode"] for f in fig.data[0].geojson["features"]] == SJAELLAND


def test_per_10000_divides_by_population_and_says_so() -> None:
    population = kommuner()[KOEGE].population
    fig = kommune_map(
        values({KOEGE: population / 1000}),
        geography=SJAELLAND,
        title="t",
        value_label="forløb",
        per_10000=True,
    )
    assert fig.data[0].z == pytest.approx([10.0])
    assert fig.data[0].text == ("Køge: 10 forløb pr. 10.000 indbyggere",)
    assert fig.data[0].colorbar.title.text == "forløb pr. 10.000 indbyggere"


def test_map_needs_no_network_and_is_centred_on_the_geography() -> None:
    fig = kommune_map(values({KOEGE: 1}), geography=SJAELLAND, title="t", value_label="x")
    assert fig.layout.map.style == "white-bg"
    assert all(trace.type == "choroplethmap" for trace in fig.data)
    assert all(trace.featureidkey == "properties.kode" for trace in fig.data)
    centre = fig.layout.map.center
    assert 11.0 < centre.lon < 12.5 and 55.0 < centre.lat < 56.0
    assert 6.5 < fig.layout.map.zoom < 9


def test_a_wider_geography_is_zoomed_out_further() -> None:
    everything = list(kommuner())
    small = kommune_map(values({}), geography=SJAELLAND, title="t", value_label="x")
    large = kommune_map(values({}), geography=everything, title="t", value_label="x")
    assert large.layout.map.zoom < small.layout.map.zoom


def test_input_values_are_not_mutated() -> None:
    given = values({KOEGE: 1, ROSKILDE: 2})
    before = given.copy()
    kommune_table(given, geography=SJAELLAND, per_10000=True)
    pd.testing.assert_frame_equal(given, before)


@pytest.mark.parametrize("per_10000", [False, True])
def test_the_pages_map_spec_is_what_plotly_makes_of_it_with_the_default_template(
    per_10000: bool,
) -> None:
    values = pd.DataFrame({"kode": ["259", "265", "999"], "value": [12.0, 0.0, 3.0]})
    codes = SJAELLAND
    spec = kommune_map_spec(
        values, geography=codes, title="Forløb", value_label="forløb", per_10000=per_10000
    )
    shared = SharedFigure.from_spec(spec).to_dict()

    assert shared == go.Figure(spec).to_dict()  # plotly's own check changes nothing
    assert shared == SharedFigure(
        kommune_map(values, geography=codes, title="Forløb", value_label="forløb",
                    per_10000=per_10000)
    ).to_dict()  # fmt: skip
    assert shared["data"][0]["locations"] == ["259"]
    assert shared["data"][1]["name"] == "Ingen aktivitet"
