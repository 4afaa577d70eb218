"""What belongs to one script run: an object Streamlit makes new at the start of every run,
for keeping a value worked out once per run (the store's data versions, the inputs'
generation) without carrying it from one run into the next."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TypeVar

from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

T = TypeVar("T")
_kept = threading.local()


def token() -> object | None:
    """New at the start of every run: Streamlit gives the run's context fresh element
    cursors then. None outside a run (nothing is kept)."""
    ctx = get_script_run_ctx()
    return None if ctx is None else ctx.cursors


def once(name: str, compute: Callable[[], T]) -> T:
    """``compute()``'s result, worked out once per run under ``name``."""
    run = token()
    kept: dict[str, object] | None = getattr(_kept, "values", None)
    if run is None or kept is None or kept.get("") is not run:
        kept = {"": run}
        _kept.values = kept
    if name not in kept:
        kept[name] = compute()
    return kept[name]  # type: ignore[return-value]


def forget(name: str) -> None:
    """Work ``name`` out again at its next ask in this run (its value changed)."""
    kept: dict[str, object] | None = getattr(_kept, "values", None)
    if kept is not None:
        kept.pop(name, None)


_settled = threading.Event()


def settle_heap_once() -> None:
    """Once per process, after its first run: what is alive then (the modules, the catalog,
    the store's engine) is moved out of the garbage collector's way (``gc.freeze``), so the
    collections the runs trigger walk only what the runs made (docs/decisions.md)."""
    if _settled.is_set() or not runtime.exists():  # a server's process only, not a test's
        return
    _settled.set()
    gc.collect()
    gc.freeze()
