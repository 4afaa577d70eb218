"""Server-side render time of each page, with ``streamlit.testing.v1.AppTest``.

Each timed run is a new session (a visitor opening a link) on a warm process: the caches
(``st.cache_resource``: the catalog and the store; ``services.cache.SHARED``: the page reads
shared between sessions; ``contracts.loader``'s contract files kept by content) are kept
between runs. One cold run per page is timed first (wall clock and CPU), right after every
cache is cleared, so every contract file is parsed again. Then N warm runs, and N runs each
right after a write in the chosen house by another instance (a new data version of the
house, ``db/generation.py``: the shared reads of that house are computed again, the catalog
and the store stay cached). Only ``AppTest.run`` is timed.
"""

from __future__ import annotations

import logging
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

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
    cold_ms: float
    cold_cpu_ms: float
    median_ms: float
    p95_ms: float
    cpu_median_ms: float
    after_write_ms: float  # median of runs right after a write in the house

    @property
    def met(self) -> bool:
        return self.median_ms <= self.case.aim_ms


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


def run_once(case: PageCase, params: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU time of one run in ms; a page that raises stops the benchmark."""
    at = _open(case, params)
    start, start_cpu = time.perf_counter(), time.process_time()
    at.run()
    wall = (time.perf_counter() - start) * 1000
    cpu = (time.process_time() - start_cpu) * 1000
    if at.exception:
        raise RuntimeError(f"{case.title}: {[e.value for e in at.exception]}")
    return wall, cpu


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
    wall, _cpu = run_once(case, params)
    return wall


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def time_page(case: PageCase, params: dict[str, str], runs: int) -> PageTiming:
    clear_caches()
    cold, cold_cpu = run_once(case, params)
    run_once(case, params)  # warm-up
    walls, cpus = zip(*(run_once(case, params) for _ in range(runs)), strict=True)
    written = [after_a_write(case, params) for _ in range(runs)]
    return PageTiming(
        case,
        routed_in_app(case.script),
        cold,
        cold_cpu,
        statistics.median(walls),
        p95(list(walls)),
        statistics.median(cpus),
        statistics.median(written),
    )


def time_pages(params: dict[str, str], runs: int) -> list[PageTiming]:
    """Every page of ``PAGES`` that exists; the first run imports the app's modules and is
    not counted, so every page's cold run measures its caches, not Python's imports."""
    cases = [case for case in PAGES if (ROOT / case.script).exists()]
    # Streamlit warns on every cache access outside a server ("missing ScriptRunContext");
    # a page's own errors still come back through ``AppTest.exception``.
    logging.disable(logging.WARNING)
    try:
        clear_caches()
        run_once(cases[0], params)
        return [time_page(case, params, runs) for case in cases]
    finally:
        logging.disable(logging.NOTSET)
