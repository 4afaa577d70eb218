"""``prepare``: what ``make run`` does before starting the app."""

from __future__ import annotations

import argparse
import datetime as dt

from contracts.loader import contracts_dir, load_folder
from services.session import Session


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "prepare", help="gør appen klar: opdatér databasen, indlæs kildernes resultater og demo"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    catalog = load_folder()
    print(
        f"{len(catalog.contracts)} kontrakter og {len(catalog.frameworks)} rammeaftaler "
        f"indlæst fra {contracts_dir()}; {len(catalog.errors)} fejl."
    )
    with Session.open() as session:
        for line in session.prepare(as_of=dt.date.today()):
            print(line)
    return 0
