"""Cached access for the pages: the contract catalog, and the session through which a page
reads and writes the store (``services/session.py``; one store per process)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from contracts.loader import Catalog, contracts_dir, load_folder
from services.cache import PageReads
from services.catalog import with_demo
from services.errors import UserError
from services.session import Session, database_url
from ui import auth, script_run
from ui.contract_view import md


def _folder_signature(folder: Path) -> tuple[tuple[str, int], ...]:
    """Names and modification times: a changed or new file gives a new cache key."""
    if not folder.is_dir():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*.yaml")))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, signature: tuple[tuple[str, int], ...]) -> Catalog:
    return load_folder(Path(folder))


def catalog() -> Catalog:
    """The contracts folder (``CONTRACTS_DIR``) loaded and validated, cached while unchanged."""
    folder = contracts_dir()
    return _load(str(folder), _folder_signature(folder))


@st.cache_resource(show_spinner=False, max_entries=2)
def _opened(url: str) -> Session:
    return Session.open(url)


#: The person's session of the current run: ``app.py`` and its page ask once (a script run
#: stays in one thread; ``begin_run`` clears it at the start of each run).
_this_run = threading.local()


def begin_run() -> None:
    """Forget the previous run's person: the next ``session()`` reads the cookie again."""
    _this_run.session = None


def session() -> Session:
    """The store at ``DATABASE_URL`` (or the embedded default), migrated once per process, used
    by the person at the screen: the one logged in, else the public (``ui/auth.py``), looked
    up once per run.

    A database that cannot be reached stops the page with the store's Danish message."""
    try:
        opened = _opened(database_url())
        found: Session | None = getattr(_this_run, "session", None)
        if found is not None and getattr(_this_run, "opened", None) is opened:
            return found
        found = auth.person(opened)
    except UserError as exc:
        st.error(str(exc))
        st.stop()
    _this_run.session, _this_run.opened = found, opened
    return found


@contextmanager
def user_errors_shown() -> Iterator[None]:
    """A page's ``UserError`` that no widget caught, shown as its Danish ``st.error``.

    This is how a database fault in the middle of a page (PostgreSQL stopped, a disk full)
    reaches the user: one message, never a traceback. The next run of the page tries again."""
    try:
        yield
    except UserError as exc:
        st.error("\n".join([md(str(exc).splitlines()[0]), *(f"- {md(p)}" for p in exc.problems)]))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_with_demo(folder: str, signature: tuple[tuple[str, int], ...]) -> Catalog:
    return with_demo(_load(folder, signature))


def review_catalog(session: Session) -> Catalog:
    """The catalog plus demo contracts for the house-years that only the demo data covers;
    drafts only for those who may read their house's internal data (docs/login.md). Whether
    the store holds demo values is asked once per state of the store (``reads``)."""
    if reads(session).get("has_demo_values", session.has_demo_values):
        folder = contracts_dir()
        found = _load_with_demo(str(folder), _folder_signature(folder))
    else:
        found = catalog()
    return session.visible_catalog(found)


def reads(session: Session) -> PageReads:
    """The page run's reads shared between sessions (``ui/page_reads.py``), keyed by the
    store's data version and the contracts folder as they were at the run's first ask (one
    read of the versions per run, however many parts of the page ask)."""

    def read() -> PageReads:
        folder = contracts_dir()
        return PageReads(session, context=(str(folder), _folder_signature(folder)))

    return script_run.once(f"reads:{id(session)}", read)


def read_again(session: Session) -> None:
    """The store changed during this run (a save): the next ``reads`` reads its versions anew."""
    script_run.forget(f"reads:{id(session)}")
