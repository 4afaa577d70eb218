"""Numbers KKR can trust, as the pages show them (issue 8): every number is written here.

A small Sjælland 2022 contract with a total made of parts (8a = 8b + 8c), a computed spread
(9a), a target measured in autumn 2021 (1a), a yearly gearing (15a), one strategic
initiative (16a) and a goal without targets.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from contract_texts import FRAMEWORK, write_files
from entry_support import goal_numbers, inputs_of, open_goal, statuses
from pages_support import open_app, shown_cards
from streamlit.testing.v1 import AppTest

from db import Store, ValueKey, ValueRow

CONTRACT = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
title: Resultatkontrakt 2022 for Erhvervshus Sjælland
framework: 2021-2023
goals:
  - number: "1"
    title: Kendskab
    scope: local
    targets:
      - key: 1a
        text: Kendskabet skal i efteråret 2021 være steget med 5 procentpoint.
        kind: change_pp
        value: 5
        baseline: {value: 34, year: 2020}
        measured: {periods: [FY], years: [2021], season: autumn}
  - number: "8"
    title: Forløb
    scope: local
    targets:
      - {key: 8a, text: 100 forløb i alt., kind: count, value: 100, unit: forløb,
         per_kommune: true, parts: [8b, 8c]}
      - {key: 8b, text: 50 korte forløb., kind: count, value: 50, unit: forløb}
      - {key: 8c, text: 50 lange forløb., kind: count, value: 50, unit: forløb}
  - number: "9"
    title: Spredning
    scope: local
    targets:
      - {key: 9a, text: By og land inden for 10 procentpoint., kind: spread, value: 10,
         direction: at_most, source_target: 8a, unit: procentpoint}
  - number: "15"
    title: Gearing
    scope: local
    targets:
      - {key: 15a, text: "Gearing mindst 2,50.", kind: ratio, value: 2.5,
         measured: {periods: [FY]}}
  - number: "16"
    title: Strategiske indsatser
    scope: local
    targets:
      - {key: 16a, text: Mindst 1 strategisk indsats., kind: count, value: 1,
         unit: strategiske indsatser, unit_singular: strategisk indsats}
  - number: "20"
    title: Samarbejde med kommunerne
    scope: local
"""
H1 = {"hus": "sjaelland", "aar": "2022", "periode": "H1"}
PARTS_WARNING = "8a (1. halvår 2022): delene 8b og 8c giver 90, men totalen er 100."


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[Store]:
    folder = write_files(
        tmp_path / "kontrakter",
        {"rammeaftaler/2021-2023.yaml": FRAMEWORK, "sjaelland-2022.yaml": CONTRACT},
    )
    monkeypatch.setenv("CONTRACTS_DIR", str(folder))
    opened = Store(database_url)
    opened.upgrade()
    yield opened
    opened.dispose()


def save(store: Store, values: dict[str, float], *, demo: bool = False, **comments: str) -> None:
    rows = [
        ValueRow(ValueKey("sjaelland", 2022, "H1", key), value=value, comment=comments.get(key))
        for key, value in values.items()
    ]
    store.save(rows, user="demo" if demo else "anne", demo=demo)


def page(path: str, **params: str) -> AppTest:
    at = open_app(path)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    return "\n".join(at.markdown.values)


def test_overblik_warns_beside_the_status_when_parts_do_not_add_up(store: Store) -> None:
    save(store, {"8a": 100, "8b": 40, "8c": 50, "16a": 0, "15a": 2.0})
    at = page("app_pages/overblik.py", **H1)
    cards = {card.paragraphs[0].split(" · ")[0]: card for card in shown_cards(at)}
    assert cards["8a"].paragraphs[1] == f"Advarsel: {PARTS_WARNING}"
    assert cards["8a"].badges == [("opfyldt", "Opfyldt")]
    assert [c for c in cards if any(p.startswith("Advarsel:") for p in cards[c].paragraphs)] == [
        "8a"
    ]
    text = "\n".join(card.text for card in cards.values())
    assert "Målt i efteråret 2021; resultatet er ikke oplyst i kilderne." in text
    assert "forventet ved 1. halvår: 0,5 strategiske indsatser" in text
    assert "Foreløbigt tal: faktor 2,00 (mål: mindst faktor 2,50)" in text
    assert "Mål 20 – Samarbejde med kommunerne" in at.subheader.values
    assert "Ingen måltal i kontrakten" in at.caption.values


def test_maal_warns_beside_the_status_too(store: Store) -> None:
    save(store, {"8a": 100, "8b": 40, "8c": 50})
    text = shown(page("app_pages/maal.py", **H1, maal="8"))
    assert f":orange[**Advarsel:** {PARTS_WARNING}]" in text


def test_indberetning_lists_the_warning_and_shows_it_beside_the_status(store: Store) -> None:
    save(store, {"8a": 100, "8b": 40, "8c": 50})
    at = page("app_pages/indberetning.py", **H1)
    assert statuses(at)["8a"] == "Opfyldt"
    assert f":orange[**Advarsel:** {PARTS_WARNING}]" in at.markdown.values
    assert (
        f"- **Stemmer ikke med sine dele og mangler en kommentar (1):** [8a](#maaltal-8a): "
        f"{PARTS_WARNING}"
    ) in "\n".join(at.markdown.values)


