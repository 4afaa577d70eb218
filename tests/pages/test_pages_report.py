"""Download panels: the KKR report on Overblik and Hele landet, the contract document on
Kontrakter; a stored snapshot is chosen by its line, a file is made and offered."""

from __future__ import annotations

import pytest
from pages_support import open_app
from streamlit.testing.v1 import AppTest

from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from services.report import take_snapshot
from services.report.make import clear_cache


@pytest.fixture
def stored(contracts_folder: object, database_url: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Sjælland 2022 H1 with 8a = 900 and one snapshot of it (number 1)."""
    monkeypatch.setenv("BROWSER_PATH", "/findes/ikke/chromium")
    clear_cache()
    store = Store(database_url)
    store.upgrade()
    store.save([ValueRow(ValueKey("sjaelland", 2022, "H1", "8a"), value=900)], user="anne")
    info = take_snapshot(load_folder(), store, "sjaelland", 2022, "H1", reason="bestilt", user="ib")
    store.dispose()
    return info.id


def _opened(at: AppTest, panel: str) -> AppTest:
    """The report panel ``panel`` opened, as a click on its label does: it is filled only
    while open."""
    at.session_state[f"{panel}-aaben"] = True
    return at


def _run(at: AppTest, **params: str) -> AppTest:
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _downloads(at: AppTest) -> list[str]:
    return [str(el.proto.label) for el in at.get("download_button")]


def _snapshots(database_url: str) -> int:
    store = Store(database_url)
    try:
        return len(store.snapshots())
    finally:
        store.dispose()


def test_overblik_offers_the_stored_snapshot_and_makes_its_report_without_a_new_one(
    stored: int, database_url: str
) -> None:
    at = _run(
        _opened(open_app(), "report-sjaelland-2022-H1"), hus="sjaelland", aar="2022", periode="H1"
    )
    basis = at.selectbox(key="report-sjaelland-2022-H1-grundlag")

    assert at.expander[0].label == "Rapport til KKR"
    assert basis.options[0] == "Et nyt øjebliksbillede af tallene, som de er nu"
    assert basis.options[1].startswith("1 · 1. halvår 2022 · ")
    basis.set_value(stored)
    at.selectbox(key="report-sjaelland-2022-H1-format").set_value("xlsx")
    at.button(key="report-sjaelland-2022-H1-lav").click()
    _run(at)

    assert _downloads(at) == [f"Hent status-sjaelland-2022-H1-{stored}.xlsx"]
    assert _snapshots(database_url) == 1
    assert [w.value for w in at.warning][-1].startswith("Figurerne er ikke tegnet")


def test_a_new_snapshot_is_taken_when_the_report_is_made_of_the_values_now(
    stored: int, database_url: str
) -> None:
    at = _run(
        _opened(open_app(), "report-sjaelland-2022-H1"), hus="sjaelland", aar="2022", periode="H1"
    )
    at.selectbox(key="report-sjaelland-2022-H1-format").set_value("xlsx")
    at.button(key="report-sjaelland-2022-H1-lav").click()
    _run(at)

    assert _downloads(at) == [f"Hent status-sjaelland-2022-H1-{stored + 1}.xlsx"]
    assert _snapshots(database_url) == 2


def test_hele_landet_has_the_national_report_panel(stored: int) -> None:
    at = _run(
        _opened(open_app("app_pages/landet.py"), "report-landet-2022-H1"), aar="2022", periode="H1"
    )
    at.selectbox(key="report-landet-2022-H1-format").set_value("xlsx")
    at.button(key="report-landet-2022-H1-lav").click()
    _run(at)

    assert at.expander[0].label == "Rapport til KKR: hele landet"
    assert _downloads(at) == ["Hent hele-landet-2022-H1-2.xlsx"]


def test_a_closed_report_panel_sends_its_label_alone(stored: int) -> None:
    at = _run(open_app(), hus="sjaelland", aar="2022", periode="H1")

    assert at.expander[0].label == "Rapport til KKR"
    widgets = [*at.selectbox, *at.button]
    assert [w.key for w in widgets if str(w.key).startswith("report-")] == []


def test_kontrakter_offers_the_contract_as_a_word_document(stored: int) -> None:
    at = _run(open_app("app_pages/kontrakter.py"), hus="sjaelland", aar="2022")
    at.selectbox(key="contract-doc-sjaelland-2022-False-format").set_value("docx")
    at.button(key="contract-doc-sjaelland-2022-False-lav").click()
    _run(at)

    assert _downloads(at) == ["Hent kontrakt-sjaelland-2022.docx"]
