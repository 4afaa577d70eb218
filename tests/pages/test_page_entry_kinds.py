"""Indberetning asks each target for what its kind takes (issue 13); every number is literal.

A contract with a target of every kind, all measured at helår 2022, over three kommuner
(Køge and Roskilde "by", Stevns "land"). Values are typed into the target's own inputs, the
per-kommune rows pasted as a column, as a person would; the status beside each target is the
one it gets when saved, and "Gem" stores exactly the parts typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from contract_texts import FRAMEWORK, write_files
from entry_support import inputs_of, open_entry, statuses, type_into

from db import Store

CONTRACT = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
framework: 2021-2023
geography: ["259", "265", "336"]
classification: {"259": by, "265": by, "336": land}
goals:
  - number: "1"
    title: Kendskab og tilfredshed
    scope: local
    targets:
      - {key: 1a, text: Kendskabet stiger 5 procentpoint., kind: change_pp, value: 5,
         baseline: {value: 34, year: 2020}}
      - {key: 12a, text: 50 % nye kunder., kind: percentage, value: 50, unit: "%"}
      - {key: 3b.drift, label: 3b – drift, text: NPS mindst 70., kind: nps, value: 70}
  - number: "8"
    title: Forløb
    scope: local
    targets:
      - {key: 8a, text: 100 forløb i alt., kind: count, value: 100, unit: forløb,
         per_kommune: true}
      - {key: 8b, text: 880 korte forløb., kind: count, value: 880, unit: forløb}
      - {key: 9a, text: By og land inden for 10 procentpoint., kind: spread, value: 10,
         direction: at_most, source_target: 8a, unit: procentpoint}
      - {key: 9c, text: Cases i mindst 2 kommuner., kind: coverage, value: 2,
         per_kommune: true, minimum_per_kommune: 1, unit: cases, unit_singular: case}
  - number: "11"
    title: Finansiering og effekt
    scope: local
    targets:
      - {key: 11h, text: Tilsagn for 27 mio. kr., kind: amount, value: 27, unit: mio. kr.}
      - {key: 15a, text: "Gearing mindst 2,50.", kind: ratio, value: 2.5}
      - {key: 6b, text: Mervækst mindst 10 procentpoint., kind: level, value: 10,
         unit: procentpoint}
      - {key: 11b, text: 5 % flere ansøgere end 108., kind: change_relative, value: 5,
         baseline: {value: 108, year: 2020}, unit: virksomheder}
      - {key: 13b, text: 15-20 virksomheder., kind: range, value: 15, upper: 20,
         unit: virksomheder}
  - number: "5"
    title: Milepæle og vurderinger
    scope: local
    targets:
      - {key: 5a, text: Dialogværktøjet tages i brug., kind: milestone}
      - {key: 9b, text: Forløbene følger kommunefordelingen., kind: assessment}
"""
FY = {"hus": "sjaelland", "aar": "2022", "periode": "FY"}


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


def test_each_kind_asks_only_for_what_it_takes(store: Store) -> None:
    at = open_entry(**FY)
    assert inputs_of(at, "8b") == ["Antal forløb", "Kommentar"]
    assert inputs_of(at, "11h") == ["Beløb i mio. kr.", "Kommentar"]
    assert inputs_of(at, "12a") == ["Tæller", "Nævner", "eller andel i %", "Kommentar"]
    assert inputs_of(at, "3b.drift") == [
        "Promotorer",
        "Passive",
        "Kritikere",
        "eller NPS",
        "Kommentar",
    ]
    assert inputs_of(at, "15a") == ["Faktor", "Kommentar"]
    assert inputs_of(at, "6b") == ["Niveau i procentpoint", "Kommentar"]
    assert inputs_of(at, "5a") == ["Milepæl", "Kommentar"]
    assert inputs_of(at, "9b") == ["Vurdering", "Begrundelse for vurderingen"]
    assert inputs_of(at, "9a") == ["Kommentar til resultatet"]  # computed: no number typed
    assert at.radio(key="ind|0|5a||værdi").options == [
        "Ikke angivet",
        "Gennemført",
        "Ikke gennemført",
    ]


