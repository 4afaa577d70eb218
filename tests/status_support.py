"""A small contract folder and store shared by the status and round tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import Store

CONTRACT_YAML = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
goals:
  - number: 8
    title: Forløb
    scope: local
    targets:
      - {key: 8a, text: Forløb i alt., kind: count, value: 1680, unit: forløb}
      - {key: 12a, text: Nye kunder., kind: percentage, value: 50, unit: "%"}
  - number: 2
    title: Spredning
    scope: national
    framework_goal: 2
    targets:
      - {key: 2a, text: Geografisk spredning., kind: assessment}
      - key: 3a
        text: Tilfredshed.
        kind: percentage
        value: 80
        measured: {periods: [FY]}
"""


def contract_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """CONTRACTS_DIR with Sjælland 2022 as above, DATABASE_URL a fresh upgraded SQLite store."""
    folder = tmp_path / "kontrakter"
    folder.mkdir()
    (folder / "sjaelland-2022.yaml").write_text(CONTRACT_YAML, encoding="utf-8")
    monkeypatch.setenv("CONTRACTS_DIR", str(folder))
    url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    created = Store(url)
    created.upgrade()
    return created
