"""``demo [--clear]``: fill or remove the demo data and the demo accounts (docs/roles.md)."""

from __future__ import annotations

import argparse
import datetime as dt

from contracts import danish
from services.session import Session


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="indlæs demodata (eller fjern dem med --clear)")
    parser.add_argument("--clear", action="store_true", help="fjern alle demodata")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with Session.open() as session:
        if args.clear:
            removed = session.clear_demo()
            print(f"Demodata fjernet: {danish.number(removed)} værdier og demokontiene.")
            return 0
        print(session.fill_demo(as_of=dt.date.today()))
        for line in session.add_demo_accounts():
            print(line)
    return 0
