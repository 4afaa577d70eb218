"""The latest changes of a report round, from the store's audit trail, in Danish.

One row per event: when (Danish time), who, what (the target by its name and the kommune by
its name), old → new, and the reason of a reopening or a demo removal.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import pandas as pd

from contracts import danish
from contracts.describe import kommune_label, name_of
from contracts.models import Contract
from contracts.reported import VALUE_PARTS
from metrics.frames import row_dicts
from services.values_io.plan import describe

LATEST = 20
HISTORY_COLUMNS = ("hvornår", "hvem", "hvad", "gammel → ny", "begrundelse")


def history_frame(
    audit: pd.DataFrame, period: str, contract: Contract | None = None, limit: int = LATEST
) -> pd.DataFrame:
    """The newest ``limit`` events of ``period``: when, who, what (targets by name), old → new,
    reason."""
    mine = audit[audit["period"] == period].head(limit)
    records = [
        {
            "hvornår": local_time(row["at"]),
            "hvem": row["user"],
            "hvad": _what(row, contract),
            "gammel → ny": f"{_state(row['old'])} → {_state(row['new'])}",
            "begrundelse": "" if _missing(row["reason"]) else str(row["reason"]),
        }
        for row in row_dicts(mine)
    ]
    return pd.DataFrame.from_records(records, columns=list(HISTORY_COLUMNS))


def local_time(moment: datetime) -> str:
    """``"23. november 2026 kl. 14.40"``: Danish time, the one format of every page."""
    return danish.date_time(moment)


def _what(row: Mapping[Any, Any], contract: Contract | None) -> str:
    if not row["target"]:
        return f"indberetningen {row['action']}"
    where = f" ({kommune_label(row['kommune'])})" if row["kommune"] else ""
    return f"{row['action']} {name_of(contract, str(row['target']))}{where}"


def _state(raw: Any) -> str:
    if _missing(raw):
        return "–"
    data = json.loads(raw)
    if "status" in data and len(data) == 1:
        return str(data["status"])
    numbers = {
        k: float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
        for k, v in data.items()
        if k in VALUE_PARTS
    }
    return describe(numbers, data.get("comment"))


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
