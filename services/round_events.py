"""What happened to each report round, read from the audit trail: who submitted it and when,
and who approved or sent it back, when and why (docs/tracker.md).

Pure: an audit frame (``db.audit.AUDIT_COLUMNS``, newest first) in, plain objects out. The
tracker (``services/tracker.py``) and Indberetning's "Sendt tilbage" notice both read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from db.audit import APPROVED, REMOVED, REOPENED, RETURNED, SUBMITTED
from metrics.frames import row_dicts

RoundKey = tuple[str, int, str]
ROUND_ACTIONS = frozenset({SUBMITTED, APPROVED, REOPENED, RETURNED, REMOVED})
#: How the tracker names each round event.
ACTION_LABELS = {
    SUBMITTED: "Indsendt",
    APPROVED: "Godkendt",
    REOPENED: "Genåbnet",
    RETURNED: "Sendt tilbage",
}


@dataclass(frozen=True)
class RoundEvent:
    action: str
    user: str
    at: datetime
    reason: str | None

    @property
    def label(self) -> str:
        return ACTION_LABELS[self.action]


@dataclass(frozen=True)
class RoundEvents:
    #: The latest submission.
    submitted: RoundEvent | None = None
    #: The latest approval, return or reopening since that submission.
    decided: RoundEvent | None = None
    #: The newest event of all: a return stands until the house submits again.
    latest: RoundEvent | None = None

    @property
    def standing_return(self) -> RoundEvent | None:
        """The return the house still has to answer: the round's newest event is a return."""
        return self.latest if self.latest and self.latest.action == RETURNED else None


def round_events(audit: pd.DataFrame) -> dict[RoundKey, RoundEvents]:
    """Per round in the trail, its submission and KKR's decision."""
    rows = audit[(audit["target"] == "") & audit["action"].isin(ROUND_ACTIONS)]
    found: dict[RoundKey, RoundEvents] = {}
    # Oldest first, so each event updates what is known after it.
    for row in reversed(row_dicts(rows)):
        key = (str(row["house"]), int(row["year"]), str(row["period"]))
        reason = row["reason"] if isinstance(row["reason"], str) and row["reason"] else None
        event = RoundEvent(str(row["action"]), str(row["user"]), row["at"].to_pydatetime(), reason)
        known = found.get(key, RoundEvents())
        if event.action == REMOVED:  # the round went with its demo data: what came before too
            known = RoundEvents()
        elif event.action == SUBMITTED:
            known = RoundEvents(submitted=event, decided=None, latest=event)
        else:
            known = RoundEvents(submitted=known.submitted, decided=event, latest=event)
        found[key] = known
    return found
