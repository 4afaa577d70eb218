"""Builders of hostile and odd import files: each a few lines, written by the test that uses
it (no committed blobs). Not a conftest: imported by the tests and by bench/import_bench.py.
"""

from __future__ import annotations

import io
import re
import signal
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from openpyxl import Workbook

HEADER = (
    "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,"
    "kritikere,kommentar"
)
GOOD_ROW = "sjaelland,2022,H1,8b,,470,,,,,,"


def csv_file(*rows: str, header: str = HEADER, end: str = "\n") -> bytes:
    return (end.join([header, *rows]) + end).encode("utf-8")


def xlsx_file(*sheets: tuple[str, list[list[object]]]) -> bytes:
    """A workbook with the given sheets (title, rows) in order, written by openpyxl."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def import_sheet(*rows: list[object]) -> list[list[object]]:
    return [HEADER.split(","), *[list(row) for row in rows]]


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def excel_like_xlsx(rows: list[list[object]]) -> bytes:
    """One sheet written the way Excel writes it: text in sharedStrings.xml (one item as rich
    text with a phonetic run), numbers as numbers; no dimension, no styles."""
    strings: list[str] = []
    cells_xml = []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(row):
            ref = f"{chr(65 + column)}{number}"
            if value is None or value == "":
                continue
            if isinstance(value, str):
                strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        cells_xml.append(f'<row r="{number}">{"".join(cells)}</row>')
    items = "".join(
        f"<si><r><t>{_xml(text[:1])}</t></r><r><t>{_xml(text[1:])}</t></r>"
        f'<rPh sb="0" eb="1"><t>ignored</t></rPh></si>'
        if index == 0
        else f'<si><t xml:space="preserve">{_xml(text)}</t></si>'
        for index, text in enumerate(strings)
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
        '.org/package/2006/content-types"/>',
        "_rels/.rels": f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets><sheet '
        'name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
        f'Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>'
        f"{''.join(cells_xml)}</sheetData></worksheet>",
        "xl/sharedStrings.xml": f'<sst xmlns="{_MAIN}" count="{len(strings)}">{items}</sst>',
    }
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return output.getvalue()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def patched(data: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    """``data`` (a zip) with ``part`` replaced by ``change(part)``; a missing part is added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in names:
            content = source.read(name)
            target.writestr(name, change(content) if name == part else content)
        if part not in names:
            target.writestr(part, change(b""))
    return output.getvalue()


def with_dimension(data: bytes, dimension: str) -> bytes:
    """The first sheet claiming ``dimension`` (e.g. ``A1:XFD1048576``), whatever it holds."""
    return patched(
        data,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(
            rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), xml
        ),
    )


def unknown_compression(data: bytes, part: str, method: int = 99) -> bytes:
    """``data`` (a zip) with ``part`` marked as packed by a compression method zipfile does not
    know (99: AES, as some tools write), in its local header and the central directory."""
    stored = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target,
    ):
        for name in source.namelist():
            target.writestr(name, source.read(name))
    out = bytearray(stored.getvalue())
    name = part.encode()
    for signature, method_at, name_at in ((b"PK\x03\x04", 8, 30), (b"PK\x01\x02", 10, 46)):
        at = out.find(signature)
        while at != -1:
            if out[at + name_at : at + name_at + len(name)] == name:
                out[at + method_at : at + method_at + 2] = method.to_bytes(2, "little")
            at = out.find(signature, at + 4)
    return bytes(out)


def zip_bomb(unpacked_mb: int) -> bytes:
    """A small xlsx-looking archive whose sheet unpacks to ``unpacked_mb`` megabytes."""
    base = xlsx_file(("Data", import_sheet(GOOD_ROW.split(","))))
    padding = b" " * (unpacked_mb * 1_000_000)
    return patched(base, "xl/worksheets/sheet1.xml", lambda xml: xml + padding)


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: a generous alarm, not a timing assertion."""

    def alarm(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"hang: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
