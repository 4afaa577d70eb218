"""Speed of the app's pages at national scale: ``python bench/pages_bench.py [--runs N]``.

Builds a contracts folder and a SQLite store in a temporary folder (``bench/pages_data.py``:
six houses × ten years, every target, every kommune, both periods), then measures:

1. server-side render time of each page with ``AppTest`` (``bench/pages_serverside.py``):
   one cold run with the caches cleared, then N runs on warm caches (median and p95), then
   N runs each right after another instance wrote in the house (median). Timed is the
   server's part of a run (the script runs and the serialisation of their messages);
   ``AppTest.run`` as a whole, with the harness reading every message back, is shown beside.
   Aims: every review page ≤ 150 ms median warm, every page ≤ 1 s.
2. first paint in Chromium on a warm ``streamlit run`` server (``bench/pages_browser.py``):
   navigation start → the first goal heading of Overblik, against a bare Streamlit page's
   "Tom side"; medians and their ratio. Aim: ≤ 1,3 × (issue 15).

Prints a Markdown table (and writes it to ``--out``). Servers and the temporary folder are
removed on exit, also after an error.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shlex
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages_browser import CHROMIUM, Loads, PaintTiming, time_first_paint  # noqa: E402
from pages_data import BenchData, build  # noqa: E402
from pages_serverside import PageTiming, time_pages  # noqa: E402

from contracts.loader import load_folder  # noqa: E402

PAINT_RATIO_AIM = 1.3


def number(value: float, decimals: int = 0) -> str:
    """Danish number format: 1.680; 50,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def machine() -> str:
    model = "ukendt CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} kerner, {model}, Python {platform.python_version()}"


def first_heading(data: BenchData, house: str, year: int) -> str:
    """The first goal heading Overblik shows: national goals come before local ones."""
    contract = load_folder(data.contracts_dir).contract(house, year)
    if contract is None or not contract.goals:
        raise SystemExit(f"Ingen kontrakt med mål for {house} {year} i målingens data.")
    goals = sorted(contract.goals, key=lambda g: g.scope != "national")
    return f"Mål {goals[0].number}"


