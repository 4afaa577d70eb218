"""The Overblik page: one contract in one period, with statuses, results and comments."""

from __future__ import annotations

import pytest
from pages_support import cards_text, open_app, shown_cards
from streamlit.testing.v1 import AppTest

from contracts.loader import DEFAULT_CONTRACTS_DIR, load_folder
from db import Store, ValueKey, ValueRow
from ui.overview_view import DEMO_BANNER

SHIPPED = [(c.erhvervshus, c.year) for c in load_folder(DEFAULT_CONTRACTS_DIR).contracts]


def save(url: str, rows: dict[tuple[str, str], float], *, demo: bool = False) -> None:
    store = Store(url)
    store.upgrade()
    store.save(
        [
            ValueRow(ValueKey("sjaelland", 2022, period, key), value=value, comment=f"om {key}")
            for (period, key), value in rows.items()
        ],
        user="tester",
        demo=demo,
    )
    store.dispose()


def run(at: AppTest, **params: str) -> AppTest:
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def overview(app_test: AppTest, **params: str) -> AppTest:
    return run(app_test, **params)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize(("house", "year"), SHIPPED)
@pytest.mark.parametrize("period", ["H1", "FY"])
def test_every_shipped_contract_renders_in_both_periods(
    app_test: AppTest,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    house: str,
    year: int,
    period: str,
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    at = overview(app_test, hus=house, aar=str(year), periode=period)
    assert at.title.values[0].startswith("Overblik: ")
    assert at.selectbox(key="periode").value == period


@pytest.mark.usefixtures("contracts_folder")
def test_results_statuses_and_comments_of_a_period(app_test: AppTest, database_url: str) -> None:
    save(database_url, {("H1", "8a"): 900})
    at = overview(app_test, hus="sjaelland", aar="2022", periode="H1")
    assert at.title.values == ["Overblik: Erhvervshus Sjælland 2022"]
    assert metrics(at) == {
        "Ikke opfyldt": "0",
        "I risiko": "0",
        "Mangler data": "0",
        "På vej": "1",
        "Opfyldt": "0",
        "Måles senere": "1",
        "Målt tidligere": "1",
    }
    cards = shown_cards(at)
    assert [card.paragraphs for card in cards] == [
        [
            "1a · Kendskabet skal i efteråret 2021 være steget med 5 procentpoint. Målt tidligere",
            # Measured in 2021, before the 2022 contract: never announced as coming.
            "Målt i 2021; resultatet er ikke oplyst i kilderne.",
        ],
        [
            "8a · Samlet set skal Erhvervshus Sjælland gennemføre 1.680 forløb i 2022. På vej",
            "900 forløb (mål: mindst 1.680 forløb; forventet ved 1. halvår: 840 forløb)",
            "Kommentar: om 8a",
            "Målopfyldelse 54 %",
        ],
        [
            "15a · Driftsmidlerne geares min. med en faktor 2,50. Måles senere",
            "Måles senere: målet opgøres kun helår.",  # a yearly measurement
        ],
    ]
    assert [card.badges for card in cards] == [
        [("maalt_tidligere", "Målt tidligere")],
        [("paa_vej", "På vej")],
        [("maales_senere", "Måles senere")],
    ]
    # The bar draws the share the words say (900 of 1.680); it is hidden from screen readers.
    assert '<div class="rk-bar" aria-hidden="true"><div style="width: 53.6%">' in "".join(
        element.proto.body for element in at.get("html")
    )
    assert at.info.values[0].startswith(
        "Indberetningen for 1. halvår 2022: Åben (senest ændret af tester "
    )
    assert at.warning.values == []


@pytest.mark.usefixtures("contracts_folder")
def test_demo_values_are_announced(app_test: AppTest, database_url: str) -> None:
    save(database_url, {("FY", "8a"): 1700}, demo=True)
    at = overview(app_test, hus="sjaelland", aar="2022")
    assert at.selectbox(key="periode").value == "FY"
    assert DEMO_BANNER in at.warning.values
    assert "1.700 forløb (mål: mindst 1.680 forløb)" in cards_text(at)


@pytest.mark.usefixtures("contracts_folder", "database_url")
def test_a_period_without_values_says_so_and_lacks_data(app_test: AppTest) -> None:
    at = overview(app_test, hus="sjaelland", aar="2022", periode="FY")
    assert at.info.values == [
        "Indberetningen for helår 2022 er ikke påbegyndt: der er ingen tal endnu."
    ]
    assert metrics(at)["Mangler data"] == "2"
    assert cards_text(at).count("Ingen tal indberettet for perioden.") == 2


@pytest.mark.usefixtures("contracts_folder", "database_url")
def test_unknown_period_in_the_url_shows_a_danish_error(app_test: AppTest) -> None:
    at = overview(app_test, hus="sjaelland", aar="2022", periode="Q3")
    assert at.error.values == ["Ukendt periode i adressen: »Q3«. Viser helår."]
    assert at.selectbox(key="periode").value == "FY"


@pytest.mark.usefixtures("contracts_folder", "database_url")
def test_changing_the_period_is_kept_in_the_url(app_test: AppTest) -> None:
    at = overview(app_test, hus="sjaelland", aar="2022")
    at.selectbox(key="periode").set_value("H1").run()
    assert at.query_params["periode"] == "H1"
    assert at.caption.values[0].endswith("· 1. halvår 2022")


@pytest.mark.usefixtures("contracts_folder")
def test_an_unreachable_database_is_one_danish_error(
    app_test: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/ingen")
    at = overview(app_test)
    assert len(at.error) == 1
    assert at.error.values[0].startswith("Databasen kan ikke nås")


@pytest.mark.usefixtures("contracts_folder", "database_url")
def test_the_choice_follows_the_user_to_another_page(app_test: AppTest) -> None:
    at = overview(app_test, hus="sjaelland", aar="2022")
    at.switch_page("app_pages/kontrakter.py").run()
    assert at.title.values == ["Resultatkontrakt 2022 for Erhvervshus Sjælland"]
    assert (at.query_params["hus"], at.query_params["aar"]) == ("sjaelland", "2022")


def test_overblik_links_to_the_national_comparison_of_the_same_year_and_period(
    app_test: AppTest, contracts_folder
) -> None:
    at = overview(app_test, hus="sjaelland", aar="2022", periode="H1")
    links = at.get("page_link")
    assert len(links) == 1
    link = links[0].proto
    assert link.label == "Sammenlign de seks erhvervshuse på de nationale mål i 2022"
    assert "aar=2022" in link.query_string and "periode=H1" in link.query_string


@pytest.mark.usefixtures("contracts_folder")
def test_the_demo_banner_speaks_only_of_the_period_shown(
    app_test: AppTest, database_url: str
) -> None:
    save(database_url, {("FY", "8a"): 1700}, demo=True)
    save(database_url, {("H1", "8a"): 900})
    fy = overview(app_test, hus="sjaelland", aar="2022", periode="FY")
    assert DEMO_BANNER in fy.warning.values
    h1 = overview(open_app(), hus="sjaelland", aar="2022", periode="H1")
    assert DEMO_BANNER not in h1.warning.values
