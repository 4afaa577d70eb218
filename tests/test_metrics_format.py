"""Danish number, date and period formats."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from metrics.format import fmt_date, fmt_number, fmt_percent, fmt_value, period_label


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1680, 0, "1.680"),
        (50.5, 1, "50,5"),
        (1234567.891, 2, "1.234.567,89"),
        (-3, 0, "-3"),
        (0, 0, "0"),
        (None, 0, "–"),
        (math.nan, 1, "–"),
    ],
)
def test_fmt_number(value: float | None, decimals: int, text: str) -> None:
    assert fmt_number(value, decimals=decimals) == text


def test_fmt_percent() -> None:
    assert (fmt_percent(50.5), fmt_percent(57, 0), fmt_percent(None)) == ("50,5 %", "57 %", "–")


@pytest.mark.parametrize(
    ("kind", "value", "unit", "text"),
    [
        ("count", 1680, "forløb", "1.680 forløb"),
        ("amount", 27.25, "mio. kr.", "27,2 mio. kr."),
        ("percentage", 55.77689, "%", "55,8 %"),
        ("percentage", 57.0, None, "57 %"),
        ("nps", 54.7368, None, "55"),
        ("ratio", 2.5, "faktor", "2,50 faktor"),
        ("change_pp", 39, "procentpoint", "39 %"),
        ("change_relative", 113.4, "%", "113,4"),
        ("spread", 4.25, None, "4,2 pct.-point"),
        ("milestone", 1, None, "Ja"),
        ("assessment", 0, None, "Nej"),
        ("count", None, "forløb", "–"),
    ],
)
def test_fmt_value_per_kind(kind: str, value: float | None, unit: str | None, text: str) -> None:
    assert fmt_value(kind, value, unit) == text


@pytest.mark.parametrize(
    ("period", "year", "text"), [("H1", 2026, "1. halvår 2026"), ("FY", 2026, "Helår 2026")]
)
def test_period_label(period: str, year: int, text: str) -> None:
    assert period_label(period, year) == text


def test_fmt_date() -> None:
    assert fmt_date(dt.date(2025, 10, 24)) == "24. oktober 2025"
    assert fmt_date(dt.date(2021, 3, 1)) == "1. marts 2021"
