"""Saving drafts in udkast/: no silent overwrite, who saved since, atomic, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from drafting_support import small_folder

from contracts.edits import Edits
from contracts.loader import load_folder
from db import Store
from db.audit import DRAFT_SAVED
from db.errors import Conflict, ValidationFailed
from services.drafting import build_draft, save_draft, start_draft
from services.drafts import read_draft


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = small_folder(tmp_path / "kontrakter")
    monkeypatch.setenv("CONTRACTS_DIR", str(root))
    return root


def draft_text(folder: Path, edits: Edits | None = None) -> str:
    catalog = load_folder(folder)
    start = start_draft(catalog, "sjaelland", 2023)
    return build_draft(catalog, start, edits or Edits()).text


def test_a_saved_draft_is_the_houses_udkast_and_loads_as_udkast(store: Store, folder: Path) -> None:
    saved = save_draft(
        store, load_folder(folder), draft_text(folder), expected_hash=None, user="anna"
    )
    assert saved.path == folder / "udkast" / "sjaelland-2023.yaml"
    catalog = load_folder(folder)
    assert catalog.issues == ()
    assert catalog.contract("sjaelland", 2023).status == "udkast"
    events = store.contract_events("sjaelland", 2023)
    assert list(events[["user", "action", "content_hash"]].itertuples(index=False, name=None)) == [
        ("anna", DRAFT_SAVED, saved.content_hash)
    ]
    assert [p.name for p in saved.path.parent.iterdir() if p.suffix == ".yaml"] == [
        "sjaelland-2023.yaml"
    ]


def test_a_second_save_from_a_stale_read_is_a_conflict_naming_who_saved_since(
    sqlite_store: Store, folder: Path
) -> None:
    save_draft(
        sqlite_store, load_folder(folder), draft_text(folder), expected_hash=None, user="anna"
    )
    read_by_bent = read_draft(sqlite_store, "sjaelland", 2023)
    read_by_carl = read_draft(sqlite_store, "sjaelland", 2023)
    assert read_by_bent.saved_by == "anna"
    bent = draft_text(folder, Edits(values={"8a": 1700}, reasons={("target", "8a"): "Flere."}))
    save_draft(
        sqlite_store,
        load_folder(folder),
        bent,
        expected_hash=read_by_bent.content_hash,
        user="bent",
    )
    carl = draft_text(folder, Edits(values={"8a": 1600}, reasons={("target", "8a"): "Færre."}))
    with pytest.raises(Conflict) as raised:
        save_draft(
            sqlite_store,
            load_folder(folder),
            carl,
            expected_hash=read_by_carl.content_hash,
            user="carl",
        )
    message = str(raised.value)
    assert message.startswith("Udkastet til Erhvervshus Sjælland 2023 er gemt af bent ")
    assert message.endswith(
        ", efter du hentede det. Hent udkastet igen og gentag dine ændringer; intet er overskrevet."
    )
    assert "value: 1700" in (folder / "udkast" / "sjaelland-2023.yaml").read_text()


def test_a_fresh_draft_over_a_saved_one_is_refused(sqlite_store: Store, folder: Path) -> None:
    save_draft(
        sqlite_store, load_folder(folder), draft_text(folder), expected_hash=None, user="anna"
    )
    with pytest.raises(Conflict, match="Der er allerede et udkast til Erhvervshus Sjælland 2023"):
        save_draft(
            sqlite_store, load_folder(folder), draft_text(folder), expected_hash=None, user="bent"
        )


def test_a_file_changed_by_hand_since_the_read_is_a_conflict(
    sqlite_store: Store, folder: Path
) -> None:
    saved = save_draft(
        sqlite_store, load_folder(folder), draft_text(folder), expected_hash=None, user="anna"
    )
    saved.path.write_text(saved.text.replace("status: udkast", "status: udkast\n# rettet"))
    with pytest.raises(Conflict, match=r"er ændret i filen sjaelland-2023\.yaml"):
        save_draft(
            sqlite_store,
            load_folder(folder),
            saved.text,
            expected_hash=saved.content_hash,
            user="anna",
        )


def test_a_change_without_a_reason_is_refused_and_nothing_is_written(
    sqlite_store: Store, folder: Path
) -> None:
    text = draft_text(folder, Edits(values={"8a": 1750}))
    with pytest.raises(ValidationFailed) as raised:
        save_draft(sqlite_store, load_folder(folder), text, expected_hash=None, user="anna")
    assert str(raised.value) == (
        "Udkastet kan ikke gemmes, før disse fejl er rettet:\n"
        "changes: måltallet 8a er ændret (måltal) og mangler en begrundelse"
    )
    assert not (folder / "udkast").exists() or not list((folder / "udkast").glob("*.yaml"))
    assert sqlite_store.contract_events().empty
