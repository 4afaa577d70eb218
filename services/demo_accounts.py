"""Demo accounts, one per role, and the first administrator of a new installation
(docs/roles.md).

A fresh installation has no default password: ``prepare`` (``make run``) creates the demo
accounts on a store without real users, then an administrator ``admin`` when there is no
real user, each with a random password printed once. Demo accounts act on demo data only and
go with ``demo --clear``.
"""

from __future__ import annotations

from datetime import datetime

from db import Store
from services.auth import new_password
from services.users import add_user, describe

FIRST_ADMIN = "admin"

#: name, role, house, KKR, display name
DEMO_ACCOUNTS: tuple[tuple[str, str, str | None, str | None, str], ...] = (
    ("demo-hus-sjaelland", "erhvervshus", "sjaelland", None, "Demo: Erhvervshus Sjælland"),
    ("demo-kkr-sjaelland", "kkr", None, "sjaelland", "Demo: KKR Sjællands sekretariat"),
    ("demo-medlem-sjaelland", "kkr_medlem", None, "sjaelland", "Demo: medlem af KKR Sjælland"),
    ("demo-admin", "admin", None, None, "Demo: administrator"),
)


def add_demo_accounts(store: Store, *, now: datetime) -> list[str]:
    """Fresh demo accounts in place of any old ones, each line with its password (shown
    once); refused, with a Danish line, when the store has real users."""
    if store.has_real_users():
        return [
            "Demokonti er ikke oprettet: databasen har rigtige brugere, og demokonti hører "
            "kun til en installation, der prøves af."
        ]
    store.remove_demo_users()
    lines = ["Demokonti (kun demodata; adgangskoderne vises kun nu):"]
    for name, role, house, kkr, display in DEMO_ACCOUNTS:
        password = new_password()
        user = add_user(
            store,
            name,
            role,
            now=now,
            password=password,
            house=house,
            kkr=kkr,
            display_name=display,
            demo=True,
        )
        lines.append(f"  {name} ({describe(user)}): {password}")
    return lines


def first_admin(store: Store, *, now: datetime) -> list[str]:
    """An administrator with a random password (shown once) when the store has no real user."""
    if store.has_real_users():
        return []
    password = new_password()
    add_user(store, FIRST_ADMIN, "admin", now=now, password=password, display_name="Administrator")
    return [
        f"Administrator oprettet: brugernavn {FIRST_ADMIN}, adgangskode {password} "
        "(vises kun denne ene gang; skift den med 'python cli.py user reset-password admin')."
    ]
