"""Report snapshots: take one, list them, read one back (docs/reports.md).

A snapshot freezes what a report reads: the contract as YAML (with its SHA-256), every
reported value with its comment, the round status, and, for trend charts, the house's
earlier contracts and values. A report made from it later is the same report, whatever has
happened to the values since. The national snapshot holds the six houses' contracts and
values of one year.

Who may see which snapshot is decided in ``may_see`` (the one seam for the roles work).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import yaml
from pydantic import TypeAdapter

from contracts.dump import contract_to_yaml
from contracts.loader import Catalog
from contracts.models import HOUSE_KEYS, Contract
from contracts.reported import VALUE_COLUMNS
from db import Store
from db.errors import NotFound
from db.records import NATIONAL, RoundInfo, SnapshotData, SnapshotInfo
from metrics.values import values_frame
from services.permissions import Principal, may
from services.status import check_house, check_period, find_contract


@dataclass(frozen=True)
class SnapshotContent:
    """A snapshot read back: models and frames, as the report builders take them."""

    info: SnapshotInfo
    #: The report's own contract; None for the national snapshot.
    contract: Contract | None
    #: Earlier contracts of the house (house report) or the six houses' contracts (national).
    contracts: tuple[Contract, ...]
    values: pd.DataFrame
    rounds: tuple[dict[str, Any], ...]

    @property
    def national(self) -> bool:
        return self.info.house == NATIONAL


def contract_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _values_json(values: pd.DataFrame) -> str:
    columns = list(VALUE_COLUMNS)
    records = [
        {name: _plain(v) for name, v in zip(columns, row, strict=True)}
        for row in values.loc[:, columns].itertuples(index=False)
    ]
    return json.dumps(records, ensure_ascii=False, sort_keys=True)


def _rounds_json(rounds: Iterable[RoundInfo]) -> str:
    records = [
        {
            "house": r.house,
            "year": r.year,
            "period": r.period,
            "status": r.status,
            "has_demo": r.has_demo,
        }
        for r in rounds
    ]
    return json.dumps(records, ensure_ascii=False, sort_keys=True)


def _contracts_json(contracts: Iterable[Contract]) -> str:
    """The contracts a report reads besides its own, as the models' JSON: pydantic reads it
    back many times faster than YAML, and only the report's own contract is kept as text a
    person would read (``contract_yaml``)."""
    return "[" + ",".join(c.model_dump_json() for c in contracts) + "]"


def house_data(catalog: Catalog, store: Store, house: str, year: int, period: str) -> SnapshotData:
    """What a house report of ``year`` and ``period`` reads, as the store holds it now."""
    contract = find_contract(catalog, check_house(house), year)
    check_period(period)
    text = contract_to_yaml(contract)
    years = sorted({c.year for c in catalog.contracts if c.erhvervshus == house and c.year < year})
    earlier = [c for y in years if (c := catalog.contract(house, y)) is not None]
    values = store.values(house=house)
    values = values[values["year"] <= year]
    rounds = [r for r in store.rounds(house=house) if r.year <= year]
    own = store.round(house, year, period)
    own_values = values[(values["year"] == year) & (values["period"] == period)]
    has_demo = contract.demo or bool(own_values["is_demo"].any())
    return SnapshotData(
        round_status=own.status if own else None,
        has_demo=has_demo,
        contract_hash=contract_hash(text),
        contract_yaml=text,
        contracts_json=_contracts_json(earlier),
        values_json=_values_json(values),
        rounds_json=_rounds_json(rounds),
    )


def national_data(catalog: Catalog, store: Store, year: int, period: str) -> SnapshotData:
    """What the national report of ``year`` and ``period`` reads: the six houses' contracts."""
    check_period(period)
    contracts = [c for house in HOUSE_KEYS if (c := catalog.contract(house, year)) is not None]
    if not contracts:
        raise NotFound(f"Ingen erhvervshuse har en resultatkontrakt for {year}.")
    # Earlier years too where a target was measured before the contract year (its result is
    # shown as "målt tidligere").
    measured = {y for c in contracts for _g, t in c.targets() for y in (t.measured.years or ())}
    first = min(measured | {year})
    values = store.values(year=year) if first == year else store.values()
    values = values[(values["year"] >= first) & (values["year"] <= year)]
    rounds = [r for r in store.rounds(year=year) if r.period == period]
    own = values[values["period"] == period]
    has_demo = any(c.demo for c in contracts) or bool(own["is_demo"].any())
    return SnapshotData(
        round_status=None,
        has_demo=has_demo,
        contract_hash=None,
        contract_yaml=None,
        contracts_json=_contracts_json(contracts),
        values_json=_values_json(values),
        rounds_json=_rounds_json(rounds),
    )


