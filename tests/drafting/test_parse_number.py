"""Numbers typed on the drafting page, read the Danish way."""

from __future__ import annotations

import pytest

from ui.drafting.state import parse_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1.750", 1750.0),
        ("1750", 1750.0),
        ("2,5", 2.5),
        ("1.680,25", 1680.25),
        ("-3", -3.0),
        (" 40 ", 40.0),
    ],
)
def test_a_danish_number_is_read(text: str, number: float) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["2.5", "1,680.5", "abc", "", "1.75", "1,2,3"])
def test_a_text_that_is_not_a_danish_number_is_refused_in_danish(text: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_number(text)
    assert str(raised.value) == f"»{text}« er ikke et tal; skriv fx 1.750 eller 2,5"
