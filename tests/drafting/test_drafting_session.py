"""A draft saved and approved through the session is recorded with the session's actor
(docs/architecture.md, "The service seam")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from drafting_support import small_folder

from contracts.edits import Edits
from db import Store
from db.audit import CONTRACT_APPROVED, DRAFT_SAVED
from services.drafting import build_draft, start_draft
from services.permissions import Principal
from services.session import Session


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = small_folder(tmp_path / "kontrakter")
    monkeypatch.setenv("CONTRACTS_DIR", str(root))
    return root


def test_a_draft_is_saved_and_approved_in_the_name_of_each_sessions_actor(
    sqlite_store: Store, folder: Path
) -> None:
    anna = Session(sqlite_store, Principal("anna", "erhvervshus", house="sjaelland"))
    catalog = anna.catalog()
    text = build_draft(catalog, start_draft(catalog, "sjaelland", 2023), Edits()).text
    saved = anna.save_draft(catalog, text, expected_hash=None)
    assert anna.read_draft("sjaelland", 2023).saved_by == "anna"
    kkr = anna.as_principal(Principal("kkr-sekretariatet", "kkr", kkr="sjaelland"))
    approval = kkr.approve_draft(
        "sjaelland", 2023, approved=dt.date(2022, 10, 12), meeting="KKR Sjælland"
    )
    assert approval.path == folder / "sjaelland-2023.yaml"
    events = kkr.contract_events("sjaelland", 2023)
    assert sorted(zip(events["user"], events["action"], strict=True)) == sorted(
        [("anna", DRAFT_SAVED), ("kkr-sekretariatet", CONTRACT_APPROVED)]
    )
    assert saved.content_hash in set(events["content_hash"])
