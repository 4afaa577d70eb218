"""What ``bench/load.py`` counts, checks afterwards and prints."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

Key = tuple[str, int, str, str]  # house, year, period, target (the total, no kommune)
KINDS = {"page": "sideskift (genkørsel)", "open": "første visning", "save": "gem"}


@dataclass
class Tally:
    samples: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    #: A reader's page reruns by the page they ran (Overblik, Kommuner, Mål, Hele landet).
    by_page: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    saved: list[tuple[Key, float]] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    upstreams: Counter[str] = field(default_factory=Counter)
    rss_mb: dict[int, float] = field(default_factory=dict)
    cpu_s: dict[int, float] = field(default_factory=dict)
    run_id: int = field(default_factory=lambda: int(time.time()) % 10_000)
    stop_at: float = 0.0
    started: float = 0.0
    seconds: float = 0.0

    def start(self, duration: float) -> None:
        self.started = time.monotonic()
        self.stop_at = self.started + duration

    def finish(self) -> None:
        self.seconds = time.monotonic() - self.started

    def sample(self, kind: str, ms: float, page: str = "") -> None:
        self.samples[kind].append(ms)
        if kind == "page" and page:
            self.by_page.setdefault(page, []).append(ms)

    def error(self, text: str) -> None:
        self.errors.append(text)

    def summary(self, args: argparse.Namespace) -> dict[str, object]:
        reruns = sum(len(v) for v in self.samples.values())
        return {
            "url": args.url,
            "users": args.users,
            "staff": args.staff,
            "think_s": [args.think_min, args.think_max],
            "seconds": round(self.seconds, 1),
            "reruns": reruns,
            "reruns_per_s": round(reruns / self.seconds, 1) if self.seconds else 0,
            "timings_ms": {k: percentiles(v) for k, v in self.samples.items()},
            "page_timings_ms": {k: percentiles(v) for k, v in sorted(self.by_page.items())},
            "instances": dict(self.upstreams),
            "errors": len(self.errors),
            "error_samples": self.errors[:10],
            "saves": len(self.saved),
            "false_conflicts": len(self.conflicts),
            "conflict_samples": self.conflicts[:5],
            "lost_writes": len(self.lost),
            "lost_samples": self.lost[:10],
            "rss_mb": {str(pid): mb for pid, mb in self.rss_mb.items()},
            "server_cpu_s": {str(pid): s for pid, s in self.cpu_s.items()},
            "server_cpu_ms_per_rerun": round(1000 * sum(self.cpu_s.values()) / reruns, 1)
            if reruns and self.cpu_s
            else None,
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "machine": f"{platform.processor() or platform.machine()}, {_cores()} kerner",
        }


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0, "p50": 0.0, "p95": 0.0, "max": 0.0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(values),
        "p50": round(statistics.median(ordered), 1),
        "p95": round(p95, 1),
        "max": round(ordered[-1], 1),
    }


def _cores() -> int:
    return os.cpu_count() or 0


class RssSampler:
    """The largest resident set size of each instance process, sampled every second, and the
    CPU time each used meanwhile (load-independent: what a rerun costs the server)."""

    def __init__(self, pids: list[int]) -> None:
        self.peaks = {pid: 0 for pid in pids if pid}
        self.cpu_start = {pid: cpu_seconds(pid) for pid in self.peaks}

    def cpu_used(self) -> dict[int, float]:
        return {pid: round(cpu_seconds(pid) - s, 1) for pid, s in self.cpu_start.items()}

    async def run(self) -> None:
        while True:
            for pid in self.peaks:
                self.peaks[pid] = max(self.peaks[pid], rss_kb(pid))
            await asyncio.sleep(1.0)

    def peaks_mb(self) -> dict[int, float]:
        for pid in self.peaks:  # and once more at the end
            self.peaks[pid] = max(self.peaks[pid], rss_kb(pid))
        return {pid: round(kb / 1024, 1) for pid, kb in self.peaks.items()}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/PID/stat, in clock ticks)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def check_saved(database_url: str, saved: list[tuple[Key, float]]) -> list[str]:
    """Every value reported saved is in the audit trail, and the store holds the last one."""
    from db import Store

    store = Store(database_url)
    problems: list[str] = []
    try:
        last: dict[Key, float] = {}
        for key, value in saved:
            last[key] = value
        for key in sorted(last):
            house, year, period, target = key
            trail = store.audit(house=house, year=year, target=target)
            trail = trail[(trail["period"] == period) & (trail["kommune"] == "")]
            audited = {json.loads(n)["value"] for n in trail["new"] if n}
            problems += [
                f"{key} = {v}: ikke i revisionssporet"
                for k, v in saved
                if k == key and v not in audited
            ]
            values = store.values(house=house, year=year, period=period)
            row = values[(values["target"] == target) & (values["kommune"] == "")]
            stored = float(row["value"].iloc[0]) if len(row) else None
            if stored != last[key]:
                problems.append(f"{key}: gemt {stored}, sidst gemt var {last[key]}")
    finally:
        store.dispose()
    return problems


def render(report: dict[str, object]) -> str:
    """A Markdown table for the README."""
    timings = report["timings_ms"]
    assert isinstance(timings, dict)
    lines = [
        f"{report['users']} brugere ({report['staff']} gemmer), tænketid "
        f"{report['think_s']} s, {report['seconds']} s mod {report['url']}; "
        f"{report['reruns']} genkørsler ({report['reruns_per_s']}/s); "
        f"instanser: {report['instances']}; {report['machine']}",
        "",
        "| | antal | p50 | p95 | max |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, label in KINDS.items():
        t = timings[kind]
        lines.append(f"| {label} | {t['n']} | {t['p50']} ms | {t['p95']} ms | {t['max']} ms |")
    pages = report.get("page_timings_ms") or {}
    assert isinstance(pages, dict)
    for page, t in pages.items():
        lines.append(f"| – {page} | {t['n']} | {t['p50']} ms | {t['p95']} ms | {t['max']} ms |")
    lines += [
        "",
        f"fejl: {report['errors']}; falske konflikter: {report['false_conflicts']}; "
        f"gemte værdier: {report['saves']}; tabte: {report['lost_writes']}; "
        f"RSS pr. instans (MB, højeste): {report['rss_mb']}",
        f"serverens CPU pr. genkørsel: {report['server_cpu_ms_per_rerun']} ms "
        f"(CPU-sekunder pr. instans: {report['server_cpu_s']}); "
        f"maskinens load average ved slut: {report['load_average']}",
    ]
    for sample in [*report["error_samples"], *report["lost_samples"]]:  # type: ignore[misc]
        lines.append(f"  - {sample}")
    return "\n".join(lines)
