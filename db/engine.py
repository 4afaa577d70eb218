"""Which database, and how to connect: ``DATABASE_URL`` picks it, SQLite is the default.

SQLite gets WAL (readers never wait for the writer), a busy timeout, foreign keys, and
SQLAlchemy-controlled BEGIN so that a save can take the write lock up front
(``BEGIN IMMEDIATE``) instead of failing when it upgrades a read lock half way.

Every engine carries the fault translation of ``db/faults.py``: a database that is stopped,
read-only, full or locked too long is a Danish ``StoreUnavailable``, on any statement.

PostgreSQL may restart under a running app (docs/shared-installation.md): every pooled
connection is tested before use (``pool_pre_ping``), so connections the restart closed are
replaced, and a refused new connection is retried for about two seconds while the server
comes back.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from db import faults
from db.errors import UserError

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = REPO_ROOT / "data" / "resultatkontrakter.sqlite"
# Connection execution option asking for the write lock at BEGIN (SQLite only).
WRITE_LOCK_OPTION = "store_write_lock"
#: Seconds to wait for a PostgreSQL server that does not answer (a page must not hang).
CONNECT_TIMEOUT = 10
#: A refused PostgreSQL connection is retried this many seconds apart, for at most this long:
#: enough for a restart on the same machine, short enough that a server really down is
#: reported. A connection that timed out is not retried.
CONNECT_PAUSE = 0.4
CONNECT_RETRY_SECONDS = 2.0
URL_HINT = "Brug sqlite:///sti/til/fil.sqlite eller postgresql+psycopg://bruger@vært/database."


def default_database_url() -> str:
    """``DATABASE_URL`` if set, else the embedded SQLite file under ``data/`` (created here)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def safe_url(url: str) -> str:
    """The URL with any password masked, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create_store_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(parsed, connect_args={"timeout": faults.BUSY_TIMEOUT_SECONDS})
            _configure_sqlite(engine)
        else:
            timeout = (
                {} if "connect_timeout" in parsed.query else {"connect_timeout": CONNECT_TIMEOUT}
            )
            engine = create_engine(parsed, pool_pre_ping=True, connect_args=timeout)
            _retry_refused_connect(engine)
    except NoSuchModuleError as exc:
        raise UserError(
            f"Ugyldig database-URL ({safe_url(url)}): ukendt databasetype. {URL_HINT}"
        ) from exc
    except (ArgumentError, ImportError) as exc:
        raise UserError(f"Ugyldig database-URL ({safe_url(url)}). {URL_HINT}") from exc
    faults.install(engine)
    return engine


def _retry_refused_connect(engine: Engine) -> None:
    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        deadline = time.monotonic() + CONNECT_RETRY_SECONDS
        while True:
            tried = time.monotonic()
            try:
                return dialect.connect(*cargs, **cparams)
            except dialect.loaded_dbapi.OperationalError:
                slow = time.monotonic() - tried > CONNECT_PAUSE  # timed out: not a restart
                if slow or time.monotonic() + CONNECT_PAUSE > deadline:
                    raise
                time.sleep(CONNECT_PAUSE)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy (pysqlite's legacy mode defers BEGIN).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(faults.BUSY_TIMEOUT_SECONDS * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(WRITE_LOCK_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
