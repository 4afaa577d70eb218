"""Numbers as users read them (Danish) and as files carry them (comma dialect)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PERIOD_LABELS: dict[str, str] = {"H1": "1. halvår", "FY": "helår"}

KIND_LABELS: dict[str, str] = {
    "count": "antal",
    "amount": "beløb",
    "percentage": "procent (0-100)",
    "nps": "NPS (-100 til 100)",
    "ratio": "faktor",
    "level": "niveau",
    "change_pp": "ændring i procentpoint",
    "change_relative": "relativ ændring",
    "range": "interval",
    "milestone": "milepæl (1 = nået, 0 = ikke nået)",
    "assessment": "vurdering (1 = opfyldt, 0 = ikke opfyldt)",
    "coverage": "dækning pr. kommune",
    "spread": "spredning",
}


def danish_number(number: float) -> str:
    """``1680.0`` → ``1.680``, ``50.5`` → ``50,5``, unrounded."""
    sign = "-" if number < 0 else ""
    text = plain_number(abs(number))
    whole, _, fraction = text.partition(".")
    if "e" in text:
        return sign + text.replace(".", ",")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


def plain_number(number: float) -> str:
    """The shortest text that reads back as the same float: ``470``, ``2.4``, ``-3.5``."""
    if number.is_integer() and abs(number) < 1e16:
        return str(int(number))
    return repr(number)


def describe_numbers(numbers: Mapping[str, Any]) -> str:
    """``140/251``, ``61/25/9 (NPS)``, ``470``, in Danish number format; ``tom`` for none."""
    given = {k: v for k, v in numbers.items() if v is not None and v == v}  # v == v: not NaN
    if "numerator" in given:
        return f"{danish_number(given['numerator'])}/{danish_number(given['denominator'])}"
    if "promoters" in given:
        parts = (given[f] for f in ("promoters", "passives", "detractors"))
        return "/".join(danish_number(p) for p in parts) + " (NPS)"
    if "value" in given:
        return danish_number(given["value"])
    return "tom"
