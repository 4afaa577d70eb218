"""``demo [--clear]``: fill or remove the demo data."""

from __future__ import annotations

import argparse
import datetime as dt

from contracts import danish
from db import Store
from services.demo_fill import fill_demo


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="indlæs demodata (eller fjern dem med --clear)")
    parser.add_argument("--clear", action="store_true", help="fjern alle demodata")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    store = Store()
    store.upgrade()
    if args.clear:
        removed = store.clear_demo()
        print(f"Demodata fjernet: {danish.number(removed)} værdier.")
        return 0
    print(fill_demo(store, as_of=dt.date.today()))
    return 0
