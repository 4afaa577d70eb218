"""Users and their login sessions in the store (docs/roles.md).

The rules — hashing, expiry, lock-out — belong to ``services/auth.py``; this module only
reads and writes the rows, and hands out ``UserInfo`` and ``LoginInfo``, never ORM objects.
Disabling a user revokes their sessions in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.errors import Conflict, NotFound
from db.models import AuthSession, User
from db.writes import write_session

#: The columns a caller may change with ``update_user``.
EDITABLE = frozenset(
    {
        "display_name",
        "email",
        "oidc_subject",
        "role",
        "house",
        "kkr",
        "password_hash",
        "disabled",
        "failed_logins",
        "locked_until",
    }
)


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    display_name: str
    email: str | None
    oidc_subject: str | None
    role: str
    house: str | None
    kkr: str | None
    password_hash: str | None
    disabled: bool
    demo: bool
    failed_logins: int
    locked_until: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class LoginInfo:
    """One auth session with its user."""

    id: int
    created_at: datetime
    last_seen: datetime
    revoked: bool
    user: UserInfo


def _info(row: User) -> UserInfo:
    return UserInfo(
        id=row.id,
        name=row.name,
        display_name=row.display_name,
        email=row.email,
        oidc_subject=row.oidc_subject,
        role=row.role,
        house=row.house,
        kkr=row.kkr,
        password_hash=row.password_hash,
        disabled=row.disabled,
        demo=row.is_demo,
        failed_logins=row.failed_logins,
        locked_until=row.locked_until,
        created_at=row.created_at,
    )


def add_user(engine: Engine, *, name: str, role: str, at: datetime, **fields: Any) -> UserInfo:
    """A new user; ``Conflict`` in Danish when the name (or e-mail, or subject) is taken."""
    try:
        with write_session(engine) as session:
            if session.scalar(select(User.id).where(User.name == name)) is not None:
                raise Conflict(f"Der findes allerede en bruger med navnet '{name}'.")
            row = User(name=name, role=role, created_at=at, failed_logins=0, **fields)
            session.add(row)
            session.flush()
            return _info(row)
    except IntegrityError as exc:
        raise Conflict(f"Brugeren '{name}' har samme e-mail eller login som en anden.") from exc


def find_user(
    engine: Engine,
    *,
    name: str | None = None,
    email: str | None = None,
    oidc_subject: str | None = None,
) -> UserInfo | None:
    """The user by name, else None; or by OIDC subject, or e-mail (case-insensitive)."""
    if name is not None:
        where = User.name == name
    elif oidc_subject is not None:
        where = User.oidc_subject == oidc_subject
    elif email is not None:
        where = func.lower(User.email) == email.lower()
    else:
        return None
    with Session(engine) as session:
        row = session.scalars(select(User).where(where)).first()
        return _info(row) if row else None


def list_users(engine: Engine) -> list[UserInfo]:
    with Session(engine) as session:
        return [_info(r) for r in session.scalars(select(User).order_by(User.name))]


def update_user(engine: Engine, name: str, **fields: Any) -> UserInfo:
    """Change a user's fields; disabling one, or setting a new password, revokes their
    sessions in the same transaction."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with write_session(engine) as session:
        row = session.scalars(select(User).where(User.name == name)).first()
        if row is None:
            raise NotFound(f"Der er ingen bruger med navnet '{name}'.")
        for key, value in fields.items():
            setattr(row, key, value)
        if fields.get("disabled") or "password_hash" in fields or "role" in fields:
            _revoke_all(session, row.id)
        session.flush()
        return _info(row)


def _revoke_all(session: Session, user_id: int) -> None:
    session.execute(update(AuthSession).where(AuthSession.user_id == user_id).values(revoked=True))


def add_login(engine: Engine, user_id: int, token_hash: str, *, at: datetime) -> None:
    with write_session(engine) as session:
        session.add(
            AuthSession(
                token_hash=token_hash, user_id=user_id, created_at=at, last_seen=at, revoked=False
            )
        )


def find_login(engine: Engine, token_hash: str) -> LoginInfo | None:
    with Session(engine) as session:
        found = session.execute(
            select(AuthSession, User)
            .join(User, User.id == AuthSession.user_id)
            .where(AuthSession.token_hash == token_hash)
        ).first()
        if found is None:
            return None
        login, user = found
        return LoginInfo(
            id=login.id,
            created_at=login.created_at,
            last_seen=login.last_seen,
            revoked=login.revoked,
            user=_info(user),
        )


def touch_login(engine: Engine, login_id: int, *, at: datetime) -> None:
    with write_session(engine) as session:
        session.execute(update(AuthSession).where(AuthSession.id == login_id).values(last_seen=at))


def revoke_login(engine: Engine, token_hash: str) -> bool:
    """Revoke one session; whether there was one to revoke."""
    with write_session(engine) as session:
        done = session.execute(
            update(AuthSession)
            .where(AuthSession.token_hash == token_hash, AuthSession.revoked.is_(False))
            .values(revoked=True)
        )
        return bool(getattr(done, "rowcount", 0))


def remove_demo_users(engine: Engine) -> int:
    """Delete every demo account and its sessions; how many accounts went."""
    with write_session(engine) as session:
        ids = list(session.scalars(select(User.id).where(User.is_demo.is_(True))))
        if ids:
            session.execute(delete(AuthSession).where(AuthSession.user_id.in_(ids)))
            session.execute(delete(User).where(User.id.in_(ids)))
        return len(ids)


def has_real_users(engine: Engine) -> bool:
    with Session(engine) as session:
        query = select(User.id).where(User.is_demo.is_(False)).limit(1)
        return session.scalar(query) is not None


class UserMethods:
    """The users' part of ``db.Store`` (a mixin: the store's one engine)."""

    engine: Engine

    def add_user(self, *, name: str, role: str, at: datetime, **fields: Any) -> UserInfo:
        return add_user(self.engine, name=name, role=role, at=at, **fields)

    def user(
        self,
        name: str | None = None,
        *,
        email: str | None = None,
        oidc_subject: str | None = None,
    ) -> UserInfo | None:
        return find_user(self.engine, name=name, email=email, oidc_subject=oidc_subject)

    def users(self) -> list[UserInfo]:
        return list_users(self.engine)

    def update_user(self, name: str, **fields: Any) -> UserInfo:
        return update_user(self.engine, name, **fields)

    def add_login(self, user_id: int, token_hash: str, *, at: datetime) -> None:
        add_login(self.engine, user_id, token_hash, at=at)

    def login(self, token_hash: str) -> LoginInfo | None:
        return find_login(self.engine, token_hash)

    def touch_login(self, login_id: int, *, at: datetime) -> None:
        touch_login(self.engine, login_id, at=at)

    def revoke_login(self, token_hash: str) -> bool:
        return revoke_login(self.engine, token_hash)

    def remove_demo_users(self) -> int:
        return remove_demo_users(self.engine)

    def has_real_users(self) -> bool:
        return has_real_users(self.engine)
