"""How a target reads in Danish (contracts.wording): one wording for pages, CLI and exports."""

from __future__ import annotations

from typing import Any

import pytest

from contracts import wording
from contracts.models import Measurement, Target

PERCENT_50 = {"kind": "percentage", "value": 50, "unit": "%"}
FORLOEB_1680 = {"kind": "count", "value": 1680, "unit": "forløb"}
AWARENESS_1A = {
    "kind": "change_pp",
    "value": 5,
    "unit": "procentpoint",
    "baseline": {"value": 34, "year": 2020, "source": "ERST"},
}
INNOVATION_11B = {
    "kind": "change_relative",
    "value": 5,
    "unit": "virksomheder",
    "unit_singular": "virksomhed",
    "cumulative": True,
    "baseline": {"value": 108, "year": 2020},
}
COORDINATION_11E = {
    "kind": "count",
    "value": 4,
    "unit": "koordineringer",
    "unit_singular": "koordinering",
}
INITIATIVE_16A = {
    "kind": "count",
    "value": 1,
    "unit": "strategiske indsatser",
    "unit_singular": "strategisk indsats",
}
CASES_9C = {
    "kind": "coverage",
    "value": 17,
    "unit": "cases",
    "unit_singular": "case",
    "per_kommune": True,
    "minimum_per_kommune": 1,
}
SPREAD_9A = {
    "kind": "spread",
    "value": 10,
    "direction": "at_most",
    "unit": "procentpoint",
    "source_target": "8a",
}
NPS_3B = {"kind": "nps", "value": 70, "unit": "NPS"}
GEARING_15A = {"kind": "ratio", "value": 2.5, "unit": "faktor"}
GREEN_13B = {"kind": "range", "value": 15, "upper": 20, "unit": "virksomheder", "cumulative": True}


def target(**fields: Any) -> Target:
    return Target.model_validate({"key": "1a", "text": "x", **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (FORLOEB_1680, "mindst 1.680 forløb"),
        ({"kind": "amount", "value": 27, "unit": "mio. kr."}, "mindst 27 mio. kr."),
        (PERCENT_50, "mindst 50 %"),
        ({"kind": "percentage", "value": 50.5}, "mindst 50,5 %"),
        (NPS_3B, "mindst NPS 70"),
        (GEARING_15A, "mindst faktor 2,50"),
        ({"kind": "level", "value": 10, "unit": "procentpoint"}, "mindst 10 procentpoint"),
        ({"kind": "level", "value": 0, "direction": "above"}, "over 0 procentpoint"),
        (AWARENESS_1A, "mindst 39 % (5 procentpoint over udgangsniveauet 34 %)"),
        (
            INNOVATION_11B,
            "mindst 113,4 virksomheder (5 % over udgangsniveauet 108 virksomheder)",
        ),
        (GREEN_13B, "mellem 15 og 20 virksomheder"),
        (CASES_9C, "mindst 17 kommuner med mindst 1 case"),
        (SPREAD_9A, "afvigelse på højst 10 procentpoint"),
        (COORDINATION_11E, "mindst 4 koordineringer"),
        (INITIATIVE_16A, "mindst 1 strategisk indsats"),
        ({"kind": "count", "value_stated": False}, "måltal ikke oplyst"),
        ({"kind": "milestone"}, None),
        ({"kind": "assessment"}, None),
    ],
)
def test_the_maaltal_reads_in_danish(fields: dict[str, Any], expected: str | None) -> None:
    assert wording.requirement(target(**fields)) == expected


