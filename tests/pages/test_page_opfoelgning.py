"""Opfølgning: KKR's round tracker as a table, with filters and links to Indberetning.
Every value is written in the test (docs/tracker.md); today is 7 December 2026.

The pages' folder (tests/pages/conftest.py): Sjælland 2022 and 2023 (godkendt; 2023 also a
draft) and a draft for Fyn 2024 (KKR Syddanmark): six rounds, all due before today.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import ActAs
from pages_support import open_app
from streamlit.testing.v1 import AppTest

from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from services.permissions import Principal
from services.rounds import return_round, submit_round

PAGE = "app_pages/opfoelgning.py"
H1_2022 = ("sjaelland", 2022, "H1")


@pytest.fixture
def store(database_url: str, contracts_folder: object, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr("ui.tracker.today", lambda: dt.date(2026, 12, 7))
    opened = Store(database_url)
    opened.upgrade()
    return opened


def open_tracker(**params: str) -> AppTest:
    at = open_app(PAGE)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(cell: str) -> str:
    """A cell's Markdown (``1\\. halvår``) as the reader sees it (``1. halvår``)."""
    return re.sub(r"\\(.)", r"\1", cell)


def link(house: str, year: int, period: str, label: str) -> str:
    return f"[{label}](/indberetning?hus={house}&aar={year}&periode={period})"


def rows(at: AppTest, *columns: str) -> list[list[str]]:
    frame = at.table[0].value[list(columns)]
    return [[plain(cell) for cell in row] for row in frame.values.tolist()]


def test_every_round_in_force_is_a_row_with_its_due_date_and_overdue_in_words(
    store: Store,
) -> None:
    at = open_tracker()
    assert at.title.values == ["Opfølgning"]
    assert rows(at, "Indberetning", "KKR", "Status", "Frist", "Overskredet") == [
        [
            link("sjaelland", 2022, "H1", "Erhvervshus Sjælland 1. halvår 2022"),
            "KKR Sjælland",
            "Ikke påbegyndt",
            "15. august 2022 (standard)",
            "Ja – 1.575 dage over fristen",
        ],
        [
            link("sjaelland", 2022, "FY", "Erhvervshus Sjælland helår 2022"),
            "KKR Sjælland",
            "Ikke påbegyndt",
            "1. april 2023 (standard)",
            "Ja – 1.346 dage over fristen",
        ],
        [
            link("sjaelland", 2023, "H1", "Erhvervshus Sjælland 1. halvår 2023"),
            "KKR Sjælland",
            "Ikke påbegyndt",
            "15. august 2023 (standard)",
            "Ja – 1.210 dage over fristen",
        ],
        [
            link("sjaelland", 2023, "FY", "Erhvervshus Sjælland helår 2023"),
            "KKR Sjælland",
            "Ikke påbegyndt",
            "1. april 2024 (standard)",
            "Ja – 980 dage over fristen",
        ],
        [
            link("fyn", 2024, "H1", "Erhvervshus Fyn 1. halvår 2024"),
            "KKR Syddanmark",
            "Ikke påbegyndt",
            "15. august 2024 (standard)",
            "Ja – 844 dage over fristen",
        ],
        [
            link("fyn", 2024, "FY", "Erhvervshus Fyn helår 2024"),
            "KKR Syddanmark",
            "Ikke påbegyndt",
            "1. april 2025 (standard)",
            "Ja – 615 dage over fristen",
        ],
    ]
    assert "**6 indberetninger**, heraf **6 overskredet** fristen." in at.markdown.values
    assert any("Kilderne angiver ingen frist" in text for text in at.info.values)


