"""Reading import files: dialects, encodings, Excel, headers and numbers (no database)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from contracts.loader import Catalog
from db.errors import ValidationFailed
from services.values_io.parse import COLUMNS, parse_bytes, parse_number
from services.values_io.validate import check_file

HEADER = ",".join(COLUMNS)


def entries(data: bytes, name: str, catalog: Catalog) -> list[tuple[object, ...]]:
    checked = check_file(parse_bytes(data, name), catalog)
    assert checked.problems == ()
    return [(*e.key, sorted(e.numbers.items()), e.comment) for e in checked.entries]


COMMA = (
    HEADER + "\n"
    "sjaelland,2022,H1,8b,,1680,,,,,,\n"
    "sjaelland,2022,FY,12a,,50.5,,,,,,Køge\n"
    "sjaelland,2022,FY,3b.drift,,,,,61,25,9,\n"
)
SEMICOLON = (
    HEADER.replace(",", ";") + "\r\n"
    "sjaelland;2022;H1;8b;;1.680;;;;;;\r\n"
    "sjaelland;2022;FY;12a;;50,5;;;;;;Køge\r\n"
    "sjaelland;2022;FY;3b.drift;;;;;61;25;9;\r\n"
)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("komma.csv", COMMA.encode("utf-8")),
        ("komma-bom.csv", COMMA.encode("utf-8-sig")),
        ("semikolon.csv", SEMICOLON.encode("utf-8")),
        ("semikolon-bom.csv", SEMICOLON.encode("utf-8-sig")),
        ("semikolon-cp1252.csv", SEMICOLON.encode("cp1252")),
        ("komma-cp1252.csv", COMMA.encode("cp1252")),
    ],
)
def test_both_dialects_and_encodings_read_the_same_values(
    name: str, data: bytes, catalog: Catalog
) -> None:
    assert entries(data, name, catalog) == entries(COMMA.encode(), "a.csv", catalog)
    assert ("sjaelland", 2022, "FY", "12a", "", [("value", 50.5)], "Køge") in entries(
        data, name, catalog
    )


def test_an_excel_sheet_reads_like_the_csv(catalog: Catalog) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([c.upper() + " " for c in COLUMNS])  # header case and spaces are tolerated
    sheet.append(["sjaelland", 2022, "H1", "8b", None, 1680, None, None, None, None, None, None])
    sheet.append(
        ["sjaelland", 2022, "FY", "12a", None, "50,5", None, None, None, None, None, "Køge"]
    )
    sheet.append(["sjaelland", 2022, "FY", "3b.drift", None, None, None, None, 61, 25, 9, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert entries(buffer.getvalue(), "tal.xlsx", catalog) == entries(
        COMMA.encode(), "a.csv", catalog
    )


def test_header_names_tolerate_case_spaces_ascii_letters_and_extra_columns(
    catalog: Catalog,
) -> None:
    header = " Erhvervshus ,AAR,Periode,MÅLTAL,kommunekode,vaerdi,målsætning,enhed\n"
    data = (header + "sjaelland,2022,H1,8b,,470,880 korte forløb,forløb\n").encode()
    assert entries(data, "a.csv", catalog) == [
        ("sjaelland", 2022, "H1", "8b", "", [("value", 470.0)], None)
    ]


@pytest.mark.parametrize(
    ("cell", "dialect", "expected"),
    [
        ("470", "komma", 470.0),
        ("2.4", "komma", 2.4),
        ("-3.5", "komma", -3.5),
        ("1e3", "komma", 1000.0),
        ("1.680", "semikolon", 1680.0),
        ("1.234.567,25", "semikolon", 1234567.25),
        ("50,5", "semikolon", 50.5),
        ("−2,5", "semikolon", -2.5),
        ("", "komma", None),
        (None, "excel", None),
        (12, "excel", 12.0),
        ("50,5", "excel", 50.5),
        ("1680", "excel", 1680.0),
    ],
)
def test_numbers_are_read_by_the_dialect(
    cell: str | int | None, dialect: str, expected: float | None
) -> None:
    assert parse_number(cell, dialect) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "dialect", "message"),
    [
        ("1,5", "komma", "'1,5' er ikke et tal"),
        ("2.4", "semikolon", "'2.4' er ikke et tal"),
        ("ti", "komma", "'ti' er ikke et tal"),
        ("NaN", "komma", "'NaN' er ikke et endeligt tal (NaN og uendelig er ikke tilladt)"),
        ("-inf", "semikolon", "'-inf' er ikke et endeligt tal (NaN og uendelig er ikke tilladt)"),
        (float("inf"), "excel", "'inf' er ikke et endeligt tal (NaN og uendelig er ikke tilladt)"),
        (
            "1.680",
            "excel",
            "'1.680' er tekst og kan læses både som et tal med tusindtalspunktum og med "
            "decimalpunktum; skriv det som et tal i Excel, eller brug komma som decimaltegn",
        ),
    ],
)
def test_text_nan_and_infinity_are_not_numbers(
    cell: str | float, dialect: str, message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        parse_number(cell, dialect)  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("data", "problems"),
    [
        (b"", ["Filen er tom."]),
        (b" \n\n", ["Filen er tom."]),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            ["Filen er hverken en CSV-fil eller et Excel-ark (.xlsx)."],
        ),
        (
            b"sjaelland,2022,H1,8b,,470\n",
            [
                "Række 1 er ikke en overskrift: første række skal være "
                "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,"
                "passive,kritikere,kommentar."
            ],
        ),
        (
            HEADER.encode() + b"\n",
            ["Filen har kun en overskrift og ingen rækker: der er intet at importere."],
        ),
        (
            b"erhvervshus,aar,periode,kommunekode,vaerdi\nsjaelland,2022,H1,,470\n",
            ["Kolonnen 'måltal' mangler i overskriften."],
        ),
        (
            b"erhvervshus,aar,periode,maaltal,kommentar\nsjaelland,2022,H1,8b,x\n",
            [
                "Overskriften har ingen talkolonne: værdi, tæller, nævner, promotorer, passive, "
                "kritikere mangler alle."
            ],
        ),
        (
            b"erhvervshus,aar,periode,maaltal,vaerdi,V\xc3\xa6rdi\nsjaelland,2022,H1,8b,1,2\n",
            ["Kolonnen 'værdi' står flere gange i overskriften."],
        ),
    ],
    ids=["empty", "blank", "binary", "no-header", "header-only", "no-target", "no-number", "twice"],
)
def test_unreadable_files_give_one_clear_message(data: bytes, problems: list[str]) -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_bytes(data, "tal.csv")
    assert caught.value.problems == problems
    assert str(caught.value).splitlines()[0] == "Filen 'tal.csv' kan ikke importeres."


def test_a_file_named_xlsx_that_is_not_a_workbook_is_refused() -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_bytes(b"PK\x03\x04 not really a zip", "tal.xlsx")
    assert caught.value.problems == ["Filen er hverken en CSV-fil eller et Excel-ark (.xlsx)."]


def test_row_numbers_are_spreadsheet_rows_with_the_header_as_row_one() -> None:
    parsed = parse_bytes((HEADER + "\n\nsjaelland,2022,H1,8b,,470,,,,,,\n").encode(), "a.csv")
    assert [row.number for row in parsed.rows] == [3]
