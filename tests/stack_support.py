"""Helpers for the tests of the shared installation (tests/test_shared_stack.py).

The stack is ``deploy.stack.Stack``: a throw-away PostgreSQL, two app instances and nginx.
Browsers are simulated with ``bench/streamlit_client.py`` (Streamlit's websocket protocol).
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import urllib.request
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from streamlit_client import (  # noqa: E402
    Element,
    Rerun,
    Session,
    administrator_login,
    press,
    route_cookie,
    served_by,
    set_open,
    type_text,
)

__all__ = [
    "LOGINS",
    "Rerun",
    "Session",
    "administrator_login",
    "open_page",
    "problems",
    "route_to",
    "run_async",
    "save_count",
    "shown_value",
    "visit",
]


def stack_unavailable(reason: str) -> None:
    """Skip with a visible reason, or fail where PostgreSQL is required (CI installs nginx
    beside it, so the whole stack is required there too)."""
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(f"Den delte installation er påkrævet (REQUIRE_POSTGRES=1), men: {reason}")
    pytest.skip(f"Den delte installation kan ikke startes her: {reason}")


def visit(url: str, route: str = "") -> tuple[str, str]:
    """What a browser's request with the cookie ``route`` ("": none) meets: the instance that
    answered and the route cookie nginx sets."""
    headers = {"Cookie": f"rk_route={route}"} if route else {}
    request = urllib.request.Request(f"{url}/_stcore/health", headers=headers)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=10) as response:
        served = served_by(str(response.headers.get("X-Upstream", "")))
        return served, route_cookie(response.headers.get_all("Set-Cookie") or [])


def route_to(url: str, instance_port: int) -> str:
    """The route cookie nginx gives a browser it sends to the instance on ``instance_port``.

    Tried for up to 30 s: after an instance came back, nginx waits out its fail_timeout
    before sending browsers to it again."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for _ in range(20):
            served, route = visit(url)
            if served == f"127.0.0.1:{instance_port}" and route:
                return route
        time.sleep(0.5)
    raise AssertionError(f"no new browser reached port {instance_port}")


def run_async(scenario: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a simulated browser's scenario in a thread of its own: in a full run the browser
    tests' Playwright keeps an event loop running in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(scenario())).result()


def problems(result: Rerun) -> list[str]:
    """What a person would see as an error: an exception or an error box."""
    return result.exceptions + [text for kind, text in result.alerts if kind == "ERROR"]


#: The login token each stack's clients carry (an administrator's: they enter values).
LOGINS: dict[str, str] = {}


async def open_page(url: str, route: str, page: str, query: str = "") -> tuple[Session, Rerun]:
    """A new tab on ``page``; on Indberetning with every goal's panel opened."""
    session = Session(url, route, LOGINS.get(url, ""))
    await session.open()
    result = await session.rerun(page, query, tables=True)
    if result.panels():
        opened = [set_open(p.id, True) for p in result.panels()]
        result = await session.rerun(page, "", opened, tables=True)
    return session, result


def _first_count(result: Rerun) -> tuple[str, Element]:
    """The target key and input of the first plain count ("Antal …") on Indberetning."""
    counts = result.count_inputs()
    assert counts, f"no input of a count: {result.alerts}"
    return counts[0]


def shown_value(result: Rerun) -> tuple[str, str]:
    """(target, the text shown in its input) of the first plain count on Indberetning."""
    target, element = _first_count(result)
    return target, element.value


async def save_count(session: Session, page: Rerun, value: int) -> Rerun:
    """Type ``value`` into the first plain count of the open Indberetning page and press Gem."""
    _, element = _first_count(page)
    button = page.widget("button", label="Gem")
    assert button is not None
    widgets = [type_text(element.id, str(value)), press(button.id)]
    result = await session.rerun("indberetning", "", widgets, tables=True)
    assert any(kind == "SUCCESS" and text.startswith("Gemt") for kind, text in result.alerts), (
        result.alerts
    )
    return result
