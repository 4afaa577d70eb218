"""``contract doc``: a contract (or its draft) as a PDF or Word document.

    python cli.py contract doc sjaelland 2022 --format pdf -o kontrakt.pdf
    python cli.py contract doc sjaelland 2023 --udkast --format docx -o udkast.docx

``add_doc_command`` adds ``doc`` to the ``contract`` group of ``commands.contract``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from contracts.models import HOUSE_KEYS
from services.errors import ValidationFailed
from services.report import CONTRACT_FORMATS, contract_file, write_file
from services.session import Session


def add_doc_command(group: argparse._SubParsersAction) -> None:
    doc = group.add_parser(
        "doc",
        help="kontrakten som dokument (PDF eller Word)",
        description="Kontrakten som dokument: pr. mål Mål, Metode og Afrapportering.",
    )
    doc.add_argument("house", metavar="ERHVERVSHUS", help=", ".join(HOUSE_KEYS))
    doc.add_argument("year", metavar="ÅR", type=int)
    doc.add_argument("--udkast", action="store_true", help="udkastet med dets ændringer")
    doc.add_argument("--format", choices=CONTRACT_FORMATS, default="pdf")
    doc.add_argument("-o", "--output", type=Path, metavar="FIL", help="filen, der skrives")
    doc.set_defaults(handler=run_doc)


def run_doc(args: argparse.Namespace) -> int:
    if args.output is None:
        raise ValidationFailed(
            f"Angiv filen, dokumentet skal skrives til, med -o (fx -o kontrakt.{args.format})."
        )
    with Session.open() as session:
        catalog = session.catalog()
    data = contract_file(catalog, args.house, args.year, args.format, draft=args.udkast)
    write_file(data, args.output)
    print(f"Kontrakten er skrevet til {args.output}.")
    return 0
