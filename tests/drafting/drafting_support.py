"""Literal contracts for the drafting tests: a small Sjælland 2022 under 2021-2023, and the
2024-2027 framework, written as a drafter's folder would hold them."""

from __future__ import annotations

from pathlib import Path

from contract_texts import write_files

FRAMEWORK_2021 = """\
type: framework
id: 2021-2023
title: Aftale om rammerne for erhvervshuse 2021-2023
start_year: 2021
end_year: 2023
requirements: [spread_by_land, outreach]
goals:
  - number: 1
    title: Virksomhedernes kendskab til erhvervshusene
  - number: 2
    title: Bred geografisk spredning
"""

FRAMEWORK_2024 = """\
type: framework
id: 2024-2027
title: Aftale om rammerne for erhvervshuse 2024-2027
start_year: 2024
end_year: 2027
goals:
  - number: 1
    title: Iværksætteri (øget)
  - number: 2
    title: Virksomhedernes kendskab til Erhvervshusene (øget)
"""

SJAELLAND_2022 = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
title: Resultatkontrakt 2022 for Erhvervshus Sjælland
framework: 2021-2023
status: godkendt
approval_note: Godkendt af KKR Sjælland, sandsynligvis 13. oktober 2021 (udledt).
sources: [KKR Sjælland, bilag 2021]
goals:
  - number: "1"
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
        baseline: {value: 34, year: 2020}
        measured: {periods: [FY], years: [2021]}
      - key: 1c
        text: I 2023 skal kendskabsgraden være mindst 50 pct.
        kind: percentage
        value: 50
        unit: "%"
        measured: {periods: [FY], years: [2023]}
  - number: "2"
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
  - number: "8"
    title: Virksomhedsforløb
    scope: local
    method: Forløb tælles i CRM.
    data_source: CRM
    targets:
      - key: 8a
        text: Samlet set skal Erhvervshus Sjælland gennemføre 1.680 forløb i 2022.
        kind: count
        value: 1680
        unit: forløb
        per_kommune: true
      - key: 11f
        text: Sjællandsmodellen færdiggøres i 1. kvartal 2022.
        kind: milestone
        deadline: 2022-03-31
  - number: "12"
    title: Den opsøgende indsats
    scope: local
    method: Handlingsplaner tælles i CRM.
    data_source: CRM
    targets:
      - key: 12a
        text: 50 % af de handlingsplaner, der laves i 2022, er til nye kunder.
        kind: percentage
        value: 50
        unit: "%"
  - number: "16"
    title: Strategiske indsatser
    scope: local
    method: KKR-sekretariatet vurderer.
    data_source: KKR-sekretariatet
    targets:
      - key: 16a
        text: Målet er, at der i 2022 minimum laves én strategisk indsats.
        kind: count
        value: 1
        unit: indsatser
"""


def small_folder(folder: Path) -> Path:
    """Frameworks 2021-2023 and 2024-2027 and Sjælland 2022."""
    return write_files(
        folder,
        {
            "rammeaftaler/2021-2023.yaml": FRAMEWORK_2021,
            "rammeaftaler/2024-2027.yaml": FRAMEWORK_2024,
            "sjaelland-2022.yaml": SJAELLAND_2022,
        },
    )
