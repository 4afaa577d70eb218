"""How one target with a number is judged in a period: the milestone and numeric rules.

The status rules of docs/rules.md for a milestone (done, late) and for every kind with a
number (met, on track at H1, at risk); compared unrounded with a tolerance of 1e-9. Each
function writes the numbers it derives (fulfilment, expected, projection) into ``record``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from contracts.models import Contract, Target
from metrics import geo
from metrics.statuses import I_RISIKO, IKKE_OPFYLDT, OPFYLDT, PAA_VEJ
from metrics.values import Reported, total_of

TOL = geo.TOLERANCE
FULFILMENT_KINDS = frozenset(
    {"count", "amount", "coverage", "percentage", "ratio", "change_pp", "change_relative"}
)
Rows = dict[str, dict[str, Reported]]


def is_met(target: Target, actual: float, goal_value: float) -> bool:
    if target.kind == "range":
        upper = target.upper if target.upper is not None else goal_value
        return goal_value - TOL <= actual <= upper + TOL
    if target.kind == "spread" or target.direction == "at_most":
        return actual <= goal_value + TOL
    if target.direction == "above":
        return actual > goal_value + TOL
    return actual >= goal_value - TOL


def june_30(contract: Contract) -> dt.date:
    return dt.date(contract.year, 6, 30)


def milestone(
    contract: Contract,
    target: Target,
    actual: float,
    period: str,
    h1_rows: Rows,
    record: dict[str, Any],
) -> str:
    done = actual >= 1 - TOL
    early_deadline = target.deadline is not None and target.deadline <= june_30(contract)
    if period == "H1":
        record["late"] = early_deadline and not done
        if done:
            return OPFYLDT
        return IKKE_OPFYLDT if early_deadline else PAA_VEJ
    h1 = total_of(h1_rows.get(target.key))
    h1_number = h1.number if h1 else None
    missed_at_h1 = h1_number is not None and h1_number < 1 - TOL
    record["late"] = early_deadline and (missed_at_h1 or not done)
    return OPFYLDT if done else IKKE_OPFYLDT


def numeric(
    contract: Contract,
    target: Target,
    actual: float,
    goal_value: float,
    period: str,
    record: dict[str, Any],
) -> str:
    if target.kind in FULFILMENT_KINDS:
        if target.direction == "at_least" and goal_value != 0:
            record["fulfilment"] = 100 * actual / goal_value
        elif target.direction == "at_most" and actual != 0:
            record["fulfilment"] = 100 * goal_value / actual
    met = is_met(target, actual, goal_value)
    if period == "FY":
        return OPFYLDT if met else IKKE_OPFYLDT
    if not target.is_cumulative:
        return PAA_VEJ if met else I_RISIKO
    expected = goal_value * target.h1_share
    projection = actual / target.h1_share
    if target.kind == "coverage":
        projection = min(projection, float(len(geo.geography_of(contract))))
    record["expected"] = expected
    record["projection"] = projection
    if target.direction == "at_most":
        return IKKE_OPFYLDT if actual > goal_value + TOL else PAA_VEJ
    record["needed_h2"] = max(goal_value - actual, 0.0)
    if target.kind == "range" and target.upper is not None and actual > target.upper + TOL:
        # A cumulative number above the range at H1 cannot come back into it by year end.
        return IKKE_OPFYLDT
    if met:
        return OPFYLDT
    return PAA_VEJ if actual >= expected - TOL else I_RISIKO
