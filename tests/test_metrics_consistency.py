"""Consistency findings on reported values, with their Danish messages."""

from __future__ import annotations

from typing import Any

from contracts.models import Contract
from metrics.consistency import consistency
from metrics.values import values_frame

TARGETS = [
    {"key": "8a", "kind": "count", "value": 1680, "per_kommune": True},
    {
        "key": "8c",
        "kind": "count",
        "value": 800,
        "parts": ["8c.handlingsplaner", "8c.vaekstplaner"],
    },
    {"key": "8c.handlingsplaner", "label": "8c – handlingsplaner", "kind": "count", "value": 485},
    {"key": "8c.vaekstplaner", "label": "8c – vækstplaner", "kind": "count", "value": 315},
    {"key": "12a", "kind": "percentage", "value": 50},
    {"key": "5a", "kind": "milestone"},
]
CONTRACT = Contract.model_validate(
    {
        "erhvervshus": "sjaelland",
        "kkr": "sjaelland",
        "year": 2022,
        "goals": [
            {
                "number": "8",
                "title": "Forløb",
                "scope": "local",
                "targets": [{"text": "Måltal.", **t} for t in TARGETS],
            }
        ],
    }
)


def messages(*rows: dict[str, Any]) -> list[str]:
    values = values_frame({"house": "sjaelland", "year": 2022, "period": "FY", **r} for r in rows)
    return [f.message for f in consistency(CONTRACT, values)]


def test_consistent_values_have_no_findings() -> None:
    assert (
        messages(
            {"target": "8a", "value": 1680},
            {"target": "8a", "kommune": "259", "value": 1000},
            {"target": "8a", "kommune": "0", "value": 680},
            {"target": "8c", "value": 800},
            {"target": "8c.handlingsplaner", "value": 485},
            {"target": "8c.vaekstplaner", "value": 315},
            {"target": "12a", "numerator": 140, "denominator": 251},
            {"target": "5a", "value": 1},
        )
        == []
    )


def test_parts_that_do_not_add_up() -> None:
    assert messages(
        {"target": "8c", "value": 800},
        {"target": "8c.handlingsplaner", "value": 480},
        {"target": "8c.vaekstplaner", "value": 310},
    ) == [
        "8c (helår 2022): delene 8c – handlingsplaner og 8c – vækstplaner giver 790, men totalen er 800."
    ]


def test_kommune_values_that_do_not_match_their_total() -> None:
    assert messages(
        {"target": "8a", "value": 1680},
        {"target": "8a", "kommune": "259", "value": 1000},
        {"target": "8a", "kommune": "0", "value": 600},
    ) == ["8a (helår 2022): kommunernes værdier giver 1.600, men totalen er 1.680."]


def test_value_of_a_target_not_in_the_contract_is_shown() -> None:
    assert messages({"target": "99z", "value": 3}) == [
        "99z (helår 2022): måltallet findes ikke i kontrakten; værdien vises, men indgår ikke i status."
    ]


def test_kommune_rows_on_a_total_only_target_and_outside_the_geography() -> None:
    assert messages(
        {"target": "12a", "kommune": "259", "value": 50},
        {"target": "8a", "kommune": "101", "value": 5},
    ) == [
        "8a (helår 2022): kommune 101 ligger uden for kontraktens område; tallet tæller med i "
        "totalen, men ikke i spredning og dækning.",
        "12a (helår 2022): har tal pr. kommune, men afrapporteres ikke pr. kommune.",
    ]


def test_milestone_judged_with_other_than_1_or_0_and_numerator_over_denominator() -> None:
    assert messages(
        {"target": "5a", "value": 2},
        {"target": "12a", "numerator": 300, "denominator": 251},
    ) == [
        "12a (helår 2022): tælleren 300 er større end nævneren 251.",
        "5a (helår 2022): skal bedømmes 1 (opfyldt) eller 0 (ikke opfyldt), men er 2.",
    ]
