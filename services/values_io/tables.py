"""Rows of cells → CSV bytes (comma dialect) or an Excel sheet, both byte-stable and safe to
open in a spreadsheet (docs/import-format.md, "Formula-like text").

Text never runs as a formula: in CSV, text starting like a formula gets a leading ``'``
(``services.values_io.text.formula_guarded``); in xlsx every text is a text cell (openpyxl
would otherwise write ``=…`` as a formula and ``#N/A`` as an error), formula-like ones with
Excel's "quote prefix" so that editing the cell keeps it text. Numbers stay numbers.

openpyxl stamps the time of saving into the workbook and its zip entries; ``to_xlsx`` sets
them to a fixed moment so the same rows always give the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence

from services.values_io.numbers import plain_number
from services.values_io.text import export_text, formula_guarded, is_formula_like

Cell = str | float | None
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_TIMESTAMP = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """UTF-8 without BOM, ``,`` between cells, ``.`` as decimal mark, ``\\n`` line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(c) for c in row])
    return buffer.getvalue().encode("utf-8")


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float):
        return plain_number(cell)
    return formula_guarded(export_text(cell))


def to_xlsx(columns: Sequence[str], rows: Sequence[Sequence[Cell]], *, title: str) -> bytes:
    """One sheet; numbers as numbers, text (kommunekoder too) as text."""
    from openpyxl import Workbook  # imported here: only Excel output needs it

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    for row_number, row in enumerate([list(columns), *rows], start=1):
        for column_number, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(row_number, column_number)
            if isinstance(value, str):
                text = export_text(value)
                cell.value = text
                cell.data_type = "s"  # text, whatever it looks like (openpyxl guesses "=" → f)
                if is_formula_like(text):
                    cell.quotePrefix = True
            else:
                cell.value = value
    for index, column in enumerate(columns, start=1):
        width = (
            max(len(column), *(len(str(row[index - 1] or "")) for row in rows))
            if rows
            else len(column)
        )
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(width + 2, 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _TIMESTAMP.sub(b"2000-01-01T00:00:00Z", content)
            stable = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            stable.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stable, content)
    return output.getvalue()
