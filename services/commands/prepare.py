"""``prepare``: what ``make run`` does before starting the app."""

from __future__ import annotations

import argparse

from contracts.loader import contracts_dir, load_folder


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("prepare", help="gør appen klar: tjek kontrakter (og database)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    catalog = load_folder()
    print(
        f"{len(catalog.contracts)} kontrakter og {len(catalog.frameworks)} rammeaftaler "
        f"indlæst fra {contracts_dir()}; {len(catalog.errors)} fejl."
    )
    return 0
