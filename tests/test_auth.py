"""Logging in (docs/roles.md): argon2id hashes, opaque tokens of which only the SHA-256 is
kept, 60 minutes idle and 8 hours absolute, revoked at logout and when a user is disabled,
lock-out after five failures for 15 minutes, one answer for every refused login."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from db import Store
from services.auth import LOGIN_FAILED
from services.errors import Forbidden, LoginFailed
from services.permissions import PUBLIC, Principal, operator
from services.session import Session

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
PASSWORD = "korrekt hest batteri"


@pytest.fixture
def admin(store: Store) -> Session:
    session = Session(store, operator("admin-ulla"))
    session.add_user("anne", "erhvervshus", house="fyn", password=PASSWORD, now=T0)
    return session


def test_a_password_is_kept_only_as_an_argon2id_hash(admin: Session, store: Store) -> None:
    stored = store.user("anne").password_hash
    assert stored.startswith("$argon2id$v=19$")
    assert PASSWORD not in stored
    assert [u.password_hash for u in admin.users()] == [None]  # never handed to an adapter


def test_login_gives_an_opaque_token_whose_sha256_alone_is_stored(
    admin: Session, store: Store
) -> None:
    token = admin.login("anne", PASSWORD, now=T0)
    assert len(token) >= 43
    assert store.login(token) is None
    assert store.login(hashlib.sha256(token.encode()).hexdigest()).user.name == "anne"
    person = admin.for_token(token, now=T0 + timedelta(minutes=1))
    assert person.principal == Principal("anne", "erhvervshus", house="fyn", display_name="anne")
    assert person.store is store


def test_a_session_ends_after_60_minutes_without_use(admin: Session) -> None:
    token = admin.login("anne", PASSWORD, now=T0)
    used = T0 + timedelta(minutes=59)
    assert admin.for_token(token, now=used).principal.name == "anne"
    assert admin.for_token(token, now=used + timedelta(minutes=59)).principal.name == "anne"
    late = used + timedelta(minutes=59) + timedelta(minutes=61)
    assert admin.for_token(token, now=late).principal == PUBLIC
    assert admin.for_token(token, now=late + timedelta(minutes=1)).principal == PUBLIC


def test_a_session_ends_8_hours_after_login_however_busy(admin: Session) -> None:
    token = admin.login("anne", PASSWORD, now=T0)
    moment = T0
    while moment + timedelta(minutes=50) < T0 + timedelta(hours=8):
        moment += timedelta(minutes=50)
        assert admin.for_token(token, now=moment).principal.name == "anne"
    assert admin.for_token(token, now=T0 + timedelta(hours=8, minutes=1)).principal == PUBLIC


def test_the_idle_and_absolute_limits_come_from_the_environment(
    admin: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "5")
    token = admin.login("anne", PASSWORD, now=T0)
    assert admin.for_token(token, now=T0 + timedelta(minutes=6)).principal == PUBLIC
    monkeypatch.setenv("SESSION_MAX_HOURS", "1")
    token = admin.login("anne", PASSWORD, now=T0)
    for minutes in (4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56):
        assert admin.for_token(token, now=T0 + timedelta(minutes=minutes)).principal.name == "anne"
    assert admin.for_token(token, now=T0 + timedelta(minutes=61)).principal == PUBLIC


def test_logout_ends_the_session(admin: Session) -> None:
    token = admin.login("anne", PASSWORD, now=T0)
    assert admin.logout(token).principal == PUBLIC
    assert admin.for_token(token, now=T0 + timedelta(minutes=1)).principal == PUBLIC


def test_disabling_a_user_ends_their_sessions_at_once_and_for_good(admin: Session) -> None:
    token = admin.login("anne", PASSWORD, now=T0)
    admin.disable_user("anne")
    assert admin.for_token(token, now=T0 + timedelta(minutes=1)).principal == PUBLIC
    with pytest.raises(LoginFailed):
        admin.login("anne", PASSWORD, now=T0 + timedelta(minutes=2))
    admin.enable_user("anne")
    assert admin.for_token(token, now=T0 + timedelta(minutes=3)).principal == PUBLIC
    assert admin.login("anne", PASSWORD, now=T0 + timedelta(minutes=4))


def test_a_missing_or_forged_token_is_nobody(admin: Session) -> None:
    assert admin.for_token(None, now=T0).principal == PUBLIC
    assert admin.for_token("", now=T0).principal == PUBLIC
    assert admin.for_token("x" * 43, now=T0).principal == PUBLIC


def test_unknown_user_wrong_password_and_locked_account_get_the_same_answer(
    admin: Session,
) -> None:
    answers = []
    for name, password in (("ukendt", PASSWORD), ("anne", "forkert adgangskode")):
        with pytest.raises(LoginFailed) as refused:
            admin.login(name, password, now=T0)
        answers.append(str(refused.value))
    assert answers == [LOGIN_FAILED, LOGIN_FAILED]
    assert (
        LOGIN_FAILED == "Forkert brugernavn eller adgangskode, eller kontoen er midlertidigt låst."
    )


def test_five_failures_lock_the_account_for_15_minutes(admin: Session) -> None:
    for minute in range(5):
        with pytest.raises(LoginFailed):
            admin.login("anne", "forkert adgangskode", now=T0 + timedelta(minutes=minute))
    locked_at = T0 + timedelta(minutes=4)
    with pytest.raises(LoginFailed, match="midlertidigt låst"):
        admin.login("anne", PASSWORD, now=locked_at + timedelta(minutes=14))
    assert admin.login("anne", PASSWORD, now=locked_at + timedelta(minutes=15, seconds=1))


def test_four_failures_and_a_success_start_the_count_again(admin: Session) -> None:
    for _ in range(4):
        with pytest.raises(LoginFailed):
            admin.login("anne", "forkert adgangskode", now=T0)
    admin.login("anne", PASSWORD, now=T0)
    for _ in range(4):
        with pytest.raises(LoginFailed):
            admin.login("anne", "forkert adgangskode", now=T0)
    assert admin.login("anne", PASSWORD, now=T0)


def test_single_sign_on_finds_the_user_by_subject_then_email_and_never_trusts_a_claim(
    admin: Session,
) -> None:
    admin.add_user("ib", "kkr_medlem", kkr="syddanmark", email="ib@kkr.dk", now=T0)
    first = admin.for_oidc("IB@kkr.dk", "sub-123")
    assert first.principal.name == "ib" and first.principal.role == "kkr_medlem"
    assert admin.for_oidc("nyt@andet.dk", "sub-123").principal.name == "ib"
    stranger = admin.for_oidc("ukendt@firma.dk", "sub-999")
    assert stranger.principal == PUBLIC
    assert "ingen bruger" in stranger.notice
    admin.disable_user("ib")
    assert admin.for_oidc("ib@kkr.dk", "sub-123").principal == PUBLIC


def test_only_an_administrator_manages_users(admin: Session) -> None:
    token = admin.login("anne", PASSWORD, now=T0)
    anne = admin.for_token(token, now=T0)
    with pytest.raises(Forbidden, match="administrere brugere"):
        anne.add_user("mig-selv", "admin", password=PASSWORD, now=T0)
    with pytest.raises(Forbidden):
        anne.set_role("anne", "admin")
    with pytest.raises(Forbidden):
        admin.as_principal(PUBLIC).users()


def test_a_new_role_ends_the_users_sessions(admin: Session) -> None:
    token = admin.login("anne", PASSWORD, now=T0)
    admin.set_role("anne", "kkr", kkr="syddanmark")
    assert admin.for_token(token, now=T0).principal == PUBLIC
    token = admin.login("anne", PASSWORD, now=T0)
    assert admin.for_token(token, now=T0).principal.kkr == "syddanmark"
