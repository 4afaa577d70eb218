"""The six houses side by side on the national goals of one year and period.

The national goals are the same for all houses (they come from the framework), so a KKR can
compare them: one row per house and framework goal, with the goal's status and how many of
its targets are met among those judged in the period.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from contracts import wording
from contracts.models import Contract
from metrics.engine import fulfilment, goal_status
from metrics.statuses import NO_TARGETS_LABEL, NOT_THIS_YEAR, OPFYLDT, STATUS_LABELS

#: The status column of a goal without targets, which has no status (for tinting a table).
NO_TARGETS = "ingen_maaltal"
COLUMNS = [
    "house",
    "year",
    "framework_goal",
    "goal",
    "title",
    "status",
    "status_label",
    "n_targets",
    "n_judged",
    "n_met",
    "demo",
]
TARGET_COLUMNS = [
    "house",
    "framework_goal",
    "target",
    "label",
    "kind",
    "unit",
    "actual",
    "target_value",
    "status",
    "status_label",
]


def _own(values: pd.DataFrame, contract: Contract) -> pd.DataFrame:
    return values[values["house"] == contract.erhvervshus]


def national_goals(
    contracts: Sequence[Contract], values: pd.DataFrame, *, period: str
) -> pd.DataFrame:
    """One row per house and national goal (``COLUMNS``); a goal without targets gets the
    status ``ingen_maaltal`` rather than a verdict it cannot have. ``demo`` says whether the
    house's contract or its values in the period are demo data."""
    return national(contracts, values, period=period)[0]


def national_targets(
    contracts: Sequence[Contract], values: pd.DataFrame, *, period: str
) -> pd.DataFrame:
    """One row per house and target of a national goal (``TARGET_COLUMNS``)."""
    return national(contracts, values, period=period)[1]


def national(
    contracts: Sequence[Contract], values: pd.DataFrame, *, period: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``national_goals`` and ``national_targets`` at once, each contract judged once."""
    rows: list[dict[str, object]] = []
    frames = []
    for contract in contracts:
        own = _own(values, contract)
        # The national goals' targets only: the local ones are a half to two thirds of a
        # contract, and Hele landet judges a house again after every save in it.
        national_keys = {t.key for g in contract.goals if g.scope == "national" for t in g.targets}
        table = fulfilment(contract, own, period=period, only=national_keys)
        rows += _goal_rows(contract, own, table, period)
        frames.append(_target_rows(contract, table))
    goals = pd.DataFrame(rows, columns=COLUMNS)
    if not frames:
        return goals, pd.DataFrame(columns=TARGET_COLUMNS)
    return goals, pd.concat(frames, ignore_index=True)


def _goal_rows(
    contract: Contract, own: pd.DataFrame, table: pd.DataFrame, period: str
) -> list[dict[str, object]]:
    goals = goal_status(contract, table).set_index("goal")
    in_period = (own["year"] == contract.year) & (own["period"] == period)
    demo = contract.demo or bool(own.loc[in_period, "is_demo"].any())
    rows: list[dict[str, object]] = []
    for goal in contract.goals:
        if goal.scope != "national":
            continue
        statuses = list(table.loc[table["goal"] == goal.number, "status"])
        judged = [s for s in statuses if s not in NOT_THIS_YEAR]
        status = str(goals.loc[goal.number, "status"]) if statuses else NO_TARGETS
        rows.append(
            {
                "house": contract.erhvervshus,
                "year": contract.year,
                "framework_goal": goal.framework_goal,
                "goal": goal.number,
                "title": goal.title,
                "status": status,
                "status_label": STATUS_LABELS.get(status, NO_TARGETS_LABEL),
                "n_targets": len(statuses),
                "n_judged": len(judged),
                "n_met": sum(1 for s in judged if s == OPFYLDT),
                "demo": demo,
            }
        )
    return rows


def _target_rows(contract: Contract, table: pd.DataFrame) -> pd.DataFrame:
    national = {g.number: g.framework_goal for g in contract.goals if g.scope == "national"}
    table = table[table["goal"].isin(list(national))].copy()
    table["house"] = contract.erhvervshus
    table["framework_goal"] = table["goal"].map(national)
    return table[TARGET_COLUMNS]


def target_texts(contract: Contract, targets: pd.DataFrame) -> list[str]:
    """Each row's cell of Hele landet's table of måltal (the targets of ``contract`` from
    ``national``): "56,0 % (mål: mindst 50 %) · Opfyldt"; the page works them out with the
    house's part of it, once per state of the house."""
    return [
        _target_cell(contract, key, actual, goal, label)
        for key, actual, goal, label in zip(
            targets["target"],
            targets["actual"],
            targets["target_value"],
            targets["status_label"],
            strict=True,
        )
    ]


def _target_cell(contract: Contract, key: str, actual: float, goal: float, label: str) -> str:
    """ "56,0 % (mål: mindst 50 %) · Opfyldt"; the status alone where there is no number."""
    target = contract.target(key)
    if target is None or pd.isna(actual) or pd.isna(goal):
        return label
    shown = wording.result_number(target, actual, goal)
    return f"{shown} (mål: {wording.level_text(target, goal)}) · {label}"
