"""``import``, ``export`` and ``template``: reported values in and out of files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from contracts.loader import Catalog, load_folder
from contracts.models import HOUSE_KEYS, Contract
from contracts.reference import house_name
from services.errors import NotFound, ValidationFailed
from services.session import Session
from services.values_io.tables import CSV_DIALECTS


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="importér indberettede tal fra en CSV- eller Excel-fil")
    parser.add_argument("file", type=Path, metavar="FIL")
    parser.add_argument(
        "--dry-run", action="store_true", help="vis kun, hvad der ville ske; skriv intet"
    )
    parser.add_argument(
        "--erstat-demodata",
        action="store_true",
        dest="replace_demo",
        help="fjern demodata i de indberetninger, filen skriver til (prøvekørslen nævner dem)",
    )
    parser.set_defaults(handler=run_import)

    parser = sub.add_parser("export", help="eksportér en kontrakts indberettede tal")
    parser.add_argument("house", metavar="ERHVERVSHUS")
    parser.add_argument("year", type=int, metavar="ÅR")
    parser.add_argument("-o", "--output", type=Path, metavar="FIL", help=".csv eller .xlsx")
    _dialect_argument(parser)
    parser.set_defaults(handler=run_export)

    parser = sub.add_parser("template", help="skabelon til indberetning af en periode")
    parser.add_argument("house", metavar="ERHVERVSHUS")
    parser.add_argument("year", type=int, metavar="ÅR")
    parser.add_argument("period", metavar="PERIODE", help="H1 eller FY")
    parser.add_argument("-o", "--output", type=Path, metavar="FIL", help=".csv eller .xlsx")
    _dialect_argument(parser)
    parser.add_argument(
        "--alle",
        action="store_true",
        dest="all_targets",
        help="alle kontraktens måltal, også dem, der ikke måles i perioden",
    )
    parser.set_defaults(handler=run_template)


def _dialect_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dialekt",
        choices=CSV_DIALECTS,
        default="komma",
        dest="dialect",
        help="CSV: komma (standard; punktum som decimaltegn) eller excel (dansk Excel: "
        "semikolon og decimalkomma)",
    )


def run_import(args: argparse.Namespace) -> int:
    from services.entry_dry_run import plan_lines
    from services.values_io.limits import MAX_FILE_BYTES, too_large

    path: Path = args.file
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # before reading a byte of it
            raise ValidationFailed(f"Filen '{path.name}' kan ikke importeres.", [too_large(size)])
        data = path.read_bytes()
    except OSError as exc:
        raise NotFound(f"Filen '{path}' kan ikke læses: {exc.strerror}.") from exc
    with Session.open() as session:
        catalog = load_folder()
        plan = session.plan_import(data, path.name, catalog)
        if args.dry_run:
            print(f"Prøvekørsel af '{path.name}': {plan.summary()}.")
            for line in plan_lines(plan, catalog):
                print(f"  {line}")
            print("Intet er skrevet.")
            return 0
        result = session.apply_import(plan, replace_demo=args.replace_demo)
    removed = f" {result.demo_removed} demoværdier er fjernet først." if result.demo_removed else ""
    print(
        f"Importeret '{path.name}': {result.inserted} indsat, {result.changed} ændret, "
        f"{result.unchanged} uændrede, {len(plan.skipped)} ikke udfyldt.{removed}"
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    from services.values_io.export import export_bytes

    excel = _excel(args.output, args.dialect)
    with Session.open() as session:
        contract = _contract(session.catalog(), args.house, args.year)
        values = session.values(house=contract.erhvervshus, year=contract.year)
    data = export_bytes(contract, values, excel=excel, dialect=args.dialect)
    _write(data, args.output)
    return 0


def run_template(args: argparse.Namespace) -> int:
    from services.values_io.template import template_bytes

    period = str(args.period).upper()
    if period not in ("H1", "FY"):
        raise ValidationFailed(f"'{args.period}' er ikke en periode (brug H1 eller FY)")
    excel = _excel(args.output, args.dialect)
    with Session.open() as session:
        contract = _contract(session.catalog(), args.house, args.year)
    data = template_bytes(
        contract, period, excel=excel, dialect=args.dialect, all_targets=args.all_targets
    )
    _write(data, args.output)
    return 0


def _contract(catalog: Catalog, house: str, year: int) -> Contract:
    if house.casefold() not in HOUSE_KEYS:
        raise NotFound(f"'{house}' er ikke et erhvervshus (brug {', '.join(HOUSE_KEYS)})")
    contract = catalog.contract(house.casefold(), year)
    if contract is None:
        raise NotFound(f"{house_name(house.casefold())} har ingen resultatkontrakt for {year}.")
    return contract


def _excel(output: Path | None, dialect: str = "komma") -> bool:
    if output is None:
        return False
    suffix = output.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationFailed(f"'{output.name}' skal ende på .csv eller .xlsx")
    if suffix == ".xlsx" and dialect != "komma":
        raise ValidationFailed(
            f"--dialekt gælder CSV-filer; '{output.name}' er en Excel-fil, hvor tal altid er tal"
        )
    return suffix == ".xlsx"


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise NotFound(f"Filen '{output}' kan ikke skrives: {exc.strerror}.") from exc
    print(f"Skrevet: {output}")
