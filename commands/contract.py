"""``contract``: next year's contract on the command line (docs/drafting.md).

    python cli.py contract draft sjaelland 2023 [--from 2022] [-o FIL | --gem]
    python cli.py contract diff GAMMEL.yaml NY.yaml
    python cli.py contract diff sjaelland 2023
    python cli.py contract approve sjaelland 2023 --dato 2022-10-12 --moede "KKR Sjælland"
    python cli.py contract doc sjaelland 2022 [--udkast] --format pdf|docx -o FIL

Messages are Danish; an expected error is one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from commands.contract_doc import add_doc_command
from contracts.diff import contract_diff
from contracts.diff_text import diff_lines
from contracts.draft_flags import flags
from contracts.edits import Built, Edits
from contracts.loader import contracts_dir, load_paths
from contracts.models import HOUSE_KEYS, Contract
from contracts.reference import house_name
from services.drafting import build_draft, find_base, start_draft
from services.errors import NotFound, ValidationFailed
from services.session import Session

NO_MAPPING = ("ingen", "-")


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser(
        "contract",
        help="næste års kontrakt: udkast, ændringer, godkendelse; kontrakten som dokument",
    )
    commands = group.add_subparsers(dest="contract_command", required=True, metavar="HANDLING")

    draft = commands.add_parser(
        "draft",
        help="lav udkastet til næste års kontrakt ud fra en kontrakt",
        description="Udkast til NYT_ÅR bygget på kontrakten for året før (eller --from ÅR).",
    )
    draft.add_argument("house", metavar="ERHVERVSHUS", help=", ".join(HOUSE_KEYS))
    draft.add_argument("year", metavar="NYT_ÅR", type=int)
    draft.add_argument("--from", dest="base", type=int, metavar="ÅR", help="året at bygge på")
    out = draft.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", type=Path, metavar="FIL", help="skriv udkastet til FIL")
    out.add_argument("--gem", action="store_true", help="gem det som husets udkast i udkast/")
    draft.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="GAMMELT=NYT",
        help="ved ny rammeaftale: hvor et nationalt mål hører til (NYT kan være 'ingen')",
    )
    draft.add_argument(
        "--begrundelse",
        action="append",
        default=[],
        metavar="NØGLE=TEKST",
        help="begrundelse for en ændring: et måltal (8a=...) eller et mål (mål16=...)",
    )
    draft.set_defaults(handler=run_draft)

    diff = commands.add_parser(
        "diff",
        help="vis ændringerne mellem to kontrakter",
        description="To filer (GAMMEL NY), eller ERHVERVSHUS ÅR: årets udkast eller kontrakt "
        "mod den kontrakt, det bygger på.",
    )
    diff.add_argument("first", metavar="GAMMEL|ERHVERVSHUS")
    diff.add_argument("second", metavar="NY|ÅR")
    diff.set_defaults(handler=run_diff)

    approve = commands.add_parser("approve", help="registrér KKR's godkendelse af et udkast")
    approve.add_argument("house", metavar="ERHVERVSHUS")
    approve.add_argument("year", metavar="ÅR", type=int)
    approve.add_argument("--dato", required=True, metavar="ÅÅÅÅ-MM-DD", help="godkendt den")
    approve.add_argument("--moede", required=True, metavar="MØDE", help="fx 'KKR Sjælland'")
    approve.set_defaults(handler=run_approve)

    add_doc_command(commands)


def _pairs(items: list[str], what: str) -> list[tuple[str, str]]:
    pairs = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ValidationFailed(f"{what} skal skrives som NØGLE=VÆRDI (fik '{item}')")
        pairs.append((key.strip(), value.strip()))
    return pairs


def _mapping(items: list[str]) -> dict[int, int | None]:
    mapping: dict[int, int | None] = {}
    for old, new in _pairs(items, "--map"):
        try:
            mapping[int(old)] = None if new.lower() in NO_MAPPING else int(new)
        except ValueError:
            raise ValidationFailed(
                f"--map skal skrives som 1=2 eller 7=ingen (fik '{old}={new}')"
            ) from None
    return mapping


def _reasons(items: list[str]) -> dict[tuple[str, str], str]:
    reasons = {}
    for key, text in _pairs(items, "--begrundelse"):
        if key.lower().startswith("mål"):
            reasons[("goal", key[3:].strip())] = text
        else:
            reasons[("target", key)] = text
    return reasons


def _report(built: Built, base: Contract) -> None:
    """Flags and the loader's findings on stderr, so stdout can carry the YAML."""
    if built.contract is not None:
        for flag in flags(built.contract, base):
            print(f"se efter: {flag.message}", file=sys.stderr)
    for issue in built.issues:
        prefix = "advarsel" if issue.severity == "advarsel" else "fejl"
        print(f"{prefix}: {issue.path}: {issue.message}", file=sys.stderr)


