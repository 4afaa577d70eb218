"""Benchmark of the fulfilment engine at national scale: ``python bench/metrics_bench.py``.

Builds in memory six houses × ten years of a Sjælland-2022-like contract (the real
``contracts/data/sjaelland-2022.yaml`` re-keyed per house and year when it is there, else a
synthetic contract with every kind), every kommune of the house for per-kommune targets,
both periods. Times the status of the whole nation (``metrics.fulfilment_all``) and of one
contract-period (``metrics.fulfilment`` on the nation's values frame), and the peak memory
of a nation run (tracemalloc). Prints a Markdown table. Aims: nation ≤ 100 ms, one
contract-period ≤ 10 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from contracts import danish  # noqa: E402
from contracts.loader import DEFAULT_CONTRACTS_DIR, load_folder  # noqa: E402
from contracts.models import HOUSE_KEYS, PERIODS, Contract, Target  # noqa: E402
from contracts.reference import default_classification, default_geography  # noqa: E402
from metrics import fulfilment, fulfilment_all  # noqa: E402
from metrics.values import values_frame  # noqa: E402

YEARS = tuple(range(2019, 2029))
SYNTHETIC_TARGETS: list[dict[str, Any]] = [
    {"key": "1a", "kind": "change_pp", "value": 5, "baseline": {"value": 34, "year": 2020}},
    {"key": "1d", "kind": "percentage", "value": 50},
    {"key": "2a", "kind": "assessment"},
    {"key": "3a", "kind": "percentage", "value": 80, "measured": {"periods": ["FY"]}},
    {"key": "3b", "kind": "nps", "value": 70, "measured": {"periods": ["FY"]}},
    {"key": "5a", "kind": "milestone", "deadline": "2022-03-31"},
    {"key": "6b", "kind": "level", "value": 10},
    {"key": "6c", "kind": "level", "value": 0, "direction": "above"},
    {"key": "8a", "kind": "count", "value": 1680, "per_kommune": True, "parts": ["8b", "8c"]},
    {"key": "8b", "kind": "count", "value": 880},
    {"key": "8c", "kind": "count", "value": 800},
    {"key": "9a", "kind": "spread", "value": 10, "direction": "at_most", "source_target": "8a"},
    {"key": "9c", "kind": "coverage", "value": 17, "per_kommune": True},
    {"key": "11b", "kind": "change_relative", "value": 5, "baseline": {"value": 108, "year": 2020}, "cumulative": True},
    {"key": "11h", "kind": "amount", "value": 27, "per_kommune": True},
    {"key": "13b", "kind": "range", "value": 15, "upper": 20, "cumulative": True},
    {"key": "15a", "kind": "ratio", "value": 2.5},
    {"key": "16a", "kind": "count", "value": 1},
]  # fmt: skip


def template(synthetic: bool = False) -> tuple[Contract, str]:
    """The real Sjælland 2022 contract where present, else a synthetic one of every kind."""
    if not synthetic and (DEFAULT_CONTRACTS_DIR / "sjaelland-2022.yaml").exists():
        found = load_folder(DEFAULT_CONTRACTS_DIR).contract("sjaelland", 2022)
        if found is not None:
            return found, "contracts/data/sjaelland-2022.yaml"
    goal = {
        "number": "8",
        "title": "Alle typer",
        "scope": "local",
        "targets": [{"text": "Måltal.", **t} for t in SYNTHETIC_TARGETS],
    }
    made = Contract.model_validate({"erhvervshus": "sjaelland", "year": 2022, "goals": [goal]})
    return made, "syntetisk kontrakt"


def rekeyed(base: Contract, house: str, year: int) -> Contract:
    geography = default_geography(house)
    return base.model_copy(
        update={
            "erhvervshus": house,
            "year": year,
            "geography": geography,
            "classification": default_classification(geography),
        }
    )


def reported(target: Target, rng: random.Random, scale: float) -> dict[str, Any]:
    goal = target.target_value
    if target.judged_as_assessment or target.kind == "milestone":
        return {"value": float(rng.random() < 0.7), "comment": "Vurdering"}
    assert goal is not None
    if target.kind == "percentage":
        n = rng.randint(50, 400)
        return {
            "numerator": round(n * min(goal * rng.uniform(0.8, 1.2), 100) / 100),
            "denominator": n,
        }
    if target.kind == "nps":
        return {
            "promoters": rng.randint(40, 90),
            "passives": rng.randint(5, 30),
            "detractors": rng.randint(0, 20),
        }
    return {"value": max(goal, 1) * scale * rng.uniform(0.7, 1.3)}


def nation_values(contracts: list[Contract], seed: int = 1) -> pd.DataFrame:
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for contract in contracts:
        geography = contract.geography or ()
        for period in PERIODS:
            scale = 0.5 if period == "H1" else 1.0
            base = {"house": contract.erhvervshus, "year": contract.year, "period": period}
            for _goal, target in contract.targets():
                if target.kind == "spread":
                    continue  # spread is computed from its source's kommune rows
                if target.per_kommune:
                    share = (target.target_value or len(geography)) * scale / len(geography)
                    for code in geography:
                        value = float(rng.randint(0, max(1, round(2 * share))))
                        rows.append({**base, "target": target.key, "kommune": code, "value": value})
                    continue
                rows.append({**base, "target": target.key, **reported(target, rng, scale)})
    return values_frame(rows)


def timed(call: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Wall-clock median and p95, and the median CPU time of this process, in ms.

    CPU time shows whether a slow wall clock came from other processes on the machine.
    """
    call()  # warm-up
    samples, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)]
    return statistics.median(samples), p95, statistics.median(cpu)


def peak_mib(call: Callable[[], object]) -> float:
    tracemalloc.start()
    call()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="gentagelser af landsopgørelsen")
    parser.add_argument("--synthetic", action="store_true", help="brug den syntetiske kontrakt")
    args = parser.parse_args(argv)
    base, origin = template(args.synthetic)
    contracts = [rekeyed(base, house, year) for house in HOUSE_KEYS for year in YEARS]
    values = nation_values(contracts)
    one = contracts[len(contracts) // 2]

    nation = timed(lambda: fulfilment_all(contracts, values), args.runs)
    single = timed(lambda: fulfilment(one, values, period="FY"), args.runs * 5)
    memory = peak_mib(lambda: fulfilment_all(contracts, values))
    n_targets = len(base.targets())
    print(f"Skabelon: {origin}; {len(contracts)} kontrakter × {n_targets} måltal × 2 perioder;")
    print(f"{len(values):,} indberettede værdier.\n".replace(",", "."))
    print("| måling | median (ms) | p95 (ms) | CPU, median (ms) | mål |")
    print("|---|---:|---:|---:|---|")
    print(
        f"| hele landet ({len(contracts) * 2} kontrakt-perioder) | {danish.number(nation[0], 1)} "
        f"| {danish.number(nation[1], 1)} | {danish.number(nation[2], 1)} | ≤ 100 ms |"
    )
    print(
        f"| én kontrakt-periode | {danish.number(single[0], 2)} | {danish.number(single[1], 2)} "
        f"| {danish.number(single[2], 2)} | ≤ 10 ms |"
    )
    print(f"| hukommelse, top (hele landet) | {danish.number(memory, 1)} MiB | | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
