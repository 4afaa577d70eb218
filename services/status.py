"""The status of one contract in one period, from the catalog of contracts and the store.

Raises ``db.errors.NotFound`` (unknown erhvervshus, no contract that year) and
``ValidationFailed`` (unknown period), in Danish.
"""

from __future__ import annotations

import pandas as pd

from contracts.loader import Catalog
from contracts.models import HOUSE_KEYS, PERIODS, Contract
from contracts.reference import house_name
from db import Store
from db.errors import NotFound, ValidationFailed
from metrics import fulfilment

#: The columns of ``status --format json|csv``, in this order (docs/domain.md "Status for
#: machines").
MACHINE_COLUMNS: tuple[str, ...] = (
    "target",
    "goal",
    "kind",
    "period",
    "actual",
    "target_value",
    "expected",
    "fulfilment",
    "status",
)


def check_house(house: str) -> str:
    if house not in HOUSE_KEYS:
        raise NotFound(f"Ukendt erhvervshus '{house}'. Brug en af: {', '.join(HOUSE_KEYS)}.")
    return house


def check_period(period: str) -> str:
    if period not in PERIODS:
        raise ValidationFailed(f"Ukendt periode '{period}'. Brug H1 (1. halvår) eller FY (helår).")
    return period


def find_contract(catalog: Catalog, house: str, year: int) -> Contract:
    """The contract of house and year (godkendt before udkast), or NotFound in Danish."""
    contract = catalog.contract(check_house(house), year)
    if contract is None:
        raise NotFound(f"{house_name(house)} har ingen resultatkontrakt for {year}.")
    return contract


def contract_status(
    catalog: Catalog,
    store: Store,
    house: str,
    year: int,
    period: str,
    *,
    values: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per target (``metrics.fulfilment``) of the contract of house and year.

    The house's values of every year are read: a target measured before the contract year
    shows the result stored for its year. ``values``: the house's values as the reader may
    see them (docs/roles.md), else all of them."""
    check_period(period)
    contract = find_contract(catalog, house, year)
    return fulfilment(contract, store.values(house) if values is None else values, period=period)
