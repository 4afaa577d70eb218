"""Drafts as files in the contracts folder's ``udkast/``, saved without silent overwrites,
and KKR's approval that turns a draft into the year's godkendt contract (docs/drafting.md).

A draft is read with the SHA-256 of its bytes; saving states that hash, and a file whose hash
has moved on since is a :class:`~db.errors.Conflict` naming who saved it and when (from the
store's contract events). The check and the write happen under a lock on the folder, and the
file is replaced atomically (written beside it, then renamed), so a reader never sees half a
file. Every save and every approval is recorded in the store's trail of contract events.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from contracts import danish
from contracts.loader import DRAFTS_SUBDIR, contracts_dir
from contracts.reference import house_name
from contracts.yaml_source import YamlProblem, parse
from db import Store
from db.audit import CONTRACT_APPROVED, DRAFT_SAVED

LOCK_NAME = ".laas"


@dataclass(frozen=True)
class DraftFile:
    """A saved draft as read: its text, the hash a later save must state, who saved it."""

    house: str
    year: int
    path: Path
    text: str
    content_hash: str
    saved_by: str | None = None
    saved_at: datetime | None = None


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def when(moment: datetime) -> str:
    """``"3. december 2026 kl. 10.14"`` in Danish time (the store keeps UTC)."""
    return danish.date_time(moment)


def drafts_dir(root: Path | None = None) -> Path:
    return (root or contracts_dir()) / DRAFTS_SUBDIR


def _document_of(path: Path) -> tuple[str, int] | None:
    """(house, year) of a contract file, or None for anything else."""
    try:
        data = parse(path.read_text(encoding="utf-8-sig")).data
    except (OSError, UnicodeDecodeError, YamlProblem):
        return None
    if not isinstance(data, dict) or data.get("type") != "contract":
        return None
    year = data.get("year")
    return (str(data.get("erhvervshus")), year) if isinstance(year, int) else None


def draft_path(house: str, year: int, root: Path | None = None) -> Path:
    """The draft's file: the one in ``udkast/`` for house and year, or where a new one goes."""
    folder = drafts_dir(root)
    default = folder / f"{house}-{year}.yaml"
    if default.exists() or not folder.is_dir():
        return default
    for path in sorted(folder.glob("*.yaml")):
        if _document_of(path) == (house, year):
            return path
    return default


def _last_save(store: Store, house: str, year: int, digest: str) -> tuple[str, datetime] | None:
    events = store.contract_events(house, year)
    saved = events[(events["action"] == DRAFT_SAVED) & (events["content_hash"] == digest)]
    if saved.empty:
        return None
    row = saved.iloc[0]
    return str(row["user"]), row["at"].to_pydatetime()


def read_draft(store: Store, house: str, year: int, root: Path | None = None) -> DraftFile | None:
    path = draft_path(house, year, root)
    if not path.exists():
        return None
    data = path.read_bytes()
    digest = content_hash(data)
    saved = _last_save(store, house, year, digest)
    return DraftFile(
        house,
        year,
        path,
        data.decode("utf-8-sig"),
        digest,
        saved[0] if saved else None,
        saved[1] if saved else None,
    )


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """One writer at a time in ``folder`` (an advisory lock on a file beside the drafts)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / LOCK_NAME).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_atomically(path: Path, text: str) -> bytes:
    """Write ``text`` to ``path`` so a reader sees the old file or the new, never half."""
    data = text.encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return data


def conflict_message(
    store: Store, house: str, year: int, path: Path, *, expected_hash: str | None = None
) -> str:
    """Who changed the draft since it was read, in Danish."""
    name = f"Udkastet til {house_name(house)} {year}"
    again = "Hent udkastet igen og gentag dine ændringer; intet er overskrevet."
    if expected_hash is None and path.exists():
        saved = _last_save(store, house, year, content_hash(path.read_bytes()))
        by = f", gemt af {saved[0]} {when(saved[1])}" if saved else ""
        return (
            f"Der er allerede et udkast til {house_name(house)} {year}{by} "
            f"({DRAFTS_SUBDIR}/{path.name}); arbejd videre på det i stedet for at begynde forfra. "
            "Intet er overskrevet."
        )
    if not path.exists():
        events = store.contract_events(house, year)
        approved = events[events["action"] == CONTRACT_APPROVED]
        if not approved.empty:
            row = approved.iloc[0]
            return (
                f"{name} er godkendt af {row['user']} {when(row['at'].to_pydatetime())}, "
                f"efter du hentede det. {again}"
            )
        return f"{name} er fjernet fra {DRAFTS_SUBDIR}/, efter du hentede det. {again}"
    saved = _last_save(store, house, year, content_hash(path.read_bytes()))
    if saved is not None:
        return f"{name} er gemt af {saved[0]} {when(saved[1])}, efter du hentede det. {again}"
    changed = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return f"{name} er ændret i filen {path.name} {when(changed)}, efter du hentede det. {again}"
