"""``python cli.py contract …``: draft, diff and approve, with Danish one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from drafting_support import small_folder

from cli import main
from contracts.loader import load_folder


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = small_folder(tmp_path / "kontrakter")
    monkeypatch.setenv("CONTRACTS_DIR", str(root))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite'}")
    monkeypatch.setenv("APP_USER", "anna")
    return root


def test_draft_writes_the_carried_draft_and_points_to_what_to_look_at(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "udkast.yaml"
    assert main(["contract", "draft", "sjaelland", "2023", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"Udkastet til Erhvervshus Sjælland 2023 er skrevet til {out}.\n"
    assert "se efter: 8a (ordlyd) nævner 2022, året for kontrakten, udkastet bygger på" in (
        captured.err
    )
    text = out.read_text(encoding="utf-8")
    assert "status: udkast\nbased_on: 2022\n" in text
    assert "deadline: 2023-03-31" in text


def test_draft_gem_saves_it_once_and_refuses_a_second_fresh_draft(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["contract", "draft", "sjaelland", "2023", "--gem"]) == 0
    assert capsys.readouterr().out == "Udkastet til Erhvervshus Sjælland 2023 er gemt i udkast/.\n"
    assert load_folder(folder).contract("sjaelland", 2023).status == "udkast"
    assert main(["contract", "draft", "sjaelland", "2023", "--gem"]) == 1
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith("fejl: Der er allerede et udkast til Erhvervshus Sjælland 2023, ")


def test_a_new_framework_needs_a_mapping_and_a_reason_for_what_is_not_carried_on(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["contract", "draft", "sjaelland", "2024", "--from", "2022"]) == 1
    assert capsys.readouterr().err == (
        "fejl: Rammeaftalen skifter til 2024-2027: angiv med --map, hvor hvert nationalt mål "
        "hører til (mangler: mål 1, 2), fx --map 1=1\n"
    )
    args = ["contract", "draft", "sjaelland", "2024", "--from", "2022", "--map", "1=2"]
    assert main([*args, "--map", "2=ingen"]) == 1
    assert "fejl: changes: mål 2 er fjernet og mangler en begrundelse" in capsys.readouterr().err
    reason = "mål2=Spredningen følges i mål 8."
    assert main([*args, "--map", "2=ingen", "--begrundelse", reason, "--gem"]) == 0
    assert load_folder(folder).contract("sjaelland", 2024).goal_mapping[1].new is None


def test_diff_of_a_house_year_and_of_two_files(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["contract", "draft", "sjaelland", "2023", "--gem"])
    capsys.readouterr()
    assert main(["contract", "diff", "sjaelland", "2023"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == [
        "Ændringer i udkastet for Erhvervshus Sjælland 2023 mod kontrakten for 2022",
        "",
        "Tilføjet (0)",
        "",
        "Fjernet (0)",
    ]
    assert lines[6:9] == [
        "Ændret (1)",
        "  11f (mål 8)",
        "      Følger af det nye år eller den nye rammeaftale: fristen er flyttet med "
        "kontraktåret til 31. marts 2023",
    ]
    old, new = folder / "sjaelland-2022.yaml", folder / "udkast" / "sjaelland-2023.yaml"
    assert main(["contract", "diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out.splitlines()[6:9] == lines[6:9]


def test_approve_records_kkrs_decision(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["contract", "draft", "sjaelland", "2023", "--gem"])
    capsys.readouterr()
    code = main(
        ["contract", "approve", "sjaelland", "2023", "--dato", "2022-10-12", "--moede", "KKR"]
    )
    assert code == 0
    assert capsys.readouterr().out == (
        "Kontrakten for Erhvervshus Sjælland 2023 er godkendt og gemt som sjaelland-2023.yaml.\n"
    )
    assert load_folder(folder).contract("sjaelland", 2023).status == "godkendt"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["contract", "approve", "sjaelland", "2023", "--dato", "12-10-2022", "--moede", "K"],
            "fejl: datoen skal skrives som 2022-10-12 (år-måned-dag), fik '12-10-2022'\n",
        ),
        (
            ["contract", "draft", "sjaelland", "2030"],
            "fejl: Erhvervshus Sjælland har ingen kontrakt for 2029 at bygge udkastet på.\n",
        ),
        (
            ["contract", "draft", "roskilde", "2023"],
            "fejl: Ukendt erhvervshus 'roskilde'. Brug en af: hovedstaden, sjaelland, fyn, "
            "sydjylland, midtjylland, nordjylland.\n",
        ),
        (
            ["contract", "draft", "sjaelland", "2024", "--from", "2022", "--map", "x"],
            "fejl: --map skal skrives som NØGLE=VÆRDI (fik 'x')\n",
        ),
        (
            ["contract", "diff", "sjaelland", "2023"],
            "fejl: Erhvervshus Sjælland har intet udkast eller kontrakt for 2023.\n",
        ),
    ],
)
def test_expected_errors_are_one_danish_line(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], error: str
) -> None:
    assert main(args) == 1
    assert capsys.readouterr().err == error


def test_diff_of_two_files_shows_a_change_still_missing_its_reason(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "udkast.yaml"
    main(["contract", "draft", "sjaelland", "2023", "-o", str(out)])
    out.write_text(out.read_text(encoding="utf-8").replace("value: 1680", "value: 1750"))
    capsys.readouterr()
    assert main(["contract", "diff", str(folder / "sjaelland-2022.yaml"), str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[6:9] == [
        "Ændret (2)",
        "  8a (mål 8): mindst 1.680 forløb → mindst 1.750 forløb",
        "      Mangler begrundelse",
    ]
