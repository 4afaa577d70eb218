"""A database that fails while the app runs is one Danish message on the page, never a
traceback, and the page works again on its next run once the database is back.

The fault is the driver's own error class with SQLite's code for a disk I/O error, raised
where the driver executes a statement: the store's translation (``db/faults.py``) sees exactly
what a failing disk gives it. Real faults are tests/test_store_faults.py's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pages_support import open_app
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from streamlit.testing.v1 import AppTest

from db import Store, ValueKey, ValueRow

BROKEN = (
    "Databasen kan ikke læses eller skrives: disken eller databasefilen meldte en fejl. Intet er "
    "ændret. Prøv igen om lidt; varer det ved, så kontakt den, der driver systemet."
)
TRACEBACK_WORDS = ("Traceback", "OperationalError", "sqlite", ".py")


def failing_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: Any, **_kwargs: Any) -> None:
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorname = "SQLITE_IOERR_READ"  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(SQLiteDialect_pysqlite, "do_execute", fail)
    monkeypatch.setattr(SQLiteDialect_pysqlite, "do_execute_no_params", fail)


def shown_text(at: AppTest) -> str:
    texts = [*at.error.values, *at.markdown.values, *at.caption.values, *at.title.values]
    return "\n".join(str(text) for text in texts)


@pytest.mark.usefixtures("contracts_folder")
@pytest.mark.parametrize(
    ("page", "params"),
    [
        (None, {"hus": "sjaelland", "aar": "2022"}),
        ("app_pages/indberetning.py", {"hus": "sjaelland", "aar": "2022", "periode": "H1"}),
    ],
    ids=["overblik", "indberetning"],
)
def test_a_failing_disk_mid_session_is_one_danish_error_and_the_page_recovers(
    monkeypatch: pytest.MonkeyPatch, page: str | None, params: dict[str, str]
) -> None:
    at = open_app(page)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception and not at.error

    with monkeypatch.context() as patch:
        failing_disk(patch)
        at.run()
        assert not at.exception
        assert at.error.values == [BROKEN]
        assert not any(word in shown_text(at) for word in TRACEBACK_WORDS)

    at.run()
    assert not at.exception and not at.error


@pytest.mark.usefixtures("contracts_folder")
def test_indberetning_shows_and_exports_a_comment_stored_with_a_control_character(
    database_url: str,
) -> None:
    # Saved before the door refused control characters: the page and its downloads still work.
    store = Store(database_url)
    store.upgrade()
    key = ValueKey("sjaelland", 2022, "H1", "8a")
    store.save([ValueRow(key, value=1680, comment="Linje et\x0bLinje to\x07")], user="anne")
    store.dispose()
    at = open_app("app_pages/indberetning.py")
    for name, value in {"hus": "sjaelland", "aar": "2022", "periode": "H1"}.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception and not at.error
    assert len(at.get("download_button")) == 4


def test_the_config_keeps_tracebacks_from_the_browser_and_listens_on_loopback(
    root: Path,
) -> None:
    import tomllib

    from services.values_io.limits import MAX_FILE_MB

    config = tomllib.loads((root / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["maxUploadSize"] == MAX_FILE_MB
