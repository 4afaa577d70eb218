"""Fill the store with a fresh demo set: what ``demo`` and ``prepare`` share."""

from __future__ import annotations

import datetime as dt

from contracts import danish
from contracts.loader import load_folder
from db import Store
from services.catalog import with_demo
from services.demo import install_demo


def fill_demo(store: Store, *, as_of: dt.date) -> str:
    """Replace any demo data with a fresh set; returns a Danish summary line."""
    store.clear_demo()
    catalog = with_demo(load_folder())
    rounds = install_demo(store, catalog.contracts, as_of=as_of)
    values = store.values()
    n_demo = int(values["is_demo"].sum()) if len(values) else 0
    houses = len({r.house for r in rounds})
    years = sorted({r.year for r in rounds})
    span = f"{years[0]}–{years[-1]}" if years else "ingen år"
    return (
        f"Demodata indlæst: {danish.number(len(rounds))} indberetninger og "
        f"{danish.number(n_demo)} værdier for {houses} erhvervshuse, {span}. "
        "Alt er markeret som demo og fjernes med 'python cli.py demo --clear'."
    )
