"""The contracts the app and CLI work with: the contracts folder, plus demo contracts while
the store holds demo values (derived on demand, never written to ``CONTRACTS_DIR``)."""

from __future__ import annotations

import dataclasses

from contracts.loader import Catalog, load_folder
from db import Store
from services.demo_contracts import demo_contracts


def with_demo(catalog: Catalog) -> Catalog:
    """The catalog with a demo contract for every house-year it lacks."""
    existing = {(c.erhvervshus, c.year) for c in catalog.contracts}
    extra = demo_contracts(catalog.frameworks, existing)
    return dataclasses.replace(catalog, contracts=(*catalog.contracts, *extra))


def load_catalog(store: Store | None = None) -> Catalog:
    """Contracts from ``CONTRACTS_DIR``; with demo contracts when ``store`` holds demo data."""
    catalog = load_folder()
    if store is not None and store.has_demo_values():
        return with_demo(catalog)
    return catalog
