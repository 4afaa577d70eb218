"""The national-scale data the page benchmark serves: a contracts folder and a SQLite store.

Contracts: the real contracts folder copied as it is, plus, for every house × year of
``metrics_bench.YEARS`` that it lacks, the Sjælland 2022 template re-keyed to that house and
year (``metrics_bench.template``/``rekeyed``), written as YAML the loader reads back. Values:
``metrics_bench.nation_values`` for every contract the pages will show (both periods, every
kommune of per-kommune targets), saved as real (not demo) values, so the pages use the
contracts folder as it is and no demo contracts.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pandas as pd  # noqa: E402
from metrics_bench import YEARS, nation_values, rekeyed, template  # noqa: E402

from contracts.dump import contract_to_yaml  # noqa: E402
from contracts.loader import DEFAULT_CONTRACTS_DIR, load_folder  # noqa: E402
from contracts.models import HOUSE_KEYS, Contract  # noqa: E402
from db import Store, ValueKey, ValueRow  # noqa: E402

BENCH_USER = "benchmark"
SAVE_BATCH = 5000


@dataclass(frozen=True)
class BenchData:
    contracts_dir: Path
    database_url: str
    n_contracts: int
    n_generated: int
    n_values: int
    template_origin: str

    def describe(self) -> str:
        values = f"{self.n_values:,}".replace(",", ".")
        return (
            f"{self.n_contracts} kontrakter ({self.n_generated} lavet til målingen fra "
            f"{self.template_origin}), {values} indberettede værdier i SQLite"
        )


def _shift(node: Any, years: int) -> Any:
    """Baseline and measurement years and deadlines moved by ``years``."""
    if isinstance(node, dict):
        moved = {key: _shift(value, years) for key, value in node.items()}
        for key, value in node.items():
            if key == "deadline" and isinstance(value, dt.date):
                moved[key] = value.replace(year=value.year + years)
            elif key == "years" and isinstance(value, list | tuple):
                moved[key] = [year + years for year in value]
        if isinstance(node.get("baseline"), dict) and "year" in node["baseline"]:
            moved["baseline"] = {**moved["baseline"], "year": node["baseline"]["year"] + years}
        return moved
    if isinstance(node, list | tuple):
        return [_shift(item, years) for item in node]
    return node


def made_for_bench(base: Contract, house: str, year: int) -> Contract:
    """The template re-keyed to ``house`` and ``year`` with its dates moved along and its
    coverage targets capped at the house's kommuner, so the loader finds no errors in it."""
    moved = rekeyed(base, house, year)
    data = _shift(moved.model_dump(mode="python"), year - base.year)
    n_kommuner = len(moved.geography or ())
    for goal in data["goals"]:
        for target in goal["targets"]:
            if target["kind"] == "coverage" and target["value"] is not None:
                target["value"] = min(target["value"], n_kommuner)
    return Contract.model_validate(data)


def write_contracts(folder: Path) -> tuple[int, str]:
    """The real contracts folder plus a re-keyed template per missing house-year.

    Returns how many contracts were generated and where the template came from."""
    shutil.copytree(DEFAULT_CONTRACTS_DIR, folder)
    existing = {(c.erhvervshus, c.year) for c in load_folder(folder).contracts}
    base, origin = template()
    made = 0
    for house in HOUSE_KEYS:
        for year in YEARS:
            if (house, year) in existing:
                continue
            contract = made_for_bench(base, house, year)
            (folder / f"{house}-{year}.yaml").write_text(
                contract_to_yaml(contract), encoding="utf-8"
            )
            made += 1
    return made, origin


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def value_rows(values: pd.DataFrame) -> list[ValueRow]:
    """The rows of a values frame as rows to save (seed writes: no version check)."""
    rows = []
    for record in values.to_dict("records"):
        key = ValueKey(
            str(record["house"]),
            int(record["year"]),
            str(record["period"]),
            str(record["target"]),
            str(record.get("kommune") or ""),
        )
        comment = record.get("comment")
        rows.append(
            ValueRow(
                key,
                value=_number(record.get("value")),
                numerator=_number(record.get("numerator")),
                denominator=_number(record.get("denominator")),
                promoters=_number(record.get("promoters")),
                passives=_number(record.get("passives")),
                detractors=_number(record.get("detractors")),
                comment=comment if isinstance(comment, str) else None,
            )
        )
    return rows


def build(folder: Path) -> BenchData:
    """Contracts in ``folder/kontrakter`` and values in ``folder/bench.sqlite``."""
    contracts_dir = folder / "kontrakter"
    generated, origin = write_contracts(contracts_dir)
    catalog = load_folder(contracts_dir)
    house_years = sorted({(c.erhvervshus, c.year) for c in catalog.contracts})
    shown = [catalog.contract(house, year) for house, year in house_years]
    values = nation_values([c for c in shown if c is not None])
    url = f"sqlite:///{folder / 'bench.sqlite'}"
    store = Store(url)
    try:
        store.upgrade()
        rows = value_rows(values)
        for start in range(0, len(rows), SAVE_BATCH):
            store.save(rows[start : start + SAVE_BATCH], user=BENCH_USER)
    finally:
        store.dispose()
    return BenchData(contracts_dir, url, len(catalog.contracts), generated, len(values), origin)
