"""KKR's approval: the draft becomes the year's godkendt contract, audited; values whose
targets the approved contract no longer has are kept and listed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from drafting_support import small_folder

from contracts.edits import Edits
from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from db.audit import CONTRACT_APPROVED
from db.errors import Conflict, NotFound, ValidationFailed
from services.approval import approve_draft
from services.drafting import build_draft, save_draft, start_draft


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = small_folder(tmp_path / "kontrakter")
    monkeypatch.setenv("CONTRACTS_DIR", str(root))
    return root


def save_2023_without_goal_16(store: Store, folder: Path) -> None:
    catalog = load_folder(folder)
    edits = Edits(removed_goals=frozenset({"16"}), reasons={("goal", "16"): "Indgår i mål 8."})
    text = build_draft(catalog, start_draft(catalog, "sjaelland", 2023), edits).text
    save_draft(store, catalog, text, expected_hash=None, user="anna")


def test_approval_turns_the_draft_godkendt_and_lists_orphaned_values(
    store: Store, folder: Path
) -> None:
    save_2023_without_goal_16(store, folder)
    store.save(
        [
            ValueRow(ValueKey("sjaelland", 2023, "H1", "16a"), value=1),
            ValueRow(ValueKey("sjaelland", 2023, "H1", "8a"), value=830),
        ],
        user="bent",
    )
    approval = approve_draft(
        store,
        "sjaelland",
        2023,
        approved=dt.date(2022, 10, 12),
        meeting="KKR Sjælland",
        user="carl",
    )
    assert [o.describe(2023) for o in approval.orphans] == ["16a, 1. halvår 2023: 1 værdi"]
    assert approval.path == folder / "sjaelland-2023.yaml"
    assert not (folder / "udkast" / "sjaelland-2023.yaml").exists()
    catalog = load_folder(folder)
    assert catalog.issues == ()
    contract = catalog.contract("sjaelland", 2023)
    assert (contract.status, contract.approved, contract.approval_meeting, contract.based_on) == (
        "godkendt",
        dt.date(2022, 10, 12),
        "KKR Sjælland",
        2022,
    )
    assert [(c.change, c.goal) for c in contract.changes] == [("removed", "16")]
    kept = store.values("sjaelland", 2023)
    assert sorted(kept["target"]) == ["16a", "8a"]
    event = store.contract_events("sjaelland", 2023).iloc[0]
    assert (event["user"], event["action"]) == ("carl", CONTRACT_APPROVED)
    assert event["detail"] == {
        "dato": "2022-10-12",
        "fil": "sjaelland-2023.yaml",
        "møde": "KKR Sjælland",
        "udkast": event["detail"]["udkast"],
        "værdier_uden_måltal": [{"antal": 1, "demo": False, "måltal": "16a", "periode": "H1"}],
    }
    assert json.dumps(event["detail"], ensure_ascii=False)


def test_approval_is_refused_without_a_draft_a_meeting_or_over_a_godkendt_contract(
    sqlite_store: Store, folder: Path
) -> None:
    day = dt.date(2022, 10, 12)
    with pytest.raises(NotFound, match="Der er intet udkast til Erhvervshus Sjælland 2023"):
        approve_draft(sqlite_store, "sjaelland", 2023, approved=day, meeting="KKR", user="c")
    save_2023_without_goal_16(sqlite_store, folder)
    with pytest.raises(ValidationFailed, match="Angiv KKR-mødet"):
        approve_draft(sqlite_store, "sjaelland", 2023, approved=day, meeting=" ", user="c")
    godkendt = (
        (folder / "udkast" / "sjaelland-2023.yaml")
        .read_text()
        .replace("status: udkast", "status: godkendt")
    )
    (folder / "sjaelland-2023-kkr.yaml").write_text(godkendt)
    with pytest.raises(Conflict) as raised:
        approve_draft(sqlite_store, "sjaelland", 2023, approved=day, meeting="KKR", user="c")
    assert str(raised.value) == (
        "Erhvervshus Sjælland 2023 har allerede en godkendt kontrakt; udkastet kan ikke "
        "godkendes oven i den."
    )
    assert (folder / "udkast" / "sjaelland-2023.yaml").exists()
