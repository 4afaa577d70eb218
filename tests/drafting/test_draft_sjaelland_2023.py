"""The issue's main case: Sjælland 2023 drafted from 2022 with one changed target (with its
reason), one removed goal and one added target gives exactly this YAML and this diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from drafting_support import small_folder

from contracts.diff_text import diff_lines
from contracts.draft import Place, carry_forward
from contracts.edits import Edits, build
from contracts.loader import Catalog, load_folder, load_text

EXPECTED_YAML = """\
# yaml-language-server: $schema=../../schema/contract.schema.json
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2023
title: Resultatkontrakt 2023 for Erhvervshus Sjælland
framework: 2021-2023
status: udkast
based_on: 2022
goals:
  - number: '1'
    title: Virksomhedernes kendskab til erhvervshusene
    scope: national
    framework_goal: 1
    method: ERST spørger et udsnit af virksomhederne.
    data_source: ERST kendskabsmåling
    targets:
      - key: 1a
        text: Kendskabet skal i efteråret 2021 være steget med 5 procentpoint.
        kind: change_pp
        value: 5
        unit: procentpoint
        baseline:
          value: 34
          year: 2020
        measured:
          periods: [FY]
          years: [2021]
      - key: 1c
        text: I 2023 skal kendskabsgraden være mindst 50 pct.
        kind: percentage
        value: 50
        unit: '%'
        measured:
          periods: [FY]
          years: [2023]
  - number: '2'
    title: Bred geografisk spredning
    scope: national
    framework_goal: 2
    method: Forløbene opgøres pr. kommune.
    data_source: CRM
    targets:
      - key: 2a
        text: Forløbene fordeles på by og land med en afvigelse på højst 10 procentpoint.
        kind: spread
        direction: at_most
        value: 10
        unit: procentpoint
        source_target: 8a
  - number: '8'
    title: Virksomhedsforløb
    scope: local
    method: Forløb tælles i CRM.
    data_source: CRM
    targets:
      - key: 8a
        text: Samlet set skal Erhvervshus Sjælland gennemføre 1.750 forløb i 2023.
        kind: count
        value: 1750
        unit: forløb
        per_kommune: true
      - key: 11f
        text: Sjællandsmodellen færdiggøres i 1. kvartal 2023.
        kind: milestone
        deadline: 2023-03-31
      - key: 8d
        text: Erhvervshus Sjælland gennemfører 40 forløb om grøn omstilling i 2023.
        kind: count
        value: 40
        unit: forløb
  - number: '12'
    title: Den opsøgende indsats
    scope: local
    method: Handlingsplaner tælles i CRM.
    data_source: CRM
    targets:
      - key: 12a
        text: 50 % af de handlingsplaner, der laves i 2023, er til nye kunder.
        kind: percentage
        value: 50
        unit: '%'
note: Udkast til 2023, bygget på kontrakten for 2022.
changes:
  - change: removed
    goal: '16'
    reason: Den strategiske indsats er en del af mål 8 fra 2023.
  - change: changed
    target: 8a
    reason: Flere driftsmidler fra 2023 giver plads til 70 flere forløb.
  - change: added
    target: 8d
    reason: KKR ønsker et tal for grønne forløb.
"""

EXPECTED_DIFF = """\
Ændringer i udkastet for 2023 mod kontrakten for 2022

Tilføjet (1)
  8d (mål 8): »Erhvervshus Sjælland gennemfører 40 forløb om grøn omstilling i 2023.« (mindst 40 forløb)
      Begrundelse: KKR ønsker et tal for grønne forløb.

Fjernet (2)
  mål 16 – Strategiske indsatser
      Begrundelse: Den strategiske indsats er en del af mål 8 fra 2023.
  16a (mål 16): »Målet er, at der i 2022 minimum laves én strategisk indsats.« (mindst 1 indsatser)
      Begrundelse: se mål 16

