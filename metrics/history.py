"""A target's results year over year, across contracts: for trend charts and drafting.

A target key is followed by name across the contracts that have it; how goals map between
frameworks is the drafter's choice, so no mapping is guessed here.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable

import numpy as np
import pandas as pd

from contracts.models import PERIODS, Contract
from metrics.engine import evaluate
from metrics.values import index_values

HISTORY_COLUMNS = [
    "house",
    "year",
    "period",
    "kind",
    "actual",
    "target_value",
    "upper",
    "baseline",
    "baseline_year",
    "status",
    "status_label",
    "comment",
    "demo",
]
NUMERIC = ("actual", "target_value", "upper", "baseline")


def history(contracts: Iterable[Contract], values: pd.DataFrame, target_key: str) -> pd.DataFrame:
    """One row per contract having ``target_key`` and per period, sorted by year then H1, FY.

    ``demo`` says whether the point is demo data: a demo contract, or demo values in its round.
    """
    return histories(contracts, values, [target_key])[target_key]


def demo_rounds(values: pd.DataFrame) -> frozenset[tuple[str, int, str]]:
    """The rounds (house, year, period) holding a demo value among ``values``."""
    demo = values["is_demo"].astype(bool)
    return frozenset(
        zip(
            values.loc[demo, "house"],
            values.loc[demo, "year"].astype(int),
            values.loc[demo, "period"],
            strict=True,
        )
    )


def histories(
    contracts: Iterable[Contract],
    values: pd.DataFrame,
    target_keys: Iterable[str],
    rounds_with_demo: Collection[tuple[str, int, str]] | None = None,
) -> dict[str, pd.DataFrame]:
    """``history`` of each of ``target_keys``, from one pass over the contracts: each
    contract-period is judged once for all of them (Mål shows every target's trend).

    ``rounds_with_demo``: the rounds holding a demo value, when ``values`` holds only the
    rows the targets read (a round's other targets may hold the demo value); by default
    read from ``values``."""
    wanted = dict.fromkeys(target_keys)
    index = index_values(values)
    demo_rounds_found = demo_rounds(values) if rounds_with_demo is None else rounds_with_demo
    rows: dict[str, list[dict[str, object]]] = {key: [] for key in wanted}
    for contract in sorted(contracts, key=lambda c: (c.erhvervshus, c.year)):
        targets = {t.key: t for _goal, t in contract.targets() if t.key in wanted}
        if not targets:
            continue
        for period in PERIODS:
            for record in evaluate(contract, index, period, only=targets):
                target = targets.get(record["target"])
                if target is None:
                    continue
                rows[target.key].append(
                    {
                        "house": contract.erhvervshus,
                        "year": contract.year,
                        "period": period,
                        "kind": target.kind,
                        "actual": record["actual"],
                        "target_value": record["target_value"],
                        "upper": record["upper"],
                        "baseline": target.baseline.value if target.baseline else None,
                        "baseline_year": target.baseline.year if target.baseline else None,
                        "status": record["status"],
                        "status_label": record["status_label"],
                        "comment": record["comment"],
                        "demo": contract.demo
                        or (contract.erhvervshus, contract.year, period) in demo_rounds_found,
                    }
                )
    return {key: _frame(found) for key, found in rows.items()}


def _frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Column by column, the numbers as floats (missing: NaN)."""
    if not rows:
        return pd.DataFrame(columns=HISTORY_COLUMNS).astype(dict.fromkeys(NUMERIC, "float64"))
    columns: dict[str, object] = {}
    for name in HISTORY_COLUMNS:
        column = [row[name] for row in rows]
        if name in NUMERIC:
            columns[name] = np.array([math.nan if v is None else v for v in column], dtype=float)
        else:
            columns[name] = column
    return pd.DataFrame(columns, columns=HISTORY_COLUMNS)
