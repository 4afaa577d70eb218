"""``round``: show, submit, approve or reopen a report round.

``python cli.py round sjaelland 2022 H1 submit`` refuses, listing every target, unless each
target that is i_risiko or ikke_opfyldt, each assessment and each total whose parts do not add
up has a comment. Targets still "Mangler data" are named, and submitted only with
``--trods-manglende``.
"""

from __future__ import annotations

import argparse

from contracts import danish
from db.errors import ValidationFailed
from db.identity import current_user
from db.records import round_label
from services.catalog import load_catalog
from services.rounds import (
    approve_round,
    missing_comments,
    reopen_round,
    round_status_label,
    submit_round,
    unexplained_findings,
)
from services.status import check_house, check_period, contract_status
from services.store import open_store

ACTIONS = ("status", "submit", "approve", "reopen")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("round", help="vis, indsend, godkend eller genåbn en indberetning")
    parser.add_argument("house", metavar="ERHVERVSHUS", help="fx sjaelland")
    parser.add_argument("year", metavar="ÅR", type=int, help="fx 2022")
    parser.add_argument("period", metavar="PERIODE", type=str.upper, help="H1 eller FY")
    parser.add_argument(
        "action",
        nargs="?",
        default="status",
        metavar="HANDLING",
        help="status (standard), submit, approve eller reopen",
    )
    parser.add_argument("--reason", metavar="TEKST", help="begrundelse (kræves for reopen)")
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
            f"Ukendt handling '{args.action}'. Brug status, submit, approve eller reopen."
        )
    house, year, period = check_house(args.house), args.year, check_period(args.period)
    label = round_label(house, year, period)
    user = current_user()
    with open_store() as store:
        if args.action == "submit":
            submit_round(
                load_catalog(store),
                store,
                house,
                year,
                period,
                user=user,
                confirm_missing=args.confirm_missing,
            )
            print(f"Indberetningen for {label} er indsendt.")
        elif args.action == "approve":
            approve_round(load_catalog(store), store, house, year, period, user=user)
            print(f"Indberetningen for {label} er godkendt.")
        elif args.action == "reopen":
            reopen_round(store, house, year, period, user=user, reason=args.reason or "")
            print(f"Indberetningen for {label} er genåbnet.")
        else:
            info = store.round(house, year, period)
            if info is None:
                print(f"Der er endnu ingen indberetning for {label}.")
                return 0
            print(
                f"Indberetningen for {label}: {round_status_label(info)}; senest ændret af "
                f"{info.updated_by} {danish.date_time(info.updated_at)}."
            )
            if info.status == "åben":
                catalog = load_catalog(store)
                table = contract_status(catalog, store, house, year, period)
                problems = missing_comments(table)
                problems += unexplained_findings(catalog, store, house, year, period, table)
                if problems:
                    print("Mangler kommentar før indsendelse:")
                    print("\n".join(f"  {p}" for p in problems))
                else:
                    print("Klar til indsendelse.")
    return 0
