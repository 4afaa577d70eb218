"""What a principal may read: filters for values, rounds and the trails (docs/roles.md).

A round is internal to the people ``may(…, "read_internal", house)`` allows (for a demo
account: only rounds holding demo data). Everyone else sees a round only once it is
godkendt, and then without the names of the people who entered or changed it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pandas as pd

from contracts.loader import Catalog
from db import RoundInfo
from services.permissions import Principal, may

GODKENDT = "godkendt"
RoundKey = tuple[str, int, str]


def sees_internal(
    principal: Principal, house: str, catalog: Catalog | None, *, demo_data: bool
) -> bool:
    return may(principal, "read_internal", house, catalog, demo_data=demo_data)


def visible_contracts(principal: Principal, catalog: Catalog) -> Catalog:
    """The catalog without the drafts (``status: udkast``) of houses whose internal data
    ``principal`` may not read; godkendt and demo contracts are everybody's."""
    if principal.is_operator:
        return catalog
    shown = tuple(
        c
        for c in catalog.contracts
        if c.status == "godkendt"
        or c.demo
        or may(principal, "read_internal", c.erhvervshus, catalog)
    )
    return dataclasses.replace(catalog, contracts=shown)


def visible_rounds(
    principal: Principal, rounds: Iterable[RoundInfo], catalog: Catalog | None
) -> list[RoundInfo]:
    """The rounds ``principal`` may see; names blanked where only the public view applies."""
    shown = []
    for info in rounds:
        if sees_internal(principal, info.house, catalog, demo_data=info.has_demo):
            shown.append(info)
        elif info.status == GODKENDT:
            shown.append(_anonymous(info))
    return shown


def _anonymous(info: RoundInfo) -> RoundInfo:
    return dataclasses.replace(info, updated_by="")


def visible_values(
    principal: Principal,
    values: pd.DataFrame,
    rounds: Iterable[RoundInfo],
    catalog: Catalog | None,
) -> pd.DataFrame:
    """The rows of ``values`` in rounds ``principal`` may see, names blanked where public."""
    if principal.is_operator:
        return values
    internal: set[RoundKey] = set()
    public: set[RoundKey] = set()
    for info in rounds:
        key = (info.house, info.year, info.period)
        if sees_internal(principal, info.house, catalog, demo_data=info.has_demo):
            internal.add(key)
        elif info.status == GODKENDT:
            public.add(key)
    keys = list(zip(values["house"], values["year"], values["period"], strict=True))
    is_internal = pd.Series([k in internal for k in keys], index=values.index, dtype=bool)
    is_public = pd.Series([k in public for k in keys], index=values.index, dtype=bool)
    shown = values[is_internal | is_public].copy()
    shown.loc[~is_internal[shown.index], "entered_by"] = ""
    return shown.reset_index(drop=True)


def visible_audit(
    principal: Principal,
    audit: pd.DataFrame,
    rounds: Iterable[RoundInfo],
    catalog: Catalog | None,
) -> pd.DataFrame:
    """The audit rows of the rounds whose internal data ``principal`` may read."""
    if principal.is_operator:
        return audit
    demo = {(r.house, r.year, r.period) for r in rounds if r.has_demo}
    keep = [
        sees_internal(principal, house, catalog, demo_data=(house, int(year), period) in demo)
        for house, year, period in zip(audit["house"], audit["year"], audit["period"], strict=True)
    ]
    return audit[pd.Series(keep, index=audit.index, dtype=bool)].reset_index(drop=True)


def visible_events(
    principal: Principal, events: pd.DataFrame, catalog: Catalog | None
) -> pd.DataFrame:
    """A contract's trail: the people's names only for those who may read the house."""
    if events.empty or "user" not in events.columns:
        return events
    hidden = [not may(principal, "read_internal", house, catalog) for house in events["house"]]
    shown = events.copy()
    shown.loc[pd.Series(hidden, index=events.index, dtype=bool), "user"] = ""
    return shown