def take_snapshot(
    catalog: Catalog,
    store: Store,
    house: str,
    year: int,
    period: str,
    *,
    reason: str,
    user: str,
) -> SnapshotInfo:
    """Store a snapshot of a house report (or of the national one for ``house="landet"``)."""
    if house == NATIONAL:
        data = national_data(catalog, store, year, period)
    else:
        data = house_data(catalog, store, house, year, period)
    return store.add_snapshot(house, year, period, data, reason=reason, user=user)


def may_see(info: SnapshotInfo, viewer: object | None) -> bool:
    """Whether ``viewer`` (a ``Principal``; None: a service's own read) may see this snapshot
    and its reports (docs/roles.md): a house's snapshot for those who may read the house's
    internal data, and for everybody once its round was godkendt; a national snapshot, which
    holds every house's rounds whatever their status, for an administrator."""
    if not isinstance(viewer, Principal):
        return viewer is None
    if info.house == NATIONAL:
        return viewer.is_operator
    if info.round_status == "godkendt":
        return True
    return may(viewer, "read_internal", info.house, None, demo_data=info.has_demo)


def names_shown(info: SnapshotInfo, viewer: object | None) -> bool:
    """Whether ``viewer`` may read who took the snapshot (the public view has no names)."""
    if not isinstance(viewer, Principal):
        return viewer is None
    return may(viewer, "read_internal", info.house, None, demo_data=info.has_demo) or (
        info.house == NATIONAL and viewer.role == "admin"
    )


def as_seen(info: SnapshotInfo, viewer: object | None) -> SnapshotInfo:
    """``info`` as ``viewer`` reads it: without the taker's name in the public view."""
    return info if names_shown(info, viewer) else dataclasses.replace(info, taken_by="")


def list_snapshots(
    store: Store,
    house: str,
    year: int | None = None,
    period: str | None = None,
    *,
    viewer: object | None = None,
) -> list[SnapshotInfo]:
    """The snapshots of ``house`` ("landet" for the national ones) that ``viewer`` may see."""
    if house != NATIONAL:
        check_house(house)
    found = store.snapshots(house, year, period)
    return [as_seen(s, viewer) for s in found if may_see(s, viewer)]


_CONTRACTS = TypeAdapter(list[Contract])
#: libyaml where it is installed: reading a contract's YAML about six times faster.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _contract(text: str) -> Contract:
    return Contract.model_validate(yaml.load(text, Loader=_Loader))


def read_snapshot(
    store: Store, snapshot_id: int, *, viewer: object | None = None
) -> SnapshotContent:
    """A stored snapshot with its contract and values, or NotFound in Danish."""
    found = store.snapshot(snapshot_id)
    if found is None or not may_see(found.info, viewer):
        raise NotFound(f"Der er intet øjebliksbillede med nummer {snapshot_id}.")
    data = found.data
    values = values_frame(json.loads(data.values_json))
    values["entered_at"] = pd.to_datetime(values["entered_at"], utc=True)
    values["year"] = values["year"].astype("int64")
    return SnapshotContent(
        info=found.info,
        contract=_contract(data.contract_yaml) if data.contract_yaml else None,
        contracts=tuple(_CONTRACTS.validate_json(data.contracts_json)),
        values=values,
        rounds=tuple(json.loads(data.rounds_json)),
    )


def previous_snapshot(
    store: Store, info: SnapshotInfo, *, viewer: object | None = None
) -> SnapshotInfo | None:
    """The latest snapshot of the same house and year taken before ``info`` (any period)."""
    earlier = [
        s for s in store.snapshots(info.house, info.year) if s.id < info.id and may_see(s, viewer)
    ]
    return earlier[0] if earlier else None
