"""What the review pages and Indberetning compute per run, shared between sessions while the
store and the contracts folder are unchanged (``services/cache.py``; docs/shared-installation.md,
"Pages cheap enough to share").

Each function reads through the session (so what the acting person may see decides what is
computed, and ``Session.cache_scope`` keeps scopes apart) and names the erhvervshuse it reads:
a save in one house leaves what was computed for the others. Results are only read by the
views; frames come out as copies.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

import pandas as pd

from contracts.models import Contract, Target
from metrics import fulfilment, goal_status
from metrics.charts import kommune_bar, spread_chart, trend_chart
from metrics.engine import judged_rows, years_read
from metrics.history import demo_rounds
from metrics.history import histories as history_of
from metrics.kommune import Coverage, Spread, coverage, per_kommune, spread
from metrics.map_figures import kommune_map_spec
from metrics.national import national as national_tables
from metrics.national import target_texts
from services.cache import PageReads, Rows, digests_by
from services.entry_table import EntryTable, build_table
from services.round_events import RoundEvent
from services.session import RoundInfo
from ui import overview_view
from ui.shared_figure import SharedFigure as Figure

T = TypeVar("T")


def contract_key(contract: Contract) -> Hashable:
    """Which contract of the catalog (the folder's signature is in every key already)."""
    return (contract.erhvervshus, contract.year, contract.status, contract.demo)


def values(reads: PageReads, house: str | None = None, year: int | None = None) -> pd.DataFrame:
    """``Session.values`` of a house (every year) or of a year (every house)."""
    houses = None if house is None else [house]
    return reads.get(
        "values", lambda: reads.session.values(house, year), house, year, houses=houses
    )


def contract_values(reads: PageReads, contract: Contract) -> pd.DataFrame:
    """The house's values of the years a contract is judged on (``metrics.engine.years_read``):
    the year's own read, shared with Hele landet, instead of the house's every year."""
    house = contract.erhvervshus
    frames = [values(reads, house, year) for year in sorted(years_read(contract))]
    found = [frame for frame in frames if not frame.empty]
    if len(found) <= 1:
        return found[0] if found else frames[0]
    return pd.concat(found, ignore_index=True)


def round_info(reads: PageReads, house: str, year: int, period: str) -> RoundInfo | None:
    return _of_round(reads, "round", reads.session.round, house, year, period)


def standing_return(reads: PageReads, house: str, year: int, period: str) -> RoundEvent | None:
    """``Session.standing_return``: KKR's return of the round, read once per state of the house."""
    return _of_round(reads, "standing_return", reads.session.standing_return, house, year, period)


def _of_round(
    reads: PageReads,
    name: str,
    read: Callable[[str, int, str], T],
    house: str,
    year: int,
    period: str,
) -> T:
    """``read(house, year, period)``, shared while the house is unchanged."""
    return reads.get(name, lambda: read(house, year, period), house, year, period, houses=[house])


def default_period(reads: PageReads, house: str, year: int) -> str:
    """``overview_view.default_period``, computed once per state of the house."""
    return reads.get(
        "default_period",
        lambda: overview_view.default_period(reads.session, house, year),
        house,
        year,
        houses=[house],
    )


@dataclass(frozen=True)
class Overview:
    """A contract-period's targets judged: Overblik's and Mål's common part."""

    table: pd.DataFrame  # metrics.fulfilment: one row per target
    goals: pd.DataFrame  # metrics.goal_status, indexed by goal number
    warnings: dict[str, str]  # overview_view.warnings_by_target
    demo_in_period: bool  # a demo value in the contract-period (Overblik's banner)
    demo_in_year: bool  # a demo value in the contract's year (Mål's banner)
    cards: dict[str, str]  # Overblik's card per target, as HTML (ui/target_cards.py)


def overview(reads: PageReads, contract: Contract, period: str) -> Overview:
    house, year = contract.erhvervshus, contract.year
    # The years judged on: a target measured before the contract year shows that result.
    judged = reads.rows(
        "overview_rows",
        lambda: judged_rows(contract, contract_values(reads, contract), period),
        contract_key(contract),
        period,
        houses=[house],
    )

    def compute() -> Overview:
        rows = judged.frame
        own = rows[rows["year"] == year]
        table = fulfilment(contract, rows, period=period)
        warnings = overview_view.warnings_by_target(contract, own, period)
        return Overview(
            table=table,
            goals=goal_status(contract, table).set_index("goal"),
            warnings=warnings,
            cards=overview_view.cards(contract, table, warnings),
            demo_in_period=bool(own.loc[own["period"] == period, "is_demo"].any()),
            demo_in_year=False,  # of every period: set below, outside what is kept
        )

    # Kept by the content of the rows judged: a save in helår leaves 1. halvår's as it was.
    found = reads.by_rows("overview", compute, [judged], contract_key(contract), period)
    return replace(found, demo_in_year=demo_in_year(reads, house, year))


def demo_in_year(reads: PageReads, house: str, year: int) -> bool:
    """Whether the house holds a demo value in the year, in any period."""

    def compute() -> bool:
        return bool(values(reads, house, year)["is_demo"].any())

    return reads.get("demo_in_year", compute, house, year, houses=[house])


@dataclass(frozen=True)
class HouseRows:
    """A house's values of every year, a fingerprint of each target's rows among them, and
    the rounds holding a demo value: what Mål's parts of one target are kept by."""

    frame: pd.DataFrame  # shared between sessions: read only
    fingerprints: dict[str, str]  # services.cache.digests_by, by target
    demo_rounds: frozenset[tuple[str, int, str]]

    def fingerprints_of(self, keys: Sequence[str]) -> list[str]:
        """The fingerprints of the rows of ``keys`` (an unreported target's: "")."""
        return [self.fingerprints.get(key, "") for key in keys]

    def rows_of(self, keys: Sequence[str]) -> pd.DataFrame:
        """The rows of the targets ``keys``, numbered afresh."""
        return self.frame[self.frame["target"].isin(keys)].reset_index(drop=True)


def house_rows(reads: PageReads, house: str) -> HouseRows:
    """``values(reads, house)`` with each target's fingerprint, worked out once per data
    version of the house."""

    def compute() -> HouseRows:
        frame = values(reads, house)
        return HouseRows(frame, digests_by(frame, "target"), demo_rounds(frame))

    return reads.get("house_rows", compute, house, houses=[house])


def target_reads(house_contracts: Sequence[Contract], key: str) -> tuple[str, ...]:
    """The targets whose values judging ``key`` reads in any of the house's contracts: its
    own, and the target a spread is measured on (``metrics.engine``)."""
    found = {key}
    for contract in house_contracts:
        target = contract.target(key)
        if target is not None and target.source_target:
            found.add(target.source_target)
    return tuple(sorted(found))


def target_figures(
    reads: PageReads,
    contract: Contract,
    house_contracts: Sequence[Contract],
    target: Target,
    period: str,
) -> tuple[Figure | None, Figure | None]:
    """Mål's trend chart of a target (None: nothing reported yet) and its bar per kommune
    (None: not reported per kommune).

    Kept by the content of the rows they read (the target's own in every year, and those of
    the target a spread is measured on) and the house's rounds holding demo values: a save
    of another target in the house keeps them (docs/shared-installation.md)."""
    split = house_rows(reads, contract.erhvervshus)
    read = target_reads(house_contracts, target.key)

    def compute() -> tuple[Figure | None, Figure | None]:
        rows = split.rows_of(read)
        past = history_of(house_contracts, rows, [target.key], split.demo_rounds)[target.key]
        trend = None
        if past["actual"].notna().any():
            trend = reads.by_content(
                "trend_chart",
                lambda: Figure(trend_chart(past, target)),
                past,
                contract_key(contract),
                target.key,
            )
        bar = None
        if target.per_kommune:
            frame = per_kommune(contract, rows, period=period, target=target.key)
            title = f"{target.name} pr. kommune"
            bar = reads.by_content(
                "kommune_bar", lambda: Figure(kommune_bar(frame, title)), frame, title
            )
        return trend, bar

    others = tuple(contract_key(c) for c in house_contracts)
    key = (contract_key(contract), others, target.key, period, split.demo_rounds)
    return reads.by_fingerprints("target_figures", compute, split.fingerprints_of(read), *key)


@dataclass(frozen=True)
class KommuneView:
    frame: pd.DataFrame  # metrics.kommune.per_kommune
    figure: Figure  # the map
    coverage: Coverage | None
    spreads: tuple[tuple[Target, Spread, Figure | None], ...]  # (target, result, chart)


def kommune_view(
    reads: PageReads,
    contract: Contract,
    target: Target,
    spread_targets: Sequence[Target],
    period: str,
    *,
    relative: bool,
) -> KommuneView:
    """Kommuner's map, table, coverage and by/land spreads of one target."""
    judged = year_rows(reads, contract, period)

    def compute() -> KommuneView:
        year_values = judged.frame
        frame = per_kommune(contract, year_values, period=period, target=target.key)
        shown = frame[["kode", "value"]]
        figure = reads.by_content(
            "kommune_map",
            lambda: Figure.from_spec(
                kommune_map_spec(
                    shown,
                    geography=list(contract.geography or ()),
                    title=f"{target.name} pr. kommune",
                    value_label=target.unit or "",
                    per_10000=relative,
                )
            ),
            shown,
            tuple(contract.geography or ()),
            target.name,
            target.unit,
            relative,
        )
        covered = None
        if target.kind == "coverage":
            covered = coverage(contract, year_values, period=period, target=target.key)
        spreads = []
        for other in spread_targets:
            result = spread(contract, year_values, period=period, target=other.key)
            chart = None if result.groups.empty else Figure(spread_chart(result))
            spreads.append((other, result, chart))
        return KommuneView(frame, figure, covered, tuple(spreads))

    key = (contract_key(contract), target.key, tuple(t.key for t in spread_targets), period)
    # Kept by the content of the period's rows: a save in another period keeps it.
    return reads.by_rows("kommune_view", compute, [judged], key, relative)


def national(
    reads: PageReads, contracts: Sequence[Contract], year: int, period: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hele landet's goals and targets (``metrics.national``) of the year's contracts, put
    together from one part per house, each shared while the rows it is judged on are
    unchanged: a save in one house's period computes that house's part again, not the
    nation's, and a save in another period none."""

    def part(contract: Contract) -> tuple[pd.DataFrame, pd.DataFrame]:
        judged = year_rows(reads, contract, period)

        def compute() -> tuple[pd.DataFrame, pd.DataFrame]:
            goals, targets = national_tables([contract], judged.frame, period=period)
            targets["text"] = target_texts(contract, targets)
            return goals, targets

        key = (contract_key(contract), year, period)
        return reads.by_rows("national_house", compute, [judged], *key)

    if not contracts:
        return national_tables([], pd.DataFrame(), period=period)
    parts = [part(c) for c in contracts]
    goals = pd.concat([g for g, _t in parts], ignore_index=True)
    targets = pd.concat([t for _g, t in parts], ignore_index=True)
    return goals, targets


def year_rows(reads: PageReads, contract: Contract, period: str) -> Rows:
    """The rows of the contract's year it is judged on in ``period`` (``judged_rows``), read
    as such (a tenth of the house's rows): Kommuner's and Hele landet's. What is judged on
    them is kept by their content, so a save in another period, or another house, keeps it."""
    house = contract.erhvervshus
    return reads.rows(
        "year_rows",
        lambda: judged_rows(contract, values(reads, house, contract.year), period),
        contract_key(contract),
        period,
        houses=[house],
    )


def entry_readers(
    reads: PageReads, contract: Contract, period: str, include_all: bool
) -> tuple[Callable[[], pd.DataFrame], Callable[[pd.DataFrame, bool], EntryTable]]:
    """Indberetning's ``read`` and ``build`` for ``ui.entry.state.form_state``: the house's
    values and the editors' table as of now, shared; a table built again later from the
    values as the person read them (showing more or fewer targets) is built for them alone."""
    house = contract.erhvervshus
    fresh: dict[str, tuple[pd.DataFrame, EntryTable]] = {}

    def start() -> tuple[pd.DataFrame, EntryTable]:
        house_values = contract_values(reads, contract)
        return house_values, build_table(contract, period, house_values, include_all=include_all)

    def read() -> pd.DataFrame:
        key = (contract_key(contract), period, include_all)
        house_values, table = reads.get("entry_start", start, key, houses=[house])
        fresh["start"] = (house_values.copy(), _copied(table))
        return fresh["start"][0]

    def build(read_values: pd.DataFrame, everything: bool) -> EntryTable:
        started = fresh.get("start")
        if started is not None and started[0] is read_values and everything == include_all:
            return started[1]
        return build_table(contract, period, read_values, include_all=everything)

    return read, build


def _copied(table: EntryTable) -> EntryTable:
    computed = None if table.computed is None else table.computed.copy()
    return replace(
        table, totals=table.totals.copy(), kommuner=table.kommuner.copy(), computed=computed
    )
