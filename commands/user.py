"""``user``: add, list, disable, enable, reset-password, set-role (docs/roles.md).

The command line acts as an administrator (``APP_USER`` or the OS user). A password is read
with ``getpass`` (never echoed) or from ``--adgangskode-fil``; ``reset-password`` prints a new
random password once.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from contracts import danish
from services.errors import ValidationFailed
from services.session import Session
from services.users import describe

ROLES_HELP = "erhvervshus, kkr, kkr_medlem eller admin"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("user", help="opret og administrér brugere og deres roller")
    actions = parser.add_subparsers(dest="user_action", required=True, metavar="HANDLING")

    add = actions.add_parser("add", help="opret en bruger")
    add.add_argument("name", metavar="BRUGERNAVN")
    add.add_argument("--rolle", dest="role", required=True, help=ROLES_HELP)
    _binding(add)
    add.add_argument("--navn", dest="display_name", default="", help="fulde navn")
    add.add_argument("--email", default=None, help="e-mail (til single sign-on)")
    add.add_argument("--adgangskode-fil", dest="password_file", type=Path, metavar="FIL")
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="vis alle brugere")
    listing.set_defaults(handler=run_list)

    for name, text, handler in (
        ("disable", "spær en bruger (alle dens logins slutter)", run_disable),
        ("enable", "ophæv spærringen af en bruger", run_enable),
        ("reset-password", "giv en bruger en ny tilfældig adgangskode", run_reset),
    ):
        one = actions.add_parser(name, help=text)
        one.add_argument("name", metavar="BRUGERNAVN")
        one.set_defaults(handler=handler)

    role = actions.add_parser("set-role", help="giv en bruger en ny rolle")
    role.add_argument("name", metavar="BRUGERNAVN")
    role.add_argument("role", metavar="ROLLE", help=ROLES_HELP)
    _binding(role)
    role.set_defaults(handler=run_set_role)


def _binding(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--hus", dest="house", default=None, help="erhvervshus (rollen erhvervshus)"
    )
    parser.add_argument("--kkr", default=None, help="KKR, fx syddanmark (kkr og kkr_medlem)")


def read_password(path: Path | None) -> str:
    """The password from the file's first line, or typed twice without echo."""
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ValidationFailed(f"Adgangskodefilen '{path}' kan ikke læses.") from exc
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise ValidationFailed("Angiv adgangskoden med --adgangskode-fil, eller kør i en terminal.")
    first = getpass.getpass("Adgangskode: ")
    if getpass.getpass("Gentag adgangskoden: ") != first:
        raise ValidationFailed("De to adgangskoder er ikke ens. Intet er ændret.")
    return first


def run_add(args: argparse.Namespace) -> int:
    password = read_password(args.password_file)
    with Session.open() as session:
        user = session.add_user(
            args.name,
            args.role,
            password=password,
            house=args.house,
            kkr=args.kkr,
            display_name=args.display_name,
            email=args.email,
        )
    print(f"Brugeren {user.name} er oprettet: {describe(user)}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with Session.open() as session:
        users = session.users()
    if not users:
        print("Der er ingen brugere endnu.")
        return 0
    for user in users:
        state = "spærret" if user.disabled else "aktiv"
        extra = f", {user.email}" if user.email else ""
        name = f" ({user.display_name})" if user.display_name else ""
        print(f"{user.name}{name}: {describe(user)}; {state}{extra}.")
    count = len(users)
    print(f"{danish.number(count)} {'bruger' if count == 1 else 'brugere'}.")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    with Session.open() as session:
        session.disable_user(args.name)
    print(f"Brugeren {args.name} er spærret; alle brugerens logins er afsluttet.")
    return 0


def run_enable(args: argparse.Namespace) -> int:
    with Session.open() as session:
        session.enable_user(args.name)
    print(f"Brugeren {args.name} kan logge ind igen.")
    return 0


def run_reset(args: argparse.Namespace) -> int:
    with Session.open() as session:
        password = session.reset_password(args.name)
    print(f"Ny adgangskode for {args.name} (vises kun denne ene gang): {password}")
    return 0


def run_set_role(args: argparse.Namespace) -> int:
    with Session.open() as session:
        user = session.set_role(args.name, args.role, house=args.house, kkr=args.kkr)
    print(f"Brugeren {user.name} har nu rollen {describe(user)}; brugerens logins er afsluttet.")
    return 0