def test_a_returned_round_shows_who_submitted_who_sent_it_back_and_why(store: Store) -> None:
    key = ValueKey(*H1_2022, "8a")
    store.save([ValueRow(key, value=900, comment="Godt", expected_version=0)], user="anne")
    submit_round(load_folder(), store, *H1_2022, user="anne", confirm_missing=True)
    return_round(store, *H1_2022, user="kkr-sj", reason="Uddyb kommentaren til 8a")
    at = open_tracker(kkr="sjaelland", aar="2022")
    first = at.table[0].value.iloc[0].map(plain)
    assert (first["Indberetning"], first["Status"], first["Begrundelse"]) == (
        link("sjaelland", 2022, "H1", "Erhvervshus Sjælland 1. halvår 2022"),
        "Åben – sendt tilbage",
        "Uddyb kommentaren til 8a",
    )
    assert first["Indsendt"].startswith("anne, ")
    assert first["Senest"].startswith("Sendt tilbage af kkr-sj, ")
    assert first["Overskredet"] == "Ja – 1.575 dage over fristen"


def test_a_submitted_round_is_not_overdue(store: Store) -> None:
    key = ValueKey(*H1_2022, "8a")
    store.save([ValueRow(key, value=900, comment="Godt", expected_version=0)], user="anne")
    submit_round(load_folder(), store, *H1_2022, user="anne", confirm_missing=True)
    at = open_tracker(kkr="sjaelland", aar="2022")
    assert rows(at, "Status", "Senest", "Overskredet") == [
        ["Indsendt", "–", "Nej"],
        ["Ikke påbegyndt", "–", "Ja – 1.346 dage over fristen"],
    ]


def test_the_filters_come_from_the_url_and_each_row_links_to_its_indberetning(
    store: Store,
) -> None:
    at = open_tracker(kkr="syddanmark")
    assert at.selectbox(key="opfoelgning_kkr").value == "syddanmark"
    assert rows(at, "Indberetning", "KKR") == [
        [link("fyn", 2024, "H1", "Erhvervshus Fyn 1. halvår 2024"), "KKR Syddanmark"],
        [link("fyn", 2024, "FY", "Erhvervshus Fyn helår 2024"), "KKR Syddanmark"],
    ]
    assert rows(at, "Indberetning")[0][0] == (
        "[Erhvervshus Fyn 1. halvår 2024](/indberetning?hus=fyn&aar=2024&periode=H1)"
    )
    at.selectbox(key="opfoelgning_kkr").set_value("sjaelland").run()
    at.selectbox(key="opfoelgning_aar").set_value(2023).run()
    assert rows(at, "Indberetning") == [
        [link("sjaelland", 2023, "H1", "Erhvervshus Sjælland 1. halvår 2023")],
        [link("sjaelland", 2023, "FY", "Erhvervshus Sjælland helår 2023")],
    ]
    assert (at.query_params["kkr"], at.query_params["aar"]) == ("sjaelland", "2023")


def test_what_a_started_round_lacks_is_listed_below_the_table(store: Store) -> None:
    key = ValueKey(*H1_2022, "8a")
    store.save([ValueRow(key, value=100, expected_version=0)], user="anne")
    at = open_tracker(aar="2022")
    assert rows(at, "Status", "Mangler tal", "Mangler kommentar") == [
        ["Åben", "Ingen", "1"],
        ["Ikke påbegyndt", "2: 8a, 15a", "Ingen"],
    ]
    assert "Mangler kommentar før indsendelse" in at.header.values
    assert at.expander[0].label == "Erhvervshus Sjælland 1. halvår 2022: 1"
    assert "- 8a: er i risiko og mangler en kommentar." in at.markdown.values


def test_a_kkr_member_is_linked_to_overblik_where_a_member_reads_the_round(
    store: Store, act_as: ActAs
) -> None:
    act_as(Principal(name="mona", role="kkr_medlem", kkr="syddanmark"))
    at = open_tracker()
    assert [plain(r[0]) for r in rows(at, "Indberetning")] == [
        "[Erhvervshus Fyn 1. halvår 2024](/overblik?hus=fyn&aar=2024&periode=H1)",
        "[Erhvervshus Fyn helår 2024](/overblik?hus=fyn&aar=2024&periode=FY)",
    ]
