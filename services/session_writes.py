"""The session's writes: each checked first, each recorded with the acting person.

A demo account's values are stored as demo values, so ``demo --clear`` removes them
(docs/roles.md).
"""

from __future__ import annotations

import datetime as dt

from contracts.loader import Catalog
from contracts.models import Contract
from db import SaveResult
from db.errors import Forbidden
from services import prepare, rounds
from services.approval import Approval, approve_draft
from services.demo_accounts import add_demo_accounts
from services.demo_fill import fill_demo
from services.drafting import save_draft
from services.drafts import DraftFile
from services.entry_save import SaveOutcome, save_entry
from services.entry_table import EntryTable
from services.report.make import ReportFile, snapshot_and_report
from services.report.snapshots import NATIONAL
from services.session_guard import Guarded
from services.values_io.plan import ImportPlan, apply_plan, plan_import
from services.visibility import GODKENDT


class WriteMethods(Guarded):
    def plan_import(self, data: bytes, filename: str, catalog: Catalog) -> ImportPlan:
        """What importing the file would do, checked whole; nothing is written. A row for a
        house (or, for a demo account, a round) the principal may not import to refuses the
        whole file, naming the row."""
        plan = plan_import(data, filename, catalog, self.store)
        self._check_import(plan, catalog)
        return plan

    def _check_import(self, plan: ImportPlan, catalog: Catalog | None) -> None:
        demo = set(plan.demo_rounds)
        for item in plan.items:
            entry = item.entry
            try:
                self._require(
                    "import",
                    entry.house,
                    catalog,
                    round_key=(entry.year, entry.period),
                    demo=entry.key[:3] in demo,
                )
            except Forbidden as exc:
                row = ", ".join(str(r) for r in entry.rows)
                raise Forbidden(
                    f"Filen '{plan.source}' er afvist, og intet er importeret: række {row} "
                    f"gælder {entry.key[3]} for {entry.house}. {exc}"
                ) from exc

    def apply_import(self, plan: ImportPlan, *, replace_demo: bool = False) -> SaveResult:
        """Write a planned import, checked again row by row (all or nothing)."""
        self._check_import(plan, None)
        demo = self.principal.demo
        return apply_plan(
            plan, self.store, self.principal.name, replace_demo=replace_demo, demo=demo
        )

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
        house, year = contract.erhvervshus, contract.year
        self._require("write_value", house, round_key=(year, period), demo=contract.demo)
        return save_entry(
            self.store,
            contract,
            period,
            table,
            edited,
            user=self.principal.name,
            include_all=include_all,
            demo=self.principal.demo,
        )

    def begin_real_entry(self, house: str, year: int, period: str) -> int:
        """»Fjern demodata og begynd indberetningen« (audited); how many demo values went.
        Not for a demo account: it acts on demo data only."""
        if self.principal.demo:
            raise Forbidden("En demokonto kan ikke fjerne demodata for at indberette rigtige tal.")
        self._require("write_value", house)
        return rounds.begin_real_entry(self.store, house, year, period, user=self.principal.name)

    def submit_round(
        self,
        catalog: Catalog,
        house: str,
        year: int,
        period: str,
        *,
        confirm_missing: bool = False,
    ) -> None:
        self._require("submit", house, catalog, round_key=(year, period))
        rounds.submit_round(
            catalog,
            self.store,
            house,
            year,
            period,
            user=self.principal.name,
            confirm_missing=confirm_missing,
        )

    def approve_round(self, catalog: Catalog, house: str, year: int, period: str) -> None:
        """Mark an indsendt round godkendt, keeping a snapshot of what was approved."""
        self._require("approve", house, catalog, round_key=(year, period))
        rounds.approve_round(catalog, self.store, house, year, period, user=self.principal.name)

    def reopen_round(self, house: str, year: int, period: str, *, reason: str) -> None:
        """Reopen an indsendt round (its house or an administrator) or a godkendt one (only an
        administrator), with a reason."""
        self._require("reopen", house, round_key=(year, period))
        found = self.store.round(house, year, period)
        if found is not None and found.status == GODKENDT and self.principal.role != "admin":
            raise Forbidden("Kun en administrator kan genåbne en godkendt indberetning.")
        rounds.reopen_round(
            self.store, house, year, period, user=self.principal.name, reason=reason
        )

    def snapshot_and_report(
        self, catalog: Catalog, house: str, year: int, period: str, fmt: str
    ) -> ReportFile:
        """Take a snapshot of the values as they are now, then make its report: for those who
        may read the house's internal data, and for everybody of a godkendt round. The
        national report holds every round, so only an administrator takes it."""
        if house == NATIONAL:
            self._require_admin("lave den nationale rapport")
        else:
            found = self.store.round(house, year, period)
            if found is None or found.status != GODKENDT:
                self._require("read_internal", house, catalog, round_key=(year, period))
        return snapshot_and_report(
            catalog, self.store, house, year, period, fmt, user=self.principal.name
        )

    def save_draft(self, catalog: Catalog, text: str, *, expected_hash: str | None) -> DraftFile:
        """Save a draft in ``udkast/``; a draft changed since it was read is a conflict."""

        def allowed(house: str) -> None:
            self._require("draft", house, catalog)

        return save_draft(
            self.store,
            catalog,
            text,
            expected_hash=expected_hash,
            user=self.principal.name,
            allowed=allowed,
        )

    def approve_draft(self, house: str, year: int, *, approved: dt.date, meeting: str) -> Approval:
        """Record KKR's approval of the saved draft: it becomes the godkendt contract."""
        self._require("approve_contract", house)
        return approve_draft(
            self.store, house, year, approved=approved, meeting=meeting, user=self.principal.name
        )

    def clear_demo(self) -> int:
        """Remove every demo value and demo round, and the demo accounts; how many values."""
        self._require_admin("fjerne demodata")
        removed = self.store.clear_demo(self.principal.name)
        self.store.remove_demo_users()
        return removed

    def fill_demo(self, *, as_of: dt.date) -> str:
        """A fresh demo set in place of any old one; a Danish summary line."""
        self._require_admin("indlæse demodata")
        return fill_demo(self.store, as_of=as_of)

    def add_demo_accounts(self, *, now: dt.datetime | None = None) -> list[str]:
        """Fresh demo accounts, one per role, with passwords shown once; refused (a Danish
        line) when the store has real users (``services/demo_accounts.py``)."""
        self._require_admin("oprette demokonti")
        return add_demo_accounts(self.store, now=now or dt.datetime.now(dt.UTC))

    def prepare(self, *, as_of: dt.date) -> list[str]:
        """What ``make run`` does before the app starts (``services/prepare.py``)."""
        self._require_admin("gøre appen klar")
        return prepare.prepare(self.store, as_of=as_of)
