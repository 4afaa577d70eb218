"""Fulfilment of result contracts: pure functions from contracts and values to tables.

No streamlit, no database, no clock: "today" is a parameter and inputs are never changed.
"""

from __future__ import annotations

from metrics.consistency import Finding, consistency
from metrics.engine import COLUMNS, fulfilment, fulfilment_all, goal_status
from metrics.history import history
from metrics.kommune import SPREAD_NOTE, Coverage, Spread, coverage, per_kommune, spread
from metrics.statuses import STATUS_COLORS, STATUS_LABELS, STATUS_RANK, STATUS_SEVERITY
from metrics.values import empty_values, index_values, values_frame

__all__ = [
    "COLUMNS",
    "SPREAD_NOTE",
    "STATUS_COLORS",
    "STATUS_LABELS",
    "STATUS_RANK",
    "STATUS_SEVERITY",
    "Coverage",
    "Finding",
    "Spread",
    "consistency",
    "coverage",
    "empty_values",
    "fulfilment",
    "fulfilment_all",
    "goal_status",
    "history",
    "index_values",
    "per_kommune",
    "spread",
    "values_frame",
]
