"""KKR's approval of a draft: it becomes the year's godkendt contract (docs/drafting.md).

``approve_draft`` is the one door to approval: the roles issue puts its permission check
there. The draft's file leaves ``udkast/`` and is written to the contracts folder with status
``godkendt``, the date and the meeting; the act is recorded in the store's contract events.
Values stored for targets the approved contract no longer has are kept and listed, never
deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from contracts import danish
from contracts.dump import SCHEMA_REF, contract_to_yaml
from contracts.loader import Catalog, contracts_dir, load_folder, unresolve_defaults
from contracts.models import Contract
from contracts.reference import house_name
from db import Store
from db.audit import CONTRACT_APPROVED
from db.errors import Conflict, NotFound, ValidationFailed
from metrics.frames import row_dicts
from services.drafting import check_text
from services.drafts import (
    content_hash,
    draft_path,
    folder_lock,
    write_atomically,
)


@dataclass(frozen=True)
class Orphan:
    """Stored values of a target the approved contract no longer has (kept, not deleted)."""

    target: str
    period: str
    count: int
    demo: bool

    #: How people write the target (its label where a contract of the house has it).
    name: str = ""

    def describe(self, year: int) -> str:
        values = danish.counted(str(self.count), "værdi", "værdier")
        demo = " (demodata)" if self.demo else ""
        name = self.name or self.target
        return f"{name}, {danish.period_label(self.period, year)}: {values}{demo}"


@dataclass(frozen=True)
class Approval:
    contract: Contract
    path: Path
    orphans: tuple[Orphan, ...]


def orphaned_values(
    values: pd.DataFrame, contract: Contract, names: dict[str, str] | None = None
) -> list[Orphan]:
    """Values of ``contract``'s house and year whose target it does not have; ``names`` (key
    → name, from the house's other contracts) names them as people write them."""
    own = values[(values["house"] == contract.erhvervshus) & (values["year"] == contract.year)]
    keys = {target.key for _goal, target in contract.targets()}
    lost = own[~own["target"].isin(keys)]
    groups = lost.groupby(["target", "period", "is_demo"], sort=True).size().reset_index()
    return [
        Orphan(
            str(row["target"]),
            str(row["period"]),
            int(row[0]),
            bool(row["is_demo"]),
            (names or {}).get(str(row["target"]), ""),
        )
        for row in row_dicts(groups)
    ]


def approve_draft(
    store: Store,
    house: str,
    year: int,
    *,
    approved: dt.date,
    meeting: str,
    user: str,
    root: Path | None = None,
) -> Approval:
    """Record KKR's approval of the draft of ``house`` and ``year``.

    Refused in Danish when there is no draft, when it has errors, when the year already has
    a godkendt contract, or when the meeting is not named."""
    meeting = meeting.strip()
    if not meeting:
        raise ValidationFailed("Angiv KKR-mødet, der godkendte kontrakten (fx 'KKR Sjælland').")
    folder = root or contracts_dir()
    path = draft_path(house, year, folder)
    with folder_lock(path.parent):
        if not path.exists():
            raise NotFound(f"Der er intet udkast til {house_name(house)} {year} at godkende.")
        catalog = load_folder(folder)
        _refuse_second_godkendt(catalog, house, year)
        draft_bytes = path.read_bytes()
        checked = check_text(catalog, draft_bytes.decode("utf-8-sig"))
        draft = checked.contracts[0] if checked.contracts else None
        if checked.errors or draft is None:
            raise ValidationFailed(
                f"Udkastet til {house_name(house)} {year} har fejl og kan ikke godkendes:",
                [f"{i.path}: {i.message}" for i in checked.errors],
            )
        contract = draft.model_copy(
            update={"status": "godkendt", "approved": approved, "approval_meeting": meeting}
        )
        target = folder / f"{house}-{year}.yaml"
        if target.exists():
            raise Conflict(
                f"Filen {target.name} findes allerede i kontraktmappen; flyt den, før "
                "udkastet godkendes."
            )
        text = contract_to_yaml(unresolve_defaults(contract), schema_ref=SCHEMA_REF)
        digest = content_hash(write_atomically(target, text))
        path.unlink()
        names = {
            target.key: target.name
            for known in catalog.contracts
            if known.erhvervshus == house
            for _goal, target in known.targets()
        }
        orphans = orphaned_values(store.values(house=house, year=year), contract, names)
        store.record_contract_event(
            CONTRACT_APPROVED,
            house,
            year,
            user=user,
            content_hash=digest,
            detail={
                "dato": approved.isoformat(),
                "møde": meeting,
                "fil": target.name,
                "udkast": content_hash(draft_bytes),
                "værdier_uden_måltal": [
                    {"måltal": o.target, "periode": o.period, "antal": o.count, "demo": o.demo}
                    for o in orphans
                ],
            },
        )
    return Approval(contract, target, tuple(orphans))


def _refuse_second_godkendt(catalog: Catalog, house: str, year: int) -> None:
    for contract in catalog.contracts:
        same = contract.erhvervshus == house and contract.year == year
        if same and contract.status == "godkendt" and not contract.demo:
            when = f" {danish.date(contract.approved)}" if contract.approved else ""
            raise Conflict(
                f"{house_name(house)} {year} har allerede en godkendt kontrakt{when}; "
                "udkastet kan ikke godkendes oven i den."
            )
