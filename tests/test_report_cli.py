"""``python cli.py report …`` and ``contract doc``: files written, snapshot numbers printed,
one Danish line for every mistake; and the national report of the six houses."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from report_support import no_browser, pdf_text, seed_sjaelland

import cli
from db import Store
from services.report.make import clear_cache

HOUSES = (
    "Erhvervshus Hovedstaden",
    "Erhvervshus Sjælland",
    "Erhvervshus Fyn",
    "Erhvervshus Sydjylland",
    "Erhvervshus Midtjylland",
    "Erhvervshus Nordjylland",
)


@pytest.fixture
def store(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    no_browser(monkeypatch)
    clear_cache()
    monkeypatch.setenv("DATABASE_URL", sqlite_store.url)
    seed_sjaelland(sqlite_store)
    return sqlite_store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_report_takes_a_snapshot_prints_its_number_and_writes_the_file(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "status.xlsx"
    code, out, err = run(
        capsys, "report", "sjaelland", "2022", "h1", "--format", "xlsx", "-o", str(path)
    )
    number = store.snapshots()[0].id

    assert code == 0
    assert out.splitlines() == [
        f"Øjebliksbillede {number} er taget: Status for Erhvervshus Sjælland, 1. halvår 2022.",
        f"Rapporten er skrevet til {path}.",
    ]
    assert err.startswith("advarsel: Figurerne er ikke tegnet")
    assert openpyxl.load_workbook(path).sheetnames[0] == "Forside"


def test_a_stored_snapshot_is_made_again_by_its_number(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "report", "sjaelland", "2022", "H1", "-o", str(tmp_path / "a.pdf"))
    number = store.snapshots()[0].id
    path = tmp_path / "b.docx"
    code, out, _ = run(
        capsys, "report", "--snapshot", str(number), "--format", "docx", "-o", str(path)
    )

    assert code == 0
    assert out.splitlines()[0].startswith(f"Øjebliksbillede {number}: {number} · 1. halvår 2022 · ")
    assert len(store.snapshots()) == 1
    assert docx.Document(io.BytesIO(path.read_bytes())).paragraphs[1].text == (
        "Status for Erhvervshus Sjælland, 1. halvår 2022"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "sjaelland", "2022", "H1"], "fejl: Angiv filen, rapporten skal skrives til, med -o (fx -o rapport.pdf).\n"),
        (["report", "--snapshot", "9", "-o", "x.pdf"], "fejl: Der er intet øjebliksbillede med nummer 9.\n"),
        (["report", "sjaelland", "2022"], "fejl: Brug: report ERHVERVSHUS ÅR PERIODE, report landet ÅR PERIODE, report --snapshot NUMMER eller report snapshots ERHVERVSHUS.\n"),
        (["report", "sjaelland", "2022", "Q3", "-o", "x.pdf"], "fejl: Ukendt periode 'Q3'. Brug H1 (1. halvår) eller FY (helår).\n"),
        (["report", "fyn", "2022", "H1", "-o", "x.pdf"], "fejl: Erhvervshus Fyn har ingen resultatkontrakt for 2022.\n"),
        (["contract", "doc", "sjaelland", "2022", "--udkast", "-o", "x.pdf"], "fejl: Erhvervshus Sjælland har intet udkast til en kontrakt for 2022.\n"),
    ],
)  # fmt: skip
def test_mistakes_give_one_danish_line_and_a_nonzero_exit(
    store: Store, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)

    assert (code, out, err) == (1, "", message)


def test_the_national_report_puts_the_six_houses_side_by_side(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "landet.pdf"
    code, out, _ = run(capsys, "report", "landet", "2023", "FY", "-o", str(path))
    text = pdf_text(path, 2)

    assert code == 0
    assert re.match(r"Øjebliksbillede \d+ er taget: Status for Hele landet, helår 2023\.", out)
    assert "De nationale mål side om side" in text
    assert "Erhvervshus Hovedstaden" in text
    assert "Mål 1 – " in text
    assert "Ingen kontrakt i året: " + ", ".join(HOUSES[1:]) + "." in text
    code, out, _ = run(capsys, "report", "snapshots", "landet")
    assert out.splitlines()[1].startswith("1 · Helår 2023 · ")


def test_the_national_workbook_has_a_row_per_national_goal_and_a_column_per_house(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import datetime as dt

    from services.prepare import prepare

    no_browser(monkeypatch)
    clear_cache()
    monkeypatch.setenv("DATABASE_URL", sqlite_store.url)
    prepare(sqlite_store, as_of=dt.date(2026, 11, 23))
    path = tmp_path / "landet.xlsx"
    assert (
        run(capsys, "report", "landet", "2025", "FY", "--format", "xlsx", "-o", str(path))[0] == 0
    )
    sheet = openpyxl.load_workbook(path)["Hele landet"]
    header = [c.value for c in sheet[3]]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=4)]

    assert header == ["Mål", *HOUSES]
    assert [r[0].split(" – ")[0] for r in rows] == [f"Mål {n}" for n in range(1, 7)]
    assert all(cell.endswith("(demo)") for r in rows for cell in r[1:])
    assert str(sheet["A1"].value).startswith("DEMODATA")


def test_contract_doc_writes_the_contract_in_the_sources_layout(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    word, pdf = tmp_path / "kontrakt.docx", tmp_path / "kontrakt.pdf"
    assert (
        run(capsys, "contract", "doc", "sjaelland", "2022", "--format", "docx", "-o", str(word))[0]
        == 0
    )
    assert run(capsys, "contract", "doc", "sjaelland", "2022", "-o", str(pdf))[0] == 0
    document = docx.Document(io.BytesIO(word.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    goal = headings.index("Mål 8 – Kvantitative mål vedr. virksomhedsforløb")

    assert headings[goal + 1 : goal + 4] == ["Mål", "Metode", "Afrapportering"]
    assert "Resultatkontrakt 2022: Erhvervshus Sjælland" in pdf_text(pdf, 1)
    assert "8a Samlet set skal Erhvervshus Sjælland gennemføre 1.680 forløb i 2022." in pdf_text(
        pdf
    )
