"""``python cli.py validate`` and ``show``: Danish output, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from contract_texts import CONTRACT

import cli
from contracts.loader import DEFAULT_CONTRACTS_DIR

DRAFT = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
status: udkast
title: Udkast til resultatkontrakt 2022
"""


@pytest.fixture
def folder(contracts_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (contracts_folder / "udkast").mkdir()
    monkeypatch.setenv("CONTRACTS_DIR", str(contracts_folder))
    return contracts_folder


def test_validate_a_clean_folder_exits_0_with_a_summary(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["validate"]) == 0
    assert capsys.readouterr().out == "0 fejl, 0 advarsler i 2 filer\n"


def test_validate_prints_every_issue_and_exits_1_on_errors(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "fyn-2022.yaml").write_text(
        "type: contract\nerhvervshus: fyn\nyear: tyve\nkkr: syddanmark\n"
    )
    (folder / "udkast" / "fyn-2023.yaml").write_text(
        "type: contract\nerhvervshus: fyn\nkkr: syddanmark\n"
    )
    (folder / "tom.yaml").write_text("")
    assert cli.main(["validate"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "fyn-2022.yaml:3: year: skal være et helt tal (fik 'tyve')",
        "tom.yaml:1: (fil): filen er tom; den skal have 'type: contract' eller "
        "'type: framework' og dens felter",
        "udkast/fyn-2023.yaml:1: year: mangler",
        "3 fejl, 0 advarsler i 5 filer",
    ]


def test_validate_with_only_warnings_exits_0(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "sjaelland-2025.yaml").write_text(
        CONTRACT.replace("2022", "2025").replace("2021]", "2025]"), encoding="utf-8"
    )
    assert cli.main(["validate"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "advarsel: sjaelland-2025.yaml:4: year: året 2025 ligger uden for rammeaftalen "
        "2021-2023 (rammeaftaler/2021-2023.yaml:2)",
        "0 fejl, 1 advarsel i 3 filer",
    ]


def test_validate_one_file_names_it_as_given_and_knows_the_folders_frameworks(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path_factory.mktemp("nyt") / "fyn-2023.yaml"
    path.write_text(
        CONTRACT.replace("sjaelland", "fyn")
        .replace("kkr: fyn", "kkr: syddanmark")
        .replace("year: 2022", "year: 2023"),
        encoding="utf-8",
    )
    assert cli.main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == "0 fejl, 0 advarsler i 1 fil\n"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 1680", "value: mange"))
    assert cli.main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:29: goals[1].targets[0].value: skal være et tal (fik 'mange')",
        "1 fejl, 0 advarsler i 1 fil",
    ]


def test_validate_a_path_that_does_not_exist_is_one_danish_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["validate", str(folder / "mangler.yaml")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"fejl: findes ikke: {folder / 'mangler.yaml'}\n"


def test_show_prints_the_contract_as_a_danish_document(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["show", "sjaelland", "2022"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Resultatkontrakt 2022: Erhvervshus Sjælland\n")
    for line in [
        "Status: Godkendt af KKR 13. oktober 2021",
        "Rammeaftale: Aftale om rammerne for erhvervshuse 2021-2023",
        "Geografi: 17 kommuner",
        "Mål 1 – Kendskab (nationalt, rammeaftalens mål 1)",
        "  1a  Kendskabet stiger med 5 procentpoint.",
        "      Type: ændring i procentpoint",
        "      Måltal: mindst 39 % (5 procentpoint over udgangsniveauet 34 %)",
        "      Udgangsniveau: 34 % i 2020 (ERST kendskabsmåling)",
        "      Måles: kun helår 2021",
        "      Note: Målt i efteråret 2021.",
        "Mål 8 – Forløb (lokalt)",
        "  8a  Erhvervshuset gennemfører 1.680 forløb.",
        "      Type: antal",
        "      Måltal: mindst 1.680 forløb",
        "      Måles: 1. halvår og helår",
        "      Pr. kommune: afrapporteres pr. kommune",
    ]:
        assert line in text.splitlines()


def test_show_json_is_the_validated_contract_with_all_its_targets(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["show", "sjaelland", "2022", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["type"], data["erhvervshus"], data["year"]) == ("contract", "sjaelland", 2022)
    assert data["framework"] == "2021-2023"
    assert data["status"] == "godkendt"
    assert data["approved"] == "2021-10-13"
    assert len(data["geography"]) == 17
    assert [g["scope"] for g in data["goals"]] == ["national", "local"]
    assert [t["key"] for g in data["goals"] for t in g["targets"]] == ["1a", "8a"]
    national = data["goals"][0]["targets"][0]
    assert national["baseline"] == {"value": 34.0, "year": 2020, "source": "ERST kendskabsmåling"}
    assert national["measured"] == {"periods": ["FY"], "years": [2021], "season": None}


def test_show_prefers_godkendt_and_shows_the_draft_on_request(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "udkast" / "sjaelland-2022.yaml").write_text(DRAFT, encoding="utf-8")
    cli.main(["show", "sjaelland", "2022", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["status"] == "godkendt"
    cli.main(["show", "sjaelland", "2022", "--format", "json", "--udkast"])
    assert json.loads(capsys.readouterr().out)["title"] == "Udkast til resultatkontrakt 2022"


def test_show_gives_the_draft_where_only_a_draft_exists(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "udkast" / "sjaelland-2023.yaml").write_text(
        DRAFT.replace("2022", "2023"), encoding="utf-8"
    )
    assert cli.main(["show", "sjaelland", "2023"]) == 0
    assert "Status: Udkast" in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["show", "sjaelland", "2030"],
            "fejl: der er ingen kontrakt for Erhvervshus Sjælland 2030",
        ),
        (
            ["show", "sjælland", "2022"],
            "fejl: ukendt erhvervshus 'sjælland'; vælg en af: hovedstaden, sjaelland, fyn, "
            "sydjylland, midtjylland, nordjylland",
        ),
        (
            ["show", "sjaelland", "toogtyve"],
            "fejl: året skal være et tal som 2022 (fik 'toogtyve')",
        ),
    ],
)
def test_show_of_something_unknown_is_one_danish_line_on_stderr(
    folder: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert cli.main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == message + "\n"


def test_show_of_the_shipped_sjaelland_2022_has_its_17_goals(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    assert (DEFAULT_CONTRACTS_DIR / "sjaelland-2022.yaml").exists()
    assert cli.main(["show", "sjaelland", "2022", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["framework"] == "2021-2023"
    assert len(data["goals"]) == 17
    assert [g["number"] for g in data["goals"]] == [str(n) for n in range(1, 18)]
    assert sum(g["scope"] == "national" for g in data["goals"]) == 7
    assert all(g["targets"] for g in data["goals"])