def run_draft(args: argparse.Namespace) -> int:
    with Session.open() as session:
        catalog = session.catalog()
        start = start_draft(
            catalog, args.house, args.year, base_year=args.base, mapping=_mapping(args.map)
        )
        if start.unmapped:
            listed = ", ".join(str(n) for n in start.unmapped)
            framework = start.framework.id if start.framework else "den nye rammeaftale"
            raise ValidationFailed(
                f"Rammeaftalen skifter til {framework}: angiv med --map, hvor hvert nationalt "
                f"mål hører til (mangler: mål {listed}), fx --map {start.unmapped[0]}=1"
            )
        built = build_draft(catalog, start, Edits(reasons=_reasons(args.begrundelse)))
        _report(built, start.base)
        name = f"{house_name(args.house)} {args.year}"
        if args.gem:
            session.save_draft(catalog, built.text, expected_hash=None)
            print(f"Udkastet til {name} er gemt i udkast/.")
            return 0
    if args.output is not None:
        args.output.write_text(built.text, encoding="utf-8")
        print(f"Udkastet til {name} er skrevet til {args.output}.")
    else:
        sys.stdout.write(built.text)
    return 1 if built.errors else 0


def _load_two(old: Path, new: Path) -> tuple[Contract, Contract]:
    missing = [str(p) for p in (old, new) if not p.is_file()]
    if missing:
        raise NotFound(f"findes ikke: {', '.join(missing)}")
    catalog = load_paths([old, new], context=contracts_dir())
    # A change without its reason is part of what the diff shows; a file that does not load
    # as a contract at all cannot be compared.
    if len(catalog.contracts) != 2:
        problems = [str(i) for i in catalog.errors] or ["begge filer skal være kontrakter"]
        raise ValidationFailed("Filerne kan ikke sammenlignes:", problems)
    first, second = catalog.contracts
    return first, second


def run_diff(args: argparse.Namespace) -> int:
    if args.first in HOUSE_KEYS:
        try:
            year = int(args.second)
        except ValueError:
            raise ValidationFailed(
                f"året skal være et tal som 2023 (fik '{args.second}')"
            ) from None
        with Session.open() as session:
            catalog = session.catalog()
        contract = catalog.contract(args.first, year, draft=True)
        if contract is None or contract.demo:
            raise NotFound(f"{house_name(args.first)} har intet udkast eller kontrakt for {year}.")
        base = find_base(catalog, args.first, contract.based_on or year - 1)
    else:
        base, contract = _load_two(Path(args.first), Path(args.second))
    status = "udkastet" if contract.status == "udkast" else "kontrakten"
    title = (
        f"Ændringer i {status} for {house_name(contract.erhvervshus)} {contract.year} "
        f"mod kontrakten for {base.year}"
    )
    print("\n".join(diff_lines(contract_diff(base, contract), title)))
    return 0


def run_approve(args: argparse.Namespace) -> int:
    try:
        approved = dt.date.fromisoformat(args.dato)
    except ValueError:
        raise ValidationFailed(
            f"datoen skal skrives som 2022-10-12 (år-måned-dag), fik '{args.dato}'"
        ) from None
    with Session.open() as session:
        approval = session.approve_draft(
            args.house, args.year, approved=approved, meeting=args.moede
        )
    print(
        f"Kontrakten for {house_name(args.house)} {args.year} er godkendt og gemt som "
        f"{approval.path.name}."
    )
    if approval.orphans:
        print("Gemte værdier, hvis måltal ikke er i den godkendte kontrakt (de er bevaret):")
        for orphan in approval.orphans:
            print(f"  {orphan.describe(args.year)}")
    return 0
