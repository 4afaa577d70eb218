"""Per-kommune tables, by/land spread and coverage (docs/domain.md "Target kinds")."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contracts.models import Contract
from contracts.reference import default_classification, default_geography, kommuner
from metrics import fulfilment
from metrics.kommune import SPREAD_NOTE, coverage, per_kommune, spread
from metrics.values import values_frame

SJ = default_geography("sjaelland")
CLASSES = default_classification(SJ)
BY = [c for c in SJ if CLASSES[c] == "by"]
LAND = [c for c in SJ if CLASSES[c] == "land"]
POPULATION = {c: kommuner()[c].population for c in SJ}


def contract() -> Contract:
    targets = [
        {"key": "8a", "text": "Forløb.", "kind": "count", "value": 1680, "per_kommune": True},
        {
            "key": "9a",
            "text": "Spredning.",
            "kind": "spread",
            "value": 10,
            "direction": "at_most",
            "source_target": "8a",
        },
        {"key": "9c", "text": "Cases.", "kind": "coverage", "value": 17, "per_kommune": True},
    ]
    return Contract.model_validate(
        {
            "erhvervshus": "sjaelland",
            "kkr": "sjaelland",
            "year": 2022,
            "geography": list(SJ),
            "classification": CLASSES,
            "goals": [{"number": "9", "title": "Spredning", "scope": "local", "targets": targets}],
        }
    )


def counts_frame(counts: dict[str, float], target: str = "8a", period: str = "FY") -> pd.DataFrame:
    return values_frame(
        {
            "house": "sjaelland",
            "year": 2022,
            "period": period,
            "target": target,
            "kommune": k,
            "value": v,
        }
        for k, v in counts.items()
    )


def by_share() -> float:
    return 100 * sum(POPULATION[c] for c in BY) / sum(POPULATION.values())


def status_of(values: pd.DataFrame, target: str, period: str = "FY") -> dict[str, Any]:
    table = fulfilment(contract(), values, period=period)
    return table[table["target"] == target].iloc[0].to_dict()


def test_sjaelland_has_both_by_and_land_kommuner() -> None:
    assert len(SJ) == 17 and BY and LAND


def test_forloeb_in_proportion_to_population_has_no_deviation() -> None:
    row = status_of(counts_frame({c: POPULATION[c] / 100 for c in SJ}), "9a")
    assert row["actual"] == pytest.approx(0, abs=1e-9)
    assert row["status"] == "opfyldt"


def test_all_forloeb_in_by_kommuner_deviates_by_the_land_share() -> None:
    row = status_of(counts_frame({c: 10 for c in BY}), "9a")
    assert row["actual"] == pytest.approx(100 - by_share())
    assert row["status"] == "ikke_opfyldt"


def test_spread_at_h1_is_judged_as_a_level() -> None:
    values = counts_frame({c: 10 for c in BY}, period="H1")
    assert status_of(values, "9a", period="H1")["status"] == "i_risiko"


def test_kommune_0_counts_in_the_total_but_not_in_the_spread() -> None:
    counts = {c: POPULATION[c] / 100 for c in SJ}
    without = status_of(counts_frame(counts), "9a")["actual"]
    with_zero = counts_frame({**counts, "0": 5000.0})
    assert status_of(with_zero, "9a")["actual"] == pytest.approx(without, abs=1e-9)
    assert status_of(with_zero, "8a")["actual"] == pytest.approx(sum(counts.values()) + 5000)


def test_spread_without_per_kommune_source_values_is_missing_data() -> None:
    values = values_frame(
        [{"house": "sjaelland", "year": 2022, "period": "FY", "target": "8a", "value": 1680}]
    )
    assert status_of(values, "9a")["status"] == "mangler_data"


def test_spread_table_states_groups_tolerance_and_the_placeholder_note() -> None:
    result = spread(contract(), counts_frame({c: 10 for c in BY}), period="FY", target="9a")
    assert result.groups["gruppe"].tolist() == ["By", "Land"]
    assert result.groups["andel_forloeb"].tolist() == [100, 0]
    assert result.groups["andel_befolkning"].sum() == pytest.approx(100)
    assert result.max_deviation == pytest.approx(100 - by_share())
    assert result.tolerance == 10
    assert result.note == SPREAD_NOTE
    assert "pladsholder" in result.note and "1. januar 2025" in result.note


def test_per_kommune_lists_every_kommune_with_zero_for_missing_and_outside_last() -> None:
    table = per_kommune(contract(), counts_frame({SJ[0]: 20.0, "0": 3.0}), period="FY", target="8a")
    assert table["kode"].tolist() == [*SJ, "0"]
    assert table["value"].tolist() == [20.0] + [0.0] * 16 + [3.0]
    assert table.loc[0, "per_10000"] == pytest.approx(10000 * 20 / POPULATION[SJ[0]])
    assert table.iloc[-1]["navn"] == "Uden for området / ukendt"


def test_coverage_lists_the_kommuner_that_miss_the_minimum() -> None:
    values = counts_frame({c: 1.0 for c in SJ[2:]}, target="9c")
    result = coverage(contract(), values, period="FY", target="9c")
    names = kommuner()
    assert (result.reached, result.n, result.minimum) == (15, 17, 1.0)
    assert result.missing == (names[SJ[0]].name, names[SJ[1]].name)


count_maps = st.dictionaries(
    st.sampled_from([*SJ, "0"]), st.integers(min_value=0, max_value=5000), min_size=1
)


@settings(max_examples=60, deadline=None)
@given(counts=count_maps)
def test_per_kommune_values_sum_to_the_total(counts: dict[str, int]) -> None:
    values = counts_frame({k: float(v) for k, v in counts.items()})
    table = per_kommune(contract(), values, period="FY", target="8a")
    assert table["value"].sum() == pytest.approx(status_of(values, "8a")["actual"])


@settings(max_examples=60, deadline=None)
@given(counts=count_maps, factor=st.floats(min_value=0.01, max_value=1000))
def test_spread_is_unchanged_when_every_count_is_scaled(
    counts: dict[str, int], factor: float
) -> None:
    base = spread(
        contract(), counts_frame({k: float(v) for k, v in counts.items()}), period="FY", target="9a"
    )
    scaled = spread(
        contract(),
        counts_frame({k: v * factor for k, v in counts.items()}),
        period="FY",
        target="9a",
    )
    if base.max_deviation is None:
        assert scaled.max_deviation is None
    else:
        assert scaled.max_deviation == pytest.approx(base.max_deviation, abs=1e-9)
