"""The Kontrakter page: a chosen contract as a document, its choice kept in the URL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from contract_texts import write_files
from pages_support import BROKEN, open_app
from streamlit.testing.v1 import AppTest

from contracts.loader import DEFAULT_CONTRACTS_DIR, load_folder
from ui.contract_view import contract_title, md

SHIPPED = [(c.erhvervshus, c.year, c.status) for c in load_folder(DEFAULT_CONTRACTS_DIR).contracts]


def texts(at: AppTest) -> str:
    """Every text the page shows, one per line, for 'is it on the page' checks."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning"):
        parts.extend(str(el.value) for el in at.main.get(kind))
    return "\n".join(parts)


def run(at: AppTest, **params: str) -> AppTest:
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(("house", "year", "status"), SHIPPED)
def test_every_shipped_contract_renders_without_exception(
    kontrakter_test: AppTest,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    house: str,
    year: int,
    status: str,
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    params = {"hus": house, "aar": str(year)}
    if status == "udkast":
        params["udkast"] = "1"
    at = run(kontrakter_test, **params)
    contract = load_folder(DEFAULT_CONTRACTS_DIR).contract(house, year, draft=status == "udkast")
    assert contract is not None
    assert at.title.values == [md(contract_title(contract))]
    assert not [e for e in at.error.values if "adressen" in e or "ingen kontrakt" in e]


@pytest.mark.usefixtures("contracts_folder")
def test_without_params_the_preferred_house_and_its_latest_year_are_shown(
    kontrakter_test: AppTest,
) -> None:
    at = run(kontrakter_test)
    assert at.title.values == ["Resultatkontrakt 2023 for Erhvervshus Sjælland"]
    assert dict(at.query_params) == {"hus": "sjaelland", "aar": "2023"}


@pytest.mark.usefixtures("contracts_folder")
def test_changing_year_and_house_changes_the_title_and_goals(kontrakter_test: AppTest) -> None:
    at = run(kontrakter_test)
    at.selectbox(key="aar").set_value("2022").run()
    assert at.title.values == ["Resultatkontrakt 2022 for Erhvervshus Sjælland"]
    assert "Mål 1 – Virksomhedernes kendskab til erhvervshusene" in at.subheader.values
    assert at.query_params["aar"] == "2022"
    at.selectbox(key="hus").set_value("fyn").run()
    assert at.title.values == ["Resultatkontrakt 2024 for Erhvervshus Fyn"]
    assert at.subheader.values == ["Mål 1 – Lokalt mål for Fyn"]
    assert at.query_params["hus"] == "fyn"


@pytest.mark.usefixtures("contracts_folder")
def test_query_params_open_the_same_view_as_the_selectors(kontrakter_test: AppTest) -> None:
    by_url = run(kontrakter_test, hus="sjaelland", aar="2022")
    by_widgets = run(open_app("app_pages/kontrakter.py"))
    by_widgets.selectbox(key="aar").set_value("2022").run()
    assert texts(by_url) == texts(by_widgets)
    assert by_url.title.values == ["Resultatkontrakt 2022 for Erhvervshus Sjælland"]


@pytest.mark.parametrize(
    ("params", "message", "title"),
    [
        (
            {"hus": "bornholm"},
            "Ukendt erhvervshus i adressen: »bornholm«. Viser Erhvervshus Sjælland.",
            "Resultatkontrakt 2023 for Erhvervshus Sjælland",
        ),
        (
            {"hus": "sjaelland", "aar": "1999"},
            "Erhvervshus Sjælland har ingen kontrakt for år »1999«. Viser 2023.",
            "Resultatkontrakt 2023 for Erhvervshus Sjælland",
        ),
        (
            {"hus": "fyn", "aar": "to tusind"},
            "Erhvervshus Fyn har ingen kontrakt for år »to tusind«. Viser 2024.",
            "Resultatkontrakt 2024 for Erhvervshus Fyn",
        ),
    ],
)
@pytest.mark.usefixtures("contracts_folder")
def test_unknown_value_in_the_url_shows_a_danish_error_and_falls_back(
    kontrakter_test: AppTest, params: dict[str, str], message: str, title: str
) -> None:
    at = run(kontrakter_test, **params)
    assert at.error.values == [message]
    assert at.title.values == [title]


@pytest.mark.usefixtures("contracts_folder")
def test_every_target_key_and_sentence_of_the_chosen_contract_appears(
    kontrakter_test: AppTest, contracts_folder: Path
) -> None:
    at = run(kontrakter_test, hus="sjaelland", aar="2022")
    contract = load_folder(contracts_folder).contract("sjaelland", 2022)
    assert contract is not None
    shown = at.markdown.values
    for _goal, target in contract.targets():
        assert any(f"**{target.name}**" in text for text in shown), target.name
    assert any("1.680 forløb i 2022" in text for text in shown)


@pytest.mark.usefixtures("contracts_folder")
def test_targets_show_kind_number_baseline_and_timing_in_danish(kontrakter_test: AppTest) -> None:
    at = run(kontrakter_test, hus="sjaelland", aar="2022")
    captions = at.caption.values
    assert (
        "Type: ændring i procentpoint · "
        "Måltal: mindst 39 % (5 procentpoint over udgangsniveauet 34 %) · "
        "Udgangsniveau: 34 % i 2020 (ERST kendskabsmåling sep. 2020) · Måles: kun helår 2021"
    ) in captions
    assert (
        "Type: antal · Måltal: mindst 1.680 forløb · Måles: 1. halvår og helår · "
        "Pr. kommune: afrapporteres pr. kommune"
    ) in captions
    assert "Type: faktor · Måltal: mindst faktor 2,50 · Måles: kun helår" in captions


@pytest.mark.usefixtures("contracts_folder")
def test_national_and_local_goals_are_grouped(kontrakter_test: AppTest) -> None:
    at = run(kontrakter_test, hus="sjaelland", aar="2022")
    assert at.header.values[:3] == ["Særlige indsatsområder", "Nationale mål", "Lokale mål"]


@pytest.mark.usefixtures("contracts_folder")
def test_draft_is_offered_where_both_exist_and_kept_in_the_url(kontrakter_test: AppTest) -> None:
    at = run(kontrakter_test, hus="sjaelland", aar="2023")
    assert at.toggle(key="udkast").value is False
    at.toggle(key="udkast").set_value(True).run()
    assert at.title.values == ["Udkast til resultatkontrakt 2023 for Erhvervshus Sjælland"]
    assert at.query_params["udkast"] == "1"
    shared = run(open_app("app_pages/kontrakter.py"), hus="sjaelland", aar="2023", udkast="1")
    assert shared.title.values == at.title.values


@pytest.mark.usefixtures("contracts_folder")
def test_only_a_draft_is_shown_as_udkast_with_unstated_targets(kontrakter_test: AppTest) -> None:
    at = run(kontrakter_test, hus="fyn")
    assert len(at.toggle) == 0
    assert [b.proto.body for b in at.get("badge")] or "Udkast" in texts(at)
    assert "Type: antal · Måltal: måltal ikke oplyst · Måles: 1. halvår og helår" in (
        at.caption.values
    )


@pytest.mark.usefixtures("contracts_folder")
def test_validation_issues_of_the_folder_are_listed(
    kontrakter_test: AppTest, contracts_folder: Path
) -> None:
    write_files(contracts_folder, {"sjaelland-2025.yaml": BROKEN})
    at = run(kontrakter_test, hus="sjaelland", aar="2022")
    assert any(e.startswith("sjaelland-2025.yaml:") for e in at.error.values)


def test_an_empty_folder_says_so(
    kontrakter_test: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.setenv("CONTRACTS_DIR", str(tmp_path))
    at = run(kontrakter_test)
    assert at.info.values == ["Der er ingen kontrakter i kontraktmappen endnu."]
    assert at.success.values == ["Kontraktmappen er gennemgået uden fejl og advarsler."]


@pytest.mark.usefixtures("contracts_folder")
def test_the_parties_name_the_kkr_by_its_danish_name(kontrakter_test: AppTest) -> None:
    at = run(kontrakter_test, hus="fyn")
    assert "**Parter:** KKR Syddanmark og Erhvervshus Fyn  \n" in texts(at)


def test_a_contract_file_edited_on_disk_is_shown_as_edited_by_the_next_visitor(
    kontrakter_test: AppTest, contracts_folder: Path
) -> None:
    run(kontrakter_test, hus="sjaelland", aar="2022")
    assert "Mål 8 – Kvantitative mål vedr. virksomhedsforløb" in kontrakter_test.subheader.values
    file = contracts_folder / "sjaelland-2022.yaml"
    edited = file.read_text(encoding="utf-8").replace("vedr. virksomhedsforløb", "om forløb")
    file.write_text(edited + "year: 2022\n", encoding="utf-8")
    modified = file.stat().st_mtime_ns + 1_000_000_000  # a new time even on a coarse clock
    os.utime(file, ns=(modified, modified))
    at = run(open_app("app_pages/kontrakter.py"), hus="sjaelland", aar="2022")
    assert "Mål 8 – Kvantitative mål om forløb" in at.subheader.values
    last_line = len(edited.splitlines()) + 1
    assert f"sjaelland-2022.yaml:{last_line}: year: står to gange; første gang i linje 4" in (
        at.error.values
    )
