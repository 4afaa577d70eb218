"""Submitting, approving, sending back and reopening a report round (erhvervshus × år ×
periode).

The store keeps the round and its allowed transitions; the submit CHECK lives here
(docs/rules.md "Report rounds"): a round can be submitted only when every target that is
i_risiko or ikke_opfyldt, every assessment, and every total whose parts or kommune rows do not
add up, carries a comment. Targets still without data ("Mangler data") do not block it, but
submitting them asks for the person's confirmation, naming them.
Submitting and approving each take a report snapshot, so the report KKR got can always be
made again (docs/reports.md).
"""

from __future__ import annotations

import pandas as pd

from contracts.describe import round_label
from contracts.loader import Catalog
from db import Store
from db.demo import REMOVE_ACTION
from db.errors import NotFound, Unconfirmed, ValidationFailed
from db.records import RoundInfo
from metrics import consistency
from metrics.frames import row_dicts
from metrics.statuses import I_RISIKO, IKKE_OPFYLDT, MANGLER_DATA, NOT_THIS_YEAR, STATUS_LABELS
from services.report.snapshots import take_snapshot
from services.status import check_house, check_period, contract_status, find_contract
from services.values_io.text import clean_text

__all__ = [
    "REMOVE_ACTION",
    "approve_round",
    "begin_real_entry",
    "missing_comments",
    "missing_data",
    "reopen_round",
    "return_round",
    "round_status_label",
    "submit_problems",
    "submit_round",
    "unexplained_findings",
]

NEEDS_COMMENT = frozenset({I_RISIKO, IKKE_OPFYLDT})
#: Findings a comment on the total explains (docs/rules.md "Consistency").
EXPLAINED_BY_COMMENT = frozenset({"parts", "kommune_sum"})
ROUND_LABELS = {"åben": "Åben", "indsendt": "Indsendt", "godkendt": "Godkendt af KKR"}
DEMO_ROUND_LABELS = {
    "åben": "Åben (demo)",
    "indsendt": "Indsendt (demo)",
    "godkendt": "Godkendt (demo)",
}


def round_status_label(info: RoundInfo) -> str:
    """``Godkendt af KKR``; a demo round's status is marked: ``Godkendt (demo)``."""
    labels = DEMO_ROUND_LABELS if info.has_demo else ROUND_LABELS
    return labels[info.status]


