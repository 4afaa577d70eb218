"""``python cli.py user …`` and the accounts ``prepare`` and ``demo`` make (docs/roles.md):
the command line acts as an administrator; passwords come from a file or getpass and are
never printed, except a new random one, once."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import cli
from db import Store
from services.errors import LoginFailed
from services.permissions import operator
from services.prepare import prepare
from services.session import Session

AS_OF = dt.date(2026, 11, 23)
PASSWORD = "en lang nok adgangskode"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    address = f"sqlite:///{tmp_path / 'brugere.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", address)
    monkeypatch.setenv("APP_USER", "driftsbo")
    return address


@pytest.fixture
def password_file(tmp_path: Path) -> str:
    path = tmp_path / "kode.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def logs_in(url: str, name: str, password: str) -> bool:
    with Session.open(url) as session:
        try:
            session.login(name, password)
        except LoginFailed:
            return False
    return True


def test_user_add_list_disable_enable_and_set_role(
    url: str, password_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "user", "add", "anne", "--rolle", "erhvervshus", "--hus", "fyn",
        "--navn", "Anne Jensen", "--adgangskode-fil", password_file,
    )  # fmt: skip
    assert (code, out) == (0, "Brugeren anne er oprettet: erhvervshus, Erhvervshus Fyn.\n")
    assert PASSWORD not in out
    assert logs_in(url, "anne", PASSWORD)
    code, out, _ = run(capsys, "user", "list")
    assert out == "anne (Anne Jensen): erhvervshus, Erhvervshus Fyn; aktiv.\n1 bruger.\n"
    assert run(capsys, "user", "disable", "anne")[0] == 0
    assert not logs_in(url, "anne", PASSWORD)
    assert "spærret" in run(capsys, "user", "list")[1]
    assert run(capsys, "user", "enable", "anne")[0] == 0
    assert logs_in(url, "anne", PASSWORD)
    code, out, _ = run(capsys, "user", "set-role", "anne", "kkr", "--kkr", "syddanmark")
    assert out == (
        "Brugeren anne har nu rollen KKR-sekretariat, KKR Syddanmark; brugerens logins er afsluttet.\n"
    )


def test_reset_password_prints_a_new_random_one_once_and_the_old_stops_working(
    url: str, password_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "user", "add", "anne", "--rolle", "admin", "--adgangskode-fil", password_file)
    code, out, _ = run(capsys, "user", "reset-password", "anne")
    found = re.fullmatch(r"Ny adgangskode for anne \(vises kun denne ene gang\): (\S+)\n", out)
    assert code == 0 and found
    assert not logs_in(url, "anne", PASSWORD)
    assert logs_in(url, "anne", found.group(1))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["user", "add", "x", "--rolle", "chef"], "Ukendt rolle 'chef'"),
        (["user", "add", "x", "--rolle", "erhvervshus"], "skal have et hus"),
        (["user", "add", "x", "--rolle", "kkr", "--kkr", "jylland"], "skal have en KKR"),
        (["user", "disable", "ingen"], "Der er ingen bruger med navnet 'ingen'."),
    ],
)
def test_a_wrong_user_command_is_one_danish_line(
    url: str, password_file: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    extra = ["--adgangskode-fil", password_file] if argv[1] == "add" else []
    code, out, err = run(capsys, *argv, *extra)
    assert code == 1 and out == ""
    assert err.startswith("fejl: ") and message in err


def test_a_short_password_is_refused(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "kort.txt"
    short.write_text("kort\n", encoding="utf-8")
    code, _, err = run(
        capsys, "user", "add", "x", "--rolle", "admin", "--adgangskode-fil", str(short)
    )
    assert (code, err) == (1, "fejl: Adgangskoden skal have mindst 12 tegn.\n")


def test_prepare_on_an_empty_store_prints_demo_accounts_and_an_admin_password_once(
    sqlite_store: Store,
) -> None:
    lines = prepare(sqlite_store, as_of=AS_OF)
    accounts = [line for line in lines if line.startswith("  demo-")]
    assert [a.split(" (")[0].strip() for a in accounts] == [
        "demo-hus-sjaelland", "demo-kkr-sjaelland", "demo-medlem-sjaelland", "demo-admin",
    ]  # fmt: skip
    admin_line = lines[-1]
    password = re.search(r"adgangskode (\S+) ", admin_line).group(1)
    session = Session(sqlite_store, operator("test"))
    assert session.login("admin", password)
    demo_password = accounts[0].rsplit(": ", 1)[1]
    assert session.for_token(session.login("demo-hus-sjaelland", demo_password)).principal.demo
    again = prepare(sqlite_store, as_of=AS_OF)
    assert not any("adgangskode" in line or line.startswith("  demo-") for line in again)


def test_demo_refuses_demo_accounts_beside_real_users_but_fills_the_demo_data(
    url: str, password_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "user", "add", "anne", "--rolle", "admin", "--adgangskode-fil", password_file)
    code, out, _ = run(capsys, "demo")
    assert code == 0 and out.startswith("Demodata indlæst: ")
    assert "Demokonti er ikke oprettet: databasen har rigtige brugere" in out
    assert "demo-admin" not in out


def test_demo_clear_removes_the_demo_accounts_and_their_sessions(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "demo")
    password = re.search(r"  demo-hus-sjaelland \(.*\): (\S+)", out).group(1)
    with Session.open(url) as session:
        token = session.login("demo-hus-sjaelland", password)
    code, out, _ = run(capsys, "demo", "--clear")
    assert code == 0 and out.endswith("værdier og demokontiene.\n")
    with Session.open(url) as session:
        assert session.users() == []
        assert session.for_token(token).principal.role is None
    assert not logs_in(url, "demo-hus-sjaelland", password)
