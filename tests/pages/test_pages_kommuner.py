"""The Kommuner page: a per-kommune target on the map and in a table, with spread and coverage."""

from __future__ import annotations

import json

import numpy as np
import pytest
from pages_support import open_app
from streamlit.testing.v1 import AppTest

from db import Store, ValueKey, ValueRow
from ui.kommune_view import _danish

KOEGE, ROSKILDE, GREVE = "259", "265", "253"


def save(url: str, rows: dict[tuple[str, str], float]) -> None:
    store = Store(url)
    store.upgrade()
    store.save(
        [
            ValueRow(ValueKey("sjaelland", 2022, "H1", key, code), value=v)
            for (key, code), v in rows.items()
        ],
        user="tester",
    )
    store.dispose()


def run(**params: str) -> AppTest:
    at = open_app("app_pages/kommuner.py")
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figure(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


@pytest.fixture
def with_values(contracts_folder: object, database_url: str) -> None:
    save(database_url, {("8a", ""): 30, ("8a", KOEGE): 20, ("8a", ROSKILDE): 10})


@pytest.mark.usefixtures("with_values")
def test_the_map_shows_reported_kommuner_and_greys_the_rest() -> None:
    at = run(hus="sjaelland", aar="2022", periode="H1")
    assert at.title.values == ["Kommuner: Erhvervshus Sjælland 2022"]
    assert at.selectbox(key="maaltal").value == "8a"
    data = figure(at)["data"]
    assert data[0]["locations"] == [KOEGE, ROSKILDE]
    assert data[0]["z"] == [20, 10]
    assert data[0]["text"] == ["Køge: 20 forløb", "Roskilde: 10 forløb"]
    assert data[1]["name"] == "Ingen aktivitet"
    assert len(data[1]["locations"]) == 15


@pytest.mark.usefixtures("with_values")
def test_the_table_lists_every_kommune_of_the_geography_sortably() -> None:
    at = run(hus="sjaelland", aar="2022", periode="H1")
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Kommune",
        "By/land",
        "Befolkning",
        "Antal",
        "Pr. 10.000 indbyggere",
    ]
    assert len(table) == 17
    assert table.set_index("Kommune").loc["Køge", "Antal"] == 20


@pytest.mark.usefixtures("with_values")
def test_per_10000_is_a_toggle_kept_in_the_url() -> None:
    at = run(hus="sjaelland", aar="2022", periode="H1", pr10000="1")
    assert at.toggle(key="pr10000").value is True
    assert figure(at)["data"][0]["text"][0].endswith("forløb pr. 10.000 indbyggere")
    at.toggle(key="pr10000").set_value(False).run()
    assert "pr10000" not in at.query_params


@pytest.mark.usefixtures("contracts_folder", "database_url")
def test_an_unknown_target_in_the_url_shows_a_danish_error() -> None:
    at = run(hus="sjaelland", aar="2022", periode="H1", maaltal="15a")
    assert at.error.values == ["Måltallet »15a« afrapporteres ikke pr. kommune. Viser 8a."]


@pytest.mark.usefixtures("contracts_folder", "database_url")
def test_a_contract_without_kommune_targets_says_so() -> None:
    at = run(hus="fyn", aar="2024", periode="H1")
    assert at.info.values == ["Kontrakten har ingen måltal, der afrapporteres pr. kommune."]


def test_spread_and_coverage_of_the_shipped_sjaelland_2022(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    save(database_url, {("8a", KOEGE): 20, ("8a", "360"): 10, ("9c", KOEGE): 1, ("9c", GREVE): 1})
    spread_view = run(hus="sjaelland", aar="2022", periode="H1", maaltal="8a")
    assert "Fordeling på by- og landkommuner (9a)" in spread_view.subheader.values
    assert any(
        c.startswith("By/land-inddelingen er en pladsholder") for c in spread_view.caption.values
    )
    coverage_view = run(hus="sjaelland", aar="2022", periode="H1", maaltal="9c")
    assert "2 af 17 kommuner har mindst 1 case." in coverage_view.markdown.values
    missing = [m for m in coverage_view.markdown.values if m.startswith("**Mangler:**")]
    assert len(missing) == 1 and "Køge" not in missing[0] and "Lolland" in missing[0]


@pytest.mark.parametrize(
    ("decimals", "value", "shown"),
    [(None, np.int64(53536), "53.536"), (1, 7.7, "7,7"), (1, float("nan"), "–"), (None, "x", "")],
)
def test_table_numbers_are_shown_in_danish(decimals: int | None, value: object, shown: str) -> None:
    assert _danish(decimals)(value) == shown
