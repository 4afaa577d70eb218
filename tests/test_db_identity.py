"""Who is writing: APP_USER, else the operating-system user."""

from __future__ import annotations

import getpass

import pytest

from db.identity import current_user


@pytest.mark.parametrize(
    ("app_user", "expected"),
    [("anna.h", "anna.h"), ("  bo  ", "bo"), ("", "os-bruger"), (None, "os-bruger")],
)
def test_current_user_is_app_user_else_the_os_user(
    monkeypatch: pytest.MonkeyPatch, app_user: str | None, expected: str
) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "os-bruger")
    if app_user is None:
        monkeypatch.delenv("APP_USER", raising=False)
    else:
        monkeypatch.setenv("APP_USER", app_user)

    assert current_user() == expected


def test_current_user_without_a_known_os_user_is_ukendt(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_passwd_entry() -> str:
        raise KeyError("getpwuid(): uid not found: 4242")

    monkeypatch.delenv("APP_USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", no_passwd_entry)

    assert current_user() == "ukendt"
