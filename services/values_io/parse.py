"""Bytes of an import file (CSV in either dialect, or an Excel sheet) → rows of raw cells.

Nothing here knows about contracts: a row is its spreadsheet row number plus its cells by
canonical column name.  Numbers are parsed by ``parse_number`` with the file's dialect, so
``1.680`` means 1680 in a semicolon file and is an error in a comma file.

Row numbers are the ones a spreadsheet shows: the header is row 1, the first value row 2.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from dataclasses import dataclass
from typing import Literal

from db.errors import ValidationFailed

COLUMNS: tuple[str, ...] = (
    "erhvervshus",
    "år",
    "periode",
    "måltal",
    "kommunekode",
    "værdi",
    "tæller",
    "nævner",
    "promotorer",
    "passive",
    "kritikere",
    "kommentar",
)
KEY_COLUMNS: tuple[str, ...] = ("erhvervshus", "år", "periode", "måltal")
NUMBER_COLUMNS: tuple[str, ...] = (
    "værdi",
    "tæller",
    "nævner",
    "promotorer",
    "passive",
    "kritikere",
)

Dialect = Literal["komma", "semikolon", "excel"]
Cell = str | int | float | None

_COMMA_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_SEMICOLON_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_NOT_FINITE = {"nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}


@dataclass(frozen=True)
class RawRow:
    number: int
    cells: dict[str, Cell]

    def text(self, column: str) -> str:
        """The cell as stripped text ('' when empty); whole floats from Excel lose '.0'."""
        cell = self.cells.get(column)
        if cell is None:
            return ""
        if isinstance(cell, float) and cell.is_integer():
            return str(int(cell))
        return str(cell).strip()


@dataclass(frozen=True)
class ParsedFile:
    name: str
    dialect: Dialect
    rows: tuple[RawRow, ...]


def unreadable(name: str, problem: str) -> ValidationFailed:
    return ValidationFailed(f"Filen '{name}' kan ikke importeres.", [problem])


def _normalise(column: object) -> str:
    text = str(column or "").replace("\ufeff", "").strip().casefold()
    for plain, danish in (("aa", "å"), ("ae", "æ"), ("oe", "ø")):
        text = text.replace(plain, danish)
    return " ".join(text.split())


_CANONICAL = {_normalise(c): c for c in COLUMNS}


def parse_bytes(data: bytes, name: str) -> ParsedFile:
    """Read ``data`` (named ``name``) into rows; a file that cannot be read raises."""
    if not data.strip():
        raise unreadable(name, "Filen er tom.")
    if data.startswith(b"PK\x03\x04") or name.lower().endswith(".xlsx"):
        return ParsedFile(name, "excel", _rows(_excel_records(data, name), name))
    text = _decode(data, name)
    dialect: Dialect = "semikolon" if _first_line(text).count(";") > 0 else "komma"
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=";" if dialect == "semikolon" else ","
    )
    try:
        records: list[list[Cell]] = [list(record) for record in reader]
    except csv.Error as exc:
        raise unreadable(name, f"Filen er ikke en gyldig CSV-fil ({exc}).") from exc
    return ParsedFile(name, dialect, _rows(records, name))


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise unreadable(name, _GARBAGE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise unreadable(name, _GARBAGE) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    if controls:
        raise unreadable(name, _GARBAGE)
    return text


_GARBAGE = "Filen er hverken en CSV-fil eller et Excel-ark (.xlsx)."


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def _excel_records(data: bytes, name: str) -> list[list[Cell]]:
    from openpyxl import load_workbook  # imported here: only Excel files need it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise unreadable(name, _GARBAGE) from exc
    sheet = workbook.worksheets[0]
    records = [
        [cell if isinstance(cell, str | int | float) or cell is None else str(cell) for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    workbook.close()
    return records


def _rows(records: list[list[Cell]], name: str) -> tuple[RawRow, ...]:
    def blank(record: list[Cell]) -> bool:
        return all(cell is None or str(cell).strip() == "" for cell in record)

    numbered = [(index + 1, record) for index, record in enumerate(records)]
    while numbered and blank(numbered[0][1]):
        numbered.pop(0)
    if not numbered:
        raise unreadable(name, "Filen er tom.")
    header_number, header = numbered[0]
    columns = [_CANONICAL.get(_normalise(cell)) for cell in header]
    known = [c for c in columns if c is not None]
    if not known:
        raise unreadable(
            name,
            f"Række {header_number} er ikke en overskrift: første række skal være "
            + ",".join(COLUMNS)
            + ".",
        )
    problems = [
        f"Kolonnen '{column}' står flere gange i overskriften."
        for column in COLUMNS
        if known.count(column) > 1
    ]
    problems += [
        f"Kolonnen '{column}' mangler i overskriften."
        for column in KEY_COLUMNS
        if column not in known
    ]
    if not any(column in known for column in NUMBER_COLUMNS):
        problems.append(
            "Overskriften har ingen talkolonne: " + ", ".join(NUMBER_COLUMNS) + " mangler alle."
        )
    if problems:
        raise ValidationFailed(f"Filen '{name}' kan ikke importeres.", problems)
    rows = []
    for number, record in numbered[1:]:
        if blank(record):
            continue
        cells: dict[str, Cell] = dict.fromkeys(COLUMNS)
        for column, cell in zip(columns, record, strict=False):
            if column is not None:
                cells[column] = cell.strip() if isinstance(cell, str) else cell
        rows.append(RawRow(number, cells))
    if not rows:
        raise unreadable(
            name, "Filen har kun en overskrift og ingen rækker: der er intet at importere."
        )
    return tuple(rows)


def parse_number(cell: Cell, dialect: Dialect) -> float | None:
    """The cell as a finite float, None when empty; raises ValueError with a Danish reason."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, bool):
        raise ValueError(f"'{cell}' er ikke et tal")
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        text = cell.strip().replace("\u2212", "-")
        if text.casefold() in _NOT_FINITE:
            raise ValueError(f"'{text}' er ikke et endeligt tal (NaN og uendelig er ikke tilladt)")
        if dialect == "excel" and "." in text and "," not in text:
            # "1.680" typed as text: a Danish thousand or an English 1,68? Never guess.
            raise ValueError(
                f"'{text}' er tekst og kan læses både som et tal med tusindtalspunktum og med "
                "decimalpunktum; skriv det som et tal i Excel, eller brug komma som decimaltegn"
            )
        parsed = _parse_text(text, dialect)
        if parsed is None:
            raise ValueError(f"'{text}' er ikke et tal")
        number = parsed
    if not math.isfinite(number):
        raise ValueError(f"'{cell}' er ikke et endeligt tal (NaN og uendelig er ikke tilladt)")
    return number


def _parse_text(text: str, dialect: Dialect) -> float | None:
    # Text in an Excel number cell: with a comma it is read the Danish way; a point alone is
    # refused as ambiguous by parse_number before it gets here.
    semicolon = dialect == "semikolon" or (dialect == "excel" and "," in text)
    if semicolon:
        if not _SEMICOLON_NUMBER.match(text):
            return None
        return float(text.replace(".", "").replace(",", "."))
    if not _COMMA_NUMBER.match(text):
        return None
    return float(text)
