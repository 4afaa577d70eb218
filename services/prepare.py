"""What ``make run`` does before the app starts: migrate, load the sources' results, demo.

Safe to run on every start: shipped results go only into rounds without real values, and
the demo is installed only into a store that holds no values at all, so nothing a user
entered is ever overwritten. A round that holds demo data when the sources' results arrive
(the demo was filled first) has its demo data removed, audited, before they are written:
running ``prepare`` is the confirmation (docs/rules.md "Demo and real"). With the demo come
the demo accounts, and a store without a real user gets an administrator with a random
password, printed once (docs/roles.md).
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime
from pathlib import Path

from contracts.describe import round_label
from contracts.loader import contracts_dir, load_folder
from db import Store
from services.demo_accounts import add_demo_accounts, first_admin
from services.demo_fill import fill_demo
from services.values_io.plan import apply_plan, plan_import

RESULTS_SUBDIR = "resultater"
SOURCE_USER = "kilde"


def shipped_results(root: Path | None = None) -> list[Path]:
    folder = (root or contracts_dir()) / RESULTS_SUBDIR
    return sorted(folder.glob("*.csv")) if folder.is_dir() else []


def load_shipped_results(store: Store) -> list[str]:
    """Import each results file whose rounds hold no real values yet; Danish report lines."""
    catalog = load_folder()
    real = {(r.house, r.year, r.period) for r in store.rounds() if not r.has_demo}
    lines = []
    for path in shipped_results():
        plan = plan_import(path.read_bytes(), path.name, catalog, store)
        rounds = {item.entry.key[:3] for item in plan.items}
        if rounds & real:
            continue
        result = apply_plan(plan, store, SOURCE_USER, replace_demo=True)
        line = f"Resultater fra kilderne indlæst fra {path.name}: {result.inserted} værdier."
        if result.demo_removed:
            names = ", ".join(round_label(*key) for key in plan.demo_rounds)
            line += f" Demodata i {names} er fjernet først ({result.demo_removed} værdier)."
        lines.append(line)
    return lines


def prepare(store: Store, *, as_of: dt.date, now: datetime | None = None) -> list[str]:
    store.upgrade()
    now = now or datetime.now(UTC)
    had_values = store.has_any_values()
    lines = load_shipped_results(store)
    if not had_values:
        lines.append(fill_demo(store, as_of=as_of))
        lines.extend(add_demo_accounts(store, now=now))
    lines.extend(first_admin(store, now=now))
    return lines
