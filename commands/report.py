"""``report``: the KKR report as PDF, Word or Excel, and the list of stored snapshots.

    python cli.py report sjaelland 2022 H1 --format pdf -o status.pdf   # new snapshot
    python cli.py report --snapshot 7 --format docx -o status.docx      # a stored one
    python cli.py report landet 2022 FY --format xlsx -o landet.xlsx    # the six houses
    python cli.py report snapshots sjaelland                            # the list

A new report takes a snapshot first and prints its number; a report of a stored snapshot
writes nothing to the store and is the same report however the values have changed since.
Warnings (a chart that could not be drawn) go to stderr; the file is still written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from services.report import (
    ReportFile,
    ValidationFailed,
    check_format,
    snapshot_choice,
    write_file,
)
from services.report.wording import house_title, report_title
from services.session import Session
from services.status import check_period

USAGE = (
    "Brug: report ERHVERVSHUS ÅR PERIODE, report landet ÅR PERIODE, report --snapshot NUMMER "
    "eller report snapshots ERHVERVSHUS."
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "report",
        help="rapport til KKR som PDF, Word eller Excel; øjebliksbilleder",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument(
        "what",
        nargs="*",
        metavar="ERHVERVSHUS ÅR PERIODE",
        help="et erhvervshus (eller landet), år og periode; eller 'snapshots ERHVERVSHUS'",
    )
    parser.add_argument("--snapshot", type=int, metavar="NUMMER", help="et gemt øjebliksbillede")
    parser.add_argument("--format", choices=("pdf", "docx", "xlsx"), default="pdf")
    parser.add_argument("-o", "--output", type=Path, metavar="FIL", help="filen, der skrives")
    parser.set_defaults(handler=run)


def _write(file: ReportFile, output: Path) -> None:
    write_file(file.data, output)
    for warning in file.warnings:
        print(f"advarsel: {warning}", file=sys.stderr)
    print(f"Rapporten er skrevet til {output}.")


def _year(text: str) -> int:
    if not text.isdigit():
        raise ValidationFailed(f"Året skal være et tal, ikke '{text}'. {USAGE}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    what: list[str] = args.what
    check_format(args.format)
    if what[:1] == ["snapshots"]:
        return _list(what[1:])
    if args.snapshot is not None:
        if what:
            raise ValidationFailed(f"Brug enten --snapshot eller ERHVERVSHUS ÅR PERIODE. {USAGE}")
        if args.output is None:
            _write_needed(args.format)
        with Session.open() as session:
            file = session.report(args.snapshot, args.format)
        print(f"Øjebliksbillede {file.snapshot.id}: {snapshot_choice(file.snapshot)}")
        _write(file, args.output)
        return 0
    if len(what) != 3:
        raise ValidationFailed(USAGE)
    house, year, period = what[0], _year(what[1]), check_period(what[2].upper())
    if args.output is None:
        _write_needed(args.format)
    with Session.open() as session:
        file = session.snapshot_and_report(session.catalog(), house, year, period, args.format)
    print(f"Øjebliksbillede {file.snapshot.id} er taget: {report_title(house, year, period)}.")
    _write(file, args.output)
    return 0


def _write_needed(fmt: str) -> None:
    raise ValidationFailed(
        f"Angiv filen, rapporten skal skrives til, med -o (fx -o rapport.{fmt})."
    )


def _list(rest: list[str]) -> int:
    if len(rest) != 1:
        raise ValidationFailed("Brug: report snapshots ERHVERVSHUS (eller landet).")
    house = rest[0]
    with Session.open() as session:
        found = session.snapshots(house)
    name = house_title(house)
    if not found:
        print(f"Der er ingen øjebliksbilleder for {name} endnu.")
        return 0
    print("Nr. · periode · taget · anledning · indberetning")
    for info in found:
        print(snapshot_choice(info))
    return 0
