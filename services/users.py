"""Managing users: add, disable, enable, new password, new role (docs/roles.md).

The checks of who may do it are the session's (``manage_users``); here are the rules of a
user row itself: a role from the four, a house for ``erhvervshus``, a KKR for ``kkr`` and
``kkr_medlem``, and nothing else bound to it. Time is a parameter.
"""

from __future__ import annotations

from datetime import datetime

from contracts.models import HOUSE_KEYS
from contracts.reference import house_name, houses, kkr_name
from db import Store, UserInfo
from db.errors import ValidationFailed
from services.auth import hash_password, new_password
from services.permissions import ROLES, kkr_key

MIN_PASSWORD = 12

ROLE_NAMES: dict[str, str] = {
    "erhvervshus": "erhvervshus",
    "kkr": "KKR-sekretariat",
    "kkr_medlem": "KKR-medlem",
    "admin": "administrator",
}


def kkr_keys() -> tuple[str, ...]:
    """The KKR keys, from the erhvervshuse's KKR in the reference data."""
    keys = (kkr_key(h.kkr) for h in houses().values())
    return tuple(dict.fromkeys(k for k in keys if k))


def check_binding(role: str, house: str | None, kkr: str | None) -> tuple[str | None, str | None]:
    """The house and KKR a role is bound to, checked; ValidationFailed in Danish."""
    if role not in ROLES:
        raise ValidationFailed(f"Ukendt rolle '{role}'. Brug en af: {', '.join(ROLES)}.")
    if role == "erhvervshus":
        if house not in HOUSE_KEYS:
            raise ValidationFailed(
                f"En bruger med rollen erhvervshus skal have et hus: {', '.join(HOUSE_KEYS)}."
            )
        return house, None
    if role in ("kkr", "kkr_medlem"):
        if kkr not in kkr_keys():
            raise ValidationFailed(
                f"En bruger med rollen {role} skal have en KKR: {', '.join(kkr_keys())}."
            )
        return None, kkr
    return None, None


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationFailed(f"Adgangskoden skal have mindst {MIN_PASSWORD} tegn.")
    return password


def add_user(
    store: Store,
    name: str,
    role: str,
    *,
    now: datetime,
    password: str | None = None,
    house: str | None = None,
    kkr: str | None = None,
    display_name: str = "",
    email: str | None = None,
    demo: bool = False,
) -> UserInfo:
    """A new user; without ``password`` only single sign-on logs them in."""
    name = name.strip()
    if not name or len(name) > 100 or any(c.isspace() for c in name):
        raise ValidationFailed("Brugernavnet skal være 1–100 tegn uden mellemrum.")
    house, kkr = check_binding(role, house, kkr)
    hashed = hash_password(check_password(password)) if password is not None else None
    return store.add_user(
        name=name,
        role=role,
        at=now,
        house=house,
        kkr=kkr,
        display_name=display_name,
        email=email or None,
        password_hash=hashed,
        is_demo=demo,
    )


def set_disabled(store: Store, name: str, disabled: bool) -> UserInfo:
    """Disable (every session of theirs ends at once) or enable a user."""
    return store.update_user(name, disabled=disabled)


def set_password(store: Store, name: str, password: str) -> UserInfo:
    hashed = hash_password(check_password(password))
    return store.update_user(name, password_hash=hashed, failed_logins=0, locked_until=None)


def reset_password(store: Store, name: str) -> str:
    """A new random password for ``name``, returned to be shown once; sessions end."""
    password = new_password()
    set_password(store, name, password)
    return password


def set_role(
    store: Store, name: str, role: str, *, house: str | None = None, kkr: str | None = None
) -> UserInfo:
    house, kkr = check_binding(role, house, kkr)
    return store.update_user(name, role=role, house=house, kkr=kkr)


def role_text(role: str | None, house: str | None = None, kkr: str | None = None) -> str:
    """The role in Danish with what it is bound to: "erhvervshus, Erhvervshus Fyn",
    "KKR-medlem, KKR Syddanmark", "administrator"."""
    words = ROLE_NAMES.get(role or "", role or "")
    if role == "erhvervshus" and house:
        return f"{words}, {house_name(house)}"
    if role in ("kkr", "kkr_medlem") and kkr:
        return f"{words}, {kkr_name(kkr)}"
    return words


def describe(user: UserInfo) -> str:
    """The user's role in Danish (``role_text``), marked when it is a demo account."""
    text = role_text(user.role, user.house, user.kkr)
    return text + (", demokonto" if user.demo else "")
