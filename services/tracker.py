"""KKR's round tracker: one row per erhvervshus × år × periode (docs/tracker.md).

Each row says the round's status in Danish, who submitted it and when, who approved, sent
back or reopened it since, when and why, which targets still lack a value or a comment, and
whether it is overdue. "Overdue" is judged against a due date per period, configurable per
KKR in ``contracts/reference/kkr.yaml``; the sources give none, so the defaults are the
product's own (15 August for 1. halvår, 1 April of the next year for helår).

``tracker_rows`` reads the store (rounds, the audit trail, each round's status table);
``tracker_row`` and ``overdue`` are pure, with ``today`` a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from contracts import danish
from contracts.loader import Catalog
from contracts.models import PERIODS, Contract
from contracts.reference import house_name, kkrs
from db import Store
from db.records import RoundInfo
from services.round_events import ROUND_ACTIONS, RoundEvent, RoundEvents, round_events
from services.rounds import missing_data, round_status_label, submit_problems
from services.status import contract_status

NOT_STARTED = "Ikke påbegyndt"
#: Rounds that are with KKR or done: never overdue.
HANDED_IN = frozenset({"indsendt", "godkendt"})


@dataclass(frozen=True)
class TrackerRow:
    house: str
    year: int
    period: str
    kkr: str
    #: The round's status in Danish ("Indsendt", "Åben – sendt tilbage", "Ikke påbegyndt").
    status: str
    submitted: RoundEvent | None
    #: The latest approval, return or reopening since the submission.
    decided: RoundEvent | None
    #: Targets still "Mangler data", by name.
    missing_values: tuple[str, ...]
    #: What still stops submitting: one Danish line per target (``rounds.submit_problems``).
    missing_comments: tuple[str, ...]
    due: dt.date
    due_is_default: bool
    #: Days past the due date while not handed in; 0 when not overdue.
    days_overdue: int
    #: A demo contract or a round holding demo data.
    demo: bool = False

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def link(self) -> str:
        """The round on Indberetning."""
        return self.link_on("indberetning")

    def link_on(self, page: str) -> str:
        """The round on ``page`` (``overblik`` for those who read but do not enter)."""
        return f"/{page}?hus={self.house}&aar={self.year}&periode={self.period}"

    @property
    def label(self) -> str:
        return f"{house_name(self.house)} {danish.period_label(self.period, self.year)}"


def overdue(status: str | None, due: dt.date, today: dt.date) -> int:
    """Days past ``due`` for a round not indsendt or godkendt by ``today``; else 0."""
    if status in HANDED_IN or today <= due:
        return 0
    return (today - due).days


def status_text(info: RoundInfo | None, events: RoundEvents) -> str:
    if info is None:
        return NOT_STARTED
    label = round_status_label(info)
    return f"{label} – sendt tilbage" if events.standing_return else label


def tracker_row(
    contract: Contract,
    period: str,
    info: RoundInfo | None,
    events: RoundEvents,
    problems: tuple[tuple[str, ...], tuple[str, ...]],
    today: dt.date,
) -> TrackerRow:
    """One round's row from what was read; ``problems`` is (missing values, missing comments)."""
    kkr = kkrs()[contract.kkr]
    due = kkr.due_date(contract.year, period)
    return TrackerRow(
        house=contract.erhvervshus,
        year=contract.year,
        period=period,
        kkr=contract.kkr,
        status=status_text(info, events),
        submitted=events.submitted,
        decided=events.decided,
        missing_values=problems[0],
        missing_comments=problems[1],
        due=due,
        due_is_default=not kkr.has_own_due(period),
        days_overdue=overdue(info.status if info else None, due, today),
        demo=contract.demo or (info is not None and info.has_demo),
    )


def contracts_in_force(catalog: Catalog) -> list[Contract]:
    """The contract each house-year reports against (godkendt before udkast), as Indberetning."""
    keys = sorted({(c.erhvervshus, c.year) for c in catalog.contracts})
    found = (catalog.contract(house, year) for house, year in keys)
    return [c for c in found if c is not None]


def _problems(
    catalog: Catalog, store: Store, contract: Contract, period: str, info: RoundInfo | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Targets without data, and (for an åben round) what the submit check still asks for."""
    house, year = contract.erhvervshus, contract.year
    table = contract_status(catalog, store, house, year, period)
    is_open = info is not None and info.status == "åben"
    comments = submit_problems(catalog, store, house, year, period) if is_open else []
    return tuple(missing_data(table)), tuple(comments)


def tracker_rows(
    catalog: Catalog,
    store: Store,
    today: dt.date,
    *,
    kkr: str | None = None,
    year: int | None = None,
    houses: Collection[str] | None = None,
) -> list[TrackerRow]:
    """Every round of every contract in force (of ``kkr``, ``year`` and ``houses`` when
    given), ordered by KKR, house, year and period."""
    contracts = [
        c
        for c in contracts_in_force(catalog)
        if (kkr is None or c.kkr == kkr)
        and (year is None or c.year == year)
        and (houses is None or c.erhvervshus in houses)
    ]
    rows = []
    for contract in contracts:
        house = contract.erhvervshus
        events = round_events(store.audit(house, contract.year, "", actions=ROUND_ACTIONS))
        for period in PERIODS:
            info = store.round(house, contract.year, period)
            key = (house, contract.year, period)
            problems = _problems(catalog, store, contract, period, info)
            rows.append(
                tracker_row(contract, period, info, events.get(key, RoundEvents()), problems, today)
            )
    order = list(kkrs())
    return sorted(rows, key=lambda r: (order.index(r.kkr), r.house, r.year, r.period == "FY"))


def kkr_choices(catalog: Catalog) -> list[str]:
    """The KKR keys with at least one contract, in kkr.yaml's order."""
    held = {c.kkr for c in catalog.contracts}
    return [key for key in kkrs() if key in held]


def year_choices(catalog: Catalog) -> list[int]:
    return sorted({c.year for c in catalog.contracts}, reverse=True)


__all__ = ["TrackerRow", "kkr_choices", "tracker_rows", "year_choices"]
