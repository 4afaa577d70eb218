"""Who may do what, where: the one table of roles and acts (docs/roles.md).

    require(session.principal, "approve", "fyn", catalog)     # raises Forbidden in Danish

A ``Principal`` is the person acting: a role, the house or KKR the role is bound to, and
whether the account is a demo account. ``may`` answers for one act on one house; the session
(``services/session.py``) asks it before every read of non-public data and every write.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal, get_args

from contracts.loader import Catalog
from contracts.reference import house_name, houses
from db.errors import Forbidden

Role = Literal["erhvervshus", "kkr", "kkr_medlem", "admin"]
ROLES: tuple[str, ...] = get_args(Role)

Action = Literal[
    "read_public",
    "read_internal",
    "write_value",
    "import",
    "submit",
    "reopen",
    "approve",
    "return",
    "draft",
    "approve_contract",
    "manage_users",
]
ACTIONS: tuple[str, ...] = get_args(Action)


@dataclass(frozen=True)
class Principal:
    name: str  # the login name; recorded in the audit trail
    role: Role | None  # None: nobody logged in (the public view)
    house: str | None = None  # erhvervshus: the one house
    kkr: str | None = None  # kkr / kkr_medlem: the KKR key
    demo: bool = False  # a demo account: acts only on demo data
    display_name: str = ""

    @property
    def is_operator(self) -> bool:
        """An administrator who is not a demo account: sees and may do everything."""
        return self.role == "admin" and not self.demo


PUBLIC = Principal(name="offentlig", role=None)


def operator(name: str) -> Principal:
    """The command line: an administrator, named by ``APP_USER`` or the OS user."""
    return Principal(name=name, role="admin", display_name=name)


#: What each role may do in the houses it is bound to (admin: everything, everywhere).
_OWN: dict[str, frozenset[str]] = {
    "erhvervshus": frozenset(
        {"read_internal", "write_value", "import", "submit", "reopen", "draft"}
    ),
    "kkr": frozenset({"read_internal", "approve", "return", "approve_contract"}),
    "kkr_medlem": frozenset({"read_internal"}),
}

#: The act as the refusal names it: "Du har ikke adgang til at <verb> for <house>."
_VERBS: dict[str, str] = {
    "read_public": "se de offentlige tal",
    "read_internal": "se indberetninger, kommentarer og historik",
    "write_value": "indtaste værdier",
    "import": "importere værdier",
    "submit": "indsende indberetninger",
    "reopen": "genåbne indberetninger",
    "approve": "godkende indberetninger",
    "return": "sende indberetninger tilbage",
    "draft": "gemme udkast til kontrakter",
    "approve_contract": "godkende kontrakter",
    "manage_users": "administrere brugere",
}


def kkr_key(text: str | None) -> str | None:
    """A KKR as a key: "KKR Sjælland" and "sjaelland" both give "sjaelland"."""
    if not text:
        return None
    plain = text.strip().lower().removeprefix("kkr").strip()
    for letter, spelled in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        plain = plain.replace(letter, spelled)
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return plain.replace(" ", "") or None


def kkr_houses(catalog: Catalog | None, key: str | None) -> frozenset[str]:
    """The houses KKR ``key`` holds contracts with (docs/roles.md).

    Contracts name their KKR (``kkr:``); a house whose contracts do not, falls back on the
    reference data's KKR of the house. The one place that says which houses a KKR holds."""
    if not key:
        return frozenset()
    contracts = catalog.contracts if catalog is not None else ()
    found: set[str] = {c.erhvervshus for c in contracts if kkr_key(c.kkr) == key}
    named: set[str] = {c.erhvervshus for c in contracts if c.kkr}
    found |= {h.key for h in houses().values() if h.key not in named and kkr_key(h.kkr) == key}
    return frozenset(found)


def internal_houses(principal: Principal, catalog: Catalog | None) -> frozenset[str] | None:
    """The houses whose non-public data ``principal`` may read; None: every house."""
    if principal.role == "admin":
        return None
    if principal.role == "erhvervshus":
        return frozenset({principal.house}) if principal.house else frozenset()
    if principal.role in ("kkr", "kkr_medlem"):
        return kkr_houses(catalog, principal.kkr)
    return frozenset()


def may(
    principal: Principal,
    action: Action,
    house: str | None,
    catalog: Catalog | None,
    *,
    demo_data: bool = False,
) -> bool:
    """Whether ``principal`` may do ``action`` in ``house`` (None: no house in particular).

    A demo account may act only on demo data: anything beyond the public view needs
    ``demo_data`` (the round or contract acted on holds demo data), and a demo account never
    manages users, saves drafts or approves contracts (docs/roles.md)."""
    if action == "read_public":
        return True
    if principal.role is None:
        return False
    if principal.demo and (
        not demo_data or action in ("manage_users", "draft", "approve_contract")
    ):
        return False
    if principal.role == "admin":
        return True
    if house is None or action == "manage_users":
        return False
    allowed = internal_houses(principal, catalog) or frozenset()
    return house in allowed and action in _OWN.get(principal.role, frozenset())


def require(
    principal: Principal,
    action: Action,
    house: str | None,
    catalog: Catalog | None,
    *,
    demo_data: bool = False,
) -> None:
    """``may`` or ``Forbidden`` with a Danish message naming the act and the house."""
    if may(principal, action, house, catalog, demo_data=demo_data):
        return
    where = f" for {house_name(house)}" if house else ""
    message = f"Du har ikke adgang til at {_VERBS[action]}{where}."
    if principal.role is None:
        message += " Log ind for at fortsætte."
    elif principal.demo:
        message += " En demokonto kan kun arbejde med demodata."
    raise Forbidden(message)


def cache_scope(principal: Principal, catalog: Catalog | None = None) -> str:
    """What decides what ``principal`` may see, as a key for a cache shared between sessions."""
    if principal.role is None:
        scope = "offentlig"
    elif principal.role == "admin":
        scope = "alle"
    elif principal.role == "erhvervshus":
        scope = f"hus:{principal.house}"
    else:
        scope = f"kkr:{principal.kkr}"
    return scope + (":demo" if principal.demo and principal.role is not None else "")
