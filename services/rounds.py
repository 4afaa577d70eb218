"""Submitting, approving and reopening a report round (erhvervshus × år × periode).

The store keeps the round and its allowed transitions; the submit CHECK lives here: a round
can be submitted only when every target that is i_risiko or ikke_opfyldt, and every
assessment (including targets whose måltal is not stated), has a comment (DOMAIN.md).
Submitting and approving each take a report snapshot, so the report KKR got can always be
made again (docs/reports.md).
"""

from __future__ import annotations

from typing import Protocol

import pandas as pd

from contracts.loader import Catalog
from db.errors import NotFound, ValidationFailed
from db.records import RoundInfo, round_label
from metrics.statuses import I_RISIKO, IKKE_OPFYLDT, MAALES_SENERE, STATUS_LABELS
from services.report.snapshots import SnapshotStore, take_snapshot
from services.status import check_house, check_period, contract_status

NEEDS_COMMENT = frozenset({I_RISIKO, IKKE_OPFYLDT})


class RoundStore(SnapshotStore, Protocol):
    def values(
        self, house: str | None = None, year: int | None = None, period: str | None = None
    ) -> pd.DataFrame: ...

    def round(self, house: str, year: int, period: str) -> RoundInfo | None: ...

    def set_round_status(
        self,
        house: str,
        year: int,
        period: str,
        status: str,
        *,
        user: str,
        reason: str | None = None,
    ) -> None: ...


def missing_comments(table: pd.DataFrame) -> list[str]:
    """One Danish line per target that needs a comment before the round can be submitted."""
    problems = []
    for row in table.to_dict("records"):
        # Named as people write it ("8c – vækstplaner"), never by a dotted key.
        comment, status, target = row["comment"], str(row["status"]), row["label"]
        if isinstance(comment, str) and comment.strip():
            continue
        assessed = row["kind"] == "assessment" or not row["value_stated"]
        if status in NEEDS_COMMENT:
            label = STATUS_LABELS[status].lower()
            problems.append(f"{target}: er {label} og mangler en kommentar.")
        elif assessed and status != MAALES_SENERE:
            problems.append(f"{target}: er en vurdering og mangler en begrundelse.")
    return problems


def _existing(store: RoundStore, house: str, year: int, period: str) -> RoundInfo:
    found = store.round(check_house(house), year, check_period(period))
    if found is None:
        raise NotFound(f"Der er endnu ingen indberetning for {round_label(house, year, period)}.")
    return found


def submit_round(
    catalog: Catalog, store: RoundStore, house: str, year: int, period: str, *, user: str
) -> None:
    """Mark the round indsendt, or refuse with every target that still needs a comment."""
    current = _existing(store, house, year, period)
    label = round_label(house, year, period)
    if current.status != "åben":
        raise ValidationFailed(f"Indberetningen for {label} er allerede {current.status}.")
    problems = missing_comments(contract_status(catalog, store, house, year, period))
    if problems:
        raise ValidationFailed(
            f"Indberetningen for {label} kan ikke indsendes: "
            f"{len(problems)} måltal mangler en kommentar.",
            problems,
        )
    store.set_round_status(house, year, period, "indsendt", user=user)
    take_snapshot(catalog, store, house, year, period, reason="indsendt", user=user)


def approve_round(
    catalog: Catalog, store: RoundStore, house: str, year: int, period: str, *, user: str
) -> None:
    """Mark an indsendt round godkendt (by KKR), and keep a snapshot of what was approved."""
    _existing(store, house, year, period)
    store.set_round_status(house, year, period, "godkendt", user=user)
    take_snapshot(catalog, store, house, year, period, reason="godkendt", user=user)


def reopen_round(
    store: RoundStore, house: str, year: int, period: str, *, user: str, reason: str
) -> None:
    """Return an indsendt or godkendt round to åben; an explicit act with a reason."""
    _existing(store, house, year, period)
    if not reason or not reason.strip():
        raise ValidationFailed(
            f"Skriv en begrundelse for at genåbne indberetningen for "
            f"{round_label(house, year, period)}."
        )
    store.set_round_status(house, year, period, "åben", user=user, reason=reason.strip())
