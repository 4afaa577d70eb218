"""Help in Danish for a number typed another way (docs/entry.md "Numbers").

The form reads numbers the Danish way, like Danish Excel: ``1.680`` is one thousand six
hundred and eighty, ``50,5`` is fifty and a half. A person used to English notation types
``50.5`` or ``1,680``; rather than a bare "not a number" (or a silently wrong 1,68) the form
says what it read and what was probably meant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from contracts import danish
from services.entry_form import TargetForm
from services.entry_table import NUMBER_COLUMNS, kommune_name
from services.values_io.parse import parse_number

#: Kinds whose numbers are whole (``1,680`` there is surely 1.680) and kinds whose numbers are
#: small (``2.500`` there is surely 2,5).
WHOLE_KINDS = frozenset({"count", "coverage"})
SMALL_KINDS = frozenset({"percentage", "change_pp", "nps", "ratio", "level"})

_POINT_DECIMAL = re.compile(r"[+-]?\d+\.\d+")
_DANISH_GROUPS = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")
_COMMA_GROUPS = re.compile(r"[+-]?\d{1,3}(,\d{3})+")
_ENGLISH_FULL = re.compile(r"[+-]?\d{1,3}(,\d{3})+\.\d+")
_SPACED = re.compile(r"[+-]?\d{1,3}( \d{3})+(,\d+)?")


def number_hint(text: str, *, whole: bool = False, thousands_unlikely: bool = False) -> str | None:
    """What to say about ``text`` typed in a number field, or None when it reads plainly.

    ``whole``: the field takes a whole number (a count), so ``1,680`` is surely 1.680.
    ``thousands_unlikely``: the field's numbers are small (a share, an NPS, a factor), so
    ``2.500`` is surely 2,5."""
    typed = text.strip()
    if _ENGLISH_FULL.fullmatch(typed):
        meant = typed.replace(",", "").replace(".", ",")
        return f"brug punktum mellem tusinder og komma før decimaler: {_grouped(meant)}"
    if _POINT_DECIMAL.fullmatch(typed) and not _DANISH_GROUPS.fullmatch(typed):
        return f"brug komma: {typed.replace('.', ',')}"
    if whole and _COMMA_GROUPS.fullmatch(typed):
        meant = typed.replace(",", ".")
        if typed.count(",") > 1:
            return f"brug punktum mellem tusinder: {meant}"
        return f"»{typed}« læses som {danish.exact(_read(typed))} – mente du {meant}?"
    if thousands_unlikely and _DANISH_GROUPS.fullmatch(typed):
        meant = danish.exact(_read(typed.replace(".", ",", 1).replace(".", "")))
        return (
            f"»{typed}« læses som {danish.exact(_read(typed))} (punktum skiller tusinder) – "
            f"mente du {meant}?"
        )
    if _SPACED.fullmatch(typed):
        return f"skriv uden mellemrum: {typed.replace(' ', '.')}"
    return None


def _read(text: str) -> float:
    number = parse_number(text, "semikolon")
    assert number is not None  # only called on texts matched as numbers
    return number


def _grouped(text: str) -> str:
    """``1680,5`` → ``1.680,5``: thousands grouped the Danish way, decimals kept."""
    whole, _, decimals = text.partition(",")
    sign = whole[:1] if whole[:1] in "+-" else ""
    digits = whole[len(sign) :]
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + ".".join(groups) + (f",{decimals}" if decimals else "")


def read_number(
    text: str, *, whole: bool = False, thousands_unlikely: bool = False
) -> tuple[float | None, str | None]:
    """The number in ``text`` (None when empty) and a Danish problem or hint about it.

    A text that is no number gives (None, the reason with the hint where there is one); a
    number that was probably meant otherwise gives (the number, the hint)."""
    hint = number_hint(text, whole=whole, thousands_unlikely=thousands_unlikely)
    try:
        number = parse_number(text, "semikolon")
    except ValueError as exc:
        return None, f"{exc}; {hint}" if hint else str(exc)
    return number, hint


def kind_hint(kind: str, text: str) -> str | None:
    """``number_hint`` for a number of a target of ``kind``."""
    return number_hint(text, whole=kind in WHOLE_KINDS, thousands_unlikely=kind in SMALL_KINDS)


def form_hints(form: TargetForm, cells: Mapping[tuple[str, str], Mapping[str, str]]) -> list[str]:
    """Help for each number of ``form`` typed another way: ``Andel i %: brug komma: 50,5``;
    a kommune row's help names its kommune."""
    hints = []
    for (key, kommune), texts in cells.items():
        if key != form.key:
            continue
        for field in form.fields:
            if field.column not in NUMBER_COLUMNS:
                continue
            hint = kind_hint(form.kind, texts.get(field.column, ""))
            if hint:
                where = f"{kommune_name(kommune)}, " if kommune else ""
                hints.append(f"{where}{field.label}: {hint}")
    return hints
