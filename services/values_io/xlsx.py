"""A bounded reader of Excel workbooks (.xlsx): the sheets' names, and one sheet's rows.

An xlsx is a zip archive of XML parts. Before any part is read, the archive's part count and
their unpacked sizes are checked against ``limits`` (a zip bomb of 400 KB can unpack to
gigabytes), and a part is never read beyond its stated size (``zipfile`` stops there and
checks the checksum). Rows are streamed from the sheet's XML and placed by their own cell
references: the sheet's declared dimension (``A1:XFD1048576`` costs nothing to claim) is
never read. A cell holding a value beyond ``MAX_COLUMNS`` stops the reading, as do more rows
than ``MAX_ROWS``; empty cells and rows are passed over.

Values come as a spreadsheet shows them after the last calculation: a formula gives its
cached result, shared and inline strings their text (phonetic runs left out), numbers a
float (whole ones an int), booleans a bool and error values their text (``#DIV/0!``).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, TypeVar
from xml.etree import ElementTree

from db.errors import ValidationFailed
from services.values_io import limits
from services.values_io.decode import GARBAGE, unreadable

Cell = str | int | float | None
T = TypeVar("T")
_WHOLE = re.compile(r"[+-]?\d{1,15}")
_REFERENCE = re.compile(r"([A-Za-z]{1,3})(\d*)")
BROKEN = (
    "Excel-filen er beskadiget eller ikke en rigtig .xlsx-fil ({part}). Åbn den i Excel, og "
    "gem den igen som Excel-projektmappe (.xlsx), eller gem arket som »CSV UTF-8«."
)
#: Errors a damaged or hostile archive can raise while it is read.
READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
    KeyError,
    ValueError,
    IndexError,
    EOFError,
    OSError,
    # Also an encrypted part, and a part packed by a compression method zipfile does not
    # know (zipfile raises a subclass of RuntimeError for it): a crafted or exotic file.
    RuntimeError,
)


@dataclass(frozen=True)
class Sheet:
    name: str
    part: str


class Workbook:
    """The sheets of ``data`` in their order, and their rows on demand."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            parts = self._zip.infolist()
        except READ_ERRORS as exc:
            raise unreadable(name, GARBAGE) from exc
        if len(parts) > limits.MAX_XLSX_PARTS:
            raise unreadable(name, limits.too_many_parts(len(parts)))
        unpacked = sum(info.file_size for info in parts)
        if unpacked > limits.MAX_XLSX_UNPACKED_BYTES:
            raise unreadable(name, limits.unpacks_too_large(unpacked))
        self.sheets, self._strings_part = self._guarded("workbook.xml", self._structure)
        self._strings: list[str] | None = None

    def rows(self, sheet: Sheet) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, cells from column A) of every row holding a value, in order."""
        if self._strings is None:
            self._strings = self._guarded("sharedStrings.xml", self._shared_strings)
        reader = self._rows(sheet.part, self._strings)
        while True:
            found = self._guarded(posixpath.basename(sheet.part), lambda: next(reader, None))
            if found is None:
                return
            yield found

    def _guarded(self, part: str, read: Callable[[], T]) -> T:
        try:
            return read()
        except ValidationFailed:
            raise
        except READ_ERRORS as exc:
            raise unreadable(self.name, BROKEN.format(part=part)) from exc

    def _structure(self) -> tuple[tuple[Sheet, ...], str | None]:
        package = _relationships(self._zip, "")
        book = _target_of_type(package, "/officeDocument") or "xl/workbook.xml"
        targets = _relationships(self._zip, book)
        sheets = []
        for element in ElementTree.fromstring(self._zip.read(book)).iter():
            if _local(element.tag) == "sheet":
                ref = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
                if ref in targets:
                    sheets.append(Sheet(element.get("name", ""), targets[ref][1]))
        if not sheets:
            raise KeyError("no sheets")
        return tuple(sheets), _target_of_type(targets, "/sharedStrings")

    def _shared_strings(self) -> list[str]:
        if self._strings_part is None or self._strings_part not in self._zip.namelist():
            return []
        strings: list[str] = []
        with self._zip.open(self._strings_part) as source:
            for _event, element in ElementTree.iterparse(source):
                if _local(element.tag) == "si":
                    strings.append(_text(element))
                    element.clear()
        return strings

    def _rows(self, part: str, strings: list[str]) -> Iterator[tuple[int, list[Cell]]]:
        seen = 0
        number = 0
        with self._zip.open(part) as source:
            for row in _row_elements(source):
                seen += 1
                number = _int(row.get("r"), number + 1)
                cells = _cells(row, number, strings, self.name)
                row.clear()
                if seen > 2 * limits.MAX_ROWS:  # empty rows cost reading too
                    raise unreadable(self.name, limits.too_many_rows())
                if cells:
                    yield number, cells


def _row_elements(source: IO[bytes]) -> Iterator[ElementTree.Element]:
    """Each ``row`` element once complete; the caller clears it (a cleared row costs ~70 bytes,
    and rows are bounded)."""
    for _event, element in ElementTree.iterparse(source, events=("end",)):
        if element.tag.endswith("}row") or element.tag == "row":
            yield element


def _cells(row: ElementTree.Element, number: int, strings: list[str], name: str) -> list[Cell]:
    values: dict[int, Cell] = {}
    column = 0
    for cell in row:
        if _local(cell.tag) != "c":
            continue
        column = _column(cell.get("r"), column + 1)
        value = _value(cell, strings)
        if value is None or value == "":
            continue
        if column > limits.MAX_COLUMNS:
            raise unreadable(name, limits.too_many_columns(number, column))
        values[column] = value
    if not values:
        return []
    return [values.get(c) for c in range(1, max(values) + 1)]


def _value(cell: ElementTree.Element, strings: list[str]) -> Cell:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = next((c for c in cell if _local(c.tag) == "is"), None)
        return _text(inline) if inline is not None else None
    raw = next((c.text for c in cell if _local(c.tag) == "v"), None)
    if raw is None:
        return None
    if kind == "s":
        return strings[int(raw)]
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind in ("str", "e", "d"):
        return raw
    text = raw.strip()
    if _WHOLE.fullmatch(text):
        return int(text)
    try:
        return float(text)
    except ValueError:
        return text


def _text(element: ElementTree.Element) -> str:
    """The text of a string item: its ``t`` elements, phonetic runs (``rPh``) left out."""
    parts: list[str] = []

    def walk(node: ElementTree.Element) -> None:
        for child in node:
            name = _local(child.tag)
            if name == "t":
                parts.append(child.text or "")
            elif name != "rPh":
                walk(child)

    walk(element)
    return "".join(parts)


Relationships = dict[str, tuple[str, str]]


def _relationships(archive: zipfile.ZipFile, owner: str) -> Relationships:
    """Id → (type, part name) of the relationships of ``owner`` ("" for the package)."""
    folder = posixpath.dirname(owner)
    rels = posixpath.join(folder, "_rels", posixpath.basename(owner) + ".rels")
    if rels not in archive.namelist():
        return {}
    found: Relationships = {}
    for element in ElementTree.fromstring(archive.read(rels)).iter():
        if _local(element.tag) == "Relationship":
            target = element.get("Target", "")
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            found[element.get("Id", "")] = (element.get("Type", ""), part)
    return found


def _target_of_type(relationships: Relationships, suffix: str) -> str | None:
    return next((part for kind, part in relationships.values() if kind.endswith(suffix)), None)


def _column(reference: str | None, default: int) -> int:
    match = _REFERENCE.fullmatch(reference or "")
    if match is None:
        return default
    number = 0
    for letter in match.group(1).upper():
        number = number * 26 + ord(letter) - 64
    return number


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isascii() and text.isdigit() and len(text) < 9 else default


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
