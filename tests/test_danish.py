"""Danish formats (contracts.danish): numbers, the rounding rule, dates, one time zone,
periods, lists and counted units."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from contracts import danish


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1680, None, "1.680"),
        (1680.0, None, "1.680"),
        (50.5, 1, "50,5"),
        (113.4, None, "113,4"),
        (2.5, 2, "2,50"),
        (1234567.891, None, "1.234.567,89"),
        (-3, None, "-3"),
        (-3.5, None, "-3,5"),
        (0, 0, "0"),
        (None, 0, "–"),
        (math.nan, 1, "–"),
        (math.inf, 1, "–"),
    ],
)
def test_numbers_group_thousands_with_a_dot_and_decimals_with_a_comma(
    value: float | None, decimals: int | None, text: str
) -> None:
    assert danish.number(value, decimals) == text


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (-0.04, 1, "0,0"),  # never "-0,0"
        (-0.4, 0, "0"),
        (-0.0, 2, "0,00"),
        (0.05, 1, "0,1"),  # half away from zero, on the number as written
        (0.25, 1, "0,3"),
        (0.35, 1, "0,4"),
        (2.675, 2, "2,68"),  # the float is 2.67499999…, the number as written is 2,675
        (-0.05, 1, "-0,1"),
        (-2.5, 0, "-3"),
        (0.5, 0, "1"),
        (1.5, 0, "2"),
        (56.0, 1, "56,0"),
    ],
)
def test_the_rounding_rule_is_half_away_from_zero_and_zero_has_no_sign(
    value: float, decimals: int, text: str
) -> None:
    assert danish.number(value, decimals) == text


def test_a_number_as_written_drops_trailing_zeros_after_rounding() -> None:
    assert [danish.number(v) for v in (113.40, 0.1, 2.999, 1.005)] == ["113,4", "0,1", "3", "1,01"]


def test_percents_amounts_and_exact_numbers() -> None:
    assert danish.percent(50.5) == "50,5 %"
    assert danish.percent(56, 1) == "56,0 %"
    assert danish.percent(57, 0) == "57 %"
    assert danish.percent(None) == "–"
    assert danish.amount(27) == "27 mio. kr."
    assert danish.amount(27.25) == "27,3 mio. kr."
    assert danish.exact(1680.0) == "1.680"
    assert danish.exact(0.1234567) == "0,1234567"
    assert danish.exact(-0.0) == "0"


@pytest.mark.parametrize(
    ("text", "singular", "plural", "expected"),
    [
        ("1", "koordinering", "koordineringer", "1 koordinering"),
        ("4", "koordinering", "koordineringer", "4 koordineringer"),
        ("1,5", "koordinering", "koordineringer", "1,5 koordineringer"),
        ("1", "strategisk indsats", "strategiske indsatser", "1 strategisk indsats"),
        ("2", "strategisk indsats", "strategiske indsatser", "2 strategiske indsatser"),
        ("1", None, "forløb", "1 forløb"),
        ("0", "case", "cases", "0 cases"),
        ("1", "case", None, "1"),
        ("–", "case", "cases", "–"),
    ],
)
def test_a_unit_agrees_with_its_number(
    text: str, singular: str | None, plural: str | None, expected: str
) -> None:
    assert danish.counted(text, singular, plural) == expected


def test_dates_read_day_month_year() -> None:
    assert danish.date(dt.date(2021, 10, 13)) == "13. oktober 2021"
    assert danish.date(dt.date(2021, 3, 1)) == "1. marts 2021"
    assert danish.date(None) == "–"


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        # The store keeps UTC without a zone: winter is UTC+1, summer UTC+2.
        (dt.datetime(2026, 11, 23, 13, 40), "23. november 2026 kl. 14.40"),
        (dt.datetime(2026, 7, 1, 22, 5), "2. juli 2026 kl. 00.05"),
        (dt.datetime(2026, 11, 23, 13, 40, tzinfo=dt.UTC), "23. november 2026 kl. 14.40"),
        (
            dt.datetime(2026, 11, 23, 9, 40, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            "23. november 2026 kl. 15.40",
        ),
    ],
)
def test_a_moment_is_shown_in_danish_time_in_one_format(moment: dt.datetime, text: str) -> None:
    assert danish.date_time(moment) == text


def test_the_day_of_a_moment_is_the_danish_day() -> None:
    assert danish.local_date(dt.datetime(2026, 6, 30, 22, 30)) == "1. juli 2026"


@pytest.mark.parametrize(
    ("period", "year", "capital", "text"),
    [
        ("H1", 2026, False, "1. halvår 2026"),
        ("FY", 2026, False, "helår 2026"),
        ("FY", 2026, True, "Helår 2026"),
        ("H1", 2026, True, "1. halvår 2026"),
        ("FY", None, True, "Helår"),
        ("H1", None, False, "1. halvår"),
    ],
)
def test_period_labels_are_lower_case_unless_they_begin_a_label(
    period: str, year: int | None, capital: bool, text: str
) -> None:
    assert danish.period_label(period, year, capital=capital) == text


def test_lists_join_with_og_or_eller() -> None:
    assert danish.join(["a", "b", "c"]) == "a, b og c"
    assert danish.join(["a", "b"], "or") == "a eller b"
    assert (danish.join(["a"]), danish.join([])) == ("a", "")
