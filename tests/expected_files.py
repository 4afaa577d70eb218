"""Committed expected outputs (``tests/files/expected/``): a test compares what the code makes
now with the file, so a drift of any kind (a timestamp, an order, a format) fails every time,
not only when two calls happen to fall in different seconds.

After an intended change, regenerate the files and review their diff before committing:

    UPDATE_EXPECTED=1 .venv/bin/python -m pytest tests/test_export_roundtrip.py \
        tests/test_template_roundtrip.py

CSV is compared byte for byte. An xlsx workbook is compared as a zip: the same members in the
same order with the same zip times, and each member the same XML document (tags, attributes
and text). Only how the XML is spelled may differ (namespace prefixes, ``å`` or ``&#229;``):
openpyxl spells it differently when lxml is installed, and that is no change of the file.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

EXPECTED_DIR = Path(__file__).parent / "files" / "expected"
REGENERATE = (
    "UPDATE_EXPECTED=1 .venv/bin/python -m pytest tests/test_export_roundtrip.py "
    "tests/test_template_roundtrip.py"
)


def assert_matches_expected(data: bytes, name: str) -> None:
    """``data`` is the committed ``tests/files/expected/<name>``; with ``UPDATE_EXPECTED=1``
    it becomes it."""
    path = EXPECTED_DIR / name
    if os.environ.get("UPDATE_EXPECTED") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    hint = f"{path.name} passer ikke med koden: kør '{REGENERATE}', se diffen, og commit filen"
    assert path.exists(), hint
    expected = path.read_bytes()
    if name.endswith(".xlsx"):
        assert workbook_content(data) == workbook_content(expected), hint
    else:
        assert data == expected, hint


def workbook_content(data: bytes) -> list[tuple[str, tuple[int, ...], int, Any]]:
    """Each zip member: name, zip time, compression and its XML as a tree."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return [
        (
            info.filename,
            info.date_time,
            info.compress_type,
            _tree(ElementTree.fromstring(archive.read(info.filename))),
        )
        for info in archive.infolist()
    ]


def _tree(element: ElementTree.Element) -> tuple[Any, ...]:
    def text(value: str | None) -> str:
        return value if value and value.strip() else ""

    return (
        element.tag,
        sorted(element.attrib.items()),
        text(element.text),
        [_tree(child) for child in element],
        text(element.tail),
    )
