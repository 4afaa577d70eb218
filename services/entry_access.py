"""Everything the Indberetning page reads and writes, each through one function here.

The page layer (``ui/entry``) never calls the store itself: it holds the store only to hand
it to these functions, which is where a later roles issue checks who may read and write what.
The person acting is the identity seam's (``db.identity.current_user``), asked here, not by
the page. Errors a person can cause come out as the ``UserError`` tree, re-exported here for
the page to catch.
"""

from __future__ import annotations

import pandas as pd

from contracts.loader import Catalog
from contracts.models import Contract
from db import RoundInfo, SaveResult, Store
from db.errors import Conflict, Unconfirmed, UserError
from db.identity import current_user
from db.records import round_label
from services import rounds
from services.entry_history import history_frame
from services.entry_save import SaveOutcome, save_entry
from services.entry_table import EntryTable
from services.values_io import ImportPlan, apply_plan, export_bytes, plan_import, template_bytes
from services.values_io.tables import CsvDialect

__all__ = [
    "Conflict",
    "RoundInfo",
    "Store",
    "Unconfirmed",
    "UserError",
    "apply_file",
    "approve",
    "export_file",
    "history",
    "house_values",
    "plan_file",
    "remove_demo",
    "reopen",
    "round_info",
    "round_label",
    "save",
    "submit",
    "template_file",
]


def house_values(store: Store, house: str) -> pd.DataFrame:
    """Every stored value of ``house`` (all years: a target measured before the contract year
    is judged with the value of its year)."""
    return store.values(house=house)


def round_info(store: Store, house: str, year: int, period: str) -> RoundInfo | None:
    return store.round(house, year, period)


def save(
    store: Store,
    contract: Contract,
    period: str,
    table: EntryTable,
    edited: EntryTable,
    *,
    include_all: bool,
) -> SaveOutcome:
    """The form's edits saved against the table as read (``services.entry_save``)."""
    return save_entry(
        store, contract, period, table, edited, user=current_user(), include_all=include_all
    )


def remove_demo(store: Store, house: str, year: int, period: str) -> int:
    """»Fjern demodata og begynd indberetningen« (audited); the demo values removed."""
    return rounds.begin_real_entry(store, house, year, period, user=current_user())


def submit(
    catalog: Catalog, store: Store, house: str, year: int, period: str, *, confirmed: bool
) -> None:
    rounds.submit_round(
        catalog, store, house, year, period, user=current_user(), confirm_missing=confirmed
    )


def approve(catalog: Catalog, store: Store, house: str, year: int, period: str) -> None:
    """Godkend (by KKR), keeping a snapshot of what was approved."""
    rounds.approve_round(catalog, store, house, year, period, user=current_user())


def reopen(store: Store, house: str, year: int, period: str, reason: str) -> None:
    rounds.reopen_round(store, house, year, period, user=current_user(), reason=reason)


def history(store: Store, contract: Contract, period: str) -> pd.DataFrame:
    """The round's latest changes in Danish (``services.entry_history``)."""
    audit = store.audit(house=contract.erhvervshus, year=contract.year)
    return history_frame(audit, period, contract)


def plan_file(data: bytes, name: str, catalog: Catalog, store: Store) -> ImportPlan:
    """The dry run of an import file; raises with every problem when it is refused."""
    return plan_import(data, name, catalog, store)


def apply_file(plan: ImportPlan, store: Store) -> SaveResult:
    """The dry run's plan written; the person confirmed it, demo data removal included."""
    return apply_plan(plan, store, current_user(), replace_demo=bool(plan.demo_rounds))


def template_file(
    contract: Contract,
    period: str,
    *,
    excel: bool = False,
    dialect: CsvDialect = "komma",
    all_targets: bool = False,
) -> bytes:
    return template_bytes(contract, period, excel=excel, dialect=dialect, all_targets=all_targets)


def export_file(
    store: Store, contract: Contract, *, excel: bool = False, dialect: CsvDialect = "komma"
) -> bytes:
    values = store.values(house=contract.erhvervshus, year=contract.year)
    return export_bytes(contract, values, excel=excel, dialect=dialect)
