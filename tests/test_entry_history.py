"""The Indberetning page's history: the round's latest audit events in Danish."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from db.audit import AUDIT_COLUMNS
from ui.entry.history import HISTORY_COLUMNS, history_frame, local_time


def event(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "at": pd.Timestamp("2026-11-23 12:05", tz="UTC"),
        "user": "anne",
        "house": "sjaelland",
        "year": 2022,
        "period": "H1",
        "kommune": "",
        "old": None,
        "new": None,
        "reason": None,
    }
    return {**base, **fields}


AUDIT = pd.DataFrame.from_records(
    [
        event(
            action="genåbnet",
            target="",
            old=json.dumps({"status": "indsendt"}),
            new=json.dumps({"status": "åben"}),
            reason="Tal rettet",
        ),
        event(
            action="ændret",
            target="8a",
            kommune="259",
            old=json.dumps({"value": 1680.0, "comment": None}),
            new=json.dumps({"value": 1700.0, "comment": "CRM"}),
        ),
        event(
            action="indsat", target="12a", new=json.dumps({"numerator": 140, "denominator": 251})
        ),
        event(action="indsat", target="15a", period="FY", new=json.dumps({"value": 2.4})),
    ],
    columns=list(AUDIT_COLUMNS),
)


def test_history_lists_the_periods_events_newest_first_in_danish() -> None:
    frame = history_frame(AUDIT, "H1")
    assert list(frame.columns) == list(HISTORY_COLUMNS)
    assert frame[["hvem", "hvad", "gammel → ny", "begrundelse"]].values.tolist() == [
        ["anne", "indberetningen genåbnet", "indsendt → åben", "Tal rettet"],
        ["anne", "ændret 8a (Køge)", "1.680 → 1.700 «CRM»", ""],
        ["anne", "indsat 12a", "– → 140/251", ""],
    ]


def test_history_keeps_only_the_latest_events() -> None:
    assert len(history_frame(AUDIT, "H1", limit=2)) == 2


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (dt.datetime(2026, 11, 23, 12, 5, tzinfo=dt.UTC), "23. november 2026 kl. 13.05"),
        (dt.datetime(2026, 6, 30, 22, 30, tzinfo=dt.UTC), "1. juli 2026 kl. 00.30"),
        (dt.datetime(2026, 6, 30, 9, 0), "30. juni 2026 kl. 11.00"),
    ],
)
def test_times_are_shown_in_danish_time(moment: dt.datetime, text: str) -> None:
    assert local_time(moment) == text
