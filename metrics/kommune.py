"""Per-kommune tables of one target: values per 10.000 inhabitants, by/land spread, coverage.

The by/land classification is the contract's; where the rammeaftale's bilag 1 is not
supplied it is Danmarks Statistik's grouping (a stated placeholder), and population is that
of 1 January 2025 for every year. Both facts travel with the results as ``SPREAD_NOTE``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from contracts.models import Contract
from contracts.reference import POPULATION_YEAR, kommuner
from metrics import geo
from metrics.values import OUTSIDE, index_values, kommune_rows

SPREAD_NOTE = (
    "By/land-inddelingen er en pladsholder: Danmarks Statistiks landkommuner regnes som land, "
    "alle andre som by, indtil rammeaftalens bilag 1 foreligger. Befolkningstal pr. 1. januar "
    f"{POPULATION_YEAR}."
)
CLASS_LABELS: dict[str, str] = {"by": "By", "land": "Land"}
PER_KOMMUNE_COLUMNS = ["kode", "navn", "klasse", "befolkning", "value", "per_10000"]


def _rows(contract: Contract, values: pd.DataFrame, period: str, target: str) -> dict:
    index = index_values(
        values[(values["house"] == contract.erhvervshus) & (values["year"] == contract.year)]
    )
    return kommune_rows(index.get((contract.erhvervshus, contract.year, period), {}).get(target))


def kommune_counts(
    contract: Contract, values: pd.DataFrame, *, period: str, target: str
) -> dict[str, float]:
    """The target's number per kommunekode ("0" included), without the total."""
    return {
        code: row.number or 0.0 for code, row in _rows(contract, values, period, target).items()
    }


def per_kommune(
    contract: Contract, values: pd.DataFrame, *, period: str, target: str
) -> pd.DataFrame:
    """Every kommune of the geography (a missing one counts 0), then "0" where reported.

    Columns: kode, navn, klasse (by/land), befolkning, value, per_10000.
    """
    counts = kommune_counts(contract, values, period=period, target=target)
    classes = geo.classification_of(contract)
    known = kommuner()
    rows = []
    for code in geo.geography_of(contract):
        kommune = known.get(code)
        population = kommune.population if kommune else 0
        value = counts.get(code, 0.0)
        rows.append(
            {
                "kode": code,
                "navn": kommune.name if kommune else code,
                "klasse": classes.get(code, "by"),
                "befolkning": population,
                "value": value,
                "per_10000": 10000 * value / population if population else float("nan"),
            }
        )
    outside = {c: v for c, v in counts.items() if c not in set(geo.geography_of(contract))}
    for code, value in sorted(outside.items()):
        name = (
            "Uden for området / ukendt" if code == OUTSIDE else f"Kommune {code} (uden for området)"
        )
        rows.append(
            {
                "kode": code,
                "navn": name,
                "klasse": "",
                "befolkning": 0,
                "value": value,
                "per_10000": float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=PER_KOMMUNE_COLUMNS)


@dataclass(frozen=True)
class Spread:
    """The by/land spread of a count target's per-kommune values."""

    groups: pd.DataFrame  # gruppe, antal, befolkning, andel_forloeb, andel_befolkning, afvigelse
    max_deviation: float | None
    tolerance: float | None
    note: str = SPREAD_NOTE


def spread(contract: Contract, values: pd.DataFrame, *, period: str, target: str) -> Spread:
    """By/land groups of the spread target ``target`` (or of a count target itself)."""
    spec = contract.target(target)
    source = spec.source_target if spec is not None and spec.source_target else target
    counts = kommune_counts(contract, values, period=period, target=source)
    counts.pop(OUTSIDE, None)
    shares = geo.group_shares(contract, counts) or []
    groups = pd.DataFrame(
        [
            {
                "gruppe": CLASS_LABELS.get(s.group, s.group),
                "antal": s.count,
                "befolkning": s.population,
                "andel_forloeb": s.count_share,
                "andel_befolkning": s.population_share,
                "afvigelse": s.deviation,
            }
            for s in shares
        ],
        columns=["gruppe", "antal", "befolkning", "andel_forloeb", "andel_befolkning", "afvigelse"],
    )
    deviation = max((abs(s.deviation) for s in shares), default=None)
    tolerance = spec.target_value if spec is not None and spec.kind == "spread" else None
    return Spread(groups=groups, max_deviation=deviation, tolerance=tolerance)


@dataclass(frozen=True)
class Coverage:
    """How many of the geography's N kommuner reach the minimum, and which do not."""

    reached: int
    n: int
    minimum: float
    missing: tuple[str, ...]  # kommune names, in geography order


def coverage(contract: Contract, values: pd.DataFrame, *, period: str, target: str) -> Coverage:
    spec = contract.target(target)
    minimum = spec.minimum_per_kommune if spec and spec.minimum_per_kommune is not None else 1.0
    counts = kommune_counts(contract, values, period=period, target=target)
    geography = geo.geography_of(contract)
    known = kommuner()
    missing = tuple(
        known[code].name if code in known else code
        for code in geography
        if counts.get(code, 0.0) < minimum - geo.TOLERANCE
    )
    return Coverage(
        reached=geo.reached(contract, counts, minimum),
        n=len(geography),
        minimum=minimum,
        missing=missing,
    )
