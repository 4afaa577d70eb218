"""The store as its operator handles it: upgrade, backup and restore (``python cli.py db``;
docs/shared-installation.md).

Each returns the Danish line to print. A restore replaces everything in the target store, so
it refuses a store that already holds values or history unless the caller says ``replace``.
"""

from __future__ import annotations

from pathlib import Path

from db import Store
from db.engine import safe_url
from db.errors import UserError


def _counts(store: Store) -> str:
    values, trail, rounds = len(store.values()), len(store.audit()), len(store.rounds())
    return f"{values} værdier, {trail} hændelser i revisionssporet, {rounds} indberetninger"


def upgrade_store(url: str | None = None) -> str:
    """Bring the store at ``url`` (default ``DATABASE_URL``) to the newest schema."""
    store = Store(url)
    try:
        revision = store.upgrade()
    finally:
        store.dispose()
    return f"Databasen er opdateret ({safe_url(store.url)}, version {revision})."


def backup_store(target: Path, url: str | None = None) -> str:
    store = Store(url)
    try:
        store.upgrade()
        store.backup(target)
        return f"Sikkerhedskopi af {safe_url(store.url)} gemt i {target} ({_counts(store)})."
    finally:
        store.dispose()


def restore_store(source: Path, url: str | None = None, *, replace: bool = False) -> str:
    if not source.is_file():
        raise UserError(f"Sikkerhedskopien {source} findes ikke.")
    store = Store(url)
    try:
        store.upgrade()
        if not replace and (store.has_any_values() or len(store.audit())):
            raise UserError(
                f"Databasen {safe_url(store.url)} indeholder allerede data. Brug --replace for "
                "at erstatte alt i den med sikkerhedskopien."
            )
        store.restore(source)
        return f"Databasen {safe_url(store.url)} er genskabt fra {source} ({_counts(store)})."
    finally:
        store.dispose()
