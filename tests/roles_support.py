"""Contracts and rounds shared by the roles tests: Sjælland (the own house) and Fyn."""

from __future__ import annotations

from pathlib import Path

import pytest
from drafting.drafting_support import SJAELLAND_2022, small_folder

from db import Store, ValueKey, ValueRow

OWN, OTHER = "sjaelland", "fyn"
HEADER = (
    "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,"
    "kritikere,kommentar"
)


@pytest.fixture(autouse=True)
def roles_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """CONTRACTS_DIR with Sjælland 2022 and the same contract for Fyn (autouse: in every test
    of a module that imports it)."""
    root = small_folder(tmp_path / "kontrakter")
    fyn = SJAELLAND_2022.replace("erhvervshus: sjaelland", "erhvervshus: fyn")
    (root / "fyn-2022.yaml").write_text(fyn, encoding="utf-8")
    monkeypatch.setenv("CONTRACTS_DIR", str(root))
    return root


def seed(store: Store, house: str, period: str, status: str, *, demo: bool) -> None:
    """A round holding a comment on 12a (real or demo data), brought to ``status``."""
    row = ValueRow(ValueKey(house, 2022, period, "12a"), comment="Tælles først i efteråret.")
    store.save([row], user="forberedt", demo=demo)
    steps = {"åben": [], "indsendt": ["indsendt"], "godkendt": ["indsendt", "godkendt"]}
    for step in steps[status]:
        store.set_round_status(house, 2022, period, step, user="forberedt")
