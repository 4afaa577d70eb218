"""``db upgrade``: bring the database (``DATABASE_URL`` or the embedded SQLite) up to date."""

from __future__ import annotations

import argparse

from db import Store
from db.engine import safe_url


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("db", help="databasen med indberettede værdier")
    commands = parser.add_subparsers(dest="db_command", required=True, metavar="KOMMANDO")
    upgrade = commands.add_parser("upgrade", help="opdatér databasens skema til nyeste version")
    upgrade.add_argument(
        "--url", help="database-URL (standard: DATABASE_URL, ellers den indbyggede SQLite)"
    )
    upgrade.set_defaults(handler=run_upgrade)


def run_upgrade(args: argparse.Namespace) -> int:
    store = Store(args.url)
    try:
        revision = store.upgrade()
    finally:
        store.dispose()
    print(f"Databasen er opdateret ({safe_url(store.url)}, version {revision}).")
    return 0
