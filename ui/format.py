"""Danish formats for the pages, on top of ``metrics.format`` (1.680; 50,5 %; 31. marts 2022).

A target's own number is shown as written, unrounded up to ``max_decimals`` with trailing
zeros dropped (113,4 not 113,40), unless fixed decimals are asked for (a factor: 2,50).
"""

from __future__ import annotations

from metrics.format import MISSING, fmt_date, fmt_number

__all__ = ["MISSING", "date", "join_and", "number", "percent", "signed"]

date = fmt_date


def number(value: float | None, *, decimals: int | None = None, max_decimals: int = 2) -> str:
    """``1680`` → ``"1.680"``, ``2.5`` with ``decimals=2`` → ``"2,50"``, ``113.4`` → ``"113,4"``."""
    if decimals is not None:
        return fmt_number(value, decimals)
    text = fmt_number(value, max_decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return "0" if text == "-0" else text


def percent(value: float | None, *, decimals: int | None = None) -> str:
    """``50.5`` → ``"50,5 %"`` (a share already in percent)."""
    text = number(value, decimals=decimals, max_decimals=1)
    return text if text == MISSING else f"{text} %"


def signed(value: float, *, max_decimals: int = 2) -> str:
    """``5`` → ``"+5"``, ``-3.5`` → ``"-3,5"``."""
    text = number(value, max_decimals=max_decimals)
    return f"+{text}" if value > 0 else text


def join_and(items: list[str]) -> str:
    """``["a", "b", "c"]`` → ``"a, b og c"``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"
