"""The suggested number and its reason, from a target's real helår results (metrics.suggest)."""

from __future__ import annotations

import pytest

from contracts.models import Target
from metrics.suggest import YearResult, suggest

FORLOEB = Target(key="8a", text="1.680 forløb", kind="count", value=1680, unit="forløb")
SHARE = Target(key="12a", text="50 %", kind="percentage", value=50, unit="%")


def met(year: int, actual: float, target: float = 1680) -> YearResult:
    return YearResult(year, actual, target, "opfyldt", "Opfyldt", 100 * actual / target)


def missed(year: int, actual: float, target: float = 1680) -> YearResult:
    return YearResult(year, actual, target, "ikke_opfyldt", "Ikke opfyldt", 100 * actual / target)


@pytest.mark.parametrize(
    ("results", "value", "reason"),
    [
        ([], 1680, "ingen historik"),
        ([missed(2022, 1580)], 1680, "fastholde niveauet (ikke nået i 2022: 94 %)"),
        (
            [met(2022, 1742)],
            1742,
            "hæve til sidste års resultat 1.742 forløb (opfyldt med 104 %)",
        ),
        ([met(2021, 1742)], 1742, "hæve til resultatet i 2021: 1.742 forløb (opfyldt med 104 %)"),
        ([met(2022, 1700)], 1680, "fastholde niveauet (opfyldt i 2022)"),
        (
            [met(2020, 1690), met(2021, 1700), met(2022, 1695)],
            1680,
            "fastholde niveauet (opfyldt 3 år i træk)",
        ),
        (
            [met(2020, 1500, 1400), met(2021, 1590, 1500), met(2022, 1685)],
            1786,
            "trend +6 % om året (2020–2022)",
        ),
    ],
)
def test_a_count_target_is_held_raised_or_follows_its_trend(
    results: list[YearResult], value: float, reason: str
) -> None:
    suggestion = suggest(FORLOEB, results, year=2023)
    assert (suggestion.value, suggestion.reason) == (value, reason)


def test_only_demo_data_says_so_and_keeps_the_number() -> None:
    suggestion = suggest(FORLOEB, [], year=2023, demo_only=True)
    assert (suggestion.value, suggestion.reason, suggestion.basis) == (
        1680,
        "ingen historik: der er kun demodata, og forslag bygger aldrig på dem",
        "demo_only",
    )


def test_a_share_is_raised_to_the_whole_percent_below_its_result() -> None:
    result = YearResult(2022, 56.8, 50, "opfyldt", "Opfyldt", 113.6)
    suggestion = suggest(SHARE, [result], year=2023)
    assert (suggestion.value, suggestion.reason) == (
        56,
        "hæve til sidste års resultat 56 % (opfyldt med 114 %)",
    )


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        (
            Target(key="5a", text="Et værktøj", kind="milestone"),
            "intet tal at foreslå: målet er en milepæl",
        ),
        (
            Target(key="9b", text="Dialog", kind="assessment"),
            "intet tal at foreslå: målet er en vurdering",
        ),
        (
            Target(key="1a", text="Kendskab", kind="count", value_stated=False),
            "intet tal at foreslå: måltallet er ikke oplyst",
        ),
    ],
)
def test_targets_without_a_number_get_no_suggested_number(target: Target, reason: str) -> None:
    suggestion = suggest(target, [met(2022, 1)], year=2023)
    assert (suggestion.value, suggestion.reason) == (None, reason)


def test_a_spread_target_met_is_held_not_raised() -> None:
    spread = Target(
        key="9a", text="maks. 10", kind="spread", direction="at_most", value=10, source_target="8a"
    )
    result = YearResult(2022, 3.2, 10, "opfyldt", "Opfyldt", None)
    assert suggest(spread, [result], year=2023).reason == "fastholde niveauet (opfyldt i 2022)"