def test_one_value_of_every_kind_entered_through_its_own_input_is_saved_as_typed(
    store: Store,
) -> None:
    at = open_entry(**FY)
    type_into(
        at,
        {
            ("1a", "værdi"): "41",
            ("12a", "tæller"): "140",
            ("12a", "nævner"): "251",
            ("3b.drift", "promotorer"): "61",
            ("3b.drift", "passive"): "25",
            ("3b.drift", "kritikere"): "9",
            ("8b", "værdi"): "1.000",
            ("11h", "værdi"): "27,5",
            ("15a", "værdi"): "2,45",
            ("6b", "værdi"): "12,5",
            ("11b", "værdi"): "120",
            ("13b", "værdi"): "18",
            ("9b", "kommentar"): "Forløbene samles i byerne",
            ("15a", "kommentar"): "Færre projekter med medfinansiering",
        },
    )
    at.radio(key="ind|0|5a||værdi").set_value("1")
    at.radio(key="ind|0|9b||værdi").set_value("0")
    at.text_area(key="ind|0|8a|indsaet").input("40\n50\n10\n5")
    at.button(key="ind|0|8a|udfyld").click().run()
    at.text_area(key="ind|1|9c|indsaet").input("259\t1\n265\t0\n336\t1")
    at.button(key="ind|1|9c|udfyld").click().run()
    assert not at.exception, [e.value for e in at.exception]

    assert statuses(at) == {
        "1a": "Når du gemmer: Opfyldt",
        "12a": "Når du gemmer: Opfyldt",
        "3b – drift": "Når du gemmer: Ikke opfyldt",
        "8a": "Når du gemmer: Opfyldt",
        "8b": "Når du gemmer: Opfyldt",
        "9a": "Når du gemmer: Opfyldt",
        "9c": "Når du gemmer: Opfyldt",
        "11h": "Når du gemmer: Opfyldt",
        "15a": "Når du gemmer: Ikke opfyldt",
        "6b": "Når du gemmer: Opfyldt",
        "11b": "Når du gemmer: Opfyldt",
        "13b": "Når du gemmer: Opfyldt",
        "5a": "Når du gemmer: Opfyldt",
        "9b": "Når du gemmer: Ikke opfyldt",
    }
    captions = at.caption.values
    assert "NPS 55 (mål: mindst NPS 70)" in captions
    assert "Største afvigelse 3,2 procentpoint (mål: højst 10 procentpoint)" in captions
    assert "I alt fra kommunerne: 105 forløb" in captions

    at.button(key="gem").click().run()
    assert at.success.values[0] == "Gemt: 20 indsat, 0 ændret, 0 slettet."
    stored = store.values("sjaelland", 2022, "FY").set_index(["target", "kommune"])
    parts = ["value", "numerator", "denominator", "promoters", "passives", "detractors"]
    given = {
        place: tuple(v for v in row[parts].tolist() if v == v)  # v == v: not NaN
        for place, row in stored.iterrows()
    }
    assert given == {
        ("1a", ""): (41.0,),
        ("12a", ""): (140.0, 251.0),
        ("3b.drift", ""): (61.0, 25.0, 9.0),
        ("8a", ""): (105.0,),
        ("8a", "0"): (5.0,),
        ("8a", "259"): (40.0,),
        ("8a", "265"): (50.0,),
        ("8a", "336"): (10.0,),
        ("8b", ""): (1000.0,),
        ("9c", ""): (2.0,),
        ("9c", "259"): (1.0,),
        ("9c", "265"): (0.0,),
        ("9c", "336"): (1.0,),
        ("11h", ""): (27.5,),
        ("15a", ""): (2.45,),
        ("6b", ""): (12.5,),
        ("11b", ""): (120.0,),
        ("13b", ""): (18.0,),
        ("5a", ""): (1.0,),
        ("9b", ""): (0.0,),
    }
    assert stored.loc[("9b", ""), "comment"] == "Forløbene samles i byerne"
    assert stored.loc[("8a", ""), "source"] == "indtastet (sum af kommunerækker)"


def test_a_computed_target_takes_a_comment_and_shows_its_result(store: Store) -> None:
    at = open_entry(**FY)
    type_into(at, {("9a", "kommentar"): "Fordelingen følges kvartalsvis"})
    at.button(key="gem").click().run()
    assert at.success.values[0] == "Gemt: 1 indsat, 0 ændret, 0 slettet."
    row = store.values("sjaelland", 2022, "FY").iloc[0]
    assert (row["target"], row["comment"], row["value"] != row["value"]) == (
        "9a",
        "Fordelingen følges kvartalsvis",
        True,
    )
