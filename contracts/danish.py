"""Danish formats for everything a person reads: numbers, percents, amounts, dates, times,
periods, lists and counted units. Built on Babel with the locale ``da_DK``.

The rules (``docs/wording.md``):

- Thousands are grouped with ``.`` and decimals follow ``,``: 1.680; 50,5; 1.234.567,89.
- One rounding rule, :func:`rounded`: half away from zero on the number as written
  (0,05 → 0,1; 2,675 → 2,68), and a number that rounds to zero has no sign (-0,04 → 0,0).
- A missing number is "–".
- A percent is written with a space before the sign: 50,5 %.
- A moment is shown in one time zone, Europe/Copenhagen, in one format:
  "23. november 2026 kl. 14.40". Stored moments without a zone are UTC.
- A period reads "1. halvår 2026" or "helår 2026"; at the start of a heading, label, option,
  cell or sentence the first letter is a capital ("Helår 2026"): ``capital=True``.
- A counted unit agrees with its number: "1 koordinering", "4 koordineringer".
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.numbers import format_decimal

LOCALE = "da_DK"
TIME_ZONE = ZoneInfo("Europe/Copenhagen")
MISSING = "–"
DATE_FORMAT = "d. MMMM y"
DATE_TIME_FORMAT = "d. MMMM y 'kl.' HH.mm"
PERIOD_NAMES: dict[str, str] = {"H1": "1. halvår", "FY": "helår"}
AMOUNT_UNIT = "mio. kr."


def is_missing(value: float | None) -> bool:
    """None, NaN (and pandas' missing values, which are NaN floats)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def rounded(value: float, decimals: int) -> Decimal:
    """THE rounding rule: half away from zero, on the shortest decimal that reads back as
    ``value`` (so 0.05 is 0,05, not 0,0500000000000000027); zero carries no sign."""
    exact = Decimal(repr(float(value)))
    with localcontext() as context:
        context.rounding = ROUND_HALF_UP
        result = exact.quantize(Decimal(1).scaleb(-decimals))
    return abs(result) if result == 0 else result


def number(value: float | None, decimals: int | None = None, *, max_decimals: int = 2) -> str:
    """A number in Danish. ``decimals`` fixes the decimals shown (2,50); without it the number
    is shown as written, rounded to ``max_decimals`` with trailing zeros dropped (113,4).

    ``1680`` → "1.680", ``50.5`` → "50,5", ``-0.04`` with ``decimals=1`` → "0,0".
    """
    if is_missing(value):
        return MISSING
    assert value is not None
    if math.isinf(value):
        return MISSING
    places = max_decimals if decimals is None else decimals
    fraction = ("0" if decimals is not None else "#") * places
    pattern = "#,##0" + (f".{fraction}" if places else "")
    return format_decimal(rounded(value, places), format=pattern, locale=LOCALE)


def exact(value: float) -> str:
    """Every decimal the number has, unrounded (what a person edits and saves again):
    ``1680.0`` → "1.680", ``0.1234567`` → "0,1234567"."""
    text = format_decimal(
        Decimal(repr(float(value))), format="#,##0.###", locale=LOCALE, decimal_quantization=False
    )
    return "0" if text == "-0" else text


def percent(value: float | None, decimals: int | None = None, *, max_decimals: int = 1) -> str:
    """A share already in percent: ``50.5`` → "50,5 %", ``56`` with ``decimals=1`` → "56,0 %"."""
    text = number(value, decimals, max_decimals=max_decimals)
    return text if text == MISSING else f"{text} %"


def amount(value: float | None, decimals: int | None = None) -> str:
    """Millions of kroner: ``27`` → "27 mio. kr.", ``27.25`` → "27,3 mio. kr."."""
    text = number(value, decimals, max_decimals=1)
    return text if text == MISSING else f"{text} {AMOUNT_UNIT}"


def counted(text: str, singular: str | None, plural: str | None) -> str:
    """A formatted number with its unit in the form the number asks for: "1 koordinering",
    "4 koordineringer", "1,5 koordineringer". ``singular`` None: the unit reads the same."""
    if not plural or text == MISSING:
        return text
    one = text.lstrip("-+") == "1"
    return f"{text} {singular if one and singular else plural}"


def date(day: dt.date | None) -> str:
    """``date(2021, 10, 13)`` → "13. oktober 2021"."""
    if day is None:
        return MISSING
    return format_date(day, DATE_FORMAT, locale=LOCALE)


def local(moment: dt.datetime) -> dt.datetime:
    """The moment in Danish time; a moment without a zone is UTC (as the store keeps it)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(TIME_ZONE)


def date_time(moment: dt.datetime | None) -> str:
    """The one format of a moment, in Danish time: "23. november 2026 kl. 14.40"."""
    if moment is None:
        return MISSING
    return format_datetime(local(moment), DATE_TIME_FORMAT, tzinfo=TIME_ZONE, locale=LOCALE)


def local_date(moment: dt.datetime | None) -> str:
    """The day of a moment in Danish time: "23. november 2026"."""
    return MISSING if moment is None else date(local(moment).date())


def capitalised(text: str) -> str:
    """The first letter as a capital, the rest unchanged ("helår 2026" → "Helår 2026")."""
    return text[:1].upper() + text[1:]


def period_label(period: str, year: int | None = None, *, capital: bool = False) -> str:
    """``("H1", 2026)`` → "1. halvår 2026", ``("FY", 2026)`` → "helår 2026";
    ``capital=True`` where the label begins a heading, option, cell or sentence."""
    name = PERIOD_NAMES.get(period, period)
    text = name if year is None else f"{name} {year}"
    return capitalised(text) if capital else text


def join(items: Iterable[str], style: Literal["standard", "or"] = "standard") -> str:
    """``["a", "b", "c"]`` → "a, b og c"; ``style="or"`` → "a, b eller c"."""
    listed = list(items)
    return format_list(listed, style=style, locale=LOCALE) if listed else ""
