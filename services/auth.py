"""Logging in: local accounts with argon2id hashes and server-side sessions (docs/roles.md).

    token = login(store, "anne", "…", now=now)      # an opaque token; LoginFailed in Danish
    principal = for_token(store, token, now=now)    # PUBLIC once expired, revoked or disabled
    logout(store, token)

Only the SHA-256 of a token is stored. A session ends after ``SESSION_IDLE_MINUTES`` without
use or ``SESSION_MAX_HOURS`` after login, at logout, and when the user is disabled. After
``LOGIN_MAX_FAILURES`` failures in a row an account is locked for ``LOGIN_LOCKOUT_MINUTES``.
Unknown user, wrong password and locked account get the same answer. Time is a parameter.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from db import Store, UserInfo
from db.errors import LoginFailed
from services.permissions import PUBLIC, Principal, Role

LOGIN_FAILED = "Forkert brugernavn eller adgangskode, eller kontoen er midlertidigt låst."
_HASHER = PasswordHasher()  # argon2id, the library's (RFC 9106 low-memory) parameters
#: A session's last use is written at most this often (idle time is kept to the minute).
TOUCH_AFTER = timedelta(minutes=1)
#: Checked against when the user is unknown, so that the answer takes as long.
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


def _whole(text: str | None, default: int) -> int:
    """A positive whole number from a setting, else the default."""
    text = (text or "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else default


def idle_timeout() -> timedelta:
    return timedelta(minutes=_whole(os.environ.get("SESSION_IDLE_MINUTES"), 60))


def absolute_timeout() -> timedelta:
    return timedelta(hours=_whole(os.environ.get("SESSION_MAX_HOURS"), 8))


def max_failures() -> int:
    return _whole(os.environ.get("LOGIN_MAX_FAILURES"), 5)


def lockout() -> timedelta:
    return timedelta(minutes=_whole(os.environ.get("LOGIN_LOCKOUT_MINUTES"), 15))


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def new_password() -> str:
    """A random password, shown once: 16 characters from the URL-safe alphabet."""
    return secrets.token_urlsafe(12)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def principal_of(user: UserInfo) -> Principal:
    role: Role | None = user.role  # type: ignore[assignment]  # the table's check constraint
    return Principal(
        name=user.name,
        role=role,
        house=user.house,
        kkr=user.kkr,
        demo=user.demo,
        display_name=user.display_name or user.name,
    )


def _verify(hashed: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(hashed or _DUMMY_HASH, password) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False


def login(store: Store, username: str, password: str, *, now: datetime) -> str:
    """A new session's opaque token, or ``LoginFailed`` (one message for every refusal)."""
    user = store.user(username.strip())
    if user is None:
        _verify(None, password)
        raise LoginFailed(LOGIN_FAILED)
    if user.locked_until is not None and user.locked_until > now:
        raise LoginFailed(LOGIN_FAILED)
    if not _verify(user.password_hash, password) or user.disabled:
        failures = user.failed_logins + 1
        if failures >= max_failures():
            store.update_user(user.name, failed_logins=0, locked_until=now + lockout())
        else:
            store.update_user(user.name, failed_logins=failures, locked_until=None)
        raise LoginFailed(LOGIN_FAILED)
    changes: dict[str, object] = {}
    if user.failed_logins or user.locked_until is not None:
        changes.update(failed_logins=0, locked_until=None)
    if user.password_hash and _HASHER.check_needs_rehash(user.password_hash):
        changes["password_hash"] = hash_password(password)
    if changes:
        store.update_user(user.name, **changes)
    token = secrets.token_urlsafe(32)
    store.add_login(user.id, token_hash(token), at=now)
    return token


def for_token(store: Store, token: str | None, *, now: datetime) -> Principal:
    """Who holds ``token``: PUBLIC when it is missing, unknown, revoked or expired, or its
    user disabled. A live session's idle time starts again."""
    if not token:
        return PUBLIC
    found = store.login(token_hash(token))
    if found is None or found.revoked or found.user.disabled:
        return PUBLIC
    if now - found.last_seen > idle_timeout() or now - found.created_at > absolute_timeout():
        store.revoke_login(token_hash(token))
        return PUBLIC
    if now - found.last_seen >= TOUCH_AFTER:  # not a write on every page run
        store.touch_login(found.id, at=now)
    return principal_of(found.user)


def logout(store: Store, token: str | None) -> None:
    if token:
        store.revoke_login(token_hash(token))


def for_oidc(store: Store, email: str | None, subject: str | None) -> tuple[Principal, str]:
    """The user an identity provider vouched for, looked up by subject, then e-mail; the
    role always comes from the user table. Unknown or disabled: PUBLIC and a Danish notice."""
    user = store.user(oidc_subject=subject) if subject else None
    if user is None and email:
        user = store.user(email=email)
        if user is not None and subject and user.oidc_subject is None:
            user = store.update_user(user.name, oidc_subject=subject)
    if user is None:
        who = email or subject or "ukendt"
        return PUBLIC, (
            f"Du er logget ind som {who}, men har ingen bruger i Resultatkontrakter. "
            "Bed en administrator om at oprette dig; indtil da ser du det offentlige."
        )
    if user.disabled:
        return PUBLIC, "Din bruger er spærret. Kontakt en administrator."
    return principal_of(user), ""
