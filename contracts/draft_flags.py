"""What a drafter should look at in a draft, each with the text offered instead where one fits.

- a text that names the base contract's year (``year_in_text``), with the year corrected;
- a target whose sentence still states its old number (``old_number_in_text``);
- a target measured only in years before or after the contract year (``measured_before``,
  ``measured_after``): such years are fixed, so they are kept and pointed out.

Flags never change the draft; accepting a correction is the drafter's act (docs/drafting.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from contracts import danish
from contracts.draft import Place, shift_year, target_years, texts
from contracts.models import Contract

FlagKind = Literal["year_in_text", "old_number_in_text", "measured_before", "measured_after"]


@dataclass(frozen=True)
class Flag:
    """Something the drafter should look at; ``corrected`` is the text offered instead."""

    kind: FlagKind
    place: Place
    message: str
    text: str | None = None
    corrected: str | None = None


def flags(draft: Contract, base: Contract | None = None) -> list[Flag]:
    """Every flag of ``draft``; the year and number flags need the base it was built on."""
    found: list[Flag] = []
    if base is not None:
        numbers = {flag.place: flag for flag in number_flags(draft, base)}
        for flag in year_flags(draft, base.year):
            number = numbers.pop(flag.place, None)
            found.append(flag if number is None else _both(number, flag, base.year, draft))
        found += numbers.values()
    return found + timing_flags(draft)


def _both(number: Flag, year: Flag, base_year: int, draft: Contract) -> Flag:
    """One flag for a sentence with both the old number and the base year: both corrected."""
    target = draft.target(number.place.id)
    keep = target_years(target) if target is not None else frozenset()
    corrected = shift_year(number.corrected or "", base_year, draft.year, keep)
    message = f"{number.message}, og den nævner {base_year}"
    return Flag("old_number_in_text", number.place, message, number.text, corrected)


def year_flags(draft: Contract, base_year: int) -> list[Flag]:
    """Texts of ``draft`` that still name the base year, each with the corrected text."""
    found = []
    names = {target.key: target.name for _goal, target in draft.targets()}
    for place, text, keep in texts(draft):
        corrected = shift_year(text, base_year, draft.year, keep)
        if corrected != text:
            message = (
                f"{_capital(place.label(names))} nævner {base_year}, året for kontrakten, "
                "udkastet bygger på"
            )
            found.append(Flag("year_in_text", place, message, text, corrected))
    return found


def _written(value: float) -> list[str]:
    """How a number may stand in a Danish sentence: ``1.680``; ``2,5`` or ``2,50``."""
    forms = [danish.exact(value)]
    if not float(value).is_integer():
        forms.append(f"{value:.2f}".replace(".", ","))
    return forms


def _replace_number(text: str, old: float, new: float) -> str | None:
    for form in _written(old):
        pattern = re.compile(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)")
        if pattern.search(text):
            decimals = len(form.partition(",")[2])
            shown = (
                danish.exact(new)
                if decimals == 0 or new.is_integer()
                else (f"{new:.{decimals}f}".replace(".", ","))
            )
            return pattern.sub(shown, text, count=1)
    return None


def number_flags(draft: Contract, base: Contract) -> list[Flag]:
    """Targets whose number changed while their sentence still states the old one."""
    found = []
    for _goal, target in draft.targets():
        old = base.target(target.key)
        if old is None or old.value is None or target.value is None or old.value == target.value:
            continue
        corrected = _replace_number(target.text, old.value, target.value)
        if corrected is None or corrected == target.text:
            continue
        message = (
            f"{target.name}: ordlyden nævner stadig det gamle måltal "
            f"{danish.exact(old.value)}; det nye er {danish.exact(target.value)}"
        )
        place = Place("target", target.key, "text")
        found.append(Flag("old_number_in_text", place, message, target.text, corrected))
    return found


def timing_flags(draft: Contract) -> list[Flag]:
    """Targets measured only in years other than the contract year (kept, not moved)."""
    found = []
    for _goal, target in draft.targets():
        years = sorted(target.measured.years or ())
        if not years or draft.year in years:
            continue
        shown = " og ".join(str(y) for y in years)
        place = Place("target", target.key, "measured")
        if years[-1] < draft.year:
            message = (
                f"{target.name} måles kun i {shown}, før kontraktåret {draft.year}: det vises "
                "som målt tidligere. Fjern måltallet, eller behold det med en begrundelse."
            )
            found.append(Flag("measured_before", place, message))
        else:
            message = (
                f"{target.name} måles først i {shown}, efter kontraktåret {draft.year}: "
                "det vises som måles senere."
            )
            found.append(Flag("measured_after", place, message))
    return found


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
