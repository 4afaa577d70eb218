"""Bytes of an import file (CSV in either dialect, or an Excel sheet) → rows of raw cells.

A row is its spreadsheet row number plus its cells by canonical column name.  Numbers are
parsed by ``parse_number`` with the file's dialect, so ``1.680`` means 1680 in a semicolon
file and is an error in a comma file.  Encodings are ``decode``'s, CSV quoting
``csv_records``'s, Excel sheets ``xlsx``'s; the size, row and column limits ``limits``'.

Row numbers are the ones a spreadsheet shows: the header is row 1, the first value row 2.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, cast

from db.errors import ValidationFailed
from services.values_io import csv_records, limits
from services.values_io.decode import decode, unreadable
from services.values_io.text import formula_unguarded, shown
from services.values_io.xlsx import Workbook

KEY_COLUMNS: tuple[str, ...] = ("erhvervshus", "år", "periode", "måltal")
#: The column of each part of a value, in the order of ``contracts.reported.VALUE_PARTS``.
NUMBER_COLUMNS: tuple[str, ...] = (
    "værdi",
    "tæller",
    "nævner",
    "promotorer",
    "passive",
    "kritikere",
)
#: The twelve import columns, in the order of the template and the export.
COLUMNS: tuple[str, ...] = (*KEY_COLUMNS, "kommunekode", *NUMBER_COLUMNS, "kommentar")

Dialect = Literal["komma", "semikolon", "excel"]
Cell = str | int | float | None

_COMMA_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_SEMICOLON_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_NOT_FINITE = {"nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}


@dataclass(frozen=True, slots=True)
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


def _normalise(column: object) -> str:
    text = str(column or "").replace("\ufeff", "").strip().casefold()
    for plain, danish in (("aa", "å"), ("ae", "æ"), ("oe", "ø")):
        text = text.replace(plain, danish)
    return " ".join(text.split())


_CANONICAL = {_normalise(c): c for c in COLUMNS}


def parse_bytes(data: bytes, name: str) -> ParsedFile:
    """Read ``data`` (named ``name``) into rows; a file that cannot be read raises.

    The limits of ``services.values_io.limits`` hold before and while reading."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise unreadable(name, limits.too_large(len(data)))
    if not data or data.isspace():
        raise unreadable(name, "Filen er tom.")
    if data.startswith(b"PK\x03\x04") or name.lower().endswith(".xlsx"):
        return ParsedFile(name, "excel", _excel_rows(data, name))
    decoded = decode(data, name)
    delimiter = csv_records.delimiter_of(decoded.text)
    dialect: Dialect = "semikolon" if delimiter == ";" else "komma"

    def check(number: int, record: list[str], labels: list[str]) -> list[str]:
        joined = "".join(record)  # one scan in C for the rare cells that need a look
        if decoded.mixed or "\n" in joined or "\r" in joined:
            for n, cell in enumerate(record):
                problem = csv_records.cell_problem(cell, decoded.mixed)
                if problem:
                    label = labels[n] if n < len(labels) else f"kolonne {n + 1}"
                    raise csv_records.refused(name, number, label, problem)
        if "'" in joined and any(cell[:1] == "'" for cell in record):
            return [formula_unguarded(cell) for cell in record]
        return record

    rows = _rows(csv_records.records(decoded, delimiter, name), name, check)
    return ParsedFile(name, dialect, rows)


def _excel_rows(data: bytes, name: str) -> tuple[RawRow, ...]:
    workbook = Workbook(data, name)
    first = workbook.sheets[0]
    try:
        return _rows(workbook.rows(first), name)
    except NoHeader as exc:
        for other in workbook.sheets[1:20]:
            if _has_header(workbook.rows(other)):
                raise unreadable(
                    name,
                    f"Importen læser det første ark, '{shown(first.name)}', men dets første "
                    f"række er ikke en overskrift. Overskriften står i arket "
                    f"'{shown(other.name)}': flyt det arket først, eller gem det i sin egen fil.",
                ) from exc
        raise


