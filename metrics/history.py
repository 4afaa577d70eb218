"""A target's results year over year, across contracts: for trend charts and drafting.

A target key is followed by name across the contracts that have it; how goals map between
frameworks is the drafter's choice, so no mapping is guessed here.
"""

from __future__ import annotations

from collections.abc import Iterable

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


def history(contracts: Iterable[Contract], values: pd.DataFrame, target_key: str) -> pd.DataFrame:
    """One row per contract having ``target_key`` and per period, sorted by year then H1, FY.

    ``demo`` says whether the point is demo data: a demo contract, or demo values in its round.
    """
    index = index_values(values)
    demo_rounds = set(
        zip(
            values.loc[values["is_demo"], "house"],
            values.loc[values["is_demo"], "year"].astype(int),
            values.loc[values["is_demo"], "period"],
            strict=True,
        )
    )
    rows = []
    for contract in sorted(contracts, key=lambda c: (c.erhvervshus, c.year)):
        target = contract.target(target_key)
        if target is None:
            continue
        for period in PERIODS:
            record = next(r for r in evaluate(contract, index, period) if r["target"] == target_key)
            rows.append(
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
                    or (contract.erhvervshus, contract.year, period) in demo_rounds,
                }
            )
    frame = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
    numeric = ["actual", "target_value", "upper", "baseline"]
    return frame.astype({name: "float64" for name in numeric})
