"""Bytes of a CSV file → text, by the encoding rules of docs/import-format.md.

UTF-8 (with or without BOM) when the bytes are valid UTF-8. Bytes that hold valid multi-byte
UTF-8 and also invalid bytes are neither: the text is decoded with the bad bytes kept aside
(``surrogateescape``) and the reader refuses the first row holding one, by row and column
(``bad_byte_problem``), rather than guess cp1252 and store "StÃ¸rre". Otherwise (plain ASCII
with single high bytes, as Danish Excel's "CSV (semikolonsepareret)" writes) cp1252.

Files that are not CSV text at all get a message saying what they are: UTF-16 ("Unicode-
tekst"), Excel's old .xls format (or a password-protected workbook), binary data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.errors import ValidationFailed
from services.values_io.text import shown

GARBAGE = "Filen er hverken en CSV-fil eller et Excel-ark (.xlsx)."
UTF16 = (
    "Filen er gemt som UTF-16 (i Excel: »Unicode-tekst«), som importen ikke læser. Gem den "
    "som »CSV UTF-8 (kommasepareret)« eller som Excel-projektmappe (.xlsx)."
)
OLD_EXCEL = (
    "Filen er i Excels gamle format (.xls) eller beskyttet med adgangskode. Gem den som "
    "Excel-projektmappe (.xlsx) uden adgangskode eller som »CSV UTF-8«."
)
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: One well-formed UTF-8 sequence of two to four bytes.
_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_KEPT_ASIDE = re.compile("[\udc80-\udcff]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    #: True when invalid bytes sit among valid UTF-8: the reader refuses their first row.
    mixed: bool = False


def unreadable(name: str, problem: str) -> ValidationFailed:
    return ValidationFailed(f"Filen '{name}' kan ikke importeres.", [problem])


def decode(data: bytes, name: str) -> Decoded:
    if data.startswith(_OLE_SIGNATURE):
        raise unreadable(name, OLD_EXCEL)
    if data.startswith(_UTF16_BOMS) or _looks_utf16(data):
        raise unreadable(name, UTF16)
    if b"\x00" in data:
        raise unreadable(name, GARBAGE)
    try:
        decoded = Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        if _MULTIBYTE.search(data):
            body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
            decoded = Decoded(body.decode("utf-8", "surrogateescape"), mixed=True)
        else:
            try:
                decoded = Decoded(data.decode("cp1252"))
            except UnicodeDecodeError as exc:  # the five bytes cp1252 leaves undefined
                raise unreadable(name, GARBAGE) from exc
    controls = len(_CONTROLS.findall(decoded.text, 0, 100_000))
    if controls > 8 and controls * 100 > min(len(decoded.text), 100_000):
        raise unreadable(name, GARBAGE)  # binary data, not text with a stray control
    return decoded


def bad_byte(cell: str) -> int | None:
    """Where ``cell`` holds a byte kept aside by ``surrogateescape``, or None."""
    found = _KEPT_ASIDE.search(cell)
    return found.start() if found else None


def bad_byte_problem(cell: str, at: int) -> str:
    byte = ord(cell[at]) - 0xDC00
    before = _KEPT_ASIDE.sub("?", cell[:at])
    return (
        f"filen er gemt som UTF-8, men her står en byte, der ikke er gyldig UTF-8 "
        f"({byte:02X} efter '{shown(before, tail=True)}'). Ret tegnet, og gem filen som "
        "»CSV UTF-8«; intet er gættet"
    )


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: text whose every other byte is zero."""
    head = data[:1000]
    if len(head) < 4 or b"\x00" not in head:
        return False
    even, odd = head[0::2], head[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.4