@pytest.mark.parametrize(
    ("fields", "row", "expected"),
    [
        (PERCENT_50, {"actual": 56, "target_value": 50}, "56,0 % (mål: mindst 50 %)"),
        # A miss is never rounded to read as the måltal itself.
        (PERCENT_50, {"actual": 49.96, "target_value": 50}, "49,96 % (mål: mindst 50 %)"),
        (
            FORLOEB_1680,
            {"actual": 837, "target_value": 1680, "expected": 840, "period": "H1"},
            "837 forløb (mål: mindst 1.680 forløb; forventet ved 1. halvår: 840 forløb)",
        ),
        (FORLOEB_1680, {"actual": 1, "target_value": 1680}, "1 forløb (mål: mindst 1.680 forløb)"),
        (
            INNOVATION_11B,
            {"actual": 61, "target_value": 113.4},
            "61 virksomheder (mål: mindst 113,4 virksomheder)",
        ),
        (
            COORDINATION_11E,
            {"actual": 1, "target_value": 4},
            "1 koordinering (mål: mindst 4 koordineringer)",
        ),
        (
            COORDINATION_11E,
            {"actual": 4, "target_value": 4},
            "4 koordineringer (mål: mindst 4 koordineringer)",
        ),
        (
            INITIATIVE_16A,
            {"actual": 0, "target_value": 1, "expected": 0.5, "period": "H1"},
            "0 strategiske indsatser (mål: mindst 1 strategisk indsats; "
            "forventet ved 1. halvår: 0,5 strategiske indsatser)",
        ),
        (
            CASES_9C,
            {"actual": 15, "target_value": 17},
            "15 kommuner med mindst 1 case (mål: mindst 17 kommuner)",
        ),
        (
            SPREAD_9A,
            {"actual": 4.25, "target_value": 10},
            "Største afvigelse 4,3 procentpoint (mål: højst 10 procentpoint)",
        ),
        (NPS_3B, {"actual": 54.7368, "target_value": 70}, "NPS 55 (mål: mindst NPS 70)"),
        (
            GEARING_15A,
            {"actual": 2.499, "target_value": 2.5},
            "faktor 2,499 (mål: mindst faktor 2,50)",
        ),
        (
            GREEN_13B,
            {"actual": 17, "target_value": 15},
            "17 virksomheder (mål: mellem 15 og 20 virksomheder)",
        ),
        (
            AWARENESS_1A,
            {"actual": 41.2, "target_value": 39, "ci_low": 38.1, "ci_high": 44.35},
            "41,2 % (mål: mindst 39 %); 95 %-interval 38,1 %–44,4 %",
        ),
        ({"kind": "milestone"}, {"actual": 1}, "Gennemført"),
        ({"kind": "milestone"}, {"actual": 0}, "Ikke gennemført"),
        ({"kind": "assessment"}, {"actual": 1}, "Vurderet som nået"),
        ({"kind": "percentage", "value_stated": False}, {"actual": 0}, "Vurderet som ikke nået"),
        (
            FORLOEB_1680,
            {"actual": None, "status": "mangler_data"},
            "Ingen tal indberettet for perioden.",
        ),
        (
            {**PERCENT_50, "measured": {"periods": ["FY"]}},
            {"actual": None, "status": "maales_senere"},
            "Måles senere: målet opgøres kun helår.",
        ),
    ],
)
def test_a_result_reads_against_its_maaltal(
    fields: dict[str, Any], row: dict[str, Any], expected: str
) -> None:
    assert wording.result_text({"period": "FY", **row}, target(**fields)) == expected


@pytest.mark.parametrize(
    ("kind", "value", "unit", "text"),
    [
        ("count", 1680, "forløb", "1.680 forløb"),
        ("amount", 27.25, "mio. kr.", "27,3 mio. kr."),
        ("amount", 27, None, "27 mio. kr."),
        ("percentage", 55.77689, "%", "55,8 %"),
        ("percentage", 57.0, None, "57,0 %"),
        ("nps", 54.7368, None, "NPS 55"),
        ("ratio", 2.5, "faktor", "faktor 2,50"),
        ("change_pp", 39, "procentpoint", "39,0 %"),
        ("change_relative", 113.4, "virksomheder", "113,4 virksomheder"),
        ("spread", 4.25, None, "4,3 procentpoint"),
        ("level", -0.04, "procentpoint", "0,0 procentpoint"),
        ("coverage", 1, None, "1 kommune"),
        ("milestone", 1, None, "Ja"),
        ("assessment", 0, None, "Nej"),
        ("count", None, "forløb", "–"),
    ],
)
def test_a_measured_number_carries_its_unit(
    kind: str, value: float | None, unit: str | None, text: str
) -> None:
    assert wording.quantity(kind, value, unit, result=True) == text


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
    assert wording.measured_text(Measurement.model_validate(measured)) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (AWARENESS_1A, "34 % i 2020 (ERST)"),
        (INNOVATION_11B, "108 virksomheder i 2020"),
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
    assert wording.baseline_text(target(**fields)) == expected


def test_fulfilment_reads_in_whole_percent() -> None:
    assert wording.fulfilment_text({"fulfilment": 98.3}) == "Målopfyldelse 98 %"
    assert wording.fulfilment_text({"fulfilment": None}) is None
