"""The rules for text a user hands us and text we hand to a spreadsheet (docs/import-format.md).

``clean_text`` is the one door for a comment, typed in the form (``services/entry.py``) or
read from a file (``services/values_io/validate.py``): line breaks of every kind become
``\\n`` (a vertical tab is Word's line break), and any other control character is refused with
a Danish reason; a spreadsheet cannot hold them, and nobody means to type them. A comment
holds at most ``MAX_TEXT_LENGTH`` characters (an Excel cell would cut a longer one). A comment
holds at most ``MAX_TEXT_LENGTH`` characters.

``formula_guarded`` / ``formula_unguarded`` keep text from running as a formula when a CSV
export is opened in a spreadsheet: text starting with ``= + - @``, tab or carriage return gets
a leading ``'``, which an import removes again (text that already starts with ``'`` before
such a character gets one more, so every text comes back exactly as it was).

``shown`` is how a cell appears inside a message: shortened, control characters made visible.
"""

from __future__ import annotations

import re

#: Line breaks as Word, Excel, old Macs and Unicode write them; all stored as "\n".
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
#: What no text may hold: C0 and C1 controls but tab and newline, DEL, lone surrogates and
#: the two non-characters XML forbids.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = re.compile("^'*[=+\\-@\t\r]")
SHOWN_LENGTH = 40
#: Characters in a comment: a long explanation fits, and an Excel cell (32.767) holds it.
MAX_TEXT_LENGTH = 10_000


def clean_text(text: str) -> str:
    """``text`` with its line breaks as "\\n"; ValueError (Danish) on a control character or
    on more than ``MAX_TEXT_LENGTH`` characters."""
    if len(text) > MAX_TEXT_LENGTH:
        raise ValueError(
            f"er {_thousands(len(text))} tegn lang; højst {_thousands(MAX_TEXT_LENGTH)} tegn"
        )
    normalised = _LINE_BREAKS.sub("\n", text)
    found = _FORBIDDEN.search(normalised)
    if found:
        raise ValueError(
            f"indeholder et usynligt styretegn ({_code(found.group())}) efter "
            f"'{shown(normalised[: found.start()], tail=True)}'; slet det, og skriv teksten igen"
        )
    return normalised


def export_text(text: str) -> str:
    """Text stored before ``clean_text`` guarded the door, made safe for a spreadsheet."""
    return _FORBIDDEN.sub("\ufffd", _LINE_BREAKS.sub("\n", text))


def formula_guarded(text: str) -> str:
    """``=SUM(A1)`` → ``'=SUM(A1)``; ``-3`` as text → ``'-3``; other text unchanged."""
    return "'" + text if _FORMULA_START.match(text) else text


def formula_unguarded(text: str) -> str:
    """The reverse of :func:`formula_guarded`: one leading ``'`` before a formula start goes."""
    return text[1:] if text.startswith("'") and _FORMULA_START.match(text[1:]) else text


def is_formula_like(text: str) -> bool:
    return bool(_FORMULA_START.match(text))


def shown(text: str, *, tail: bool = False) -> str:
    """At most 40 characters of ``text`` (its end with ``tail``), controls as ``U+000B``."""
    visible = _FORBIDDEN.sub(lambda m: f"[{_code(m.group())}]", text.replace("\n", " "))
    visible = _LINE_BREAKS.sub(" ", visible)
    if len(visible) <= SHOWN_LENGTH:
        return visible
    if tail:
        return "…" + visible[-(SHOWN_LENGTH - 1) :]
    return visible[: SHOWN_LENGTH - 1] + "…"


def _thousands(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"
