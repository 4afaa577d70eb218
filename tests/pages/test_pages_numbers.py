"""The numbers a page shows are the metrics' numbers, on the store `make run` prepares."""

from __future__ import annotations

import datetime as dt

import pytest
from pages_support import open_app, shown_cards
from streamlit.testing.v1 import AppTest

from contracts.loader import load_folder
from db import Store
from metrics import STATUS_LABELS, fulfilment
from metrics.kommune import per_kommune
from services.catalog import with_demo
from services.prepare import prepare
from ui import results

CASES = [("sjaelland", 2025, "FY"), ("fyn", 2026, "H1"), ("hovedstaden", 2023, "FY")]


@pytest.fixture
def store(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    prepared = Store(database_url)
    prepare(prepared, as_of=dt.date(2026, 11, 23))
    return prepared


def run(page: str, **params: str) -> AppTest:
    at = open_app(page)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(("house", "year", "period"), CASES)
def test_overblik_shows_the_status_counts_and_results_the_metrics_compute(
    store: Store, house: str, year: int, period: str
) -> None:
    contract = with_demo(load_folder()).contract(house, year)
    table = fulfilment(contract, store.values(house, year), period=period)
    at = run("app.py", hus=house, aar=str(year), periode=period)
    shown_counts = {m.label: m.value for m in at.metric}
    expected_counts = table["status"].value_counts()
    for status, label in STATUS_LABELS.items():
        assert shown_counts[label] == str(int(expected_counts.get(status, 0)))
    cards = shown_cards(at)
    assert len(cards) == len(table)
    for row, card in zip(table.to_dict("records"), cards, strict=True):
        target = contract.target(str(row["target"]))
        status = str(row["status"])
        assert card.paragraphs[0] == f"{target.name} · {target.text} {STATUS_LABELS[status]}"
        assert card.badges == [(status, STATUS_LABELS[status])]
        assert results.result_text(results.record(row), target) in card.paragraphs


def test_kommuner_table_shows_the_metrics_per_kommune_values(store: Store) -> None:
    contract = with_demo(load_folder()).contract("midtjylland", 2025)
    expected = per_kommune(contract, store.values("midtjylland", 2025), period="FY", target="8a")
    at = run("app_pages/kommuner.py", hus="midtjylland", aar="2025", periode="FY", maaltal="8a")
    shown = at.dataframe[0].value.set_index("Kommune")
    for row in expected.to_dict("records"):
        assert shown.loc[row["navn"], "Antal"] == row["value"]
        assert shown.loc[row["navn"], "Pr. 10.000 indbyggere"] == pytest.approx(
            row["per_10000"], nan_ok=True
        )
