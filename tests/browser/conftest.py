"""Browser tests: the real app under ``streamlit run``, driven by Debian's Chromium.

``playwright install`` cannot download browsers here, so the launch uses
``/usr/bin/chromium`` with the flags below (software WebGL for the maps; docs/decisions.md).
Without that binary the tests are skipped with a reason; with ``REQUIRE_BROWSER=1`` (CI)
they fail instead, so a missing install step cannot hide behind a green run.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from db import Store, ValueKey, ValueRow
from services.auth import token_hash
from services.prepare import prepare

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_SECONDS = 30
#: The login every browser test's page starts with: an administrator (docs/login.md), added to
#: each test store by ``add_admin_login``. A test of logging in opens a context of its own.
ADMIN = "browsertest-admin"
ADMIN_TOKEN = secrets.token_urlsafe(32)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} findes ikke (apt-get install chromium)"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1, men {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Every page starts logged in as the administrator ``ADMIN`` (full access)."""
    cookie = {
        "name": "rk_session",
        "value": ADMIN_TOKEN,
        "domain": "127.0.0.1",
        "path": "/",
        "httpOnly": True,
        "sameSite": "Strict",
    }
    return {**browser_context_args, "storage_state": {"cookies": [cookie], "origins": []}}


def add_admin_login(store: Store) -> None:
    """The administrator ``ADMIN`` in ``store``, logged in with ``ADMIN_TOKEN``."""
    now = dt.datetime.now(dt.UTC)
    user = store.user(ADMIN) or store.add_user(
        name=ADMIN, role="admin", at=now, display_name="Browsertest Administrator"
    )
    store.add_login(user.id, token_hash(ADMIN_TOKEN), at=now)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's launch arguments, pointed at Debian's Chromium."""
    _require_chromium()
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


#: A few real-looking values of Erhvervshus Sjælland 2022, 1. halvår, for the review pages.
SEED: dict[str, float] = {"8a": 837, "8b": 405, "8c": 426, "11c": 21}
#: 8a per kommune, adding up to its total; Stevns (336) has none (the map's grey class).
SEED_KOMMUNER: dict[str, float] = {
    "253": 52,
    "259": 71,
    "265": 98,
    "269": 22,
    "306": 30,
    "316": 77,
    "320": 35,
    "326": 46,
    "329": 36,
    "330": 82,
    "336": 0,
    "340": 27,
    "350": 25,
    "360": 41,
    "370": 86,
    "376": 62,
    "390": 47,
}


def seed_values(url: str) -> None:
    """The store as `make run` leaves it (sources' results and demo), plus real values of
    Sjælland 2022 H1, entered after that round's demo data is removed (as a person would)."""
    store = Store(url)
    prepare(store, as_of=dt.date(2026, 11, 23))
    store.remove_demo("sjaelland", 2022, "H1", user="browsertest")
    rows = [ValueRow(ValueKey("sjaelland", 2022, "H1", key), value=v) for key, v in SEED.items()]
    rows += [
        ValueRow(ValueKey("sjaelland", 2022, "H1", "8a", code), value=v)
        for code, v in SEED_KOMMUNER.items()
    ]
    store.save(rows, user="browsertest")
    add_admin_login(store)
    store.dispose()


@contextmanager
def serve_app(
    database_url: str,
    folder: Path,
    extra_env: dict[str, str] | None = None,
    *,
    port: int | None = None,
    options: list[str] | None = None,
) -> Iterator[str]:
    """``streamlit run server.py`` (the app and its login routes) on a free local port over
    ``database_url`` (and ``extra_env``, e.g. a ``CONTRACTS_DIR`` of its own); stopped after."""
    port = port or _free_port()
    # A whole run of the suite may outlast the 60 minutes of idle time of ADMIN's login.
    idle = {"SESSION_IDLE_MINUTES": "480"}
    env = {**os.environ, "DATABASE_URL": database_url, **idle, **(extra_env or {})}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "server.py",
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        *(options or []),
    ]
    log_path = folder / f"streamlit-{port}.log"
    log = log_path.open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                output = log_path.read_text(errors="replace")
                pytest.fail(f"streamlit startede ikke på {url}:\n{output}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database file as the browser tests start from (see ``seed_values``)."""
    folder = tmp_path_factory.mktemp("db")
    database_url = f"sqlite:///{folder / 'app.sqlite'}"
    seed_values(database_url)
    return database_url


@pytest.fixture(scope="session")
def app_url(seeded_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served on a free local port with a fresh database; stopped after the session."""
    _require_chromium()
    with serve_app(seeded_database, tmp_path_factory.mktemp("app")) as url:
        yield url


@pytest.fixture
def fresh_server() -> Any:
    """``serve_app`` for a test that needs a server of its own (a fresh server's first visit)."""
    _require_chromium()
    return serve_app
