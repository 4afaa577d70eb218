"""The fulfilment engine, kind by kind and period by period (docs/domain.md "How a target with a value is judged").

Each case is one target of a contract built in code, the values reported for it, and the
status and numbers the engine must give: actual, target_value, expected, fulfilment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pytest

from contracts.models import Contract
from contracts.reference import default_geography
from metrics import STATUS_LABELS, fulfilment, goal_status
from metrics.engine import evaluate
from metrics.values import index_values, values_frame

K = "8z"  # the target under test
SJ = default_geography("sjaelland")  # 17 kommuner


def contract_with(*targets: dict[str, Any], year: int = 2022) -> Contract:
    specs = [{"text": "Måltal.", **t} for t in targets]
    return Contract.model_validate(
        {
            "erhvervshus": "sjaelland",
            "kkr": "sjaelland",
            "year": year,
            "goals": [{"number": "8", "title": "Mål", "scope": "local", "targets": specs}],
        }
    )


def rows_for(
    rows: list[tuple[str, str, str, dict[str, Any]]], house: str = "sjaelland", year: int = 2022
) -> pd.DataFrame:
    return values_frame(
        {"house": house, "year": year, "period": p, "target": t, "kommune": k, **parts}
        for p, t, k, parts in rows
    )


@dataclass
class Case:
    id: str
    spec: dict[str, Any]
    period: str
    values: dict[str, Any] | None  # the total row of target K in ``period``
    status: str
    actual: float | None
    target_value: float | None
    expected: float | None = None
    fulfilment: float | None = None
    extra: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)


COUNT = {"key": K, "kind": "count", "value": 1680}
AT_MOST = {"key": K, "kind": "count", "value": 100, "direction": "at_most"}
PCT = {"key": K, "kind": "percentage", "value": 57}
NPS = {"key": K, "kind": "nps", "value": 70}
CHANGE_PP = {"key": K, "kind": "change_pp", "value": 5, "baseline": {"value": 34, "year": 2020}}
CHANGE_REL = {
    "key": K,
    "kind": "change_relative",
    "value": 5,
    "baseline": {"value": 108, "year": 2020},
}
RANGE = {"key": K, "kind": "range", "value": 15, "upper": 20}
MILESTONE = {"key": K, "kind": "milestone"}
EARLY = {"key": K, "kind": "milestone", "deadline": "2022-03-31"}
COVERAGE = {"key": K, "kind": "coverage", "value": 17, "per_kommune": True}
YEARLY = {"key": K, "kind": "percentage", "value": 45, "measured": {"periods": ["FY"]}}


def kommuner_with(count: int, value: float = 1.0, period: str = "H1") -> list:
    return [(period, K, code, {"value": value}) for code in SJ[:count]]


# fmt: off
CASES = [
    # count, at least
    Case("count_fy_exactly_at_target", COUNT, "FY", {"value": 1680}, "opfyldt", 1680, 1680, None, 100),
    Case("count_fy_one_short", COUNT, "FY", {"value": 1679}, "ikke_opfyldt", 1679, 1680, None, 100 * 1679 / 1680),
    Case("count_fy_over_is_not_capped", COUNT, "FY", {"value": 2016}, "opfyldt", 2016, 1680, None, 120),
    Case("count_h1_full_target_met", COUNT, "H1", {"value": 1680}, "opfyldt", 1680, 1680, 840, 100),
    Case("count_h1_at_half_is_on_track", COUNT, "H1", {"value": 840}, "paa_vej", 840, 1680, 840, 50),
    Case("count_h1_below_half_is_at_risk", COUNT, "H1", {"value": 839}, "i_risiko", 839, 1680, 840, 100 * 839 / 1680),
    Case("count_h1_custom_h1_share", {**COUNT, "h1_share": 0.4}, "H1", {"value": 672}, "paa_vej", 672, 1680, 672, 40),
    Case("count_h1_custom_h1_share_below", {**COUNT, "h1_share": 0.4}, "H1", {"value": 671}, "i_risiko", 671, 1680, 672, 100 * 671 / 1680),
    # count, at most
    Case("at_most_fy_at_limit", AT_MOST, "FY", {"value": 100}, "opfyldt", 100, 100, None, 100),
    Case("at_most_fy_over_limit", AT_MOST, "FY", {"value": 125}, "ikke_opfyldt", 125, 100, None, 80),
    Case("at_most_h1_over_limit", AT_MOST, "H1", {"value": 101}, "ikke_opfyldt", 101, 100, 50, 100 * 100 / 101),
    Case("at_most_h1_under_limit_on_track", AT_MOST, "H1", {"value": 90}, "paa_vej", 90, 100, 50, 100 * 100 / 90),
    Case("at_most_fy_zero_has_no_fulfilment", AT_MOST, "FY", {"value": 0}, "opfyldt", 0, 100, None, None),
    # above
    Case("above_fy_equal_is_not_met", {"key": K, "kind": "count", "value": 0, "direction": "above"}, "FY", {"value": 0}, "ikke_opfyldt", 0, 0, None, None),
    Case("above_fy_over_is_met", {"key": K, "kind": "count", "value": 0, "direction": "above"}, "FY", {"value": 1}, "opfyldt", 1, 0, None, None),
    Case("level_above_within_tolerance_is_not_met", {"key": K, "kind": "level", "value": 0, "direction": "above"}, "FY", {"value": 5e-10}, "ikke_opfyldt", 5e-10, 0),
    Case("level_above_h1_met_on_track", {"key": K, "kind": "level", "value": 0, "direction": "above"}, "H1", {"value": 0.1}, "paa_vej", 0.1, 0),
    # amount
    Case("amount_h1_half_on_track", {"key": K, "kind": "amount", "value": 27}, "H1", {"value": 13.5}, "paa_vej", 13.5, 27, 13.5, 50),
    Case("amount_fy_met", {"key": K, "kind": "amount", "value": 27}, "FY", {"value": 27.2}, "opfyldt", 27.2, 27, None, 100 * 27.2 / 27),
    # percentage
    Case("percentage_57_of_100_meets_57", PCT, "FY", {"numerator": 57, "denominator": 100}, "opfyldt", 57, 57, None, 100),
    Case("percentage_within_tolerance_meets", PCT, "FY", {"value": 57 - 5e-10}, "opfyldt", 57 - 5e-10, 57, None, 100 * (57 - 5e-10) / 57),
    Case("percentage_just_below_fails", PCT, "FY", {"value": 56.99}, "ikke_opfyldt", 56.99, 57, None, 100 * 56.99 / 57),
    Case("percentage_from_parts_exactly", PCT, "FY", {"numerator": 140, "denominator": 251}, "ikke_opfyldt", 100 * 140 / 251, 57, None, 100 * (100 * 140 / 251) / 57),
    Case("percentage_h1_met_on_track", PCT, "H1", {"value": 60}, "paa_vej", 60, 57, None, 100 * 60 / 57),
    Case("percentage_h1_not_met_at_risk", PCT, "H1", {"value": 50}, "i_risiko", 50, 57, None, 100 * 50 / 57),
    Case("percentage_at_most", {**PCT, "value": 20, "direction": "at_most"}, "FY", {"value": 25}, "ikke_opfyldt", 25, 20, None, 80),
    # nps
    Case("nps_from_parts_met", NPS, "FY", {"promoters": 80, "passives": 10, "detractors": 10}, "opfyldt", 70, 70),
    Case("nps_from_parts_not_met", NPS, "FY", {"promoters": 61, "passives": 25, "detractors": 9}, "ikke_opfyldt", 100 * 52 / 95, 70),
    Case("nps_as_reported_h1", NPS, "H1", {"value": 75}, "paa_vej", 75, 70),
    Case("nps_h1_below_at_risk", NPS, "H1", {"value": -20}, "i_risiko", -20, 70),
    # ratio
    Case("ratio_fy_short", {"key": K, "kind": "ratio", "value": 2.5}, "FY", {"value": 2.4}, "ikke_opfyldt", 2.4, 2.5, None, 96),
    Case("ratio_fy_exactly", {"key": K, "kind": "ratio", "value": 2.5}, "FY", {"value": 2.5}, "opfyldt", 2.5, 2.5, None, 100),
    Case("ratio_preliminary_at_h1_is_judged", {"key": K, "kind": "ratio", "value": 2.5, "measured": {"periods": ["FY"]}}, "H1", {"value": 2.6}, "paa_vej", 2.6, 2.5, None, 104),
    # level
    Case("level_negative_not_met", {"key": K, "kind": "level", "value": 10}, "FY", {"value": -3}, "ikke_opfyldt", -3, 10),
    Case("level_met", {"key": K, "kind": "level", "value": 10}, "FY", {"value": 10}, "opfyldt", 10, 10),
    Case("level_h1_at_risk", {"key": K, "kind": "level", "value": 5}, "H1", {"value": 4}, "i_risiko", 4, 5),
    # change_pp: Sjælland 1a, baseline 34 + 5 pp
    Case("change_pp_39_meets_34_plus_5", CHANGE_PP, "FY", {"value": 39}, "opfyldt", 39, 39, None, 100),
    Case("change_pp_38_9_misses", CHANGE_PP, "FY", {"value": 38.9}, "ikke_opfyldt", 38.9, 39, None, 100 * 38.9 / 39),
    Case("change_pp_h1_met_on_track", CHANGE_PP, "H1", {"value": 39}, "paa_vej", 39, 39, None, 100),
    Case("change_pp_h1_missed_at_risk", CHANGE_PP, "H1", {"value": 38.9}, "i_risiko", 38.9, 39, None, 100 * 38.9 / 39),
    # change_relative: 108 × 1,05 = 113,4
    Case("change_relative_fy_met", CHANGE_REL, "FY", {"value": 114}, "opfyldt", 114, 113.4, None, 100 * 114 / 113.4),
    Case("change_relative_fy_missed", CHANGE_REL, "FY", {"value": 113}, "ikke_opfyldt", 113, 113.4, None, 100 * 113 / 113.4),
    Case("change_relative_h1_level_on_track", CHANGE_REL, "H1", {"value": 114}, "paa_vej", 114, 113.4, None, 100 * 114 / 113.4),
    Case("change_relative_cumulative_h1_on_track", {**CHANGE_REL, "cumulative": True}, "H1", {"value": 60}, "paa_vej", 60, 113.4, 56.7, 100 * 60 / 113.4),
    Case("change_relative_cumulative_h1_at_risk", {**CHANGE_REL, "cumulative": True}, "H1", {"value": 56}, "i_risiko", 56, 113.4, 56.7, 100 * 56 / 113.4),
    Case("change_relative_cumulative_h1_met", {**CHANGE_REL, "cumulative": True}, "H1", {"value": 114}, "opfyldt", 114, 113.4, 56.7, 100 * 114 / 113.4),
    # range: both bounds included
    Case("range_lower_bound_included", RANGE, "FY", {"value": 15}, "opfyldt", 15, 15),
    Case("range_upper_bound_included", RANGE, "FY", {"value": 20}, "opfyldt", 20, 15),
    Case("range_above_upper", RANGE, "FY", {"value": 21}, "ikke_opfyldt", 21, 15),
    Case("range_below_lower", RANGE, "FY", {"value": 14}, "ikke_opfyldt", 14, 15),
    Case("range_h1_level_inside_on_track", RANGE, "H1", {"value": 17}, "paa_vej", 17, 15),
    Case("range_h1_level_outside_at_risk", RANGE, "H1", {"value": 21}, "i_risiko", 21, 15),
    Case("range_cumulative_h1_half_lower_on_track", {**RANGE, "cumulative": True}, "H1", {"value": 7.5}, "paa_vej", 7.5, 15, 7.5),
    Case("range_cumulative_h1_below_half_at_risk", {**RANGE, "cumulative": True}, "H1", {"value": 7}, "i_risiko", 7, 15, 7.5),
    Case("range_cumulative_h1_inside_met", {**RANGE, "cumulative": True}, "H1", {"value": 16}, "opfyldt", 16, 15, 7.5),
    Case("range_cumulative_h1_over_upper_not_met", {**RANGE, "cumulative": True}, "H1", {"value": 21}, "ikke_opfyldt", 21, 15, 7.5),
    # milestone
    Case("milestone_fy_done", MILESTONE, "FY", {"value": 1}, "opfyldt", 1, None),
    Case("milestone_fy_not_done", MILESTONE, "FY", {"value": 0}, "ikke_opfyldt", 0, None),
    Case("milestone_h1_done", EARLY, "H1", {"value": 1}, "opfyldt", 1, None),
    Case("milestone_h1_missed_early_deadline", EARLY, "H1", {"value": 0}, "ikke_opfyldt", 0, None),
    Case("milestone_h1_deadline_30_june_missed", {**MILESTONE, "deadline": "2022-06-30"}, "H1", {"value": 0}, "ikke_opfyldt", 0, None),
    Case("milestone_h1_deadline_1_july_on_track", {**MILESTONE, "deadline": "2022-07-01"}, "H1", {"value": 0}, "paa_vej", 0, None),
    Case("milestone_h1_no_deadline_on_track", MILESTONE, "H1", {"value": 0}, "paa_vej", 0, None),
    Case("milestone_fy_done_late_is_met", EARLY, "FY", {"value": 1}, "opfyldt", 1, None, extra=[("H1", K, "", {"value": 0})]),
    # assessment and targets without a stated number
    Case("assessment_fy_positive", {"key": K, "kind": "assessment"}, "FY", {"value": 1}, "opfyldt", 1, None),
    Case("assessment_fy_negative", {"key": K, "kind": "assessment"}, "FY", {"value": 0}, "ikke_opfyldt", 0, None),
    Case("assessment_h1_positive_on_track", {"key": K, "kind": "assessment"}, "H1", {"value": 1}, "paa_vej", 1, None),
    Case("assessment_h1_negative_at_risk", {"key": K, "kind": "assessment"}, "H1", {"value": 0}, "i_risiko", 0, None),
    Case("unstated_count_judged_fy", {"key": K, "kind": "count", "value_stated": False}, "FY", {"value": 1}, "opfyldt", 1, None),
    Case("unstated_count_judged_h1", {"key": K, "kind": "count", "value_stated": False}, "H1", {"value": 0}, "i_risiko", 0, None),
    # coverage: 17 kommuner of Sjælland, kommune "0" never counts
    Case("coverage_fy_all_reached", COVERAGE, "FY", None, "opfyldt", 17, 17, None, 100, extra=kommuner_with(17, period="FY")),
    Case("coverage_h1_nine_on_track", COVERAGE, "H1", None, "paa_vej", 9, 17, 8.5, 100 * 9 / 17, extra=kommuner_with(9)),
    Case("coverage_h1_eight_at_risk", COVERAGE, "H1", None, "i_risiko", 8, 17, 8.5, 100 * 8 / 17, extra=[*kommuner_with(8), ("H1", K, "0", {"value": 9})]),
    Case("coverage_minimum_per_kommune", {**COVERAGE, "minimum_per_kommune": 2}, "FY", None, "ikke_opfyldt", 1, 17, None, 100 / 17, extra=[*kommuner_with(16, 1, "FY"), ("FY", K, SJ[16], {"value": 2})]),
    Case("coverage_missing_kommune_counts_zero", COVERAGE, "FY", None, "ikke_opfyldt", 16, 17, None, 100 * 16 / 17, extra=kommuner_with(16, period="FY")),
    # no value
    Case("no_value_measured_is_missing_data", COUNT, "H1", None, "mangler_data", None, 1680),
    Case("yearly_target_at_h1_is_measured_later", YEARLY, "H1", None, "maales_senere", None, 45),
    Case("yearly_target_at_fy_without_value_is_missing", YEARLY, "FY", None, "mangler_data", None, 45),
    Case("later_year_is_measured_later", {**YEARLY, "measured": {"periods": ["FY"], "years": [2023]}}, "FY", None, "maales_senere", None, 45),
    Case("earlier_year_is_measured_before", {**YEARLY, "measured": {"periods": ["FY"], "years": [2021]}}, "FY", None, "maalt_tidligere", None, 45),
    Case("earlier_year_at_h1_is_measured_before", {**YEARLY, "measured": {"periods": ["FY"], "years": [2021]}}, "H1", None, "maalt_tidligere", None, 45),
    Case("other_year_value_is_still_judged", {**YEARLY, "measured": {"periods": ["FY"], "years": [2021]}}, "FY", {"value": 50}, "opfyldt", 50, 45, None, 100 * 50 / 45),
    Case("value_of_other_period_is_not_used", COUNT, "FY", None, "mangler_data", None, 1680, extra=[("H1", K, "", {"value": 900})]),
]
# fmt: on


def _same(actual: float, expected: float | None) -> bool:
    if expected is None:
        return math.isnan(actual)
    return actual == pytest.approx(expected, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_status_and_numbers_per_kind_and_period(case: Case) -> None:
    rows = list(case.extra)
    if case.values is not None:
        rows.append((case.period, K, "", case.values))
    row = fulfilment(contract_with(case.spec), rows_for(rows), period=case.period).iloc[0]
    assert (row["status"], row["status_label"]) == (case.status, STATUS_LABELS[case.status])
    for name in ("actual", "target_value", "expected", "fulfilment"):
        assert _same(row[name], getattr(case, name)), (name, row[name], getattr(case, name))


@pytest.mark.parametrize(
    ("spec", "period", "rows", "late"),
    [
        (EARLY, "H1", [("H1", K, "", {"value": 0})], True),
        (EARLY, "H1", [("H1", K, "", {"value": 1})], False),
        (EARLY, "FY", [("H1", K, "", {"value": 0}), ("FY", K, "", {"value": 1})], True),
        (EARLY, "FY", [("H1", K, "", {"value": 1}), ("FY", K, "", {"value": 1})], False),
        (EARLY, "FY", [("FY", K, "", {"value": 0})], True),
        ({**MILESTONE, "deadline": "2022-09-30"}, "H1", [("H1", K, "", {"value": 0})], False),
    ],
)
def test_milestone_is_late_when_a_deadline_by_30_june_was_missed(
    spec: dict[str, Any], period: str, rows: list, late: bool
) -> None:
    row = fulfilment(contract_with(spec), rows_for(rows), period=period).iloc[0]
    assert bool(row["late"]) is late


def test_h1_projection_and_needed_in_second_half() -> None:
    row = fulfilment(contract_with(COUNT), rows_for([("H1", K, "", {"value": 700})]), period="H1")
    assert (row.loc[0, "projection"], row.loc[0, "needed_h2"]) == (1400, 980)


def test_h1_needed_in_second_half_is_never_negative() -> None:
    row = fulfilment(contract_with(COUNT), rows_for([("H1", K, "", {"value": 1700})]), period="H1")
    assert row.loc[0, "needed_h2"] == 0


def test_coverage_projection_is_capped_at_the_number_of_kommuner() -> None:
    table = fulfilment(contract_with(COVERAGE), rows_for(kommuner_with(12)), period="H1")
    assert (table.loc[0, "actual"], table.loc[0, "projection"]) == (12, 17)


@pytest.mark.parametrize(
    ("numerator", "denominator", "n", "low", "high", "indistinguishable"),
    [
        (57, 100, 100, 47.21539, 66.26670, True),
        (650, 1000, 1000, 61.99147, 67.89373, False),
    ],
)
def test_survey_share_has_wilson_interval_that_never_changes_status(
    numerator: int, denominator: int, n: int, low: float, high: float, indistinguishable: bool
) -> None:
    values = rows_for([("FY", K, "", {"numerator": numerator, "denominator": denominator})])
    row = fulfilment(contract_with(PCT), values, period="FY").iloc[0]
    assert row["n"] == n
    assert (row["ci_low"], row["ci_high"]) == (
        pytest.approx(low, abs=1e-5),
        pytest.approx(high, abs=1e-5),
    )
    assert bool(row["indistinguishable"]) is indistinguishable
    assert row["status"] == "opfyldt"


def test_share_given_as_a_number_has_no_interval() -> None:
    row = fulfilment(
        contract_with(PCT), rows_for([("FY", K, "", {"value": 60})]), period="FY"
    ).iloc[0]
    assert math.isnan(row["n"]) and math.isnan(row["ci_low"]) and not row["indistinguishable"]


def test_total_of_kommune_rows_is_their_sum_when_no_total_is_given() -> None:
    values = rows_for([("FY", K, "259", {"value": 1000}), ("FY", K, "0", {"value": 680})])
    row = fulfilment(contract_with(COUNT), values, period="FY").iloc[0]
    assert (row["actual"], row["status"]) == (1680, "opfyldt")


def test_comment_of_the_total_row_is_shown() -> None:
    values = rows_for([("H1", K, "", {"value": 100, "comment": "Sen opstart"})])
    assert fulfilment(contract_with(COUNT), values, period="H1").loc[0, "comment"] == "Sen opstart"


def test_other_houses_and_years_are_ignored() -> None:
    values = pd.concat(
        [
            rows_for([("FY", K, "", {"value": 1})], house="fyn"),
            rows_for([("FY", K, "", {"value": 2})], year=2023),
        ]
    )
    assert fulfilment(contract_with(COUNT), values, period="FY").loc[0, "status"] == "mangler_data"


def test_values_frame_is_not_changed() -> None:
    values = rows_for([("H1", K, "", {"value": 900}), ("H1", K, "259", {"value": 900})])
    before = values.copy()
    fulfilment(contract_with({**COUNT, "per_kommune": True}), values, period="H1")
    pd.testing.assert_frame_equal(values, before)


def test_one_row_per_target_in_contract_order_with_the_documented_columns() -> None:
    contract = contract_with(COUNT | {"key": "8b"}, PCT | {"key": "8a"}, MILESTONE | {"key": "8c"})
    table = fulfilment(contract, rows_for([]), period="FY")
    assert table["target"].tolist() == ["8b", "8a", "8c"]
    documented = {
        "goal", "target", "kind", "direction", "period", "actual", "target_value", "upper",
        "expected", "projection", "needed_h2", "fulfilment", "status", "status_label", "n",
        "ci_low", "ci_high", "indistinguishable", "late", "comment", "measured", "unit",
    }  # fmt: skip
    assert documented <= set(table.columns)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["maales_senere", "maales_senere"], "maales_senere"),
        (["maalt_tidligere", "maalt_tidligere"], "maalt_tidligere"),
        (["maalt_tidligere", "maales_senere"], "maales_senere"),
        (["opfyldt", "maales_senere"], "opfyldt"),
        (["opfyldt", "maalt_tidligere"], "opfyldt"),
        (["maalt_tidligere", "i_risiko"], "i_risiko"),
        (["opfyldt", "paa_vej"], "paa_vej"),
        (["paa_vej", "mangler_data"], "mangler_data"),
        (["mangler_data", "i_risiko", "opfyldt"], "i_risiko"),
        (["i_risiko", "ikke_opfyldt", "paa_vej"], "ikke_opfyldt"),
    ],
)
def test_goal_status_is_the_most_severe_of_its_targets(statuses: list[str], expected: str) -> None:
    contract = contract_with(
        *({"key": f"{i}a", "kind": "assessment"} for i in range(len(statuses)))
    )
    table = pd.DataFrame({"goal": ["8"] * len(statuses), "status": statuses})
    goals = goal_status(contract, table)
    assert goals.to_dict("records") == [
        {
            "goal": "8",
            "title": "Mål",
            "scope": "local",
            "status": expected,
            "status_label": STATUS_LABELS[expected],
            "n_targets": len(statuses),
        }
    ]


def test_judging_only_some_targets_gives_their_records_as_judging_all_does() -> None:
    contract = contract_with(
        COUNT,
        {**PCT, "key": "9a"},
        {**COVERAGE, "key": "9b"},
        {**YEARLY, "key": "9c", "measured": {"periods": ["FY"], "years": [2021]}},
    )
    rows = rows_for(
        [("FY", K, "", {"value": 1700}), ("FY", "9a", "", {"value": 60})]
        + [(p, "9b", code, v) for p, _k, code, v in kommuner_with(17, period="FY")]
    )
    index = index_values(rows)
    everything = {r["target"]: r for r in evaluate(contract, index, "FY")}
    some = evaluate(contract, index, "FY", only={"9a", "9c"})

    assert [r["target"] for r in some] == ["9a", "9c"]
    assert some == [everything["9a"], everything["9c"]]
    assert (everything["9a"]["status"], everything["9c"]["status"]) == (
        "opfyldt",
        "maalt_tidligere",
    )
