"""The contract as a document, in the sources' layout: per goal its Mål (purpose and the
target sentences), Metode and Afrapportering — what a KKR member reads and signs off.

For a draft (udkast) — and for a contract approved from one — the document adds its changes
against the contract it was built on (``based_on``), each with the drafter's reason, through
the drafting work's diff (``contracts.diff``, docs/drafting.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from contracts import danish
from contracts.diff import STATUS_LABELS, contract_diff
from contracts.diff_text import MISSING_REASON, automatic_text, entry_summary, reason_text
from contracts.loader import Catalog
from contracts.models import Contract
from contracts.reference import house_name, kkr_name
from db.errors import NotFound
from services.report import wording
from services.report.content import Front
from services.status import check_house


@dataclass(frozen=True)
class ContractTarget:
    label: str
    text: str
    requirement: str


@dataclass(frozen=True)
class ContractGoal:
    anchor: str
    heading: str
    scope: str
    purpose: str | None
    targets: tuple[ContractTarget, ...]
    method: str
    data_source: str
    reporting: str
    note: str | None


@dataclass(frozen=True)
class ContractDocument:
    front: Front
    footer: str
    sections: tuple[tuple[str, str], ...]
    goals: tuple[ContractGoal, ...]
    changes_heading: str | None
    changes: tuple[str, ...]
    sources: tuple[str, ...]


def find(catalog: Catalog, house: str, year: int, *, draft: bool) -> Contract:
    """The contract of house and year; with ``draft`` its udkast, or NotFound in Danish."""
    check_house(house)
    found = catalog.contract(house, year, draft=draft)
    if found is None:
        raise NotFound(f"{house_name(house)} har ingen resultatkontrakt for {year}.")
    if draft and found.status != "udkast":
        raise NotFound(f"{house_name(house)} har intet udkast til en kontrakt for {year}.")
    return found


def _base(catalog: Catalog, contract: Contract) -> Contract | None:
    """The real contract a draft was built on (godkendt before udkast), or None."""
    if contract.based_on is None:
        return None
    found = [
        c
        for c in catalog.contracts
        if c.erhvervshus == contract.erhvervshus and c.year == contract.based_on and not c.demo
    ]
    found.sort(key=lambda c: c.status != "godkendt")
    return found[0] if found else None


def draft_changes(draft: Contract, base: Contract | None) -> tuple[str, ...]:
    """The draft's added, removed and changed goals and targets against ``base``, one line
    each with the drafter's reason (or that it is missing, or what follows from the new
    year or framework by itself)."""
    if base is None:
        return (wording.NO_BASE.format(year=draft.based_on),)
    diff = contract_diff(base, draft)
    lines = []
    for status in ("added", "removed", "changed"):
        for entry in diff.of(status):
            line = f"{STATUS_LABELS[status]}: {entry_summary(entry)}"
            reason = reason_text(entry)
            if reason == MISSING_REASON:
                line += f". {wording.NO_REASON}"
            elif reason:
                line += f". Begrundelse: {reason}"
            automatic = automatic_text(entry)
            if automatic:
                line += f". {wording.AUTOMATIC}: {automatic}"
            lines.append(line)
    return tuple(lines) or (wording.NO_DRAFT_CHANGES,)


def _front(contract: Contract) -> Front:
    approved = contract.approved
    moment = (
        dt.datetime(approved.year, approved.month, approved.day, 12, tzinfo=wording.LOCAL_TIME)
        if approved
        else dt.datetime.now(dt.UTC)
    )
    status = "Udkast" if contract.status == "udkast" else "Godkendt"
    facts = [
        ("Erhvervshus", house_name(contract.erhvervshus)),
        ("År", str(contract.year)),
        ("Status", status + (" (demo)" if contract.demo else "")),
        ("Godkendt", danish.date(approved) if approved else (contract.approval_note or "–")),
        ("KKR", kkr_name(contract.kkr)),
        ("Rammeaftale", contract.framework or "ingen"),
        ("Geografi", f"{len(contract.geography or ())} kommuner"),
    ]
    if contract.classification_note:
        facts.append(("By og land", contract.classification_note))
    notes = tuple(
        n for n in (contract.note, wording.DEMO_CONTRACT_NOTE if contract.demo else None) if n
    )
    return Front(
        title=f"Resultatkontrakt {contract.year}: {house_name(contract.erhvervshus)}",
        subtitle=contract.title or "Resultatkontrakt mellem KKR og erhvervshuset",
        facts=tuple(facts),
        running_header=f"Resultatkontrakt {contract.year} · {house_name(contract.erhvervshus)}",
        provisional=wording.DRAFT_MARK if contract.status == "udkast" else None,
        demo=contract.demo,
        created=moment,
        notes=notes,
    )


def contract_document(
    catalog: Catalog, house: str, year: int, *, draft: bool = False
) -> ContractDocument:
    contract = find(catalog, house, year, draft=draft)
    goals = tuple(
        ContractGoal(
            anchor=f"maal-{goal.number}",
            heading=wording.goal_heading(goal),
            scope=wording.goal_scope(goal),
            purpose=goal.purpose,
            targets=tuple(
                ContractTarget(wording.target_label(t), t.text, wording.requirement(t))
                for t in goal.targets
            ),
            method=goal.method or wording.ANNEX_MISSING,
            data_source=goal.data_source or wording.ANNEX_MISSING,
            reporting=goal.reporting or wording.ANNEX_MISSING,
            note=goal.note,
        )
        for goal in contract.goals
    )
    changes: tuple[str, ...] = ()
    heading = None
    if contract.based_on is not None:
        heading = wording.changes_heading(contract.based_on)
        changes = draft_changes(contract, _base(catalog, contract))
    return ContractDocument(
        front=_front(contract),
        footer=wording.contract_footer(contract.status, contract.year),
        sections=tuple((s.title, s.text) for s in contract.sections),
        goals=goals,
        changes_heading=heading,
        changes=changes,
        sources=contract.sources,
    )