Ændret (3)
  8a (mål 8): mindst 1.680 forløb → mindst 1.750 forløb; ordlyd »Samlet set skal Erhvervshus Sjælland gennemføre 1.680 forløb i 2022.« → »Samlet set skal Erhvervshus Sjælland gennemføre 1.750 forløb i 2023.«
      Begrundelse: Flere driftsmidler fra 2023 giver plads til 70 flere forløb.
  11f (mål 8): ordlyd »Sjællandsmodellen færdiggøres i 1. kvartal 2022.« → »Sjællandsmodellen færdiggøres i 1. kvartal 2023.«
      Følger af det nye år eller den nye rammeaftale: årstallet i ordlyden er rettet fra 2022 til 2023; fristen er flyttet med kontraktåret til 31. marts 2023
  12a (mål 12): ordlyd »50 % af de handlingsplaner, der laves i 2022, er til nye kunder.« → »50 % af de handlingsplaner, der laves i 2023, er til nye kunder.«
      Følger af det nye år eller den nye rammeaftale: årstallet i ordlyden er rettet fra 2022 til 2023

Uændret (7)
  mål 1, mål 2, mål 8, mål 12, 1a, 1c, 2a"""

NEW_8A = "Samlet set skal Erhvervshus Sjælland gennemføre 1.750 forløb i 2023."
ADDED_8D = {
    "key": "8d",
    "text": "Erhvervshus Sjælland gennemfører 40 forløb om grøn omstilling i 2023.",
    "kind": "count",
    "value": 40,
    "unit": "forløb",
}
REASONS = {
    ("target", "8a"): "Flere driftsmidler fra 2023 giver plads til 70 flere forløb.",
    ("goal", "16"): "Den strategiske indsats er en del af mål 8 fra 2023.",
    ("target", "8d"): "KKR ønsker et tal for grønne forløb.",
}


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    return load_folder(small_folder(tmp_path))


def edits(reasons: dict[tuple[str, str], str]) -> Edits:
    return Edits(
        values={"8a": 1750},
        texts={
            Place("contract", "", "title"): "Resultatkontrakt 2023 for Erhvervshus Sjælland",
            Place("target", "8a", "text"): NEW_8A,
            Place("target", "11f", "text"): "Sjællandsmodellen færdiggøres i 1. kvartal 2023.",
            Place("target", "12a", "text"): (
                "50 % af de handlingsplaner, der laves i 2023, er til nye kunder."
            ),
        },
        removed_goals=frozenset({"16"}),
        added_targets=(("8", ADDED_8D),),
        reasons=reasons,
    )


def test_the_draft_is_exactly_the_expected_yaml_and_loads_back_without_issues(
    catalog: Catalog,
) -> None:
    base = catalog.contract("sjaelland", 2022)
    built = build(
        carry_forward(base, 2023), edits(REASONS), base=base, frameworks=catalog.frameworks.values()
    )
    assert built.text == EXPECTED_YAML
    assert built.issues == ()
    again = load_text(
        EXPECTED_YAML,
        "udkast/sjaelland-2023.yaml",
        frameworks=catalog.frameworks.values(),
        bases=(base,),
    )
    assert again.issues == ()
    assert again.contracts == (built.contract,)


def test_the_diff_lists_added_removed_changed_and_unchanged_with_reasons(
    catalog: Catalog,
) -> None:
    base = catalog.contract("sjaelland", 2022)
    built = build(
        carry_forward(base, 2023), edits(REASONS), base=base, frameworks=catalog.frameworks.values()
    )
    assert built.diff is not None
    title = "Ændringer i udkastet for 2023 mod kontrakten for 2022"
    assert "\n".join(diff_lines(built.diff, title)) == EXPECTED_DIFF


def test_a_changed_number_without_a_reason_is_an_error_of_the_draft(catalog: Catalog) -> None:
    base = catalog.contract("sjaelland", 2022)
    without = {k: v for k, v in REASONS.items() if k != ("target", "8a")}
    built = build(
        carry_forward(base, 2023), edits(without), base=base, frameworks=catalog.frameworks.values()
    )
    assert [(i.severity, i.path, i.message) for i in built.issues] == [
        ("fejl", "changes", "måltallet 8a er ændret (ordlyd, måltal) og mangler en begrundelse")
    ]
    assert [e.id for e in built.diff.missing_reasons()] == ["8a"]
