"""Danish wording of a target's result in a period, as the Overblik page shows it."""

from __future__ import annotations

import math
from typing import Any

import pytest

from contracts.models import Target
from ui import results

NAN = math.nan


def target(**fields: Any) -> Target:
    return Target.model_validate({"key": "8a", "text": "x", **fields})


COUNT = {"kind": "count", "value": 1680, "unit": "forløb"}
AUTUMN_2021 = {"periods": ["FY"], "years": [2021], "season": "autumn"}


@pytest.mark.parametrize(
    ("fields", "row", "expected"),
    [
        (
            COUNT,
            {
                "status": "paa_vej",
                "period": "H1",
                "actual": 900,
                "target_value": 1680,
                "expected": 840,
            },
            "900 forløb (mål: mindst 1.680 forløb; forventet ved 1. halvår: 840 forløb)",
        ),
        (
            COUNT,
            {
                "status": "opfyldt",
                "period": "FY",
                "actual": 1700,
                "target_value": 1680,
                "expected": NAN,
            },
            "1.700 forløb (mål: mindst 1.680 forløb)",
        ),
        (
            {"kind": "percentage", "value": 8},
            {
                "status": "paa_vej",
                "period": "H1",
                "actual": 9.5238,
                "target_value": 8,
                "ci_low": 4.44,
                "ci_high": 19.6,
            },
            "9,5 % (mål: mindst 8 %); 95 %-interval 4,4 %–19,6 %",
        ),
        (
            {"kind": "ratio", "value": 2.5},
            {"status": "ikke_opfyldt", "period": "FY", "actual": 2.4, "target_value": 2.5},
            "faktor 2,40 (mål: mindst faktor 2,50)",
        ),
        (
            {"kind": "spread", "value": 10, "direction": "at_most", "source_target": "8a"},
            {"status": "paa_vej", "period": "H1", "actual": 9.64, "target_value": 10},
            "Største afvigelse 9,6 procentpoint (mål: højst 10 procentpoint)",
        ),
        (
            {"kind": "range", "value": 15, "upper": 20, "unit": "virksomheder"},
            {"status": "paa_vej", "period": "FY", "actual": 17, "target_value": 15, "upper": 20},
            "17 virksomheder (mål: mellem 15 og 20 virksomheder)",
        ),
        ({"kind": "milestone"}, {"status": "opfyldt", "actual": 1}, "Gennemført"),
        ({"kind": "milestone"}, {"status": "paa_vej", "actual": 0}, "Ikke gennemført"),
        ({"kind": "assessment"}, {"status": "i_risiko", "actual": 0}, "Vurderet som ikke nået"),
        (
            {"kind": "count", "value_stated": False},
            {"status": "opfyldt", "actual": 1},
            "Vurderet som nået",
        ),
        (
            {**COUNT, "measured": {"periods": ["FY"]}},
            {"status": "maales_senere", "actual": NAN},
            "Måles senere: målet opgøres kun helår.",
        ),
        (COUNT, {"status": "mangler_data", "actual": NAN}, "Ingen tal indberettet for perioden."),
        (
            {"kind": "percentage", "value": 39, "measured": AUTUMN_2021},
            {"status": "maalt_tidligere", "actual": NAN, "earlier_year": 2021},
            "Målt i efteråret 2021; resultatet er ikke oplyst i kilderne.",
        ),
        (
            {"kind": "percentage", "value": 39, "measured": AUTUMN_2021},
            {
                "status": "maalt_tidligere",
                "actual": NAN,
                "target_value": 39,
                "earlier_year": 2021,
                "earlier_actual": 41,
                "earlier_source": "ERST kendskabsmåling 2021",
            },
            "Målt i efteråret 2021: 41,0 % (mål: mindst 39 %) (kilde: ERST kendskabsmåling 2021).",
        ),
        (
            {"kind": "percentage", "value": 39, "measured": {"periods": ["FY"], "years": [2021]}},
            {
                "status": "maalt_tidligere",
                "actual": NAN,
                "target_value": 39,
                "earlier_year": 2021,
                "earlier_actual": 37.5,
                "earlier_source": "indberettet",
            },
            "Målt i 2021: 37,5 % (mål: mindst 39 %) (indberettet for året).",
        ),
        (
            {"kind": "ratio", "value": 2.5, "measured": {"periods": ["FY"]}},
            {
                "status": "i_risiko",
                "period": "H1",
                "actual": 2.0,
                "target_value": 2.5,
                "preliminary": True,
            },
            "Foreløbigt tal: faktor 2,00 (mål: mindst faktor 2,50)",
        ),
        (
            {
                "kind": "count",
                "value": 1,
                "unit": "strategiske indsatser",
                "unit_singular": "strategisk indsats",
            },
            {"status": "i_risiko", "period": "H1", "actual": 0, "target_value": 1, "expected": 0.5},
            "0 strategiske indsatser (mål: mindst 1 strategisk indsats; forventet ved "
            "1. halvår: 0,5 strategiske indsatser)",
        ),
    ],
)
def test_result_text(fields: dict[str, Any], row: dict[str, Any], expected: str) -> None:
    assert results.result_text(row, target(**fields)) == expected


@pytest.mark.parametrize(
    ("fulfilment", "share", "text"),
    [
        (53.25, 0.5325, "Målopfyldelse 53 %"),
        (150.0, 1.0, "Målopfyldelse 150 %"),
        (NAN, None, None),
        (None, None, None),
    ],
)
def test_fulfilment_bar_is_capped_but_its_text_is_not(
    fulfilment: float | None, share: float | None, text: str | None
) -> None:
    row = {"fulfilment": fulfilment}
    assert results.fulfilment_share(row) == share
    assert results.fulfilment_text(row) == text


def test_every_status_has_a_badge_colour() -> None:
    from metrics import STATUS_LABELS

    assert set(results.BADGE_COLORS) == set(STATUS_LABELS)
