"""The one door from the pages and the command line to the store: who acts, and what they do.

    with Session.open() as session:              # DATABASE_URL, migrated; the CLI
        session.submit_round(session.catalog(), "sjaelland", 2022, "H1")

    session = data.session()                     # the pages: one store per process
    session.values(house="sjaelland")

A ``Session`` holds the store and the acting person. Every read and write that ``ui/``,
``app_pages/`` and ``commands/`` make goes through one of its methods, so a check of what the
acting person may see or do has one place to live (docs/architecture.md, "The service seam").
The methods call the service functions that hold the rules (``services/rounds.py``,
``services/values_io/``, ``services/drafting.py``, ``services/approval.py``,
``services/report/``, ``services/prepare.py``), which take the store itself; the adapters
never hold the store.

Today the acting person is ``db.identity.current_user()`` (``APP_USER``, else the operating
system's user) unless the caller names one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from types import TracebackType

import pandas as pd

from contracts.loader import Catalog
from contracts.models import Contract
from db import RoundInfo, SaveResult, Store, default_database_url
from db.identity import current_user
from services import prepare, rounds
from services.approval import Approval, approve_draft
from services.catalog import load_catalog
from services.demo_fill import fill_demo
from services.drafting import save_draft
from services.drafts import DraftFile, read_draft
from services.entry_history import history_frame
from services.entry_save import SaveOutcome, save_entry
from services.entry_table import EntryTable
from services.report.make import ReportFile, make_report, snapshot_and_report
from services.report.snapshots import SnapshotInfo, list_snapshots
from services.round_events import RoundEvent, round_events
from services.status import contract_status
from services.tracker import TrackerRow, tracker_rows
from services.values_io.export import export_bytes
from services.values_io.plan import ImportPlan, apply_plan, plan_import
from services.values_io.tables import CsvDialect

__all__ = ["RoundEvent", "RoundInfo", "SaveResult", "Session", "TrackerRow", "database_url"]


def database_url() -> str:
    """``DATABASE_URL``, else the embedded SQLite file (the key the pages cache the store by)."""
    return default_database_url()


@dataclass(frozen=True)
class Session:
    #: The store itself: for the service functions the methods call, never for an adapter.
    store: Store
    #: Who reads and writes: recorded with every change in the audit trail.
    actor: str

    @classmethod
    def open(cls, url: str | None = None, *, actor: str | None = None) -> Session:
        """The store at ``url`` (default ``DATABASE_URL``), migrated to the newest schema."""
        store = Store(url)
        try:
            store.upgrade()
        except BaseException:
            store.dispose()
            raise
        return cls(store, actor or current_user())

    def acting_as(self, actor: str | None = None) -> Session:
        """The same store, used by ``actor`` (default: the person using the product now)."""
        return dataclasses.replace(self, actor=actor or current_user())

    def close(self) -> None:
        self.store.dispose()

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Reads.

    def catalog(self) -> Catalog:
        """The contracts folder, with demo contracts while the store holds demo values."""
        return load_catalog(self.store)

    def values(
        self, house: str | None = None, year: int | None = None, period: str | None = None
    ) -> pd.DataFrame:
        """Reported values, one row each (``contracts.reported.VALUE_COLUMNS``)."""
        return self.store.values(house, year, period)

    def has_demo_values(self) -> bool:
        return self.store.has_demo_values()

    def audit(
        self, house: str | None = None, year: int | None = None, target: str | None = None
    ) -> pd.DataFrame:
        """The audit trail: who changed what, when and why."""
        return self.store.audit(house, year, target)

    def round(self, house: str, year: int, period: str) -> RoundInfo | None:
        return self.store.round(house, year, period)

    def rounds(self, house: str | None = None, year: int | None = None) -> list[RoundInfo]:
        return self.store.rounds(house, year)

    def standing_return(self, house: str, year: int, period: str) -> RoundEvent | None:
        """KKR's return of the round, while the house has not submitted it again."""
        events = round_events(self.store.audit(house, year)).get((house, year, period))
        return events.standing_return if events else None

    def tracker(
        self,
        catalog: Catalog,
        today: dt.date,
        *,
        kkr: str | None = None,
        year: int | None = None,
    ) -> list[TrackerRow]:
        """KKR's round tracker: one row per house × year × period (docs/tracker.md)."""
        return tracker_rows(catalog, self.store, today, kkr=kkr, year=year)

    def status(self, catalog: Catalog, house: str, year: int, period: str) -> pd.DataFrame:
        """One row per target of the contract of house and year (``metrics.fulfilment``)."""
        return contract_status(catalog, self.store, house, year, period)

    def submit_problems(self, catalog: Catalog, house: str, year: int, period: str) -> list[str]:
        """What still stops the round from being submitted, one Danish line each."""
        return rounds.submit_problems(catalog, self.store, house, year, period)

    def round_history(self, contract: Contract, period: str) -> pd.DataFrame:
        """The round's latest changes in Danish, newest first (``services.entry_history``)."""
        audit = self.store.audit(house=contract.erhvervshus, year=contract.year)
        return history_frame(audit, period, contract)

    def export(
        self, contract: Contract, *, excel: bool = False, dialect: CsvDialect = "komma"
    ) -> bytes:
        """The contract's stored values as an import-ready file (docs/import-format.md)."""
        values = self.store.values(house=contract.erhvervshus, year=contract.year)
        return export_bytes(contract, values, excel=excel, dialect=dialect)

    def plan_import(self, data: bytes, filename: str, catalog: Catalog) -> ImportPlan:
        """What importing the file would do, checked whole; nothing is written."""
        return plan_import(data, filename, catalog, self.store)

    def read_draft(self, house: str, year: int) -> DraftFile | None:
        """The saved draft of next year's contract, with who saved it (docs/drafting.md)."""
        return read_draft(self.store, house, year)

    def contract_events(self, house: str, year: int) -> pd.DataFrame:
        """Who saved a contract's draft or recorded its approval, and when."""
        return self.store.contract_events(house, year)

    def snapshots(
        self, house: str, year: int | None = None, period: str | None = None
    ) -> list[SnapshotInfo]:
        """The stored snapshots of a house ("landet": the national report) that the actor may
        see (``services.report.snapshots.may_see``), newest first."""
        return list_snapshots(self.store, house, year, period, viewer=self.actor)

    def report(self, snapshot_id: int, fmt: str) -> ReportFile:
        """The KKR report of a stored snapshot (docs/reports.md); writes nothing."""
        return make_report(self.store, snapshot_id, fmt, viewer=self.actor)

    # Writes: each recorded with ``actor``.

    def apply_import(self, plan: ImportPlan, *, replace_demo: bool = False) -> SaveResult:
        return apply_plan(plan, self.store, self.actor, replace_demo=replace_demo)

    def save_entry(
        self,
        contract: Contract,
        period: str,
        table: EntryTable,
        edited: EntryTable,
        *,
        include_all: bool,
    ) -> SaveOutcome:
        """Indberetning's edits saved against the table as read; a value someone else changed
        since is kept for the person's choice (``services.entry_save``, docs/entry.md)."""
        return save_entry(
            self.store, contract, period, table, edited, user=self.actor, include_all=include_all
        )

    def begin_real_entry(self, house: str, year: int, period: str) -> int:
        """»Fjern demodata og begynd indberetningen« (audited); how many demo values went."""
        return rounds.begin_real_entry(self.store, house, year, period, user=self.actor)

    def submit_round(
        self,
        catalog: Catalog,
        house: str,
        year: int,
        period: str,
        *,
        confirm_missing: bool = False,
    ) -> None:
        rounds.submit_round(
            catalog,
            self.store,
            house,
            year,
            period,
            user=self.actor,
            confirm_missing=confirm_missing,
        )

    def approve_round(self, catalog: Catalog, house: str, year: int, period: str) -> None:
        """Mark an indsendt round godkendt, keeping a snapshot of what was approved."""
        rounds.approve_round(catalog, self.store, house, year, period, user=self.actor)

    def return_round(self, house: str, year: int, period: str, *, reason: str) -> None:
        """KKR sends an indsendt round back to the house with a reason (docs/tracker.md)."""
        rounds.return_round(self.store, house, year, period, user=self.actor, reason=reason)

    def reopen_round(self, house: str, year: int, period: str, *, reason: str) -> None:
        rounds.reopen_round(self.store, house, year, period, user=self.actor, reason=reason)

    def snapshot_and_report(
        self, catalog: Catalog, house: str, year: int, period: str, fmt: str
    ) -> ReportFile:
        """Take a snapshot of the values as they are now, then make its report."""
        return snapshot_and_report(catalog, self.store, house, year, period, fmt, user=self.actor)

    def save_draft(self, catalog: Catalog, text: str, *, expected_hash: str | None) -> DraftFile:
        """Save a draft in ``udkast/``; a draft changed since it was read is a conflict."""
        return save_draft(self.store, catalog, text, expected_hash=expected_hash, user=self.actor)

    def approve_draft(self, house: str, year: int, *, approved: dt.date, meeting: str) -> Approval:
        """Record KKR's approval of the saved draft: it becomes the godkendt contract."""
        return approve_draft(
            self.store, house, year, approved=approved, meeting=meeting, user=self.actor
        )

    def clear_demo(self) -> int:
        """Remove every demo value and demo round; how many values were removed."""
        return self.store.clear_demo(self.actor)

    def fill_demo(self, *, as_of: dt.date) -> str:
        """A fresh demo set in place of any old one; a Danish summary line."""
        return fill_demo(self.store, as_of=as_of)

    def prepare(self, *, as_of: dt.date) -> list[str]:
        """What ``make run`` does before the app starts (``services/prepare.py``)."""
        return prepare.prepare(self.store, as_of=as_of)
