"""The Mål page: one goal in depth, with results, trend, kommuner and the value history."""

from __future__ import annotations

import pytest
from pages_support import open_app
from streamlit.testing.v1 import AppTest

from db import Store, ValueKey, ValueRow


def save(url: str, rows: list[tuple[str, str, str, float]], *, reason: str | None = None) -> None:
    store = Store(url)
    store.upgrade()
    store.save(
        [ValueRow(ValueKey("sjaelland", 2022, p, key, code), value=v) for p, key, code, v in rows],
        user="tester",
        reason=reason,
    )
    store.dispose()


def run(**params: str) -> AppTest:
    at = open_app("app_pages/maal.py")
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.usefixtures("contracts_folder")
def test_a_goal_shows_results_trend_kommuner_and_history(database_url: str) -> None:
    save(database_url, [("H1", "8a", "", 800), ("H1", "8a", "259", 800)])
    save(database_url, [("H1", "8a", "", 900), ("H1", "8a", "259", 900)], reason="rettet")
    at = run(hus="sjaelland", aar="2022", periode="H1", maal="8")
    assert at.title.values == ["Mål: Erhvervshus Sjælland 2022"]
    assert at.header.values == [
        "Mål 8 – Kvantitative mål vedr. virksomhedsforløb :blue-badge[På vej]"
    ]
    assert any(
        "900 forløb (mål: mindst 1.680 forløb; forventet ved 1. halvår: 840 forløb)" in text
        for text in at.markdown.values
    )
    assert [t.label for t in at.tabs][:3] == ["Udvikling", "Pr. kommune", "Historik"]
    assert len(at.get("plotly_chart")) == 2  # 8a: trend and kommuner; 15a: no values, no kommuner
    history = at.dataframe[0].value
    assert list(history["Handling"]) == ["ændret", "ændret", "indsat", "indsat"]
    changed = history[history["Kommune"] == "I alt"].iloc[0]
    assert (changed["Før"], changed["Efter"], changed["Begrundelse"]) == (
        "800 forløb",
        "900 forløb",
        "rettet",
    )


@pytest.mark.usefixtures("contracts_folder", "database_url")
def test_an_unknown_goal_in_the_url_shows_a_danish_error() -> None:
    at = run(hus="sjaelland", aar="2022", periode="H1", maal="99")
    assert at.error.values == ["Kontrakten har intet mål »99«. Viser mål 1."]
    assert at.selectbox(key="maal").value == "1"


@pytest.mark.usefixtures("contracts_folder", "database_url")
def test_a_goal_without_values_says_so_in_each_tab() -> None:
    at = run(hus="sjaelland", aar="2022", periode="FY", maal="1")
    assert "Ingen indberettede tal for målet endnu." in at.caption.values
    assert "Målet afrapporteres ikke pr. kommune." in at.caption.values
    assert "Ingen ændringer registreret." in at.caption.values


@pytest.mark.usefixtures("contracts_folder")
def test_a_target_changed_many_times_shows_its_latest_50_changes_newest_first(
    database_url: str,
) -> None:
    for value in range(1, 56):  # 55 saves of the same total: 1 insert, 54 changes
        save(database_url, [("H1", "8a", "", float(value))])
    at = run(hus="sjaelland", aar="2022", periode="H1", maal="8")

    history = at.dataframe[0].value
    assert len(history) == 50
    assert (history.iloc[0]["Før"], history.iloc[0]["Efter"]) == ("54 forløb", "55 forløb")
    assert (history.iloc[49]["Før"], history.iloc[49]["Efter"]) == ("5 forløb", "6 forløb")
    assert "Viser de seneste 50 ændringer af måltallet." in at.caption.values
