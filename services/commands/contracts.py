"""``validate`` and ``show``: the contracts on the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from contracts.loader import load_folder


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("validate", help="tjek kontraktfiler (standard: kontraktmappen)")
    parser.add_argument("paths", nargs="*", type=Path, metavar="STI")
    parser.set_defaults(handler=validate)


def validate(args: argparse.Namespace) -> int:
    roots = args.paths or [None]
    errors = 0
    for root in roots:
        catalog = load_folder(root)
        for issue in catalog.issues:
            print(issue)
        errors += len(catalog.errors)
    return 1 if errors else 0
