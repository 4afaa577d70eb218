"""The one door from the pages and the command line to the store: who acts, and what they do.

    with Session.open() as session:              # DATABASE_URL, migrated; the CLI
        session.submit_round(session.catalog(), "sjaelland", 2022, "H1")

    session = data.session()                     # the pages: one store per process
    session.values(house="sjaelland")

A ``Session`` holds the store and the acting person (a ``Principal``). Every read and write
that ``ui/``, ``app_pages/`` and ``commands/`` make goes through one of its methods, and each
method asks ``services.permissions.require`` first, or filters what it reads
(``services/visibility.py``): the checks live here, not in the pages (docs/roles.md).
The methods call the service functions that hold the rules (``services/rounds.py``,
``services/values_io/``, ``services/drafting.py``, ``services/approval.py``,
``services/report/``, ``services/prepare.py``), which take the store itself; the adapters
never hold the store.

The command line acts as an administrator named by ``APP_USER`` or the OS user
(``Session.open()``); the pages act as the person logged in (``for_token``, ``as_principal``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import TracebackType

import pandas as pd

from contracts.loader import Catalog
from contracts.models import Contract
from db import RoundInfo, SaveResult, Store, default_database_url
from db.errors import Forbidden
from db.identity import current_user
from services import rounds
from services.catalog import load_catalog
from services.drafts import DraftFile, read_draft
from services.entry_history import LATEST, history_frame
from services.permissions import PUBLIC, Principal, internal_houses, operator
from services.permissions import cache_scope as scope_of
from services.report.make import ReportFile, make_report
from services.report.snapshots import SnapshotInfo, list_snapshots
from services.round_events import ROUND_ACTIONS, RoundEvent, round_events
from services.session_accounts import AccountMethods
from services.session_writes import WriteMethods
from services.status import contract_status
from services.tracker import TrackerRow, tracker_rows
from services.values_io.export import export_bytes
from services.values_io.tables import CsvDialect
from services.visibility import (
    visible_audit,
    visible_contracts,
    visible_events,
    visible_rounds,
    visible_values,
)

__all__ = [
    "PUBLIC",
    "Principal",
    "RoundEvent",
    "RoundInfo",
    "SaveResult",
    "Session",
    "TrackerRow",
    "database_url",
]


def database_url() -> str:
    """``DATABASE_URL``, else the embedded SQLite file (the key the pages cache the store by)."""
    return default_database_url()


@dataclass(frozen=True)
class Session(WriteMethods, AccountMethods):
    #: The store itself: for the service functions the methods call, never for an adapter.
    store: Store
    #: Who reads and writes: what they may do (docs/roles.md); recorded in the audit trail.
    principal: Principal
    #: A Danish notice for the page (single sign-on of someone without a user row).
    notice: str = ""

    @property
    def actor(self) -> str:
        """The acting person's name, as the audit trail records it."""
        return self.principal.name

    @classmethod
    def open(cls, url: str | None = None, principal: Principal | None = None) -> Session:
        """The store at ``url`` (default ``DATABASE_URL``), migrated to the newest schema, used
        by ``principal`` (default: the command line, an administrator named by ``APP_USER``)."""
        store = Store(url)
        try:
            store.upgrade()
        except BaseException:
            store.dispose()
            raise
        return cls(store, principal or operator(current_user()))

    def acting_as(self, actor: str | None = None) -> Session:
        """The same store used by the administrator ``actor`` (default: ``APP_USER`` or the OS
        user): only an administrator's session (the command line's) may hand this out."""
        if self.principal.role != "admin" or self.principal.demo:
            raise Forbidden("Kun en administrator kan handle på en andens vegne.")
        return self.as_principal(operator(actor or current_user()))

    def cache_scope(self) -> str:
        """What decides what this principal may see: a key for caches shared between
        sessions ("offentlig", "hus:fyn", "kkr:syddanmark", "alle"; ":demo" for demo)."""
        return scope_of(self.principal)

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

    # Reads: filtered to what the principal may see (services/visibility.py).

    def data_versions(self) -> dict[str, str]:
        """The store's data versions per erhvervshus (``db/generation.py``)."""
        return self.store.data_versions()

    def catalog(self) -> Catalog:
        """The contracts folder, with demo contracts while the store holds demo values; a
        draft (``status: udkast``) only for those who may read its house's internal data."""
        return visible_contracts(self.principal, load_catalog(self.store))

    def visible_catalog(self, catalog: Catalog) -> Catalog:
        """``catalog`` (loaded and cached by the caller) as this principal may see it."""
        return visible_contracts(self.principal, catalog)

    def values(
        self, house: str | None = None, year: int | None = None, period: str | None = None
    ) -> pd.DataFrame:
        """Reported values, one row each (``contracts.reported.VALUE_COLUMNS``)."""
        values = self.store.values(house, year, period)
        if self.principal.is_operator:
            return values
        rounds = self.store.rounds(house, year)
        return visible_values(self.principal, values, rounds, None)

    def has_demo_values(self) -> bool:
        return self.store.has_demo_values()

    def audit(
        self,
        house: str | None = None,
        year: int | None = None,
        target: str | None = None,
        *,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """The audit trail: who changed what, when and why (internal data only), newest
        first; at most the latest ``limit`` events (a demo account's are then those of them
        in demo rounds)."""
        if self.principal.role is None or (house is not None and not self.principal.demo):
            self._require("read_internal", house)
        rounds = self.store.rounds(house, year) if self.principal.demo else []
        trail = self.store.audit(house, year, target, limit=limit)
        return visible_audit(self.principal, trail, rounds, None)

    def round(self, house: str, year: int, period: str) -> RoundInfo | None:
        found = self.store.round(house, year, period)
        shown = visible_rounds(self.principal, [found] if found else [], None)
        return shown[0] if shown else None

    def rounds(self, house: str | None = None, year: int | None = None) -> list[RoundInfo]:
        return visible_rounds(self.principal, self.store.rounds(house, year), None)

    def standing_return(self, house: str, year: int, period: str) -> RoundEvent | None:
        """KKR's return of the round, while the house has not submitted it again; None also
        for those who may not read the house's internal data (docs/tracker.md)."""
        try:
            self._require("read_internal", house, round_key=(year, period))
        except Forbidden:
            return None
        trail = self.store.audit(house, year, "", period=period, actions=ROUND_ACTIONS)
        events = round_events(trail).get((house, year, period))
        return events.standing_return if events else None

    def tracker(
        self,
        catalog: Catalog,
        today: dt.date,
        *,
        kkr: str | None = None,
        year: int | None = None,
    ) -> list[TrackerRow]:
        """KKR's round tracker: one row per house × year × period of the houses whose
        internal data the principal may read (docs/tracker.md); a demo account's rows are
        those of demo data only."""
        houses = internal_houses(self.principal, catalog)
        rows = tracker_rows(catalog, self.store, today, kkr=kkr, year=year, houses=houses)
        return [row for row in rows if row.demo] if self.principal.demo else rows

    def status(self, catalog: Catalog, house: str, year: int, period: str) -> pd.DataFrame:
        """One row per target of the contract of house and year (``metrics.fulfilment``),
        from the values the principal may see."""
        if self.principal.is_operator:
            return contract_status(catalog, self.store, house, year, period)
        values = self.values(house)
        return contract_status(catalog, self.store, house, year, period, values=values)

    def submit_problems(self, catalog: Catalog, house: str, year: int, period: str) -> list[str]:
        """What still stops the round from being submitted, one Danish line each."""
        self._require("read_internal", house, catalog, round_key=(year, period))
        return rounds.submit_problems(catalog, self.store, house, year, period)

    def round_history(self, contract: Contract, period: str) -> pd.DataFrame:
        """The round's latest changes in Danish, newest first (``services.entry_history``)."""
        house, year = contract.erhvervshus, contract.year
        self._require("read_internal", house, round_key=(year, period), demo=contract.demo)
        audit = self.store.audit(house=house, year=year, period=period, limit=LATEST)
        return history_frame(audit, period, contract)

    def export(
        self, contract: Contract, *, excel: bool = False, dialect: CsvDialect = "komma"
    ) -> bytes:
        """The contract's values the principal may see as an import-ready file
        (docs/import-format.md)."""
        values = self.values(house=contract.erhvervshus, year=contract.year)
        return export_bytes(contract, values, excel=excel, dialect=dialect)

    def read_draft(self, house: str, year: int) -> DraftFile | None:
        """The saved draft of next year's contract, with who saved it (docs/drafting.md)."""
        self._require("read_internal", house)
        return read_draft(self.store, house, year)

    def contract_events(self, house: str, year: int) -> pd.DataFrame:
        """Who saved a contract's draft or recorded its approval, and when (names only for
        those who may read the house's internal data)."""
        return visible_events(self.principal, self.store.contract_events(house, year), None)

    def snapshots(
        self, house: str, year: int | None = None, period: str | None = None
    ) -> list[SnapshotInfo]:
        """The stored snapshots of a house ("landet": the national report) that the principal
        may see (``services.report.snapshots.may_see``), newest first."""
        return list_snapshots(self.store, house, year, period, viewer=self.principal)

    def report(self, snapshot_id: int, fmt: str) -> ReportFile:
        """The KKR report of a stored snapshot (docs/reports.md); writes nothing."""
        return make_report(self.store, snapshot_id, fmt, viewer=self.principal)
