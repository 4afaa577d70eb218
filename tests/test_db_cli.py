"""``python cli.py db upgrade``: one Danish line on success and on failure, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli import main


def test_db_upgrade_creates_the_schema_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"

    code = main(["db", "upgrade", "--url", url])

    assert code == 0
    assert capsys.readouterr().out == f"Databasen er opdateret ({url}, version 0006_users).\n"


def test_db_upgrade_reads_database_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'env.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)

    assert main(["db", "upgrade"]) == 0
    assert url in capsys.readouterr().out


@pytest.mark.parametrize(
    ("url", "message", "code"),
    [
        (
            "foo://bar",
            "fejl: Ugyldig database-URL (foo://bar): ukendt databasetype. "
            "Brug sqlite:///sti/til/fil.sqlite eller postgresql+psycopg://bruger@vært/database.\n",
            1,
        ),
        (
            "sqlite:////findes/ikke/mappe/x.sqlite",
            "fejl: Databasen kan ikke åbnes: databasefilen eller dens mappe findes ikke, er "
            "skrivebeskyttet, eller programmet må ikke bruge den. Intet er ændret. Prøv igen om "
            "lidt; varer det ved, så kontakt den, der driver systemet.\n",
            3,
        ),
    ],
)
def test_db_upgrade_on_a_bad_url_prints_one_line_and_exits_non_zero(
    url: str, message: str, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    exit_code = main(["db", "upgrade", "--url", url])

    captured = capsys.readouterr()
    assert (exit_code, captured.out, captured.err) == (code, "", message)
