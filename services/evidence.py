"""The evidence beside each target of a draft: what the store knows, and a suggested number.

Per target of the base contract: the helår results of the house's earlier real contracts
(actual against target, with status), the base year's 1. halvår with its projection, the
framework's national number, and a suggestion with its reason (``metrics.suggest``).
Suggestions use real values only; where only demo values exist, the evidence says so.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from contracts import wording
from contracts.loader import Catalog
from contracts.models import Contract, Framework, Target
from metrics import fulfilment_all
from metrics.frames import row_dicts
from metrics.suggest import Suggestion, YearResult, suggest
from services.drafting import real_contracts


@dataclass(frozen=True)
class Evidence:
    key: str
    #: Helår results of real contracts, oldest first.
    history: tuple[YearResult, ...]
    #: The base year's 1. halvår result and its year-end projection, where stated.
    h1: YearResult | None
    projection: float | None
    #: The framework's own number for a national target, in words.
    national: str | None
    #: Demo values exist for the target, real ones do not.
    demo_only: bool
    suggestion: Suggestion


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _result(row: Mapping[Hashable, Any]) -> YearResult:
    return YearResult(
        year=int(row["year"]),
        actual=_number(row["actual"]),
        target_value=_number(row["target_value"]),
        status=str(row["status"]),
        status_label=str(row["status_label"]),
        fulfilment=_number(row["fulfilment"]),
    )


def _national(base: Contract, frameworks: dict[str, Framework], target: Target) -> str | None:
    goal = base.goal_of(target.key)
    framework = frameworks.get(base.framework or "")
    if goal is None or goal.scope != "national" or framework is None:
        return None
    for fgoal in framework.goals:
        if fgoal.number == goal.framework_goal:
            for own in fgoal.targets:
                if own.key == target.key:
                    words = wording.requirement(own) or wording.KIND_LABELS[own.kind]
                    return f"{words} (rammeaftalen {framework.id})"
            return f"rammeaftalen {framework.id} oplyser intet tal for målet"
    return None


def evidence(
    catalog: Catalog, values: pd.DataFrame, base: Contract, year: int
) -> dict[str, Evidence]:
    """The evidence for every target of ``base`` when drafting the contract for ``year``.

    ``values`` are the store's values of the house (demo values may be among them: they are
    used only to say that demo data is all there is)."""
    house = base.erhvervshus
    contracts = [c for c in real_contracts(catalog) if c.erhvervshus == house and c.year < year]
    own = values[values["house"] == house]
    real = own[~own["is_demo"].astype(bool)]
    demo_targets = set(own.loc[own["is_demo"].astype(bool), "target"])
    table = fulfilment_all(contracts, real) if contracts else pd.DataFrame()
    rows = row_dicts(table) if not table.empty else []
    found: dict[str, Evidence] = {}
    for _goal, target in base.targets():
        mine = [r for r in rows if r["target"] == target.key and _number(r["actual"]) is not None]
        history = tuple(
            _result(r) for r in sorted(mine, key=lambda r: r["year"]) if r["period"] == "FY"
        )
        h1_rows = [r for r in mine if r["period"] == "H1" and r["year"] == base.year]
        h1 = _result(h1_rows[0]) if h1_rows else None
        projection = _number(h1_rows[0]["projection"]) if h1_rows else None
        has_real = bool(mine)
        demo_only = not has_real and target.key in demo_targets
        found[target.key] = Evidence(
            target.key,
            history,
            h1,
            projection,
            _national(base, catalog.frameworks, target),
            demo_only,
            suggest(target, history, year=year, demo_only=demo_only),
        )
    return found
