"""The fulfilment engine: the status of every target of a contract in a period
(docs/domain.md "How a target with a value is judged"; without a value: docs/rules.md).

Pure: a contract and a ``store.values()`` frame in, a DataFrame out; the frame is indexed
once and never changed. Numbers are compared unrounded with a tolerance of 1e-9.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

import numpy as np
import pandas as pd

from contracts.models import PERIODS, Contract, Goal, Target
from metrics import geo
from metrics.judge import milestone, numeric
from metrics.statuses import (
    I_RISIKO,
    IKKE_OPFYLDT,
    MAALES_SENERE,
    MAALT_TIDLIGERE,
    MANGLER_DATA,
    NO_TARGETS_LABEL,
    OPFYLDT,
    PAA_VEJ,
    STATUS_LABELS,
    worst,
)
from metrics.values import (
    OUTSIDE,
    TOTAL,
    Reported,
    ValueIndex,
    index_values,
    kommune_rows,
    total_of,
    wilson_interval,
)

TOL = geo.TOLERANCE
COLUMNS: tuple[str, ...] = (
    "house",
    "year",
    "period",
    "goal",
    "target",
    "label",
    "text",
    "kind",
    "direction",
    "unit",
    "measured",
    "value_stated",
    "actual",
    "target_value",
    "upper",
    "expected",
    "projection",
    "needed_h2",
    "fulfilment",
    "status",
    "status_label",
    "n",
    "ci_low",
    "ci_high",
    "indistinguishable",
    "late",
    "preliminary",
    "earlier_year",
    "earlier_actual",
    "earlier_source",
    "comment",
    "note",
)
FLOAT_COLUMNS: tuple[str, ...] = (
    "actual",
    "target_value",
    "upper",
    "expected",
    "projection",
    "needed_h2",
    "fulfilment",
    "n",
    "ci_low",
    "ci_high",
    "earlier_actual",
)
TEXT_COLUMNS = frozenset(
    {"house", "period", "goal", "target", "label", "text", "kind", "direction", "unit"}
    | {"status"}
    | {"status_label", "comment", "note", "earlier_source"}
)
Rows = dict[str, dict[str, Reported]]
#: Where an earlier result comes from when it was stored rather than stated in the contract.
STORED_EARLIER = "indberettet"


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small acyclic objects are made.

    Indexing a nation's values makes tens of thousands of tuples and dicts, none of them in
    a cycle; the collections they trigger cost more than the work itself (measured: 130 ms
    → 80 ms of CPU for the nation). Reference counting still frees everything; the previous
    state is restored, so a caller that had disabled the collector keeps it disabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def fulfilment(
    contract: Contract,
    values: pd.DataFrame,
    *,
    period: str,
    only: Collection[str] | None = None,
) -> pd.DataFrame:
    """One row per target of ``contract`` in contract order, judged in ``period``; of the
    targets ``only`` names, when given (each target is judged on its own).

    Values of the contract's house and year are read, and those of earlier measurement years
    (a result of a target measured before the contract year, docs/rules.md).
    """
    years = years_read(contract)
    own = values[(values["house"] == contract.erhvervshus) & (values["year"].isin(years))]
    with _gc_paused():
        return _frame(evaluate(contract, index_values(own), period, only))


def years_read(contract: Contract) -> set[int]:
    """The years whose values ``fulfilment`` reads: the contract's, and the measurement years
    before it of a target measured before the contract year."""
    return {contract.year} | _earlier_years(contract)


def judged_rows(contract: Contract, values: pd.DataFrame, period: str) -> pd.DataFrame:
    """The rows of ``values`` that judging ``contract`` in ``period`` reads (``fulfilment``,
    and ``metrics.consistency`` for that period): the contract year's rows of the period and
    of 1. halvår (what helår is expected to have reached), and the rows of the earlier years
    it reads. A result kept by these rows' content outlives a save in another period."""
    house = values["house"] == contract.erhvervshus
    this_year = values["year"] == contract.year
    periods = values["period"].isin({period, "H1"})
    earlier = values["year"].isin(years_read(contract) - {contract.year})
    # Numbered afresh: a row saved elsewhere in the frame does not renumber these.
    return values[house & ((this_year & periods) | earlier)].reset_index(drop=True)


def _earlier_years(contract: Contract) -> set[int]:
    return {
        year
        for _goal, target in contract.targets()
        if target.measured.all_before(contract.year)
        for year in target.measured.years or ()
    }


def fulfilment_all(
    contracts: Iterable[Contract], values: pd.DataFrame, *, periods: Sequence[str] = PERIODS
) -> pd.DataFrame:
    """The status of every target of every contract in every period, as one frame."""
    with _gc_paused():
        index = index_values(values)
        records: list[dict[str, Any]] = []
        for contract in contracts:
            for period in periods:
                records.extend(evaluate(contract, index, period))
        return _frame(records)


def goal_status(contract: Contract, table: pd.DataFrame) -> pd.DataFrame:
    """One row per goal: its status from its targets' statuses in ``table`` (docs/rules.md).

    A goal without targets has no status (None) and reads "Ingen måltal i kontrakten"."""
    by_goal: dict[str, list[str]] = {}
    for goal, status in zip(table["goal"], table["status"], strict=True):
        by_goal.setdefault(str(goal), []).append(str(status))
    rows = []
    for goal in contract.goals:
        status = worst(by_goal.get(goal.number, []))
        rows.append(
            {
                "goal": goal.number,
                "title": goal.title,
                "scope": goal.scope,
                "status": status,
                "status_label": NO_TARGETS_LABEL if status is None else STATUS_LABELS[status],
                "n_targets": len(goal.targets),
            }
        )
    columns = ["goal", "title", "scope", "status", "status_label", "n_targets"]
    return pd.DataFrame(rows, columns=columns)


