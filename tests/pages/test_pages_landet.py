"""Hele landet: the six houses side by side on the national goals, as a KKR compares them."""

from __future__ import annotations

import datetime as dt

import pytest
from pages_support import open_app

from db import Store
from services.prepare import prepare
from ui.national_view import TARGETS_OPEN_KEY


@pytest.fixture
def prepared(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    store = Store(database_url)
    prepare(store, as_of=dt.date(2026, 11, 23))
    store.dispose()
    return database_url


def run(**params: str):
    return run_opened(open_app("app_pages/landet.py"), **params)


def run_opened(at, **params: str):  # type: ignore[no-untyped-def]
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def status_table(at):
    return at.table[0].value


def test_the_page_compares_all_six_houses_on_the_national_goals(prepared: str) -> None:
    at = run(aar="2025", periode="FY")
    assert at.title.values[0] == "Hele landet: de nationale mål 2025"
    table = status_table(at)
    # 2025 holds only demo contracts and demo values: every house says so.
    assert list(table.columns) == [
        "Hovedstaden (demo)",
        "Sjælland (demo)",
        "Fyn (demo)",
        "Sydjylland (demo)",
        "Midtjylland (demo)",
        "Nordjylland (demo)",
    ]
    assert table.index[0] == "Mål 1 – Iværksætteri (øget)"


def test_a_link_with_year_and_period_opens_that_view(prepared: str) -> None:
    at = run(aar="2023", periode="H1")
    assert at.selectbox(key="aar").value == "2023"
    assert at.selectbox(key="periode").value == "H1"
    assert at.caption.values[0].startswith("1. halvår 2023")


def test_the_real_hovedstaden_2023_result_shows_as_not_met(prepared: str) -> None:
    table = status_table(run(aar="2023", periode="FY"))
    awareness = table.loc["Mål 1 – Virksomhedernes kendskab til erhvervshusene", "Hovedstaden"]
    assert awareness == "Ikke opfyldt (0 af 1)"
    assert (
        table.loc["Mål 2 – Bred geografisk spredning", "Hovedstaden"] == "Ingen måltal i kontrakten"
    )


def test_the_page_says_which_houses_are_demo_and_which_are_real(prepared: str) -> None:
    at = run(aar="2023", periode="FY")
    assert list(status_table(at).columns) == [
        "Hovedstaden",
        "Sjælland (demo)",
        "Fyn (demo)",
        "Sydjylland (demo)",
        "Midtjylland (demo)",
        "Nordjylland (demo)",
    ]
    assert at.warning.values[0] == (
        "Demodata: kontrakterne eller tallene for Sjælland, Fyn, Sydjylland, Midtjylland og "
        "Nordjylland er opdigtede til demonstration (markeret »(demo)«). De øvrige huse viser "
        "rigtige tal."
    )


def test_in_2022_helaar_every_house_has_a_result_on_goals_4_6_and_7(prepared: str) -> None:
    table = status_table(run(aar="2022", periode="FY"))
    for goal in ("Mål 4 – Erhvervshusenes knudepunktsfunktion", "Mål 6 – Effekt i virksomhederne"):
        assert not any(cell.startswith("Måles senere") for cell in table.loc[goal]), goal
    digital = table.loc["Mål 7 – Digitalisering og nye teknologier"]
    assert all(cell.endswith("af 1)") for cell in digital), list(digital)


def test_a_house_without_a_contract_that_year_is_named(prepared: str) -> None:
    at = run(aar="2024", periode="FY")
    assert "Ingen resultatkontrakt for 2024: Erhvervshus Hovedstaden." in at.info.values
    assert "Hovedstaden" not in status_table(at).columns


def test_an_unknown_year_in_the_link_gives_a_danish_error_and_a_fallback(prepared: str) -> None:
    at = run(aar="1999", periode="FY")
    assert at.error.values[0] == "Ukendt værdi i adressen: »1999«. Viser 2026."
    assert at.title.values[0] == "Hele landet: de nationale mål 2026"


def test_changing_the_period_changes_what_is_shown(prepared: str) -> None:
    at = run(aar="2025", periode="FY")
    fy = status_table(at).copy()
    at.selectbox(key="periode").set_value("H1").run()
    assert not at.exception
    assert not status_table(at).equals(fy)


def test_the_targets_house_by_house_are_drawn_only_when_their_panel_is_opened(
    prepared: str,
) -> None:
    closed = run(aar="2023", periode="FY")
    assert len(closed.table) == 1  # the goals' table alone: the closed panel sends its label

    at = open_app("app_pages/landet.py")
    at.session_state[TARGETS_OPEN_KEY] = True  # as a click on the panel's label does
    opened = run_opened(at, aar="2023", periode="FY")
    targets = opened.table[1].value
    assert targets.index.name == "Måltal"
    # Hovedstaden's real 2023 result beside a demo house's, each with its target and status.
    assert targets.loc["1c", "Hovedstaden"] == "35,0 % (mål: mindst 50 %) · Ikke opfyldt"
    assert targets.loc["6b", "Hovedstaden"] == "Opfyldt"
    assert targets.loc["3b – vækstsegmentet", "Fyn (demo)"] == (
        "NPS 79 (mål: mindst NPS 70) · Opfyldt"
    )
