"""Broken contract files: each gives exactly one issue, with its Danish text and its line.

Every case is a whole file, written here as it would be on disk, loaded beside a valid
framework (``rammeaftale.yaml``: 2021-2023 with goals 1, 2 and 8, tests/contract_texts.py).  A warning is shown with the
prefix ``advarsel:`` as ``validate`` prints it.
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest
from contract_texts import FRAMEWORK

from contracts.loader import load_folder

CASES = [
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        title: Mål: vækst
        """,
        "kontrakt.yaml:5: (fil): ugyldig YAML: et kolon, hvor det ikke må stå "
        "(sæt teksten i anførselstegn, eller ret indrykningen)",
        id="yaml-syntax-colon-in-text",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
        \t- number: 8
        """,
        "kontrakt.yaml:6: (fil): ugyldig YAML: tabulator i indrykningen; "
        "YAML skal indrykkes med mellemrum",
        id="tab-indentation",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        title: "Resultatkontrakt 2022
        year: 2022
        """,
        "kontrakt.yaml:6: (fil): ugyldig YAML: filen slutter midt i en værdi "
        "(mangler et anførselstegn?)",
        id="unclosed-quote",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        titel: Resultatkontrakt 2022
        """,
        "kontrakt.yaml:5: titel: ukendt felt 'titel'",
        id="unknown-top-level-key",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: count
                traget: 1680
        """,
        "kontrakt.yaml:13: goals[0].targets[0].traget: ukendt felt 'traget'",
        id="unknown-target-key",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: count
                value: ti
        """,
        "kontrakt.yaml:13: goals[0].targets[0].value: skal være et tal (fik 'ti')",
        id="value-not-a-number",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: antal
                value: 1680
        """,
        "kontrakt.yaml:12: goals[0].targets[0].kind: skal være en af: count, amount, "
        "percentage, nps, ratio, level, change_pp, change_relative, range, milestone, "
        "assessment, coverage, spread (fik 'antal')",
        id="unknown-kind",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: count
                direction: mindst
                value: 1680
        """,
        "kontrakt.yaml:13: goals[0].targets[0].direction: skal være en af: at_least, "
        "at_most, above (fik 'mindst')",
        id="unknown-direction",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                kind: count
                value: 1680
        """,
        "kontrakt.yaml:10: goals[0].targets[0].text: mangler",
        id="missing-text",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 1
            title: Kendskab
            scope: local
            targets:
              - key: 1a
                text: Kendskabet øges med 5 procentpoint
                kind: change_pp
                value: 5
        """,
        "kontrakt.yaml:10: goals[0].targets[0].baseline: et mål af typen 'change_pp' "
        "skal have et udgangsniveau (baseline)",
        id="change-without-baseline",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: count
                value: 1680
              - key: 8a
                text: 880 korte forløb
                kind: count
                value: 880
        """,
        "kontrakt.yaml:14: goals[0].targets[1].key: målnøglen '8a' findes allerede i "
        "goals[0].targets[0] (linje 10)",
        id="duplicate-target-key",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
          - number: 8
            title: Forløb igen
            scope: local
        """,
        "kontrakt.yaml:9: goals[1].number: målnummeret '8' findes allerede i goals[0] (linje 6)",
        id="duplicate-goal-number",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        geography: ['259', '265']
        classification:
          '259': by
          '265': by
          '461': by
        """,
        "kontrakt.yaml:9: classification.461: kommune 461 (Odense) er ikke i kontraktens geografi",
        id="kommune-outside-geography",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        geography:
          - '259'
          - '999'
        classification: {'259': by}
        """,
        "kontrakt.yaml:7: geography[1]: ukendt kommunekode '999'",
        id="unknown-kommunekode",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        geography: [259, '26']
        """,
        "kontrakt.yaml:5: geography[1]: skal være en kommunekode med tre cifre som '259' "
        "(fik '26')",
        id="kommunekode-of-two-digits",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 3
            title: Tilfredshed
            scope: local
            targets:
              - key: 3a
                text: 140 % er meget tilfredse
                kind: percentage
                value: 140
        """,
        "kontrakt.yaml:13: goals[0].targets[0].value: en procentdel skal ligge mellem 0 og 100 "
        "(value er 140)",
        id="percentage-above-100",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 3
            title: Tilfredshed
            scope: local
            targets:
              - key: 3b
                text: NPS på mindst 140
                kind: nps
                value: 140
        """,
        "kontrakt.yaml:13: goals[0].targets[0].value: en NPS skal ligge mellem -100 og 100 "
        "(value er 140)",
        id="nps-above-100",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: Minus ti forløb
                kind: count
                value: -10
        """,
        "kontrakt.yaml:13: goals[0].targets[0].value: et antal skal være et helt tal ≥ 0 "
        "(value er -10)",
        id="negative-count",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: Halvandet forløb
                kind: count
                value: 1.5
        """,
        "kontrakt.yaml:13: goals[0].targets[0].value: et antal skal være et helt tal ≥ 0 "
        "(value er 1.5)",
        id="fractional-count",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 9
            title: Geografisk spredning
            scope: local
            targets:
              - key: 9a
                text: Forløbene fordeles på by og land
                kind: spread
                value: 10
                source_target: 8a
        """,
        "kontrakt.yaml:14: goals[0].targets[0].source_target: antalsmålet '8a' findes ikke "
        "i kontrakten",
        id="spread-pointing-nowhere",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 9
            title: Geografisk spredning
            scope: local
            targets:
              - key: 9a
                text: Forløbene fordeles på by og land
                kind: spread
                value: 10
                source_target: 9b
              - key: 9b
                text: Halvdelen er nye kunder
                kind: percentage
                value: 50
                per_kommune: true
        """,
        "kontrakt.yaml:14: goals[0].targets[0].source_target: '9b' i goals[0].targets[1] "
        "(linje 15) er af typen 'percentage'; et spredningsmål skal pege på et antalsmål (count)",
        id="spread-pointing-to-a-percentage",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 9
            title: Geografisk spredning
            scope: local
            targets:
              - key: 9a
                text: Forløbene fordeles på by og land
                kind: spread
                value: 10
                source_target: 9b
              - key: 9b
                text: 1.680 forløb
                kind: count
                value: 1680
        """,
        "kontrakt.yaml:14: goals[0].targets[0].source_target: '9b' i goals[0].targets[1] "
        "(linje 15) afrapporteres ikke pr. kommune (per_kommune: true)",
        id="spread-source-not-per-kommune",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 9
            title: Geografisk spredning
            scope: local
            targets:
              - key: 9c
                text: 17 cases, én pr. kommune
                kind: coverage
                value: 17
        """,
        "kontrakt.yaml:10: goals[0].targets[0].per_kommune: et dækningsmål (coverage) skal "
        "afrapporteres pr. kommune (per_kommune: true)",
        id="coverage-not-per-kommune",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 9
            title: Geografisk spredning
            scope: local
            targets:
              - key: 9c
                text: 18 cases, én pr. kommune
                kind: coverage
                value: 18
                per_kommune: true
        """,
        "kontrakt.yaml:13: goals[0].targets[0].value: dækningsmålet kræver 18 kommuner, "
        "men geografien har kun 17",
        id="coverage-above-the-geography",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 13
            title: Grøn omstilling
            scope: local
            targets:
              - key: 13b
                text: 15-20 virksomheder
                kind: range
                value: 20
                upper: 15
        """,
        "kontrakt.yaml:14: goals[0].targets[0].upper: intervallets øvre grænse 15 er mindre "
        "end den nedre 20",
        id="range-upper-below-lower",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 13
            title: Grøn omstilling
            scope: local
            targets:
              - key: 13b
                text: 15-20 virksomheder
                kind: range
                value: 15
        """,
        "kontrakt.yaml:10: goals[0].targets[0].upper: et interval (range) skal have en øvre "
        "grænse (upper)",
        id="range-without-upper",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 5
            title: Dialogværktøj
            scope: local
            targets:
              - key: 5a
                text: Værktøjet tages i brug
                kind: milestone
                value: 1
        """,
        "kontrakt.yaml:13: goals[0].targets[0].value: mål af typen 'milestone' har ingen "
        "værdi (value); de bedømmes 1 eller 0",
        id="milestone-with-a-value",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        framework: 2021-2023
        goals:
          - number: 1
            title: Kendskab
            scope: national
        """,
        "kontrakt.yaml:7: goals[0].framework_goal: et nationalt mål skal angive rammeaftalens "
        "mål (framework_goal)",
        id="national-goal-without-framework-goal",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        framework: 2019-2020
        """,
        "kontrakt.yaml:5: framework: ukendt rammeaftale '2019-2020' (kendte: 2021-2023)",
        id="framework-unknown",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        framework: 2021-2023
        goals:
          - number: 9
            title: Spredning
            scope: national
            framework_goal: 9
        """,
        "kontrakt.yaml:10: goals[0].framework_goal: rammeaftalen 2021-2023 har intet mål 9 "
        "(dens mål: 1, 2, 8; se rammeaftale.yaml:6)",
        id="framework-goal-unknown",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 1
            title: Kendskab
            scope: national
            framework_goal: 1
        """,
        "kontrakt.yaml:9: goals[0].framework_goal: et nationalt mål kræver, at kontrakten "
        "angiver sin rammeaftale (framework)",
        id="national-goal-in-contract-without-framework",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2025
        framework: 2021-2023
        """,
        "advarsel: kontrakt.yaml:4: year: året 2025 ligger uden for rammeaftalen 2021-2023 "
        "(rammeaftale.yaml:2)",
        id="year-outside-the-framework",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 11
            title: Sjællandsmodellen
            scope: local
            targets:
              - key: 11f
                text: Modellen er klar i 1. kvartal
                kind: milestone
                deadline: 2023-03-31
        """,
        "kontrakt.yaml:13: goals[0].targets[0].deadline: fristen 2023-03-31 ligger uden for "
        "kontraktåret 2022",
        id="deadline-outside-the-contract-year",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 11
            title: Sjællandsmodellen
            scope: local
            targets:
              - key: 11f
                text: Modellen er klar i 1. kvartal
                kind: milestone
                deadline: 2022-02-30
        """,
        "kontrakt.yaml:13: goals[0].targets[0].deadline: skal være en dato som 2022-03-31 "
        "(fik '2022-02-30')",
        id="invalid-date",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        approved: 2021-10-13 14:00
        """,
        "kontrakt.yaml:5: approved: skal være en dato uden klokkeslæt (fik '2021-10-13 14:00')",
        id="date-with-a-time",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjælland
        kkr: sjaelland
        year: 2022
        """,
        "kontrakt.yaml:2: erhvervshus: skal være en af: hovedstaden, sjaelland, fyn, "
        "sydjylland, midtjylland, nordjylland (fik 'sjælland')",
        id="bad-house-key",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: fyn
        year: 2022
        """,
        "kontrakt.yaml:1: kkr: mangler",
        id="missing-kkr",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: fyn
        kkr: KKR Syddanmark
        year: 2022
        """,
        "kontrakt.yaml:3: kkr: skal være en af: hovedstaden, sjaelland, syddanmark, "
        "midtjylland, nordjylland (fik 'KKR Syddanmark')",
        id="kkr-by-its-name-not-its-key",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: toogtyve
        """,
        "kontrakt.yaml:4: year: skal være et helt tal (fik 'toogtyve')",
        id="year-as-text",
    ),
    pytest.param(
        """\
        type: contract
        kkr: sjaelland
        year: 2022
        """,
        "kontrakt.yaml:1: erhvervshus: mangler",
        id="missing-house",
    ),
    pytest.param(
        "",
        "kontrakt.yaml:1: (fil): filen er tom; den skal have 'type: contract' eller "
        "'type: framework' og dens felter",
        id="empty-file",
    ),
    pytest.param(
        """\
        # kun en kommentar
        """,
        "kontrakt.yaml:1: (fil): filen er tom; den skal have 'type: contract' eller "
        "'type: framework' og dens felter",
        id="only-a-comment",
    ),
    pytest.param(
        """\
        - type: contract
        - erhvervshus: sjaelland
        """,
        "kontrakt.yaml:1: (fil): filen skal være en samling af felter ('type: contract', "
        "'year: 2022', ...), ikke en liste",
        id="list-instead-of-mapping",
    ),
    pytest.param(
        """\
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        """,
        "kontrakt.yaml:1: type: mangler; skal være en af: contract, framework",
        id="missing-type",
    ),
    pytest.param(
        """\
        type: kontrakt
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        """,
        "kontrakt.yaml:1: type: ukendt type 'kontrakt'; skal være en af: contract, framework",
        id="unknown-type",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        year: 2023
        """,
        "kontrakt.yaml:5: year: står to gange; første gang i linje 4",
        id="key-written-twice",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: count
                value: 1680
                h1_share: 0
        """,
        "kontrakt.yaml:14: goals[0].targets[0].h1_share: skal være større end 0 (fik 0)",
        id="h1-share-zero",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8A
                text: 1.680 forløb
                kind: count
                value: 1680
        """,
        "kontrakt.yaml:10: goals[0].targets[0].key: skal være en målnøgle som '8a', '3a.drift' "
        "eller '8c.handlingsplaner' (fik '8A')",
        id="target-key-in-capitals",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: count
                value: 1680
                per_kommune: måske
        """,
        "kontrakt.yaml:14: goals[0].targets[0].per_kommune: skal være true eller false "
        "(fik 'måske')",
        id="per-kommune-not-a-boolean",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: count
                value: .nan
        """,
        "kontrakt.yaml:13: goals[0].targets[0].value: skal være et endeligt tal (fik nan)",
        id="value-not-a-number-at-all",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: ' '
            scope: local
        """,
        "kontrakt.yaml:7: goals[0].title: må ikke være tom",
        id="blank-goal-title",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        geography: []
        """,
        "kontrakt.yaml:5: geography: må ikke være en tom liste",
        id="empty-geography",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: count
                value: 1680
                parts: [8b, 8c]
              - key: 8b
                text: 880 korte forløb
                kind: count
                value: 880
              - key: 8c
                text: 700 lange forløb
                kind: count
                value: 700
        """,
        "advarsel: kontrakt.yaml:14: goals[0].targets[0].parts: delene 8b (880) + 8c (700) "
        "giver 1580, men målet er 1680",
        id="parts-not-adding-up",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 8
            title: Forløb
            scope: local
            targets:
              - key: 8a
                text: 1.680 forløb
                kind: count
                value: 1680
                parts:
                  - 8b
                  - 8x
              - key: 8b
                text: 1.680 korte forløb
                kind: count
                value: 1680
        """,
        "kontrakt.yaml:16: goals[0].targets[0].parts[1]: delmålet '8x' findes ikke i kontrakten",
        id="parts-naming-an-unknown-key",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 1
            title: Kendskab
            scope: local
            targets:
              - key: 1c
                text: Kendskabet måles i 2023
                kind: percentage
                value: 40
                measured: {periods: [FY], years: [2031]}
        """,
        "advarsel: kontrakt.yaml:14: goals[0].targets[0].measured.years[0]: måleåret 2031 "
        "ligger langt fra kontraktens år (forventet 2019–2025)",
        id="measured-year-implausible",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2022
        goals:
          - number: 1
            title: Kendskab
            scope: local
            targets:
              - key: 1c
                text: Kendskabet måles hvert halve år
                kind: percentage
                value: 40
                measured:
                  periods: [Q1]
        """,
        "kontrakt.yaml:15: goals[0].targets[0].measured.periods[0]: skal være en af: H1, FY "
        "(fik 'Q1')",
        id="unknown-period",
    ),
    pytest.param(
        """\
        type: framework
        id: 2021-2023
        title: Rammeaftale igen
        start_year: 2023
        end_year: 2021
        """,
        "kontrakt.yaml:5: end_year: slutåret 2021 ligger før startåret 2023",
        id="framework-ending-before-it-starts",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2023
        based_on: 2023
        """,
        "kontrakt.yaml:5: based_on: udkastet til 2023 kan kun bygge på en tidligere kontrakt "
        "(based_on er 2023)",
        id="draft-based-on-its-own-year",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2023
        changes:
          - {change: changed, goal: 8, target: 8a, reason: Flere midler}
        """,
        "kontrakt.yaml:6: changes[0]: en begrundelse gælder enten et mål (goal) eller et "
        "måltal (target)",
        id="reason-for-both-goal-and-target",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2023
        changes:
          - {change: moved, target: 8a, reason: Flere midler}
        """,
        "kontrakt.yaml:6: changes[0].change: skal være en af: added, removed, changed "
        "(fik 'moved')",
        id="reason-of-unknown-kind",
    ),
    pytest.param(
        """\
        type: contract
        erhvervshus: sjaelland
        kkr: sjaelland
        year: 2023
        based_on: 2021
        """,
        "advarsel: kontrakt.yaml:5: based_on: kontrakten for 2021, som den bygger på, findes "
        "ikke; ændringerne kan ikke kontrolleres",
        id="draft-whose-base-is-missing",
    ),
]


def issues_of(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "rammeaftale.yaml").write_text(FRAMEWORK, encoding="utf-8")
    (tmp_path / "kontrakt.yaml").write_text(dedent(text), encoding="utf-8")
    catalog = load_folder(tmp_path)
    return [
        ("advarsel: " if issue.severity == "advarsel" else "") + str(issue)
        for issue in catalog.issues
        if issue.file == "kontrakt.yaml"
    ]


def test_there_are_at_least_thirty_broken_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_broken_file_gives_one_issue_with_its_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    assert issues_of(tmp_path, text) == [expected]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_framework_beside_a_broken_file_still_loads(
    tmp_path: Path, text: str, expected: str
) -> None:
    issues_of(tmp_path, text)
    catalog = load_folder(tmp_path)
    assert "2021-2023" in catalog.frameworks
    assert [i for i in catalog.issues if i.file == "rammeaftale.yaml"] == []
