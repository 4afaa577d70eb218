"""The framework and the small contract that the contract, command-line and page tests share:
one text each, so that a change to the contract format is made in one place. A test that
needs another contract writes its own, beside this framework.

The root ``conftest.py`` offers them as a folder: the ``contracts_folder`` fixture.
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

FRAMEWORK = """\
type: framework
id: 2021-2023
title: Aftale om rammerne for erhvervshuse 2021-2023
start_year: 2021
end_year: 2023
goals:
  - number: 1
    title: Virksomhedernes kendskab til erhvervshusene
  - number: 2
    title: Bred geografisk spredning
  - number: 8
    title: Forløb
"""

#: Erhvervshus Sjælland 2022, godkendt: one national goal (1a, measured in autumn 2021 only)
#: and one local goal (8a, per kommune).
CONTRACT = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
framework: 2021-2023
title: Resultatkontrakt 2022
approved: 2021-10-13
goals:
  - number: 1
    title: Kendskab
    scope: national
    framework_goal: 1
    targets:
      - key: 1a
        text: Kendskabet stiger med 5 procentpoint.
        kind: change_pp
        value: 5
        unit: procentpoint
        baseline: {value: 34, year: 2020, source: ERST kendskabsmåling}
        measured: {periods: [FY], years: [2021]}
        note: Målt i efteråret 2021.
  - number: 8
    title: Forløb
    scope: local
    targets:
      - key: 8a
        text: Erhvervshuset gennemfører 1.680 forløb.
        kind: count
        value: 1680
        unit: forløb
        per_kommune: true
"""


def write_files(folder: Path, files: dict[str, str]) -> Path:
    """Each text (dedented) at its path below ``folder``; the folder."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return folder
