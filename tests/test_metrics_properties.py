"""Properties of the engine that hold for any numbers (hypothesis)."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from contracts.models import Contract
from metrics import STATUS_RANK, fulfilment
from metrics.values import Reported, values_frame

AT_LEAST_KINDS = [
    {"kind": "count", "value": 1680},
    {"kind": "amount", "value": 27},
    {"kind": "percentage", "value": 57},
    {"kind": "ratio", "value": 2.5},
    {"kind": "level", "value": 10},
    {"kind": "change_pp", "value": 5, "baseline": {"value": 34, "year": 2020}},
    {"kind": "change_relative", "value": 5, "baseline": {"value": 108, "year": 2020}},
    {
        "kind": "change_relative",
        "value": 5,
        "baseline": {"value": 108, "year": 2020},
        "cumulative": True,
    },
]


@cache
def contract_for(kind: int) -> Contract:
    spec = AT_LEAST_KINDS[kind]
    return Contract.model_validate(
        {
            "erhvervshus": "fyn",
            "kkr": "syddanmark",
            "year": 2024,
            "goals": [
                {
                    "number": "1",
                    "title": "Mål",
                    "scope": "local",
                    "targets": [{"key": "1a", "text": "Måltal.", **spec}],
                }
            ],
        }
    )


def judged(kind: int, period: str, actual: float) -> tuple[int, float]:
    contract = contract_for(kind)
    values = values_frame(
        [{"house": "fyn", "year": 2024, "period": period, "target": "1a", "value": actual}]
    )
    row = fulfilment(contract, values, period=period).iloc[0]
    return STATUS_RANK[row["status"]], row["fulfilment"]


@settings(max_examples=150, deadline=None)
@given(
    kind=st.integers(min_value=0, max_value=len(AT_LEAST_KINDS) - 1),
    period=st.sampled_from(["H1", "FY"]),
    low=st.floats(min_value=0, max_value=5000, allow_nan=False),
    raise_by=st.floats(min_value=0, max_value=5000, allow_nan=False),
)
def test_raising_actual_of_an_at_least_target_never_lowers_status_or_fulfilment(
    kind: int, period: str, low: float, raise_by: float
) -> None:
    rank_low, fulfilment_low = judged(kind, period, low)
    rank_high, fulfilment_high = judged(kind, period, low + raise_by)
    assert rank_high >= rank_low
    if fulfilment_low == fulfilment_low:  # not NaN: kinds with a fulfilment
        assert fulfilment_high >= fulfilment_low


@given(
    promoters=st.integers(min_value=0, max_value=10**6),
    passives=st.integers(min_value=0, max_value=10**6),
    detractors=st.integers(min_value=0, max_value=10**6),
)
def test_nps_lies_within_minus_100_and_100(promoters: int, passives: int, detractors: int) -> None:
    reported = Reported(promoters=promoters, passives=passives, detractors=detractors)
    if promoters + passives + detractors == 0:
        assert reported.number is None
    else:
        assert reported.number is not None and -100 <= reported.number <= 100
