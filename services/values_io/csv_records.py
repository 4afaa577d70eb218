"""CSV text → numbered records, refusing what a spreadsheet would not have written.

Quoting is read strictly: a quote that is never closed, or text after a closing quote, is
refused by row. A quoted cell may hold line breaks (Alt+Enter in Excel), but not a line that
looks like a row of the import (two of: an erhvervshus key, a year, a period, split by a
comma, semicolon or tab): that is an unbalanced quote swallowing the rows below it, which would
otherwise vanish into a comment while the import reports success.

Row numbers are records, as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

from contracts.models import HOUSE_KEYS, PERIODS
from db.errors import ValidationFailed
from services.values_io.decode import Decoded, bad_byte, bad_byte_problem, unreadable
from services.values_io.numbers import danish_number
from services.values_io.text import shown

SWALLOWED = (
    'et anførselstegn (") åbner her en tekst, der løber over flere linjer og ikke afsluttes '
    "rigtigt; mangler et afsluttende anførselstegn? Intet er importeret"
)
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+$")
_SEPARATORS = re.compile("[,;\t]")
_YEAR = re.compile(r"(19|20|21)\d\d")
_PERIODS = frozenset(p.casefold() for p in PERIODS)
_HOUSES = frozenset(HOUSE_KEYS)
_CSV_ERRORS: tuple[tuple[str, str], ...] = (
    (
        "unexpected end of data",
        'et anførselstegn (") åbner en tekst, som aldrig lukkes; luk det, eller fjern det',
    ),
    (
        "expected after",
        'efter et afsluttende anførselstegn (") står mere tekst i samme celle; skriv et '
        'anførselstegn inde i en tekst som to ("")',
    ),
    (
        "field larger than field limit",
        f"en celle er længere end {danish_number(float(csv.field_size_limit()))} tegn (mangler et "
        "afsluttende anførselstegn?)",
    ),
)


def delimiter_of(text: str) -> str:
    """``;`` when the first non-blank line has one (Danish Excel), else ``,``."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if line.strip():
            return ";" if ";" in line else ","
        start = end + 1
    return ","


def records(decoded: Decoded, delimiter: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of every record, each checked as the module docstring says."""
    reader = csv.reader(_lines(decoded.text), delimiter=delimiter, strict=True)
    number = 0
    while True:
        number += 1
        first_line = reader.line_num + 1
        try:
            record = next(reader, None)
        except csv.Error as exc:
            spans_lines = reader.line_num > first_line
            raise unreadable(name, f"Række {number}: {_danish(exc, spans_lines)}.") from exc
        if record is None:
            return
        yield number, record


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their ends, one at a time (a StringIO would copy the whole
    text at four bytes a character)."""
    for match in _LINE.finditer(text):
        yield match.group()


def cell_problem(cell: str, mixed: bool) -> str | None:
    """Why ``cell`` (raw from the file) cannot be taken, or None."""
    if mixed:
        at = bad_byte(cell)
        if at is not None:
            return bad_byte_problem(cell, at)
    if "\n" in cell or "\r" in cell:
        for line in cell.splitlines()[1:]:
            if _looks_like_a_row(line):
                return (
                    "en tekst i anførselstegn fortsætter over flere linjer og rummer noget, der "
                    f"ligner en række ('{shown(line)}'); mangler et afsluttende anførselstegn "
                    '(")? Intet er importeret'
                )
    return None


def refused(name: str, number: int, column: str, problem: str) -> ValidationFailed:
    return unreadable(name, f"Række {number}, kolonne '{column}': {problem}.")


def _looks_like_a_row(line: str) -> bool:
    fields = [field.strip().strip('"').casefold() for field in _SEPARATORS.split(line)]
    if len(fields) < 3:
        return False
    signs = (
        any(field in _HOUSES for field in fields),
        any(_YEAR.fullmatch(field) for field in fields),
        any(field in _PERIODS for field in fields),
    )
    return sum(signs) >= 2


def _danish(error: csv.Error, spans_lines: bool) -> str:
    text = str(error)
    if spans_lines and "expected after" in text:
        return SWALLOWED
    return next((danish for english, danish in _CSV_ERRORS if english in text), "ugyldig CSV")
