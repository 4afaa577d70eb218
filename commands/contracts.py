"""``validate`` and ``show``: the contracts on the command line.

``validate [STI ...]`` prints every issue and a Danish summary; it exits 1 when there is an
error (warnings alone exit 0).  ``show ERHVERVSHUS ÅR`` prints a contract as Danish text or
as JSON.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from contracts import danish
from contracts.describe import contract_text
from contracts.loader import Catalog, contracts_dir, load_folder, load_paths
from contracts.models import HOUSE_KEYS, Contract
from contracts.reference import house_name
from services.errors import NotFound, UserError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate",
        help="tjek kontraktfiler (standard: kontraktmappen)",
        description="Tjek kontrakt- og rammeaftalefiler. Afslutter med 1, hvis der er fejl.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="STI", help="en fil eller mappe (flere tilladt)"
    )
    parser.set_defaults(handler=validate)

    show = sub.add_parser(
        "show",
        help="vis en kontrakt",
        description="Vis et erhvervshus' kontrakt for et år: den godkendte, ellers udkastet.",
    )
    show.add_argument("house", metavar="ERHVERVSHUS", help=", ".join(HOUSE_KEYS))
    show.add_argument("year", metavar="ÅR")
    show.add_argument(
        "--format", choices=("text", "json"), default="text", help="tekst (standard) eller json"
    )
    show.add_argument("--udkast", action="store_true", help="vis udkastet, hvor der er et")
    show.set_defaults(handler=show_contract)


def _plural(count: int, one: str, many: str) -> str:
    return danish.counted(danish.number(count), one, many)


def summary(catalog: Catalog) -> str:
    """'2 fejl, 1 advarsel i 5 filer'."""
    return (
        f"{_plural(len(catalog.errors), 'fejl', 'fejl')}, "
        f"{_plural(len(catalog.warnings), 'advarsel', 'advarsler')} "
        f"i {_plural(len(catalog.files), 'fil', 'filer')}"
    )


def validate(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise NotFound(f"findes ikke: {', '.join(missing)}")
    if paths:
        catalog = load_paths(paths, context=contracts_dir())
    else:
        folder = contracts_dir()
        if not folder.is_dir():
            raise NotFound(f"kontraktmappen findes ikke: {folder}")
        catalog = load_folder(folder)
    for issue in catalog.issues:
        prefix = "advarsel: " if issue.severity == "advarsel" else ""
        print(f"{prefix}{issue}")
    print(summary(catalog))
    return 1 if catalog.errors else 0


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UserError(f"året skal være et tal som 2022 (fik '{text}')") from None


def find_contract(catalog: Catalog, house: str, year: int, *, draft: bool) -> Contract:
    if house not in HOUSE_KEYS:
        raise NotFound(f"ukendt erhvervshus '{house}'; vælg en af: {', '.join(HOUSE_KEYS)}")
    contract = catalog.contract(house, year, draft=draft)
    if contract is None:
        hint = " (nogle kontraktfiler har fejl: kør 'validate')" if catalog.errors else ""
        raise NotFound(f"der er ingen kontrakt for {house_name(house)} {year}{hint}")
    return contract


def show_contract(args: argparse.Namespace) -> int:
    catalog = load_folder()
    contract = find_contract(catalog, args.house, _year(args.year), draft=args.udkast)
    if args.format == "json":
        print(json.dumps(contract.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(contract_text(contract, catalog.frameworks), end="")
    return 0
