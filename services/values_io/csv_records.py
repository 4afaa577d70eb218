"""CSV text → numbered records, refusing what a spreadsheet would not have written.

Quoting is read strictly: a quote that is never closed, or text after a closing quote, is
refused by row. A quoted cell may hold line breaks (Alt+Enter in Excel), but not a line that
looks like a row of the import (two of: an erhvervshus key, a year, a period, split by the
file's separator): that is an unbalanced quote swallowing the rows below it, which would
otherwise vanish into a comment while the import reports success.

Row numbers are records, as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from contracts.models import HOUSE_KEYS, PERIODS
from db.errors import ValidationFailed
from services.values_io.decode import Decoded, bad_byte, bad_byte_problem, unreadable
from services.values_io.numbers import danish_number
from services.values_io.text import shown

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
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    while True:
        number += 1
        try:
            record = next(reader, None)
        except csv.Error as exc:
            raise unreadable(name, f"Række {number}: {_danish(exc)}.") from exc
        if record is None:
            return
        yield number, record


def cell_problem(cell: str, delimiter: str, mixed: bool) -> str | None:
    """Why ``cell`` (raw from the file) cannot be taken, or None."""
    if mixed:
        at = bad_byte(cell)
        if at is not None:
            return bad_byte_problem(cell, at)
    if "\n" in cell or "\r" in cell:
        for line in cell.splitlines()[1:]:
            if _looks_like_a_row(line, delimiter):
                return (
                    "en tekst i anførselstegn fortsætter over flere linjer og rummer noget, der "
                    f"ligner en række ('{shown(line)}'); mangler et afsluttende anførselstegn "
                    '(")? Intet er importeret'
                )
    return None


def refused(name: str, number: int, column: str, problem: str) -> ValidationFailed:
    return unreadable(name, f"Række {number}, kolonne '{column}': {problem}.")


def _looks_like_a_row(line: str, delimiter: str) -> bool:
    fields = [field.strip().strip('"').casefold() for field in line.split(delimiter)]
    if len(fields) < 3:
        return False
    signs = (
        any(field in _HOUSES for field in fields),
        any(_YEAR.fullmatch(field) for field in fields),
        any(field in _PERIODS for field in fields),
    )
    return sum(signs) >= 2


def _danish(error: csv.Error) -> str:
    text = str(error)
    return next((danish for english, danish in _CSV_ERRORS if english in text), "ugyldig CSV")
