"""History across contracts and the plotly figures built from results (asserted on data)."""

from __future__ import annotations

import pandas as pd

from contracts.models import Contract
from contracts.reference import default_geography
from metrics.charts import kommune_bar, spread_chart, trend_chart
from metrics.history import history
from metrics.kommune import per_kommune, spread
from metrics.values import values_frame

SJ = default_geography("sjaelland")


def contract(year: int, value: float) -> Contract:
    targets = [
        {"key": "8a", "kind": "count", "value": value, "unit": "forløb", "per_kommune": True},
        {"key": "9a", "kind": "spread", "value": 10, "direction": "at_most", "source_target": "8a"},
        {"key": "12a", "kind": "percentage", "value": 50},
        {"key": "5a", "kind": "milestone"},
    ]
    return Contract.model_validate(
        {
            "erhvervshus": "sjaelland",
            "kkr": "sjaelland",
            "year": year,
            "goals": [
                {
                    "number": "8",
                    "title": "Forløb",
                    "scope": "local",
                    "targets": [{"text": "Måltal.", **t} for t in targets],
                }
            ],
        }
    )


VALUES = values_frame(
    [
        {"house": "sjaelland", "year": 2022, "period": "H1", "target": "8a", "value": 900},
        {"house": "sjaelland", "year": 2022, "period": "FY", "target": "8a", "value": 1700},
        {"house": "sjaelland", "year": 2023, "period": "H1", "target": "8a", "value": 700},
        {"house": "sjaelland", "year": 2022, "period": "FY", "target": "12a", "value": 45},
        *(
            {
                "house": "sjaelland",
                "year": 2022,
                "period": "FY",
                "target": "8a",
                "kommune": c,
                "value": 100,
            }
            for c in SJ
        ),
    ]
)
CONTRACTS = [contract(2023, 1600), contract(2022, 1680)]


def test_history_follows_a_target_year_by_year() -> None:
    table = history(CONTRACTS, VALUES, "8a")
    assert table[["year", "period", "status"]].to_dict("records") == [
        {"year": 2022, "period": "H1", "status": "paa_vej"},
        {"year": 2022, "period": "FY", "status": "opfyldt"},
        {"year": 2023, "period": "H1", "status": "i_risiko"},
        {"year": 2023, "period": "FY", "status": "mangler_data"},
    ]
    assert table["target_value"].tolist() == [1680, 1680, 1600, 1600]


def test_trend_chart_has_h1_fy_and_target_lines() -> None:
    fig = trend_chart(history(CONTRACTS, VALUES, "8a"), CONTRACTS[1].target("8a"))  # type: ignore[arg-type]
    names = [trace.name for trace in fig.data]
    assert names == ["1. halvår", "Helår", "Måltal"]
    assert (list(fig.data[0].x), list(fig.data[0].y)) == ([2022, 2023], [900, 700])
    assert (list(fig.data[1].x), list(fig.data[1].y)) == ([2022], [1700])
    assert list(fig.data[2].y) == [1680, 1600]
    assert fig.data[0].text[0] == "1. halvår 2022: 900 forløb"


def test_kommune_bar_and_spread_chart_use_danish_labels() -> None:
    frame = per_kommune(CONTRACTS[1], VALUES, period="FY", target="8a")
    fig = kommune_bar(frame, "Forløb pr. kommune")
    assert len(fig.data[0].x) == 17 and set(fig.data[0].y) == {100}
    chart = spread_chart(spread(CONTRACTS[1], VALUES, period="FY", target="9a"))
    assert [t.name for t in chart.data] == ["Andel af forløb", "Andel af befolkningen"]
    assert list(chart.data[0].x) == ["By", "Land"]
    assert "Største afvigelse 3,2 procentpoint; tilladt 10 procentpoint" in chart.layout.title.text


def test_figures_do_not_change_their_input() -> None:
    past = history(CONTRACTS, VALUES, "8a")
    frame = per_kommune(CONTRACTS[1], VALUES, period="FY", target="8a")
    before = (past.copy(), frame.copy())
    trend_chart(past, CONTRACTS[1].target("8a"))  # type: ignore[arg-type]
    kommune_bar(frame, "Forløb pr. kommune")
    pd.testing.assert_frame_equal(past, before[0])
    pd.testing.assert_frame_equal(frame, before[1])
