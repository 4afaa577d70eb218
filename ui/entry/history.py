"""The latest changes of a report round, from the store's audit trail, in Danish."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from db import Store
from db.records import VALUE_PARTS
from metrics.format import fmt_date
from services.values_io.plan import describe

LATEST = 20
LOCAL_ZONE = ZoneInfo("Europe/Copenhagen")
HISTORY_COLUMNS = ("hvornår", "hvem", "hvad", "gammel → ny", "begrundelse")


def history_frame(audit: pd.DataFrame, period: str, limit: int = LATEST) -> pd.DataFrame:
    """The newest ``limit`` events of ``period``: when, who, what, old → new, reason."""
    mine = audit[audit["period"] == period].head(limit)
    records = [
        {
            "hvornår": local_time(row["at"]),
            "hvem": row["user"],
            "hvad": _what(row),
            "gammel → ny": f"{_state(row['old'])} → {_state(row['new'])}",
            "begrundelse": "" if _missing(row["reason"]) else str(row["reason"]),
        }
        for row in mine.to_dict("records")
    ]
    return pd.DataFrame.from_records(records, columns=list(HISTORY_COLUMNS))


def local_time(moment: datetime) -> str:
    """``"23. november 2026 kl. 14:40"`` in Danish time (the store keeps UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    here = aware.astimezone(LOCAL_ZONE)
    return f"{fmt_date(here.date())} kl. {here:%H:%M}"


def render_history(store: Store, house: str, year: int, period: str) -> None:
    frame = history_frame(store.audit(house=house, year=year), period)
    with st.expander(f"Seneste ændringer ({len(frame)})"):
        if frame.empty:
            st.caption("Ingen ændringer endnu.")
        else:
            st.dataframe(frame, hide_index=True, width="stretch")


def _what(row: Mapping[Any, Any]) -> str:
    if not row["target"]:
        return f"indberetningen {row['action']}"
    where = f" (kommune {row['kommune']})" if row["kommune"] else ""
    return f"{row['action']} {row['target']}{where}"


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