Check = Callable[[int, list[str], list[str]], list[str]]
#: Cells that repeat down a file: one shared string each instead of one per row.
_INTERNED = frozenset({*KEY_COLUMNS, "kommunekode"})


def _rows(
    records: Iterable[tuple[int, Sequence[Cell]]], name: str, check: Check | None = None
) -> tuple[RawRow, ...]:
    """The header and the rows under it, within the row and column limits."""
    found = iter(records)
    header_number, header = next(((n, r) for n, r in found if not _blank(r)), (0, []))
    if not header:
        raise unreadable(name, "Filen er tom.")
    _within_columns(header_number, header, name)
    if check is not None:
        header = check(header_number, cast(list[str], header), [])
    columns = [_CANONICAL.get(_normalise(cell)) for cell in header]
    _check_header(columns, header_number, name)
    labels = [c or f"kolonne {n}" for n, c in enumerate(columns, start=1)]
    known = [(n, c, c in _INTERNED) for n, c in enumerate(columns) if c is not None]
    rows = []
    for count, (number, record) in enumerate(found, start=1):
        if count > limits.MAX_ROWS:
            raise unreadable(name, limits.too_many_rows())
        _within_columns(number, record, name)
        if check is not None:
            record = check(number, cast(list[str], record), labels)
        if _blank(record):
            continue
        cells: dict[str, Cell] = dict.fromkeys(COLUMNS)
        width = len(record)
        for n, column, repeats in known:
            if n < width:
                cell = record[n]
                if isinstance(cell, str):
                    cell = sys.intern(cell.strip()) if repeats else cell.strip()
                cells[column] = cell
        rows.append(RawRow(number, cells))
    if not rows:
        raise unreadable(
            name, "Filen har kun en overskrift og ingen rækker: der er intet at importere."
        )
    return tuple(rows)


class NoHeader(ValidationFailed):
    """The first non-empty row names none of the import's columns."""


def _check_header(columns: list[str | None], number: int, name: str) -> None:
    known = [c for c in columns if c is not None]
    if not known:
        raise NoHeader(
            f"Filen '{name}' kan ikke importeres.",
            [f"Række {number} er ikke en overskrift: første række skal være {','.join(COLUMNS)}."],
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


def _has_header(records: Iterable[tuple[int, Sequence[Cell]]]) -> bool:
    first = next((r for _n, r in records if not _blank(r)), [])
    return any(_CANONICAL.get(_normalise(cell)) for cell in first[: limits.MAX_COLUMNS])


def _within_columns(number: int, record: Sequence[Cell], name: str) -> None:
    if len(record) > limits.MAX_COLUMNS:
        width = len(record)
        while width > limits.MAX_COLUMNS and _blank(record[width - 1 : width]):
            width -= 1
        if width > limits.MAX_COLUMNS:
            raise unreadable(name, limits.too_many_columns(number, width))


def _blank(record: Sequence[Cell]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in record)


def parse_number(cell: Cell, dialect: Dialect) -> float | None:
    """The cell as a finite float, None when empty; raises ValueError with a Danish reason."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, bool):
        raise ValueError(f"'{shown(str(cell))}' er ikke et tal")
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        text = cell.strip().replace("\u2212", "-")
        if text.casefold() in _NOT_FINITE:
            raise ValueError(
                f"'{shown(text)}' er ikke et endeligt tal (NaN og uendelig er ikke tilladt)"
            )
        if dialect == "excel" and "." in text and "," not in text:
            # "1.680" typed as text: a Danish thousand or an English 1,68? Never guess.
            raise ValueError(
                f"'{shown(text)}' er tekst og kan læses både som et tal med tusindtalspunktum og med "
                "decimalpunktum; skriv det som et tal i Excel, eller brug komma som decimaltegn"
            )
        parsed = _parse_text(text, dialect)
        if parsed is None:
            raise ValueError(f"'{shown(text)}' er ikke et tal")
        number = parsed
    if not math.isfinite(number):
        raise ValueError(
            f"'{shown(str(cell))}' er ikke et endeligt tal (NaN og uendelig er ikke tilladt)"
        )
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
