"""Rows of cells → CSV bytes (comma dialect) or an Excel sheet, both byte-stable.

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

Cell = str | float | None
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_TIMESTAMP = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """UTF-8 without BOM, ``,`` between cells, ``.`` as decimal mark, ``\\n`` line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            ["" if c is None else plain_number(c) if isinstance(c, float) else c for c in row]
        )
    return buffer.getvalue().encode("utf-8")


def to_xlsx(columns: Sequence[str], rows: Sequence[Sequence[Cell]], *, title: str) -> bytes:
    """One sheet; numbers as numbers, text (kommunekoder too) as text."""
    from openpyxl import Workbook  # imported here: only Excel output needs it

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(columns))
    for row in rows:
        sheet.append(list(row))
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
