"""Danish wording of a target's number, baseline and timing, and of the page's formats."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from contracts.models import Contract, Measurement, Target
from ui import describe
from ui import format as fmt
from ui.contract_view import md, md_inline


def target(**fields: Any) -> Target:
    return Target.model_validate({"key": "1a", "text": "x", **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "count", "value": 1680, "unit": "forløb"}, "mindst 1.680 forløb"),
        ({"kind": "amount", "value": 27, "unit": "mio. kr."}, "mindst 27 mio. kr."),
        ({"kind": "percentage", "value": 50}, "mindst 50 %"),
        ({"kind": "percentage", "value": 50.5, "unit": "af de vejledte"}, "mindst 50,5 %"),
        ({"kind": "nps", "value": 70}, "mindst 70"),
        ({"kind": "ratio", "value": 2.5}, "mindst 2,50"),
        ({"kind": "level", "value": 10, "unit": "procentpoint"}, "mindst 10 procentpoint"),
        ({"kind": "level", "value": 0, "direction": "above"}, "over 0"),
        (
            {"kind": "change_pp", "value": 5, "baseline": {"value": 34, "year": 2020}},
            "+5 procentpoint, dvs. mindst 39 %",
        ),
        (
            {"kind": "change_relative", "value": 5, "baseline": {"value": 108, "year": 2020}},
            "+5 %, dvs. mindst 113,4",
        ),
        (
            {"kind": "range", "value": 15, "upper": 20, "unit": "virksomheder"},
            "mellem 15 og 20 virksomheder",
        ),
        (
            {"kind": "coverage", "value": 17, "per_kommune": True, "unit": "case"},
            "mindst 17 kommuner med mindst 1 case",
        ),
        (
            {"kind": "spread", "value": 10, "direction": "at_most", "source_target": "8a"},
            "afvigelse højst 10 procentpoint",
        ),
        ({"kind": "count", "value_stated": False}, "måltal ikke oplyst"),
        ({"kind": "milestone"}, None),
        ({"kind": "assessment"}, None),
    ],
)
def test_target_number_reads_in_danish(fields: dict[str, Any], expected: str | None) -> None:
    assert describe.target_number(target(**fields)) == expected


@pytest.mark.parametrize(
    ("measured", "expected"),
    [
        ({}, "1. halvår og helår"),
        ({"periods": ["FY"]}, "kun helår"),
        ({"periods": ["FY"], "years": [2021]}, "kun helår 2021"),
        ({"periods": ["FY"], "years": [2023, 2021]}, "kun helår 2021 og 2023"),
        ({"periods": ["H1"]}, "kun 1. halvår"),
    ],
)
def test_when_a_target_is_measured(measured: dict[str, Any], expected: str) -> None:
    assert describe.measured_text(Measurement.model_validate(measured)) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "kind": "change_pp",
                "value": 5,
                "baseline": {"value": 34, "year": 2020, "source": "ERST"},
            },
            "34 % i 2020 (ERST)",
        ),
        (
            {"kind": "change_relative", "value": 5, "baseline": {"value": 108, "year": 2020}},
            "108 i 2020",
        ),
        (
            {
                "kind": "amount",
                "value": 27,
                "unit": "mio. kr.",
                "baseline": {"value": 27, "year": 2021},
            },
            "27 mio. kr. i 2021",
        ),
        ({"kind": "count", "value": 3}, None),
    ],
)
def test_baseline_reads_value_year_and_source(fields: dict[str, Any], expected: str | None) -> None:
    assert describe.baseline_text(target(**fields)) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "percentage", "value": 50, "unit": "%"}, None),
        (
            {
                "kind": "change_pp",
                "value": 5,
                "unit": "procentpoint",
                "baseline": {"value": 34, "year": 2020},
            },
            None,
        ),
        ({"kind": "percentage", "value": 50, "unit": "af de vejledte"}, "af de vejledte"),
        ({"kind": "nps", "value": 70, "unit": "NPS-point"}, "NPS-point"),
        ({"kind": "count", "value": 3, "unit": "forløb"}, None),
    ],
)
def test_unit_is_shown_only_where_the_number_does_not_say_it(
    fields: dict[str, Any], expected: str | None
) -> None:
    assert describe.unit_text(target(**fields)) == expected


def test_details_list_deadline_segment_share_and_note_in_order() -> None:
    details = describe.target_details(
        target(
            kind="count",
            value=80,
            segment="vækst",
            h1_share=0.4,
            deadline=dt.date(2022, 3, 31),
            note="Læses som 10 % af 800.",
        )
    )
    assert details == [
        ("Type", "antal"),
        ("Måltal", "mindst 80"),
        ("Måles", "1. halvår og helår"),
        ("Forventet ved 1. halvår", "40 % af årsmålet"),
        ("Segment", "vækst"),
        ("Frist", "senest 31. marts 2022"),
        ("Note", "Læses som 10 % af 800."),
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"approved": "2025-10-24"}, "Godkendt af KKR 24. oktober 2025"),
        (
            {"status": "udkast", "approved": "2025-10-24"},
            "Udkast, godkendt af KKR 24. oktober 2025",
        ),
        (
            {"approval_note": "Godkendt af KKR Sjælland, sandsynligvis 13. oktober 2021."},
            "Godkendt af KKR Sjælland, sandsynligvis 13. oktober 2021.",
        ),
        ({"status": "udkast", "approval_note": "Til behandling."}, "Udkast. Til behandling."),
        ({"status": "udkast"}, "Udkast"),
    ],
)
def test_approval_text(fields: dict[str, Any], expected: str) -> None:
    contract = Contract.model_validate({"erhvervshus": "sjaelland", "year": 2022, **fields})
    assert describe.approval_text(contract) == expected


def test_classification_note_states_the_placeholder_when_the_contract_gives_none() -> None:
    contract = Contract.model_validate(
        {"erhvervshus": "sjaelland", "year": 2022, "classification": {"259": "by", "360": "land"}}
    )
    assert describe.classification_text(contract) == (
        f"By/land: 1 bykommune og 1 landkommune. {describe.PLACEHOLDER_CLASSIFICATION}"
    )


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (1680, {}, "1.680"),
        (1680.0, {}, "1.680"),
        (113.4, {}, "113,4"),
        (2.5, {"decimals": 2}, "2,50"),
        (1234567.891, {}, "1.234.567,89"),
        (-3.5, {}, "-3,5"),
        (None, {}, "–"),
    ],
)
def test_danish_numbers(value: float | None, kwargs: dict[str, Any], expected: str) -> None:
    assert fmt.number(value, **kwargs) == expected


def test_percent_and_signed() -> None:
    assert (fmt.percent(50.5), fmt.percent(50), fmt.signed(5), fmt.signed(-2)) == (
        "50,5 %",
        "50 %",
        "+5",
        "-2",
    )


@pytest.mark.parametrize(
    ("text", "whole", "inline"),
    [
        ("1. halvår 2022", "1\\. halvår 2022", "1. halvår 2022"),
        ("Målopfyldelse 1.680", "Målopfyldelse 1.680", "Målopfyldelse 1.680"),
        ("pris $5 og *vigtigt*", "pris \\$5 og \\*vigtigt\\*", "pris \\$5 og \\*vigtigt\\*"),
    ],
)
def test_contract_text_is_escaped_for_markdown(text: str, whole: str, inline: str) -> None:
    assert (md(text), md_inline(text)) == (whole, inline)
