"""``ui.script_run``: values kept for one script run, and the heap settled once per server
process (docs/decisions.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SETTLE = """
import gc
from unittest import mock
from ui import script_run
with mock.patch.object(script_run.runtime, "exists", return_value=True):
    script_run.settle_heap_once()
    first = gc.get_freeze_count()
    keep = [object() for _ in range(1000)]
    script_run.settle_heap_once()
    print(first, gc.get_freeze_count())
"""

OUTSIDE_A_SERVER = """
import gc
from ui import script_run
script_run.settle_heap_once()
print(gc.get_freeze_count())
"""


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_a_server_process_freezes_what_its_first_run_left_alive_once() -> None:
    first, second = (int(n) for n in _run(SETTLE).split())
    assert first > 10_000  # the modules and what they hold
    assert second == first  # the second call leaves the heap as it is


def test_a_process_without_a_streamlit_server_is_left_as_it_is() -> None:
    assert _run(OUTSIDE_A_SERVER) == "0"


def test_outside_a_script_run_nothing_is_kept() -> None:
    from ui import script_run

    made: list[int] = []
    assert script_run.once("x", lambda: made.append(1) or 1) == 1
    assert script_run.once("x", lambda: made.append(2) or 2) == 2
    assert made == [1, 2]
