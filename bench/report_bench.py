"""How long a full KKR report takes: the first format of a new snapshot (charts included),
and each further format of the same snapshot; and the memory it takes.

    .venv/bin/python bench/report_bench.py [--runs N] [--house sjaelland] [--year 2024]
        [--period FY] [--first pdf|docx|xlsx]

Builds the national data set of ``bench/pages_data.py`` in a temporary folder (six houses ×
ten years, every target of Sjælland 2022, every kommune), then runs each measurement in a
fresh Python process, as the command line runs: imports first (timed apart), then a new
snapshot and its report in the first format, Chromium started on the way (kaleido), then the
other two formats of the same snapshot. Prints a Markdown table of medians.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("pdf", "docx", "xlsx")


def _descendants() -> list[Path]:
    """/proc entries of this process's live descendants (Chromium and its helpers)."""
    me = os.getpid()
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found = []
    for pid in parents:
        walk = pid
        while walk in parents and walk not in (0, 1, me):
            walk = parents[walk]
        if walk == me and pid != me:
            found.append(Path("/proc") / str(pid))
    return found


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def _children_cpu() -> float:
    """CPU seconds used so far by the live descendants."""
    ticks = 0
    for entry in _descendants():
        fields = _read(entry / "stat").rsplit(")", 1)[-1].split()
        if len(fields) > 12:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _children_rss_mib() -> float:
    """Resident memory of the live descendants together (counts shared pages twice)."""
    kib = 0
    for entry in _descendants():
        for line in _read(entry / "status").splitlines():
            if line.startswith("VmRSS:"):
                kib += int(line.split()[1])
    return kib / 1024


class Clock:
    """Wall time, this process's CPU time and its children's CPU time, per step."""

    def __init__(self) -> None:
        self.marks = [self._now()]

    @staticmethod
    def _now() -> tuple[float, float, float]:
        return time.perf_counter(), time.process_time(), _children_cpu()

    def lap(self) -> tuple[float, float, float]:
        self.marks.append(self._now())
        (w0, p0, c0), (w1, p1, c1) = self.marks[-2], self.marks[-1]
        return w1 - w0, p1 - p0, c1 - c0


