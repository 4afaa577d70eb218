"""The session's logins and user administration (docs/roles.md).

    token = session.login("anne", "…")          # LoginFailed: one Danish message for all
    person = session.for_token(token)           # the same store, used by anne (or PUBLIC)
    session.logout(token)

``now`` defaults to the clock and is a parameter for the tests. Managing users needs
``manage_users`` (an administrator; the command line is one).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any, Self

from db import UserInfo
from services import auth, users
from services.permissions import PUBLIC
from services.session_guard import Guarded


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def _shown(user: UserInfo) -> UserInfo:
    """A user as the adapters get it: never with the password's hash."""
    return dataclasses.replace(user, password_hash=None)


class AccountMethods(Guarded):
    # Logging in and out.

    def login(self, username: str, password: str, *, now: datetime | None = None) -> str:
        """A new login's opaque token; ``LoginFailed`` for unknown user, wrong password and
        locked account alike."""
        return auth.login(self.store, username, password, now=_now(now))

    def for_token(self, token: str | None, *, now: datetime | None = None) -> Self:
        """The same store, used by the holder of ``token`` (PUBLIC when it is missing,
        unknown, expired or revoked, or the user disabled); the idle time starts again."""
        return self.as_principal(auth.for_token(self.store, token, now=_now(now)))

    def logout(self, token: str | None) -> Self:
        """End the login of ``token``; the same store, used by nobody (PUBLIC)."""
        auth.logout(self.store, token)
        return self.as_principal(PUBLIC)

    def for_oidc(self, email: str | None, subject: str | None) -> Self:
        """The user an identity provider vouched for (by subject, then e-mail); unknown:
        PUBLIC with a Danish ``notice`` for the page."""
        principal, notice = auth.for_oidc(self.store, email, subject)
        return self.as_principal(principal, notice)

    # Users: an administrator's.

    def users(self) -> list[UserInfo]:
        self._require("manage_users", None)
        return [_shown(u) for u in self.store.users()]

    def add_user(
        self, name: str, role: str, *, now: datetime | None = None, **fields: Any
    ) -> UserInfo:
        """A new user (``services.users.add_user`` names the fields)."""
        self._require("manage_users", None)
        return _shown(users.add_user(self.store, name, role, now=_now(now), **fields))

    def disable_user(self, name: str) -> UserInfo:
        """Disable a user: every login of theirs ends at once."""
        self._require("manage_users", None)
        return _shown(users.set_disabled(self.store, name, True))

    def enable_user(self, name: str) -> UserInfo:
        self._require("manage_users", None)
        return _shown(users.set_disabled(self.store, name, False))

    def set_password(self, name: str, password: str) -> UserInfo:
        self._require("manage_users", None)
        return _shown(users.set_password(self.store, name, password))

    def reset_password(self, name: str) -> str:
        """A new random password, to be shown once; the user's logins end."""
        self._require("manage_users", None)
        return users.reset_password(self.store, name)

    def set_role(
        self, name: str, role: str, *, house: str | None = None, kkr: str | None = None
    ) -> UserInfo:
        """A new role (and house or KKR); the user's logins end."""
        self._require("manage_users", None)
        return _shown(users.set_role(self.store, name, role, house=house, kkr=kkr))

    def has_real_users(self) -> bool:
        return self.store.has_real_users()
