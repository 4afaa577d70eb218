"""Database faults → one Danish ``StoreUnavailable``, for the first connection and every
statement, commit and migration alike (see docs/import-format.md, "When the database fails").

``install(engine)`` hooks SQLAlchemy's ``handle_error`` event, which fires for every error the
driver raises on that engine: while connecting, executing, committing or rolling back. The
driver's error is classified by its code (``sqlite_errorname`` on SQLite, ``sqlstate`` on
PostgreSQL), never by its English text, and replaced by a message that names what happened
and what to do, without the driver's text, file paths or addresses.

A connection that may be stale after the fault (the server went away, the file turned
read-only or failed on disk) is marked as disconnected, so SQLAlchemy drops the pool and the
next attempt opens a fresh connection: once the database is back, the app carries on without
a restart. Errors a caller handles itself (unique violations → ``Conflict`` in
``db/writes.py``) and programming errors are left alone.
"""

from __future__ import annotations

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from db.errors import StoreUnavailable

#: How long a writer waits for another writer's lock before giving up (SQLite).
BUSY_TIMEOUT_SECONDS = 5.0

AFTERWARDS = (
    "Intet er ændret. Prøv igen om lidt; varer det ved, så kontakt den, der driver systemet."
)

MESSAGES: dict[str, str] = {
    "unreachable": "Databasen kan ikke nås: serveren svarer ikke, eller forbindelsen blev afbrudt.",
    "cannot_open": (
        "Databasen kan ikke åbnes: databasefilen eller dens mappe findes ikke, er "
        "skrivebeskyttet, eller programmet må ikke bruge den."
    ),
    "refused": (
        "Databasen afviste forbindelsen: bruger, adgangskode eller databasens navn passer ikke."
    ),
    "read_only": "Databasen kan ikke skrives: den er skrivebeskyttet.",
    "full": "Databasen kan ikke skrives: der er ikke mere plads på disken.",
    "busy": "Databasen er optaget: en anden ændring har holdt den låst for længe.",
    "broken": "Databasen kan ikke læses eller skrives: disken eller databasefilen meldte en fejl.",
    "other": "Databasen meldte en fejl, og handlingen blev afbrudt.",
}

#: Kinds after which the connection is not to be trusted: the pool is dropped.
RECONNECT = frozenset({"unreachable", "cannot_open", "read_only", "broken"})

_SQLITE_KINDS: tuple[tuple[str, str], ...] = (
    ("SQLITE_READONLY", "read_only"),
    ("SQLITE_PERM", "read_only"),
    ("SQLITE_FULL", "full"),
    ("SQLITE_BUSY", "busy"),
    ("SQLITE_LOCKED", "busy"),
    ("SQLITE_IOERR", "broken"),
    ("SQLITE_CORRUPT", "broken"),
    ("SQLITE_NOTADB", "broken"),
    ("SQLITE_CANTOPEN", "cannot_open"),
)
_POSTGRES_KINDS: tuple[tuple[str, str], ...] = (
    ("08", "unreachable"),  # connection exception
    ("57P", "unreachable"),  # admin or crash shutdown, cannot connect now
    ("53100", "full"),  # disk full
    ("53", "other"),  # out of memory, too many connections
    ("55P03", "busy"),  # lock not available
    ("40P01", "busy"),  # deadlock detected
    ("57014", "busy"),  # statement or lock timeout
    ("25006", "read_only"),  # read-only transaction (a standby, or set read-only)
    ("28", "refused"),  # invalid authorisation
    ("3D000", "refused"),  # no such database
    ("58", "broken"),  # system error (I/O)
    ("XX", "broken"),  # internal error, data corrupted
)
#: The DBAPI's standard error classes: a fault of the database (True) or of the caller.
_STANDARD_CLASSES: dict[str, bool] = {
    "IntegrityError": False,
    "ProgrammingError": False,
    "DataError": False,
    "NotSupportedError": False,
    "OperationalError": True,
    "InterfaceError": True,
    "InternalError": True,
    "DatabaseError": True,
}


def install(engine: Engine) -> None:
    event.listen(engine, "handle_error", _translate)


def kind_of(error: BaseException, *, disconnected: bool = False) -> str | None:
    """What the driver's ``error`` means for a user, or None when it is not a fault."""
    if not _is_fault(error):
        return None
    name = getattr(error, "sqlite_errorname", None)
    if isinstance(name, str):
        return _lookup(_SQLITE_KINDS, name) or "other"
    if disconnected:
        return "unreachable"
    state = getattr(error, "sqlstate", None)
    if isinstance(state, str):
        return _lookup(_POSTGRES_KINDS, state) or "other"
    if hasattr(error, "sqlstate"):  # a PostgreSQL error without a state: no server answered
        return "unreachable"
    return "other"


def unavailable(kind: str) -> StoreUnavailable:
    return StoreUnavailable(f"{MESSAGES[kind]} {AFTERWARDS}", kind)


def _translate(context: ExceptionContext) -> StoreUnavailable | None:
    if context.is_pre_ping:
        return None  # SQLAlchemy reconnects on its own after a failed ping
    kind = kind_of(context.original_exception, disconnected=context.is_disconnect)
    if kind is None:
        return None
    if kind in RECONNECT:
        context.is_disconnect = True
    return unavailable(kind)


def _lookup(table: tuple[tuple[str, str], ...], code: str) -> str | None:
    return next((kind for prefix, kind in table if code.startswith(prefix)), None)


def _is_fault(error: BaseException) -> bool:
    """By the nearest standard DBAPI class (psycopg's ``DiskFull`` is an OperationalError)."""
    for cls in type(error).__mro__:
        if cls.__name__ in _STANDARD_CLASSES:
            return _STANDARD_CLASSES[cls.__name__]
    return False
