"""Command line of Resultatkontrakter: ``python cli.py --help``.

Each group of commands lives in a module of ``commands`` with a ``register``
function. Expected errors (``services.errors.UserError``) print one Danish line on stderr and
exit non-zero; they never show a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from commands import danish_argparse
from services.errors import UserError

COMMAND_MODULES: tuple[str, ...] = (
    "commands.contracts",
    "commands.contract",
    "commands.prepare",
    "commands.demo",
    "commands.db",
    "commands.values",
    "commands.status",
    "commands.rounds",
    "commands.report",
    "commands.user",
)


def build_parser() -> argparse.ArgumentParser:
    danish_argparse.install()
    parser = argparse.ArgumentParser(
        prog="python cli.py",
        description="Resultatkontrakter mellem KKR og erhvervshusene.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly, as Unix tools do.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
