"""Danish help for a number typed another way, and how each kind is asked for (issue 13)."""

from __future__ import annotations

import pytest
from test_entry_table import contract, values

from services.entry_form import anchor_of, entry_form, target_form
from services.entry_hints import number_hint, read_number
from services.entry_kommuner import paste_column
from services.entry_table import build_table


@pytest.mark.parametrize(
    ("text", "whole", "small", "hint"),
    [
        ("50.5", False, False, "brug komma: 50,5"),
        ("2.45", False, True, "brug komma: 2,45"),
        ("1,680", True, False, "»1,680« læses som 1,68 – mente du 1.680?"),
        ("12,345,678", True, False, "brug punktum mellem tusinder: 12.345.678"),
        ("1,680.5", False, False, "brug punktum mellem tusinder og komma før decimaler: 1.680,5"),
        (
            "2.500",
            False,
            True,
            "»2.500« læses som 2.500 (punktum skiller tusinder) – mente du 2,5?",
        ),
        ("1 680", True, False, "skriv uden mellemrum: 1.680"),
        ("1.680", True, False, None),  # a Danish thousand
        ("1,68", False, False, None),  # a Danish decimal where decimals are expected
        ("1,680", False, False, None),
        ("1.500", False, False, None),  # an amount of 1.500 mio. kr. is plausible
        ("", True, True, None),
        ("mange", True, True, None),
    ],
)
def test_a_number_typed_another_way_gets_its_danish_hint(
    text: str, whole: bool, small: bool, hint: str | None
) -> None:
    assert number_hint(text, whole=whole, thousands_unlikely=small) == hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50.5", (None, "'50.5' er ikke et tal; brug komma: 50,5")),
        ("50,5", (50.5, None)),
        ("1.680", (1680.0, None)),
        ("", (None, None)),
        ("mange", (None, "'mange' er ikke et tal")),
    ],
)
def test_read_number_gives_the_number_or_the_reason_with_the_hint(
    text: str, expected: tuple[float | None, str | None]
) -> None:
    assert read_number(text) == expected


@pytest.mark.parametrize(
    ("key", "shape", "labels"),
    [
        ("8a", "whole", ["Antal forløb"]),
        ("12a", "share", ["Tæller", "Nævner", "eller andel i %"]),
        ("3b.drift", "nps", ["Promotorer", "Passive", "Kritikere", "eller NPS"]),
        ("15a", "decimal", ["Faktor"]),
        ("5a", "done", ["Milepæl"]),
        ("13b", "decimal", ["Værdi"]),
        ("1a", "share", ["Tæller", "Nævner", "eller andel i %"]),
    ],
)
def test_each_kind_has_its_own_inputs(key: str, shape: str, labels: list[str]) -> None:
    target = contract().target(key)
    assert target is not None
    form = target_form(target)
    assert (form.shape, [f.label for f in form.fields]) == (shape, labels)


def test_targets_are_grouped_by_goal_in_contract_order_and_named_by_label() -> None:
    table = build_table(contract(), "FY", values().assign(period="FY"))
    goals = entry_form(contract(), table)
    assert [g.heading for g in goals] == ["Mål 8 – Forløb"]
    assert [(t.name, t.anchor) for t in goals[0].targets] == [
        ("8a", "maaltal-8a"),
        ("12a", "maaltal-12a"),
        ("3b – drift", "maaltal-3b-drift"),
        ("15a", "maaltal-15a"),
        ("5a", "maaltal-5a"),
        ("13b", "maaltal-13b"),
    ]
    assert anchor_of("8c.vaekstplaner") == "maaltal-8c-vaekstplaner"


CODES = ["259", "265", "0"]


@pytest.mark.parametrize(
    ("text", "filled"),
    [
        ("12\n7\n1\n", {"259": "12", "265": "7", "0": "1"}),
        ("12\r\n7\r\n", {"259": "12", "265": "7"}),  # the geography without the last row
        ("265\t7\nKøge\t1.200\n", {"265": "7", "259": "1.200"}),  # code or name, any order
        ("roskilde;3", {"265": "3"}),
    ],
)
def test_a_column_pasted_from_excel_fills_the_kommune_rows(
    text: str, filled: dict[str, str]
) -> None:
    assert paste_column(text, CODES) == (filled, None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "Der er ikke indsat noget: kopiér en kolonne af tal i Excel og sæt den ind."),
        (
            "1\n2\n3\n4\n",
            "Der er indsat 4 linjer, men tabellen har 2 kommuner og »Uden for geografien / "
            "ukendt«. Indsæt ét tal pr. kommune i tabellens rækkefølge, eller to kolonner: "
            "kommunekode og tal.",
        ),
        ("Odense\t4", "Kender ikke »Odense« som kommune i kontraktens geografi (kode eller navn)."),
    ],
)
def test_a_paste_that_does_not_fit_says_why_and_fills_nothing(text: str, problem: str) -> None:
    assert paste_column(text, CODES) == ({}, problem)
