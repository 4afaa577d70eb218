"""Numbers as users read them (Danish) and as files carry them (comma dialect)."""

from __future__ import annotations

from contracts import danish

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
    """``1680.0`` → ``1.680``, ``50.5`` → ``50,5``, unrounded (``contracts.danish.exact``)."""
    return danish.exact(number)


def plain_number(number: float) -> str:
    """The shortest text that reads back as the same float: ``470``, ``2.4``, ``-3.5``."""
    if number.is_integer() and abs(number) < 1e16:
        return str(int(number))
    return repr(number)
