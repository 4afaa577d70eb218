"""Where a page spends its time: ``python bench/pages_profile.py Overblik [--cold]``.

Builds the page benchmark's national data (``bench/pages_data.py``), then profiles the page's
script thread with pyinstrument over ``--runs`` warm runs (new session each, caches kept), or
one run after the caches are cleared (``--cold``). ``AppTest`` runs the script in a thread of
its own, so the profiler is started inside that thread. ``--after-write`` profiles runs that
each follow another instance's write in the house (what a reader meets while staff save). pyinstrument is not a project
dependency: ``.venv/bin/uv pip install --python .venv/bin/python pyinstrument``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages_data import build  # noqa: E402
from pages_serverside import PAGES, another_instance_writes, clear_caches, run_once  # noqa: E402
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner  # noqa: E402


def new_profiler() -> Any | None:
    """A pyinstrument profiler sampling every 0,5 ms, or None where it is not installed."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return None
    return Profiler(interval=0.0005)


def profiled_runs(profiler: Any, call: Callable[[], object], runs: int) -> None:
    """``call`` ``runs`` times with ``profiler`` running in Streamlit's script thread."""
    original = ScriptRunner._run_script

    def traced(self: ScriptRunner, rerun_data: Any) -> None:
        profiler.start()
        try:
            original(self, rerun_data)
        finally:
            profiler.stop()

    ScriptRunner._run_script = traced  # type: ignore[method-assign]
    try:
        for _ in range(runs):
            call()
    finally:
        ScriptRunner._run_script = original  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> int:
    titles = [case.title for case in PAGES]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", choices=titles, help="siden, der skal profileres")
    parser.add_argument("--cold", action="store_true", help="én kold kørsel (caches tømt)")
    parser.add_argument("--runs", type=int, default=10, help="varme kørsler (1–100)")
    parser.add_argument(
        "--after-write", action="store_true", help="hver kørsel lige efter en skrivning i huset"
    )
    parser.add_argument("--house", default="sjaelland")
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--period", default="FY", choices=("H1", "FY"))
    args = parser.parse_args(argv)
    if not 1 <= args.runs <= 100:
        parser.error("--runs skal være mellem 1 og 100")
    profiler = new_profiler()
    if profiler is None:
        print("pyinstrument er ikke installeret; se scriptets beskrivelse.", file=sys.stderr)
        return 2
    case = PAGES[titles.index(args.page)]
    params = {"hus": args.house, "aar": str(args.year), "periode": args.period}
    with tempfile.TemporaryDirectory(prefix="sideprofil-") as temp:
        data = build(Path(temp))
        os.environ["DATABASE_URL"] = data.database_url
        os.environ["CONTRACTS_DIR"] = str(data.contracts_dir)
        os.chdir(ROOT)
        logging.disable(logging.WARNING)  # Streamlit's notes on caches outside a server
        run_once(case, params)
        run_once(case, params)
        if args.cold:
            clear_caches()
        runs = 1 if args.cold else args.runs

        def one_run() -> object:
            if args.after_write:
                another_instance_writes(args.house)
            return run_once(case, params)

        profiled_runs(profiler, one_run, runs)
    kind = "én kold kørsel" if args.cold else f"{runs} varme kørsler"
    print(f"{case.title}: {kind}{', hver efter en skrivning' if args.after_write else ''}")
    print(profiler.output_text(unicode=True, color=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
