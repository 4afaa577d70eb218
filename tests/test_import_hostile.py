"""Hostile and lying import files through the command line: each one a clean Danish refusal
(the exact lines, the exit code), nothing written, and no hang (a generous alarm guards every
case; time and memory figures are bench/import_bench.py's, not the tests').
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from hostile_files import (
    GOOD_ROW,
    HEADER,
    csv_file,
    excel_like_xlsx,
    hang_guard,
    import_sheet,
    patched,
    unknown_compression,
    with_dimension,
    xlsx_file,
    zip_bomb,
)

import cli
from db import Store
from services.values_io import limits
from services.values_io.text import MAX_TEXT_LENGTH

CONTRACTS = Path(__file__).parent / "files" / "import" / "contracts"
ROW = GOOD_ROW.split(",")
LIMITS = "en importfil må højst fylde 20 MB og have 100.000 rækker og 50 kolonner"
ASCII_HEADER = (
    "erhvervshus,aar,periode,maaltal,kommunekode,vaerdi,taeller,naevner,promotorer,passive,"
    "kritikere,kommentar"
)
BROKEN_XLSX = (
    "Excel-filen er beskadiget eller ikke en rigtig .xlsx-fil ({}). Åbn den i Excel, og gem den "
    "igen som Excel-projektmappe (.xlsx), eller gem arket som »CSV UTF-8«."
)


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'hostile.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("CONTRACTS_DIR", str(CONTRACTS))
    monkeypatch.setenv("APP_USER", "anne")
    seed = tmp_path / "start.csv"
    seed.write_bytes(
        csv_file("sjaelland,2022,H1,8b,,400,,,,,,Før", "sjaelland,2022,FY,5a,,0,,,,,,")
    )
    assert cli.main(["import", str(seed)]) == 0
    yield url


def stored(url: str) -> pd.DataFrame:
    store = Store(url)
    try:
        return store.values()
    finally:
        store.dispose()


def head(name: str) -> str:
    return f"fejl: Filen '{name}' kan ikke importeres."


def problems(name: str, count: int) -> str:
    return f"fejl: Filen '{name}' er ikke importeret: {count} problemer, intet er skrevet."


Build = Callable[[], bytes]
CASES: list[tuple[str, str, Build, list[str]]] = [
    ("control-character-in-comment", "tal.csv",
     lambda: csv_file("sjaelland,2022,H1,8b,,470,,,,,,Ring\x07 her"), [
        "fejl: Filen 'tal.csv' er ikke importeret: 1 problem, intet er skrevet.",
        "Række 2, kolonne 'kommentar': indeholder et usynligt styretegn (U+0007) efter 'Ring'; "
        "slet det, og skriv teksten igen",
    ]),
    ("valid-utf8-and-one-invalid-byte", "tal.csv",
     lambda: (ASCII_HEADER + "\nsjaelland,2022,H1,8b,,470,,,,,,Større forløb\n"
              "sjaelland,2022,FY,5a,,1,,,,,,Godt \xf8jeblik\n").encode().replace(b"\xc3\xb8j", b"\xf8j"), [
        head("tal.csv"),
        "Række 3, kolonne 'kommentar': filen er gemt som UTF-8, men her står en byte, der ikke er "
        "gyldig UTF-8 (F8 efter 'Godt '). Ret tegnet, og gem filen som »CSV UTF-8«; intet er "
        "gættet.",
    ]),
    ("unbalanced-quote-swallows-rows", "tal.csv",
     lambda: csv_file('sjaelland,2022,H1,8b,,470,,,,,,"Citat uden slut', "sjaelland,2022,FY,5a,,1,,,,,,",
                      'sjaelland,2022,FY,12a,,,140,251,,,,Slut"'), [
        head("tal.csv"),
        "Række 2, kolonne 'kommentar': en tekst i anførselstegn fortsætter over flere linjer og "
        "rummer noget, der ligner en række ('sjaelland,2022,FY,5a,,1,,,,,,'); mangler et "
        "afsluttende anførselstegn (\")? Intet er importeret.",
    ]),
    ("unbalanced-quote-closed-later", "tal.csv",
     lambda: csv_file('sjaelland,2022,H1,8b,,470,,,,,,"Citat uden slut', "sjaelland,2022,FY,5a,,1,,,,,,",
                      'sjaelland,2022,FY,12a,,,140,251,,,,"slut"'), [
        head("tal.csv"),
        "Række 2: et anførselstegn (\") åbner her en tekst, der løber over flere linjer og ikke "
        "afsluttes rigtigt; mangler et afsluttende anførselstegn? Intet er importeret.",
    ]),
    ("quote-never-closed", "tal.csv",
     lambda: csv_file(GOOD_ROW, 'sjaelland,2022,FY,5a,,1,,,,,,"Citat uden slut'), [
        head("tal.csv"),
        "Række 3: et anførselstegn (\") åbner en tekst, som aldrig lukkes; luk det, eller fjern det.",
    ]),
    ("line-break-then-a-row-in-a-comment", "tal.csv",
     lambda: csv_file('sjaelland,2022,H1,8b,,470,,,,,,"Første linje\nsjaelland;2022;FY;5a;;1"'), [
        head("tal.csv"),
        "Række 2, kolonne 'kommentar': en tekst i anførselstegn fortsætter over flere linjer og "
        "rummer noget, der ligner en række ('sjaelland;2022;FY;5a;;1'); mangler et afsluttende "
        "anførselstegn (\")? Intet er importeret.",
    ]),
    ("year-0", "tal.csv", lambda: csv_file("sjaelland,0,H1,8b,,470,,,,,,"), [
        "fejl: Filen 'tal.csv' er ikke importeret: 1 problem, intet er skrevet.",
        "Række 2, kolonne 'år': '0' er ikke et år",
    ]),
    ("year-00", "tal.csv", lambda: csv_file("sjaelland,00,H1,8b,,470,,,,,,"), [
        "fejl: Filen 'tal.csv' er ikke importeret: 1 problem, intet er skrevet.",
        "Række 2, kolonne 'år': '00' er ikke et år",
    ]),
    ("year-of-5000-digits", "tal.csv", lambda: csv_file("sjaelland," + "2" * 5000 + ",H1,8b,,470,,,,,,"), [
        "fejl: Filen 'tal.csv' er ikke importeret: 1 problem, intet er skrevet.",
        "Række 2, kolonne 'år': '" + "2" * 39 + "…' er ikke et år",
    ]),
    ("value-of-5000-digits", "tal.csv", lambda: csv_file("sjaelland,2022,H1,8b,," + "9" * 5000 + ",,,,,,"), [
        "fejl: Filen 'tal.csv' er ikke importeret: 1 problem, intet er skrevet.",
        "Række 2, kolonne 'værdi': '" + "9" * 39 + "…' er ikke et endeligt tal (NaN og uendelig "
        "er ikke tilladt)",
    ]),
    ("utf-16-with-bom", "tal.csv", lambda: (HEADER + "\n" + GOOD_ROW + "\n").encode("utf-16"), [
        head("tal.csv"),
        "Filen er gemt som UTF-16 (i Excel: »Unicode-tekst«), som importen ikke læser. Gem den "
        "som »CSV UTF-8 (kommasepareret)« eller som Excel-projektmappe (.xlsx).",
    ]),
    ("utf-16-without-bom", "tal.txt", lambda: (HEADER + "\n" + GOOD_ROW + "\n").encode("utf-16-le"), [
        head("tal.txt"),
        "Filen er gemt som UTF-16 (i Excel: »Unicode-tekst«), som importen ikke læser. Gem den "
        "som »CSV UTF-8 (kommasepareret)« eller som Excel-projektmappe (.xlsx).",
    ]),
    ("old-xls-or-password", "tal.xls", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), [
        head("tal.xls"),
        "Filen er i Excels gamle format (.xls) eller beskyttet med adgangskode. Gem den som "
        "Excel-projektmappe (.xlsx) uden adgangskode eller som »CSV UTF-8«.",
    ]),
    ("larger-than-the-limit", "stor.csv", lambda: csv_file(*[GOOD_ROW] * 700_000), [
        head("stor.csv"),
        f"Filen fylder 22,4 MB; {LIMITS}. Del den op i flere filer.",
    ]),
    ("more-rows-than-the-limit", "lang.csv", lambda: csv_file(*["sjaelland,2022,H1,8b,,1,,,,,,"] * 100_001), [
        head("lang.csv"),
        f"Filen har mere end 100.000 rækker under overskriften; {LIMITS}. Del den op i flere filer.",
    ]),
    ("more-columns-than-the-limit", "bred.csv", lambda: csv_file(GOOD_ROW + ",x" * 50), [
        head("bred.csv"),
        f"Række 2 har 62 kolonner; {LIMITS}. Slet de tomme kolonner til højre, eller kopiér kun "
        "importkolonnerne til et nyt ark.",
    ]),
    ("first-100-problems-then-a-count", "dubletter.csv", lambda: csv_file(*[GOOD_ROW] * 150), [
        problems("dubletter.csv", 149),
        *[f"Række {n}, kolonne 'måltal': samme erhvervshus, år, periode, måltal og kommunekode "
          "som række 2" for n in range(3, 103)],
        "… og 49 problemer mere (de første 100 er vist).",
    ]),
    ("zip-bomb", "bombe.xlsx", lambda: zip_bomb(150), [
        head("bombe.xlsx"),
        "Excel-filen fylder 150 MB, når den pakkes ud; højst 100 MB. Gem kun importarket i en ny "
        "fil, eller brug CSV.",
    ]),
    ("a-value-in-column-xfd", "bred.xlsx", lambda: patched(
        xlsx_file(("Data", import_sheet(ROW))), "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</row></sheetData>",
                                b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')), [
        head("bred.xlsx"),
        f"Række 2 har 16.384 kolonner; {LIMITS}. Slet de tomme kolonner til højre, eller kopiér "
        "kun importkolonnerne til et nyt ark.",
    ]),
    ("malformed-shared-strings", "tal.xlsx", lambda: patched(
        excel_like_xlsx(import_sheet(ROW)), "xl/sharedStrings.xml", lambda xml: xml[:-20]), [
        head("tal.xlsx"), BROKEN_XLSX.format("sharedStrings.xml"),
    ]),
    ("malformed-sheet", "tal.xlsx", lambda: patched(
        excel_like_xlsx(import_sheet(ROW)), "xl/worksheets/sheet1.xml", lambda xml: xml[:-30]), [
        head("tal.xlsx"), BROKEN_XLSX.format("sheet1.xml"),
    ]),
    ("sheet-packed-by-an-unknown-method", "tal.xlsx", lambda: unknown_compression(
        excel_like_xlsx(import_sheet(ROW)), "xl/worksheets/sheet1.xml"), [
        head("tal.xlsx"), BROKEN_XLSX.format("sheet1.xml"),
    ]),
    ("workbook-without-sheets", "tal.xlsx", lambda: patched(
        excel_like_xlsx(import_sheet(ROW)), "xl/workbook.xml", lambda xml: xml.replace(b"<sheet ", b"<x ")), [
        head("tal.xlsx"), BROKEN_XLSX.format("workbook.xml"),
    ]),
    ("data-sheet-not-first", "tal.xlsx", lambda: xlsx_file(
        ("Forside", [["Indberetning 2022"]]), ("Data", import_sheet(ROW))), [
        head("tal.xlsx"),
        "Importen læser det første ark, 'Forside', men dets første række er ikke en overskrift. "
        "Overskriften står i arket 'Data': flyt det arket først, eller gem det i sin egen fil.",
    ]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "build", "lines"),
    [(name, build, lines) for _case, name, build, lines in CASES],
    ids=[case for case, _name, _build, _lines in CASES],
)
def test_a_hostile_file_is_refused_in_danish_and_nothing_is_written(
    tmp_path: Path,
    database: str,
    capsys: pytest.CaptureFixture[str],
    name: str,
    build: Build,
    lines: list[str],
) -> None:
    file = tmp_path / name
    file.write_bytes(build())
    before = stored(database)
    capsys.readouterr()
    with hang_guard(120):
        code = cli.main(["import", str(file)])
    captured = capsys.readouterr()
    assert (code, captured.out) == (1, "")
    assert captured.err.splitlines() == lines
    pd.testing.assert_frame_equal(stored(database), before)


ACCEPTED: list[tuple[str, str, Build, list[tuple[str, str, float, str | None]]]] = [
    ("comment-with-alt-enter", "tal.csv",
     lambda: csv_file('sjaelland,2022,H1,8b,,470,,,,,,"Første linje\nanden linje, 2022 og H1"'),
     [("H1", "8b", 470.0, "Første linje\nanden linje, 2022 og H1")]),
    ("old-mac-line-ends", "tal.csv",
     lambda: csv_file('sjaelland,2022,H1,8b,,470,,,,,,"Et\rTo"', end="\r"),
     [("H1", "8b", 470.0, "Et\nTo")]),
    ("windows-line-ends", "tal.csv",
     lambda: csv_file('sjaelland,2022,H1,8b,,470,,,,,,"Et\r\nTo"', end="\r\n"),
     [("H1", "8b", 470.0, "Et\nTo")]),
    ("vertical-tab-from-word-becomes-a-line-break", "tal.csv",
     lambda: csv_file("sjaelland,2022,H1,8b,,470,,,,,,Linje et\x0bLinje to"),
     [("H1", "8b", 470.0, "Linje et\nLinje to")]),
    ("ascii-with-single-high-bytes-is-cp1252", "tal.csv",
     lambda: (ASCII_HEADER + "\nsjaelland,2022,H1,8b,,470,,,,,,Større forløb\n").encode("cp1252"),
     [("H1", "8b", 470.0, "Større forløb")]),
    ("formula-guard-is-removed", "tal.csv",
     lambda: csv_file('sjaelland,2022,H1,8b,,470,,,,,,"\'=HYPERLINK(""http://x"";""y"")"'),
     [("H1", "8b", 470.0, '=HYPERLINK("http://x";"y")')]),
    ("sheet-claiming-a-million-rows", "tal.xlsx",
     lambda: with_dimension(xlsx_file(("Data", import_sheet(ROW))), "A1:XFD1048576"),
     [("H1", "8b", 470.0, None)]),
    ("excel-shared-strings", "tal.xlsx",
     lambda: excel_like_xlsx(import_sheet([*ROW[:-1], "Større <forløb> & mere"])),
     [("H1", "8b", 470.0, "Større <forløb> & mere")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "build", "expected"),
    [(name, build, expected) for _case, name, build, expected in ACCEPTED],
    ids=[case for case, _name, _build, _expected in ACCEPTED],
)
def test_an_odd_but_honest_file_imports(
    tmp_path: Path,
    database: str,
    name: str,
    build: Build,
    expected: list[tuple[str, str, float, str | None]],
) -> None:
    file = tmp_path / name
    file.write_bytes(build())
    with hang_guard(120):
        assert cli.main(["import", str(file)]) == 0
    values = stored(database)
    changed = values[values["entered_at"] == values["entered_at"].max()]
    assert [
        (r.period, r.target, r.value, r.comment) for r in changed.itertuples(index=False)
    ] == expected


def test_the_limits_in_the_messages_are_the_module_limits() -> None:
    assert limits.LIMITS_TEXT == LIMITS
    assert limits.MAX_ROWS >= 50_000  # a national file is ~11.000 rows


def test_the_readme_states_the_limits_the_code_holds(root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Import limits", 1)[1].split("\n## ", 1)[0]

    def danish(count: int) -> str:
        return f"{count:,}".replace(",", ".")

    for stated in (
        f"| {limits.MAX_FILE_MB} MB (1 MB = 1.000.000 bytes) |",
        f"| {danish(limits.MAX_ROWS)} |",
        f"| {limits.MAX_COLUMNS} |",
        f"| {limits.MAX_XLSX_UNPACKED_MB} MB; {danish(limits.MAX_XLSX_PARTS)} |",
        f"| {danish(MAX_TEXT_LENGTH)} |",
        f"| the first {limits.MAX_PROBLEMS}, then how many more |",
    ):
        assert stated in section