def test_submit_lists_the_unexplained_total_then_confirms_missing_data(store: Store) -> None:
    save(store, {"8a": 100, "8b": 40, "8c": 50, "16a": 1})
    at = page("app_pages/indberetning.py", **H1)
    at.button(key="indsend").click().run()
    assert at.error.values == [
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 kan ikke indsendes: "
        "1 total stemmer ikke med sine dele.\n"
        f"- {PARTS_WARNING} Skriv en kommentar på 8a, der forklarer det."
    ]

    save_comment = ValueRow(
        ValueKey("sjaelland", 2022, "H1", "8a"),
        value=100,
        comment="10 forløb er endnu ikke fordelt på korte og lange",
        expected_version=1,
    )
    store.save([save_comment], user="anne")
    at = page("app_pages/indberetning.py", **H1)
    at.button(key="indsend").click().run()
    assert (
        "1 måltal i indberetningen for Erhvervshus Sjælland 1. halvår 2022 har stadig status "
        "»Mangler data«: 9a. Bekræft, at indberetningen skal indsendes uden dem."
    ) in at.warning.values
    assert store.round("sjaelland", 2022, "H1").status == "åben"  # type: ignore[union-attr]
    at.button(key="indsend_alligevel").click().run()
    assert at.success.values == ["Indberetningen er indsendt."]
    assert store.round("sjaelland", 2022, "H1").status == "indsendt"  # type: ignore[union-attr]


def test_a_demo_round_is_marked_locked_and_left_only_by_removing_its_demo_data(
    store: Store,
) -> None:
    save(store, {"8a": 90, "8b": 40, "8c": 50}, demo=True)
    for status in ("indsendt", "godkendt"):
        store.set_round_status("sjaelland", 2022, "H1", status, user="demo")

    overview = page("app_pages/overblik.py", **H1)
    assert overview.info.values[0].startswith(
        "Indberetningen for 1. halvår 2022: Godkendt (demo) (senest ændret af demo "
    )
    at = page("app_pages/indberetning.py", **H1)
    assert ":gray-badge[Godkendt (demo)]" in at.markdown.values
    assert at.button(key="gem").disabled

    at.button(key="fjern_demodata").click().run()

    assert at.success.values == [
        "Demodata er fjernet. Indberetningen er tom og klar til de rigtige tal."
    ]
    assert store.values().empty and store.round("sjaelland", 2022, "H1") is None
    assert "Ingen tal endnu: indberetningen oprettes som åben ved første indtastning." in (
        at.info.values
    )
    assert not at.button(key="gem").disabled
    trail = store.audit(house="sjaelland")
    removed = trail[trail["action"].isin(["slettet", "fjernet"])]
    assert len(removed) == 4  # three demo values and the demo round
    assert set(removed["reason"]) == {"demodata fjernet før indberetning"}
    assert "demo" not in set(removed["user"])


def test_a_computed_target_takes_a_comment_and_no_value_on_the_page(store: Store) -> None:
    at = page("app_pages/indberetning.py", **H1)
    open_goal(at, *goal_numbers(at))
    assert inputs_of(at, "9a") == ["Kommentar til resultatet"]
    assert inputs_of(at, "8b") == ["Antal forløb", "Kommentar"]


def test_a_demo_contract_never_carries_a_plain_godkendt_badge(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from services.prepare import prepare

    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    prepared = Store(database_url)
    prepare(prepared, as_of=dt.date(2026, 11, 23))
    prepared.dispose()

    demo = page("app_pages/kontrakter.py", hus="fyn", aar="2024")
    assert ":gray-badge[Demokontrakt – ikke godkendt]" in demo.markdown.values
    assert ":green-badge[Godkendt]" not in demo.markdown.values
    real = page("app_pages/kontrakter.py", hus="sjaelland", aar="2022")
    assert ":green-badge[Godkendt]" in real.markdown.values


def test_an_import_into_a_demo_round_says_so_and_removes_the_demo_data_when_confirmed(
    store: Store,
) -> None:
    save(store, {"8b": 40, "8c": 50}, demo=True)
    at = page("app_pages/indberetning.py", **H1)
    header = (
        "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,"
        "kritikere,kommentar\n"
    )
    data = (header + "sjaelland,2022,H1,8b,,45,,,,,,\n").encode()
    at.file_uploader[0].upload("tal.csv", data, "text/csv").run()

    assert (
        "**Prøvekørsel af tal.csv** (Erhvervshus Sjælland): 1 indsættes, 0 ændres, 0 uændrede, "
        "0 ikke udfyldt; "
        "erstatter demodata i Erhvervshus Sjælland 1. halvår 2022 (2 demoværdier fjernes)."
    ) in at.markdown.values
    button = at.button(key="gennemfoer_import")
    assert button.label == "Fjern demodata og gennemfør import"
    button.click().run()

    stored = store.values()
    assert stored[["target", "value", "is_demo"]].values.tolist() == [["8b", 45.0, False]]