def _has_comment(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def missing_comments(table: pd.DataFrame) -> list[str]:
    """One Danish line per target that needs a comment before the round can be submitted."""
    problems = []
    for row in row_dicts(table):
        # Named as people write it ("8c – vækstplaner"), never by a dotted key.
        status, target = str(row["status"]), row["label"]
        if _has_comment(row["comment"]):
            continue
        assessed = row["kind"] == "assessment" or not row["value_stated"]
        if status in NEEDS_COMMENT:
            label = STATUS_LABELS[status].lower()
            problems.append(f"{target}: er {label} og mangler en kommentar.")
        elif assessed and status not in NOT_THIS_YEAR:
            problems.append(f"{target}: er en vurdering og mangler en begrundelse.")
    return problems


def unexplained_findings(
    catalog: Catalog, store: Store, house: str, year: int, period: str, table: pd.DataFrame
) -> list[str]:
    """Totals whose parts or kommune rows do not add up, without a comment explaining it."""
    comments = dict(zip(table["target"], table["comment"], strict=True))
    labels = dict(zip(table["target"], table["label"], strict=True))
    findings = consistency(find_contract(catalog, house, year), store.values(house, year))
    return [
        f"{f.message} Skriv en kommentar på {labels.get(f.target, f.target)}, der forklarer det."
        for f in findings
        if f.period == period
        and f.code in EXPLAINED_BY_COMMENT
        and not _has_comment(comments.get(f.target))
    ]


def submit_problems(
    catalog: Catalog, store: Store, house: str, year: int, period: str
) -> list[str]:
    """What still stops an open round from being submitted: comments that are missing, then
    totals that do not add up without a comment; one Danish line each."""
    table = contract_status(catalog, store, house, year, period)
    return missing_comments(table) + unexplained_findings(
        catalog, store, house, year, period, table
    )


def missing_data(table: pd.DataFrame) -> list[str]:
    """The targets still "Mangler data", in contract order."""
    return [
        str(name)
        for name, s in zip(table["label"], table["status"], strict=True)
        if s == MANGLER_DATA
    ]


def _existing(store: Store, house: str, year: int, period: str) -> RoundInfo:
    found = store.round(check_house(house), year, check_period(period))
    if found is None:
        raise NotFound(f"Der er endnu ingen indberetning for {round_label(house, year, period)}.")
    return found


def submit_round(
    catalog: Catalog,
    store: Store,
    house: str,
    year: int,
    period: str,
    *,
    user: str,
    confirm_missing: bool = False,
) -> None:
    """Mark the round indsendt, or refuse with every target that still needs a comment.

    Targets without data need ``confirm_missing``; without it ``Unconfirmed`` names them."""
    current = _existing(store, house, year, period)
    label = round_label(house, year, period)
    if current.status != "åben":
        raise ValidationFailed(f"Indberetningen for {label} er allerede {current.status}.")
    table = contract_status(catalog, store, house, year, period)
    problems = missing_comments(table)
    findings = unexplained_findings(catalog, store, house, year, period, table)
    if problems or findings:
        head = f"Indberetningen for {label} kan ikke indsendes:"
        counts = []
        if problems:
            counts.append(f"{len(problems)} måltal mangler en kommentar")
        if findings:
            many = len(findings) != 1
            counts.append(
                f"{len(findings)} {'totaler stemmer' if many else 'total stemmer'} ikke med "
                f"{'deres' if many else 'sine'} dele"
            )
        raise ValidationFailed(f"{head} {' og '.join(counts)}.", problems + findings)
    missing = missing_data(table)
    if missing and not confirm_missing:
        raise Unconfirmed(missing_data_question(label, missing))
    store.set_round_status(house, year, period, "indsendt", user=user)
    take_snapshot(catalog, store, house, year, period, reason="indsendt", user=user)


def missing_data_question(label: str, missing: list[str]) -> str:
    """What the person confirms before submitting with targets still without data."""
    names = ", ".join(missing)
    return (
        f"{len(missing)} måltal i indberetningen for {label} har stadig status »Mangler data«: "
        f"{names}. Bekræft, at indberetningen skal indsendes uden dem."
    )


def begin_real_entry(store: Store, house: str, year: int, period: str, *, user: str) -> int:
    """»Fjern demodata og begynd indberetningen«: remove the round's demo data (audited) so
    real values can be entered; the number of demo values removed."""
    return store.remove_demo(check_house(house), year, check_period(period), user=user)


def approve_round(
    catalog: Catalog, store: Store, house: str, year: int, period: str, *, user: str
) -> None:
    """Mark an indsendt round godkendt (by KKR), and keep a snapshot of what was approved."""
    _existing(store, house, year, period)
    store.set_round_status(house, year, period, "godkendt", user=user)
    take_snapshot(catalog, store, house, year, period, reason="godkendt", user=user)


def reopen_round(
    store: Store, house: str, year: int, period: str, *, user: str, reason: str
) -> None:
    """Return an indsendt or godkendt round to åben; an explicit act with a reason."""
    _existing(store, house, year, period)
    if not reason or not reason.strip():
        raise ValidationFailed(
            f"Skriv en begrundelse for at genåbne indberetningen for "
            f"{round_label(house, year, period)}."
        )
    store.set_round_status(house, year, period, "åben", user=user, reason=reason.strip())


def return_round(
    store: Store, house: str, year: int, period: str, *, user: str, reason: str
) -> None:
    """KKR sends an indsendt round back to the house (åben again), with a reason the house
    reads on Indberetning until it submits again (docs/tracker.md)."""
    current = _existing(store, house, year, period)
    label = round_label(house, year, period)
    if current.status != "indsendt":
        raise ValidationFailed(
            f"Indberetningen for {label} er {current.status}; kun en indsendt indberetning "
            "kan sendes tilbage."
        )
    try:
        text = clean_text(reason or "").strip()
    except ValueError as exc:
        raise ValidationFailed(f"Begrundelsen {exc}.") from None
    if not text:
        raise ValidationFailed(
            f"Skriv en begrundelse for at sende indberetningen for {label} tilbage; "
            "erhvervshuset ser den på Indberetning."
        )
    store.set_round_status(house, year, period, "åben", user=user, reason=text, returned=True)