def evaluate(
    contract: Contract, index: ValueIndex, period: str, only: Collection[str] | None = None
) -> list[dict[str, Any]]:
    """The records of ``fulfilment`` from an index built by ``metrics.values.index_values``;
    of the targets ``only`` names, when given (each target is judged on its own)."""
    key = (contract.erhvervshus, contract.year)
    rows = index.get((*key, period), {})
    h1_rows = index.get((*key, "H1"), {})
    records = []
    for goal, target in contract.targets():
        if only is not None and target.key not in only:
            continue
        record = _judge(contract, goal, target, period, rows, h1_rows)
        if record["status"] == MAALT_TIDLIGERE:
            _earlier_result(contract, target, index, record)
        records.append(record)
    return records


def _earlier_result(
    contract: Contract, target: Target, index: ValueIndex, record: dict[str, Any]
) -> None:
    """The year of a measurement made before the contract year, and its result where known:
    stated in the contract from the sources, else stored for that year (docs/rules.md)."""
    years = sorted(target.measured.years or (), reverse=True)
    record["earlier_year"] = years[0]
    stated = target.earlier_result
    if stated is not None:
        record["earlier_year"] = stated.year
        record["earlier_actual"] = stated.value
        record["earlier_source"] = stated.source
        return
    for year in years:
        for period in reversed(target.measured.periods):
            total = total_of(index.get((contract.erhvervshus, year, period), {}).get(target.key))
            if total is not None and total.number is not None:
                record["earlier_year"] = year
                record["earlier_actual"] = total.number
                record["earlier_source"] = STORED_EARLIER
                return


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """Column by column: an order of magnitude faster than ``from_records`` + ``astype``."""
    columns: dict[str, Any] = {}
    as_row = itemgetter(*COLUMNS)
    transposed = list(zip(*map(as_row, records), strict=True)) or [()] * len(COLUMNS)
    for name, column in zip(COLUMNS, transposed, strict=True):
        if name in FLOAT_COLUMNS:
            columns[name] = np.array([math.nan if v is None else v for v in column], dtype=float)
        elif name in TEXT_COLUMNS:
            columns[name] = pd.Series(column, dtype=object)
        else:
            columns[name] = list(column)
    return pd.DataFrame(columns, columns=list(COLUMNS))


def _counts(rows: dict[str, Reported]) -> dict[str, float]:
    return {code: r.number or 0.0 for code, r in kommune_rows(rows).items() if code != OUTSIDE}


def _actual(contract: Contract, target: Target, rows: Rows) -> tuple[float | None, Reported | None]:
    own = rows.get(target.key)
    total = total_of(own)
    if not target.judged_as_assessment:
        if target.kind == "spread" and target.source_target:
            source = kommune_rows(rows.get(target.source_target))
            if source:
                return geo.max_deviation(contract, _counts(source)), None
        if target.kind == "coverage" and kommune_rows(own):
            counts = _counts(own or {})
            return float(geo.reached(contract, counts, target.minimum_per_kommune)), None
    return (total.number if total else None), total


def _judge(
    contract: Contract, goal: Goal, target: Target, period: str, rows: Rows, h1_rows: Rows
) -> dict[str, Any]:
    measured = target.measured.applies(contract.year, period)
    actual, reported = _actual(contract, target, rows)
    own_total = rows.get(target.key, {}).get(TOTAL)
    goal_value = target.target_value
    record: dict[str, Any] = {
        "house": contract.erhvervshus,
        "year": contract.year,
        "period": period,
        "goal": goal.number,
        "target": target.key,
        "label": target.name,
        "text": target.text,
        "kind": target.kind,
        "direction": target.direction,
        "unit": target.unit,
        "measured": measured,
        "value_stated": target.value_stated,
        "actual": actual,
        "target_value": goal_value,
        "upper": target.upper if target.value_stated else None,
        "expected": None,
        "projection": None,
        "needed_h2": None,
        "fulfilment": None,
        "n": None,
        "ci_low": None,
        "ci_high": None,
        "indistinguishable": False,
        "late": False,
        # A value where the target is not normally measured: judged, and shown as preliminary.
        "preliminary": actual is not None and not measured,
        "earlier_year": None,
        "earlier_actual": None,
        "earlier_source": None,
        "comment": own_total.comment if own_total else None,
        "note": target.note,
    }
    if reported is not None:
        record["n"] = reported.sample_size
        if reported.has_share:
            low, high = wilson_interval(reported.numerator, reported.denominator)  # type: ignore[arg-type]
            record["ci_low"], record["ci_high"] = low, high
            if goal_value is not None:
                record["indistinguishable"] = low - TOL <= goal_value <= high + TOL
    if actual is None:
        if target.measured.all_before(contract.year):
            status = MAALT_TIDLIGERE
        else:
            status = MANGLER_DATA if measured else MAALES_SENERE
    elif target.judged_as_assessment:
        positive = actual >= 1 - TOL
        if period == "FY":
            status = OPFYLDT if positive else IKKE_OPFYLDT
        else:
            status = PAA_VEJ if positive else I_RISIKO
    elif target.kind == "milestone":
        status = milestone(contract, target, actual, period, h1_rows, record)
    else:
        assert goal_value is not None
        status = numeric(contract, target, actual, goal_value, period, record)
    record["status"] = status
    record["status_label"] = STATUS_LABELS[status]
    return record