def server_table(timings: list[PageTiming]) -> list[str]:
    lines = [
        "| side | kold (ms) | kold, CPU (ms) | median (ms) | p95 (ms) | CPU, median (ms) "
        "| efter en skrivning, median (ms) | AppTest i alt, median / kold (ms) "
        "| mål (median) | nået |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for t in timings:
        title = t.case.title if t.routed else f"{t.case.title} (siden alene)"
        lines.append(
            f"| {title} | {number(t.cold_ms)} | {number(t.cold_cpu_ms)} "
            f"| {number(t.median_ms)} | {number(t.p95_ms)} | {number(t.cpu_median_ms)} "
            f"| {number(t.after_write_ms)} "
            f"| {number(t.harness_median_ms)} / {number(t.harness_cold_ms)} "
            f"| ≤ {number(t.case.aim_ms)} ms | {'ja' if t.met else 'nej'} |"
        )
    return lines


def paint_table(paint: PaintTiming, heading: str) -> list[str]:
    def row(name: str, loads: Loads) -> str:
        return (
            f"| {name} | {number(loads.median('paint'))} | {number(loads.median_step('open'))} "
            f"| {number(loads.median_step('message'))} | {number(loads.median_step('paint'))} |"
        )

    def samples(loads: Loads) -> str:
        return "; ".join(number(load.paint) for load in loads.samples)

    met = "nået" if paint.ratio <= PAINT_RATIO_AIM else "ikke nået"
    return [
        "| første visning i Chromium | i alt (ms) | 1. websocket åben (ms) "
        "| 2. + serveren sender teksten (ms) | 3. + browseren tegner den (ms) |",
        "|---|---:|---:|---:|---:|",
        row(f"Overblik → »{heading} …«", paint.app),
        row("tom Streamlit-side → »Tom side«", paint.bare),
        f"| forhold Overblik / tom side | {number(paint.ratio, 2)} × "
        f"| mål ≤ {number(PAINT_RATIO_AIM, 1)} ×: {met} | | |",
        "",
        f"Alle målinger (ms, i alt): Overblik {samples(paint.app)}; "
        f"tom side {samples(paint.bare)}.",
        "Trinene er medianer af hvert trin for sig (fra navigationens start, fra websocket åben, "
        "fra teksten modtaget), så de summer ikke nødvendigvis til i alt.",
    ]


def options_text(options: list[str]) -> str:
    if not options:
        return "projektets `.streamlit/config.toml`"
    return "projektets `.streamlit/config.toml` og " + ", ".join(f"`{o}`" for o in options)


@contextmanager
def environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="gentagelser pr. måling (1–200)")
    parser.add_argument("--out", type=Path, help="skriv tabellen som Markdown til denne fil")
    parser.add_argument("--house", default="sjaelland", help="erhvervshus (hus=)")
    parser.add_argument("--year", type=int, default=2022, help="år (aar=)")
    parser.add_argument("--period", default="FY", choices=("H1", "FY"), help="periode=")
    parser.add_argument("--no-browser", action="store_true", help="spring browsermålingen over")
    parser.add_argument(
        "--streamlit-option",
        action="append",
        default=[],
        metavar="SEKTION.NAVN=VÆRDI",
        help="Streamlit-indstilling til begge servere i browsermålingen, fx "
        "server.fileWatcherType=none (kan gentages)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.runs <= 200:
        parser.error("--runs skal være mellem 1 og 200")
    for option in args.streamlit_option:
        if not re.fullmatch(r"[A-Za-z]+\.[A-Za-z]+=\S*", option):
            parser.error(f"--streamlit-option skal have formen sektion.navn=værdi, ikke »{option}«")
    return args


def stop_on_sigterm(signum: int, frame: object) -> None:
    """A terminated run unwinds like Ctrl-C: servers stopped, temporary folder removed."""
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    command = shlex.join(["python", "bench/pages_bench.py", *(argv or sys.argv[1:])])
    params = {"hus": args.house, "aar": str(args.year), "periode": args.period}
    query = "&".join(f"{name}={value}" for name, value in params.items())
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sidebench-") as temp:
        folder = Path(temp)
        print("Bygger data ...", file=sys.stderr)
        data = build(folder)
        heading = first_heading(data, args.house, args.year)
        env = {"DATABASE_URL": data.database_url, "CONTRACTS_DIR": str(data.contracts_dir)}
        print("Måler sidernes servertid ...", file=sys.stderr)
        with environment(**env):
            os.chdir(ROOT)  # AppTest reads .streamlit/config.toml from the working folder
            timings = time_pages(params, args.runs)
        paint: PaintTiming | None = None
        skipped = "sprunget over (--no-browser)" if args.no_browser else ""
        if not args.no_browser and not CHROMIUM.exists():
            skipped = f"sprunget over: {CHROMIUM} findes ikke (apt-get install chromium)"
        if not skipped:
            print("Måler første visning i Chromium ...", file=sys.stderr)
            options = args.streamlit_option
            paint = time_first_paint(env, query, heading, args.runs, folder, options)

    lines = [
        "# Sidernes hastighed",
        "",
        f"- Kommando: `{command}`",
        f"- Maskine: {machine()}",
        f"- Data: {data.describe()}",
        f"- Valg: `?{query}`; {args.runs} målinger pr. side efter én opvarmning",
        f"- Streamlit-indstillinger i browsermålingen: {options_text(args.streamlit_option)}",
        "",
        "Servertid (AppTest; ny session pr. måling; serverens tid = scriptets kørsler og "
        "serialiseringen af deres beskeder, som en Streamlit-server gør dem; AppTest i alt "
        "lægger testværktøjets egen læsning af beskederne til; kold = alle caches tømt, så "
        "hver kontraktfil læses igen; efter en skrivning = lige efter en anden instans har "
        "skrevet i huset):",
        "",
        *server_table(timings),
        "",
        "Første visning i browseren (varm server, ny browserkontekst pr. indlæsning):",
        "",
        *(paint_table(paint, heading) if paint else [f"Browsermålingen er {skipped}."]),
        "",
        f"Målingen tog {number(time.perf_counter() - started)} s.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as exc:  # a page that raised, a server that did not start
        print(f"Målingen stoppede: {exc}", file=sys.stderr)
        sys.exit(1)