def worker(args: argparse.Namespace) -> None:
    """One measurement in this process; prints one JSON line."""
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    import plotly.graph_objects  # noqa: F401  (imported by the first figure otherwise)
    import weasyprint  # noqa: F401  (imported by the first PDF otherwise: count it as import)

    from services.report import images, make, take_snapshot
    from services.report.house import build_status_report
    from services.report.snapshots import read_snapshot
    from services.session import Session

    timings: dict[str, float] = {"import": time.perf_counter() - started}

    def record(name: str, lap: tuple[float, float, float]) -> None:
        timings[name], timings[f"{name}_cpu"], timings[f"{name}_chromium"] = lap

    def first_format(store: object, catalog: object, prefix: str) -> tuple[int, object]:
        """A new snapshot and its report in the first format, step by step."""
        clock = Clock()
        images.warm_up()
        info = take_snapshot(
            catalog, store, args.house, args.year, args.period, reason="bestilt", user="bench"
        )
        record(f"{prefix}snapshot", clock.lap())
        content = read_snapshot(store, info.id)
        document = build_status_report(content, None)
        record(f"{prefix}build", clock.lap())
        drawn = images.render(document.charts)
        record(f"{prefix}charts", clock.lap())
        timings["chromium_rss_mib"] = _children_rss_mib()
        prepared = make.Prepared(document, drawn)
        first = make.render(prepared, args.first)
        record(f"{prefix}layout", clock.lap())
        steps = [f"{prefix}{k}" for k in ("snapshot", "build", "charts", "layout")]
        for suffix in ("", "_cpu", "_chromium"):
            timings[f"{prefix}first{suffix}"] = sum(timings[k + suffix] for k in steps)
        timings.update(n_charts=len(document.charts), n_drawn=len(drawn.png), size_first=len(first))
        return info.id, prepared

    with Session.open() as session:
        store = session.store  # the steps below are the session's, taken one at a time
        catalog = session.catalog()  # cached on the pages; the command line reads it first
        first_format(store, catalog, "cold_")  # Chromium started for it: a process's first
        number, prepared = first_format(store, catalog, "")  # Chromium already running
        with make._cache_lock:
            make._cache[(store.url, number)] = prepared
        clock = Clock()
        for fmt in FORMATS:
            if fmt == args.first:
                continue
            clock.lap()
            data = make.make_report(store, number, fmt).data
            record(f"further_{fmt}", clock.lap())
            timings[f"size_{fmt}"] = len(data)
        with open("/proc/loadavg") as load:
            timings["load"] = float(load.read().split()[0])
    # Peak resident memory of this process (Python, WeasyPrint, pango); Chromium's was read
    # right after the charts were drawn, while it ran.
    import kaleido

    kaleido.stop_sync_server(silence_warnings=True)
    timings["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(timings))


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s".replace(".", ",")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--house", default="sjaelland")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--period", default="FY")
    parser.add_argument("--first", choices=FORMATS, default="pdf")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    sys.path.insert(0, str(ROOT / "bench"))
    from pages_data import build

    folder = Path(tempfile.mkdtemp(prefix="report-bench-"))
    try:
        data = build(folder)
        env = {**os.environ, "DATABASE_URL": data.database_url}
        env["CONTRACTS_DIR"] = str(data.contracts_dir)
        command = [sys.executable, __file__, "--worker", *sys.argv[1:]]
        results = []
        for _ in range(args.runs):
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        report(args, data.describe(), results)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report(args: argparse.Namespace, described: str, results: list[dict[str, float]]) -> None:
    def median(key: str) -> float:
        return statistics.median(r[key] for r in results)

    first = results[0]
    print(f"Data: {described}. {args.runs} runs, each in a new process.")
    print(
        f"Report: {args.house} {args.year} {args.period}, {int(first['n_charts'])} figures "
        f"({int(first['n_drawn'])} drawn), first format {args.first}."
    )
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores.\n")
    print("| step | wall, median | wall, max | CPU: Python + Chromium (median) | aim |")
    print("|---|---:|---:|---:|---|")
    rows = [
        ("snapshot taken and stored", "snapshot", ""),
        ("report content built from the snapshot", "build", ""),
        ("charts drawn", "charts", ""),
        (f"{args.first} laid out and written", "layout", ""),
        (f"**first format ({args.first}), Chromium running**", "first", "≤ 10 s"),
        (f"first format ({args.first}), Chromium started for it", "cold_first", "≤ 10 s"),
    ]
    rows += [
        (f"further format: {fmt}", f"further_{fmt}", "≤ 2 s")
        for fmt in FORMATS
        if fmt != args.first
    ]
    for label, key, aim in rows:
        cpu = f"{_s(median(key + '_cpu'))} + {_s(median(key + '_chromium'))}"
        print(
            f"| {label} | {_s(median(key))} | {_s(max(r[key] for r in results))} | {cpu} | {aim} |"
        )
    print(f"| Python imports, before all of the above | {_s(median('import'))} | | | |")
    print(
        f"| peak memory: the report's process / Chromium | "
        f"{median('rss_mib'):.0f} MiB / {median('chromium_rss_mib'):.0f} MiB | | | |"
    )
    loads = ", ".join(f"{r['load']:.1f}" for r in results)
    print(f"\nLoad average (1 min) at the end of each run: {loads}.")
    sizes = ", ".join(
        f"{fmt} {median('size_first' if fmt == args.first else f'size_{fmt}') / 1e6:.1f} MB"
        for fmt in FORMATS
    )
    print(f"File sizes: {sizes}.")


if __name__ == "__main__":
    main()
