"""Numbers as users read them (Danish) and as files carry them (comma dialect)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contracts import danish, wording
from contracts.reported import NPS_PARTS

#: What a file's ``værdi`` column takes, after the kind's name in the one wording.
INPUT_HINTS: dict[str, str] = {
    "percentage": "(0-100)",
    "nps": "(-100 til 100)",
    "milestone": "(1 = nået, 0 = ikke nået)",
    "assessment": "(1 = opfyldt, 0 = ikke opfyldt)",
    "coverage": "(pr. kommune)",
    "spread": "(beregnes; skriv kun en kommentar)",
}
KIND_LABELS: dict[str, str] = {
    kind: f"{label} {INPUT_HINTS[kind]}" if kind in INPUT_HINTS else label
    for kind, label in wording.KIND_LABELS.items()
}


def danish_number(number: float) -> str:
    """``1680.0`` → ``1.680``, ``50.5`` → ``50,5``, unrounded (``contracts.danish.exact``)."""
    return danish.exact(number)


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
        parts = (given[f] for f in NPS_PARTS)
        return "/".join(danish_number(p) for p in parts) + " (NPS)"
    if "value" in given:
        return danish_number(given["value"])
    return "tom"
