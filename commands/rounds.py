"""``round``: show, submit, approve, send back or reopen a report round.

``python cli.py round sjaelland 2022 H1 submit`` refuses, listing every target, unless each
target that is i_risiko or ikke_opfyldt, each assessment and each total whose parts do not add
up has a comment. Targets still "Mangler data" are named, and submitted only with
``--trods-manglende``. ``python cli.py round sjaelland 2022 H1 return --begrundelse "…"``
sends an indsendt round back to the house (KKR), with the reason the house reads on
Indberetning (docs/tracker.md).
"""

from __future__ import annotations

import argparse

from contracts import danish
from contracts.describe import round_label
from services.errors import ValidationFailed
from services.rounds import round_status_label
from services.session import Session
from services.status import check_house, check_period

ACTIONS = ("status", "submit", "approve", "return", "reopen")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "round", help="vis, indsend, godkend, send tilbage eller genåbn en indberetning"
    )
    parser.add_argument("house", metavar="ERHVERVSHUS", help="fx sjaelland")
    parser.add_argument("year", metavar="ÅR", type=int, help="fx 2022")
    parser.add_argument("period", metavar="PERIODE", type=str.upper, help="H1 eller FY")
    parser.add_argument(
        "action",
        nargs="?",
        default="status",
        metavar="HANDLING",
        help="status (standard), submit, approve, return eller reopen",
    )
    parser.add_argument(
        "--begrundelse",
        "--reason",
        dest="reason",
        metavar="TEKST",
        help="begrundelse (kræves for return og reopen)",
    )
    parser.add_argument(
        "--trods-manglende",
        action="store_true",
        dest="confirm_missing",
        help="indsend, selv om nogle måltal stadig mangler data (submit)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.action not in ACTIONS:
        raise ValidationFailed(
            f"Ukendt handling '{args.action}'. Brug status, submit, approve, return eller reopen."
        )
    house, year, period = check_house(args.house), args.year, check_period(args.period)
    label = round_label(house, year, period)
    with Session.open() as session:
        if args.action == "submit":
            session.submit_round(
                session.catalog(), house, year, period, confirm_missing=args.confirm_missing
            )
            print(f"Indberetningen for {label} er indsendt.")
        elif args.action == "approve":
            session.approve_round(session.catalog(), house, year, period)
            print(f"Indberetningen for {label} er godkendt.")
        elif args.action == "return":
            session.return_round(house, year, period, reason=args.reason or "")
            print(f"Indberetningen for {label} er sendt tilbage til erhvervshuset.")
        elif args.action == "reopen":
            session.reopen_round(house, year, period, reason=args.reason or "")
            print(f"Indberetningen for {label} er genåbnet.")
        else:
            info = session.round(house, year, period)
            if info is None:
                print(f"Der er endnu ingen indberetning for {label}.")
                return 0
            print(
                f"Indberetningen for {label}: {round_status_label(info)}; senest ændret af "
                f"{info.updated_by} {danish.date_time(info.updated_at)}."
            )
            if info.status == "åben":
                problems = session.submit_problems(session.catalog(), house, year, period)
                if problems:
                    print("Mangler kommentar før indsendelse:")
                    print("\n".join(f"  {p}" for p in problems))
                else:
                    print("Klar til indsendelse.")
    return 0
