"""Server-side render time of each page, with ``streamlit.testing.v1.AppTest``.

Each timed run is a new session (a visitor opening a link) on a warm process: the caches
(``st.cache_resource``: the catalog and the store; ``services.cache.SHARED``: the page reads
shared between sessions; ``contracts.loader``'s contract files kept by content) are kept
between runs. One cold run per page is timed first (wall clock and CPU), right after every
cache is cleared, so every contract file is parsed again. Then N warm runs, and N runs each
right after a write in the chosen house by another instance (a new data version of the
house, ``db/generation.py``: the shared reads of that house are computed again, the catalog
and the store stay cached).

Two times are taken of each run:

- the server's time: the script runs (every run a request makes, a ``st.switch_page`` too)
  and the serialisation of every message they send, which is what a Streamlit server does
  for a rerun before the bytes go out. The aim is judged on it.
- ``AppTest.run`` as a whole: the server's time plus the harness, which waits for the script
  thread by polling and then reads every message back into an element tree, work a server
  never does. On a page of ~170 elements the harness is more than half of it.
"""

from __future__ import annotations

import logging
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.testing.v1 import AppTest, local_script_runner
from streamlit.testing.v1.element_tree import ElementTree

from contracts.loader import forget_reads
from db import Store
from db.writes import write_session
from services.cache import SHARED

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class PageCase:
    title: str
    script: str  # relative to the project root
    aim_ms: float


@dataclass(frozen=True)
class PageTiming:
    case: PageCase
    routed: bool  # run through app.py's navigation, or the page file on its own
    cold_ms: float  # the server's time (see the module's docstring)
    cold_cpu_ms: float  # the script thread's CPU
    median_ms: float
    p95_ms: float
    cpu_median_ms: float
    after_write_ms: float  # median of runs right after a write in the house
    harness_median_ms: float  # AppTest.run as a whole, warm
    harness_cold_ms: float

    @property
    def met(self) -> bool:
        return self.median_ms <= self.case.aim_ms


@dataclass
class ServerClock:
    """What the server spent on the runs since ``reset``: wall clock and the script thread's
    CPU of the script runs, and the wall clock of serialising their messages."""

    script_ms: float = 0.0
    script_cpu_ms: float = 0.0
    serialise_ms: float = 0.0

    def reset(self) -> None:
        self.script_ms = self.script_cpu_ms = self.serialise_ms = 0.0

    @property
    def server_ms(self) -> float:
        return self.script_ms + self.serialise_ms


CLOCK = ServerClock()
_run_script = ScriptRunner._run_script
_parse_tree = local_script_runner.parse_tree_from_messages


def _timed_run_script(runner: ScriptRunner, rerun_data: RerunData) -> None:
    start, start_cpu = time.perf_counter(), time.thread_time()
    try:
        _run_script(runner, rerun_data)
    finally:
        CLOCK.script_ms += (time.perf_counter() - start) * 1000
        CLOCK.script_cpu_ms += (time.thread_time() - start_cpu) * 1000


def _serialised_then_parsed(messages: list[ForwardMsg]) -> ElementTree:
    start = time.perf_counter()
    for message in messages:
        message.SerializeToString()
    CLOCK.serialise_ms += (time.perf_counter() - start) * 1000
    return _parse_tree(messages)


def clock_the_server() -> None:
    """Time AppTest's script runs and serialise their messages as a server does (only
    AppTest's runner class is touched; this process runs no real server)."""
    local_script_runner.LocalScriptRunner._run_script = _timed_run_script  # type: ignore[method-assign]
    local_script_runner.parse_tree_from_messages = _serialised_then_parsed


PAGES: tuple[PageCase, ...] = (
    PageCase("Overblik", "app_pages/overblik.py", 150),
    PageCase("Mål", "app_pages/maal.py", 150),
    PageCase("Kommuner", "app_pages/kommuner.py", 150),
    PageCase("Hele landet", "app_pages/landet.py", 150),
    PageCase("Kontrakter", "app_pages/kontrakter.py", 1000),
    PageCase("Indberetning", "app_pages/indberetning.py", 1000),
)


def routed_in_app(script: str) -> bool:
    """Whether ``app.py`` lists the page in its navigation (else it is run on its own)."""
    return f'"{script}"' in APP.read_text(encoding="utf-8")


def _as_administrator() -> None:
    """AppTest runs the app in this process: time the pages as the command line's
    administrator sees them (the seam the page tests replace too; docs/login.md)."""
    from ui import auth

    auth.person = lambda opened: opened.acting_as()


def _open(case: PageCase, params: dict[str, str]) -> AppTest:
    _as_administrator()
    if routed_in_app(case.script):
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_SECONDS)
        at.switch_page(case.script)
    else:
        at = AppTest.from_file(str(ROOT / case.script), default_timeout=TIMEOUT_SECONDS)
    for name, value in params.items():
        at.query_params[name] = value
    return at


@dataclass(frozen=True)
class Run:
    """One run in ms: the server's time, its script's CPU, and ``AppTest.run`` as a whole."""

    server: float
    cpu: float
    harness: float


def run_once(case: PageCase, params: dict[str, str]) -> Run:
    """One run of the page; a page that raises stops the benchmark."""
    at = _open(case, params)
    CLOCK.reset()
    start = time.perf_counter()
    at.run()
    harness = (time.perf_counter() - start) * 1000
    if at.exception:
        raise RuntimeError(f"{case.title}: {[e.value for e in at.exception]}")
    return Run(CLOCK.server_ms, CLOCK.script_cpu_ms, harness)


def clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()
    SHARED.clear()
    forget_reads()


def another_instance_writes(house: str) -> None:
    """What another instance's save in ``house`` does to this one: a new data version."""
    store = Store(os.environ["DATABASE_URL"])
    try:
        with write_session(store.engine, houses=[house]):
            pass
    finally:
        store.dispose()


def after_a_write(case: PageCase, params: dict[str, str]) -> float:
    another_instance_writes(params["hus"])
    return run_once(case, params).server


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def time_page(case: PageCase, params: dict[str, str], runs: int) -> PageTiming:
    clear_caches()
    cold = run_once(case, params)
    run_once(case, params)  # warm-up
    warm = [run_once(case, params) for _ in range(runs)]
    written = [after_a_write(case, params) for _ in range(runs)]
    return PageTiming(
        case,
        routed_in_app(case.script),
        cold.server,
        cold.cpu,
        statistics.median(r.server for r in warm),
        p95([r.server for r in warm]),
        statistics.median(r.cpu for r in warm),
        statistics.median(written),
        statistics.median(r.harness for r in warm),
        cold.harness,
    )


def time_pages(params: dict[str, str], runs: int) -> list[PageTiming]:
    """Every page of ``PAGES`` that exists; the first run imports the app's modules and is
    not counted, so every page's cold run measures its caches, not Python's imports."""
    cases = [case for case in PAGES if (ROOT / case.script).exists()]
    # Streamlit warns on every cache access outside a server ("missing ScriptRunContext");
    # a page's own errors still come back through ``AppTest.exception``.
    logging.disable(logging.WARNING)
    clock_the_server()
    try:
        clear_caches()
        run_once(cases[0], params)
        return [time_page(case, params, runs) for case in cases]
    finally:
        logging.disable(logging.NOTSET)
