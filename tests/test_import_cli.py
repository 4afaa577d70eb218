"""``import``, ``export`` and ``template`` on the command line: Danish output, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

import cli
from db import Store

CONTRACTS = Path(__file__).parent / "files" / "import" / "contracts"
HEADER = "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,kritikere,kommentar"


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("CONTRACTS_DIR", str(CONTRACTS))
    monkeypatch.setenv("APP_USER", "anne")
    return url


def values(url: str) -> list[list[object]]:
    store = Store(url)
    found = store.values()[["period", "target", "kommune", "value", "entered_by"]]
    store.dispose()
    return found.values.tolist()


def test_import_dry_run_prints_the_plan_and_writes_nothing(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "tal.csv"
    file.write_text(HEADER + "\nsjaelland,2022,H1,8b,,1680,,,,,,\nsjaelland,2022,FY,5a,,,,,,,,\n")
    assert cli.main(["import", str(file), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Prøvekørsel af 'tal.csv': 1 indsættes, 0 ændres, 0 uændrede, 1 ikke udfyldt.",
        "  Række 2: 8b, Erhvervshus Sjælland 1. halvår 2022: indsættes – → 1.680",
        "  Række 3: 5a, Erhvervshus Sjælland helår 2022: ikke udfyldt",
        "Intet er skrevet.",
    ]
    assert values(database) == []


def test_import_writes_and_reports_the_counts(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "tal.csv"
    file.write_text(HEADER + "\nsjaelland,2022,H1,8b,,470,,,,,,\n")
    assert cli.main(["import", str(file)]) == 0
    file.write_text(HEADER + "\nsjaelland,2022,H1,8b,,480,,,,,,\nsjaelland,2022,FY,5a,,1,,,,,,\n")
    assert cli.main(["import", str(file)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Importeret 'tal.csv': 1 indsat, 0 ændret, 0 uændrede, 0 ikke udfyldt.",
        "Importeret 'tal.csv': 1 indsat, 1 ændret, 0 uændrede, 0 ikke udfyldt.",
    ]
    assert values(database) == [["FY", "5a", "", 1.0, "anne"], ["H1", "8b", "", 480.0, "anne"]]


def test_a_bad_file_prints_one_line_per_problem_and_exits_non_zero(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "fejl.csv"
    file.write_text(HEADER + "\nsjaelland,2022,H3,8b,,1,,,,,,\nsjaelland,2022,H1,8b,,-1,,,,,,\n")
    assert cli.main(["import", str(file)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "fejl: Filen 'fejl.csv' er ikke importeret: 2 problemer, intet er skrevet.",
        "Række 2, kolonne 'periode': 'H3' er ikke en periode (brug H1 eller FY)",
        "Række 3, kolonne 'værdi': et antal skal være et helt tal ≥ 0 (er -1)",
    ]
    assert values(database) == []


def test_a_missing_file_is_one_line(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import", "findes-ikke.csv"]) == 1
    assert capsys.readouterr().err == (
        "fejl: Filen 'findes-ikke.csv' kan ikke læses: No such file or directory.\n"
    )


def test_template_goes_to_stdout_as_csv_by_default(
    database: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert cli.main(["template", "sjaelland", "2022", "h1"]) == 0
    lines = capsysbinary.readouterr().out.decode().splitlines()
    assert lines[0] == (
        "erhvervshus,år,periode,måltal,kommunekode,kommune,værdi,tæller,nævner,promotorer,"
        "passive,kritikere,kommentar,målsætning,enhed,type"
    )
    assert lines[1].startswith("sjaelland,2022,H1,5a,,,,,,,,,,")  # 1a and 3b: not at H1


def test_template_alle_lists_every_target_and_dialekt_excel_is_danish_excels_csv(
    database: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    args = ["template", "sjaelland", "2022", "H1", "--alle", "--dialekt", "excel"]
    assert cli.main(args) == 0
    data = capsysbinary.readouterr().out
    assert data.startswith("\ufeff".encode())  # a BOM: Excel reads æ, ø and å
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("erhvervshus;år;periode;måltal;kommunekode;kommune;værdi;")
    assert lines[1].startswith("sjaelland;2022;H1;1a;;;;")


def test_dialekt_is_refused_for_an_excel_file(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "t.xlsx"
    assert cli.main(["export", "sjaelland", "2022", "-o", str(output), "--dialekt", "excel"]) == 1
    assert capsys.readouterr().err == (
        "fejl: --dialekt gælder CSV-filer; 't.xlsx' er en Excel-fil, hvor tal altid er tal\n"
    )
    assert not output.exists()


def test_template_and_export_write_the_file_the_suffix_names(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "skabelon.xlsx"
    assert cli.main(["template", "sjaelland", "2022", "FY", "-o", str(template)]) == 0
    assert template.read_bytes().startswith(b"PK\x03\x04")
    assert cli.main(["import", str(template)]) == 0
    export = tmp_path / "eksport.csv"
    assert cli.main(["export", "sjaelland", "2022", "-o", str(export)]) == 0
    assert export.read_text() == HEADER + "\n"
    assert capsys.readouterr().out.splitlines() == [
        f"Skrevet: {template}",
        "Importeret 'skabelon.xlsx': 0 indsat, 0 ændret, 0 uændrede, 46 ikke udfyldt.",
        f"Skrevet: {export}",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "bornholm", "2022"], "fejl: 'bornholm' er ikke et erhvervshus (brug "
         "hovedstaden, sjaelland, fyn, sydjylland, midtjylland, nordjylland)"),
        (["export", "fyn", "2022"], "fejl: Erhvervshus Fyn har ingen resultatkontrakt for 2022."),
        (["template", "sjaelland", "2022", "H3"],
         "fejl: 'H3' er ikke en periode (brug H1 eller FY)"),
        (["template", "sjaelland", "2022", "H1", "-o", "x.pdf"],
         "fejl: 'x.pdf' skal ende på .csv eller .xlsx"),
    ],
)  # fmt: skip
def test_bad_arguments_are_one_danish_line(
    database: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert cli.main(argv) == 1
    assert capsys.readouterr().err.splitlines() == [message]
