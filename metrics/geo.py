"""Per-kommune arithmetic shared by the engine and the per-kommune tables: spread and coverage.

Kommune "0" (outside the geography or unknown) and kommuner outside the contract's geography
count in a total but never in spread or coverage; a kommune of the geography without a row
counts 0. Population is that of 1 January 2025 (``contracts.reference.POPULATION_YEAR``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from contracts.models import Contract
from contracts.reference import default_classification, default_geography, kommuner

TOLERANCE = 1e-9
GROUPS: tuple[str, ...] = ("by", "land")


def geography_of(contract: Contract) -> tuple[str, ...]:
    return contract.geography or default_geography(contract.erhvervshus)


def classification_of(contract: Contract) -> dict[str, str]:
    geography = geography_of(contract)
    stated = contract.classification or {}
    fallback = default_classification(geography)
    return {code: stated.get(code, fallback.get(code, "by")) for code in geography}


@dataclass(frozen=True)
class GroupShare:
    """One by/land group: its share of the forløb against its share of the population."""

    group: str
    count: float
    population: int
    count_share: float
    population_share: float

    @property
    def deviation(self) -> float:
        """Percentage points: share of forløb minus share of population."""
        return self.count_share - self.population_share


def group_shares(contract: Contract, counts: Mapping[str, float]) -> list[GroupShare] | None:
    """The by/land groups of the geography, or None when the geography's counts sum to 0."""
    classes = classification_of(contract)
    known = kommuner()
    count_by = dict.fromkeys(GROUPS, 0.0)
    people_by = dict.fromkeys(GROUPS, 0)
    for code, group in classes.items():
        count_by[group] += counts.get(code, 0.0)
        people_by[group] += known[code].population if code in known else 0
    total = sum(count_by.values())
    people = sum(people_by.values())
    if total <= 0 or people <= 0:
        return None
    return [
        GroupShare(
            group=group,
            count=count_by[group],
            population=people_by[group],
            count_share=100 * count_by[group] / total,
            population_share=100 * people_by[group] / people,
        )
        for group in GROUPS
        if people_by[group] > 0 or count_by[group] > 0
    ]


def max_deviation(contract: Contract, counts: Mapping[str, float]) -> float | None:
    """The largest absolute group deviation in percentage points (a spread target's actual)."""
    shares = group_shares(contract, counts)
    if shares is None:
        return None
    return max(abs(share.deviation) for share in shares)


def reached(contract: Contract, counts: Mapping[str, float], minimum: float | None) -> int:
    """How many of the geography's kommuner reach the minimum (a coverage target's actual)."""
    floor = 1.0 if minimum is None else minimum
    return sum(1 for code in geography_of(contract) if counts.get(code, 0.0) >= floor - TOLERANCE)
