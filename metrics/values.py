"""Reported values as the engine reads them: an index built once from ``store.values()``.

A value may come as a number or as its parts; the number is computed exactly from the parts
(percentage = 100 × tæller ÷ nævner, NPS = 100 × (promotorer − kritikere) ÷ alle svar), and
the parts win over a number given beside them. Kommune "" is the total; where a target has
only kommune rows, the total is their sum.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import pandas as pd

from contracts.reported import OUTSIDE as OUTSIDE
from contracts.reported import TOTAL as TOTAL
from contracts.reported import VALUE_COLUMNS as VALUE_COLUMNS
from contracts.reported import VALUE_PARTS

Z_95 = 1.959963984540054

#: (house, year, period) -> target -> kommune -> Reported
ValueIndex = dict[tuple[str, int, str], dict[str, dict[str, "Reported"]]]


class Reported(NamedTuple):
    """One reported value (a total or one kommune's), with its parts.

    A NamedTuple rather than a frozen dataclass: an index of a nation's values builds tens of
    thousands of these, and a tuple is several times cheaper to make.
    """

    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    promoters: float | None = None
    passives: float | None = None
    detractors: float | None = None
    comment: str | None = None

    @property
    def has_share(self) -> bool:
        return self.numerator is not None and self.denominator is not None and self.denominator > 0

    @property
    def has_nps(self) -> bool:
        p, q, d = self.promoters, self.passives, self.detractors
        return p is not None and q is not None and d is not None and p + q + d > 0

    @property
    def number(self) -> float | None:
        """The value, computed exactly from its parts where they are given."""
        if self.has_share:
            return 100 * self.numerator / self.denominator  # type: ignore[operator]
        if self.has_nps:
            p, q, d = self.promoters, self.passives, self.detractors
            return 100 * (p - d) / (p + q + d)  # type: ignore[operator]
        return self.value

    @property
    def sample_size(self) -> float | None:
        """n behind a share or an NPS; None for a number given directly."""
        if self.has_share:
            return self.denominator
        if self.has_nps:
            return self.promoters + self.passives + self.detractors  # type: ignore[operator]
        return None

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in VALUE_PARTS)


def _sum(numbers: Iterable[float | None]) -> float | None:
    present = [n for n in numbers if n is not None]
    return math.fsum(present) if present else None


def summed(rows: Iterable[Reported]) -> Reported:
    """The total of kommune rows: every part summed (a part absent everywhere stays None)."""
    rows = list(rows)
    value, numerator, denominator, promoters, passives, detractors = (
        _sum(getattr(r, name) for r in rows) for name in VALUE_PARTS
    )
    return Reported(value, numerator, denominator, promoters, passives, detractors)


def total_of(rows: dict[str, Reported] | None) -> Reported | None:
    """The target's total: its "" row, else the sum of its kommune rows, else None.

    A "" row holding only a comment (docs/rules.md, comments per target) keeps its comment
    on the sum of the kommune rows, where there are any.
    """
    if not rows:
        return None
    total = rows.get(TOTAL)
    if total is not None and not total.is_empty:
        return total
    by_kommune = [r for k, r in rows.items() if k != TOTAL]
    if not by_kommune:
        return total
    added = summed(by_kommune)
    return added if total is None else added._replace(comment=total.comment)


def kommune_rows(rows: dict[str, Reported] | None) -> dict[str, Reported]:
    """The per-kommune rows of a target (kommune "0" included), without the total."""
    return {k: r for k, r in (rows or {}).items() if k != TOTAL}


def _numbers(values: pd.DataFrame, name: str) -> list[float | None]:
    numbers = values[name].to_numpy(dtype=float, na_value=math.nan)
    return [None if n != n else n for n in numbers.tolist()]  # n != n: NaN


def index_values(values: pd.DataFrame) -> ValueIndex:
    """Index a ``store.values()`` frame once; the frame itself is not changed."""
    index: ValueIndex = {}
    if values.empty:
        return index
    parts = [_numbers(values, name) for name in VALUE_PARTS]
    comments = [c if isinstance(c, str) and c.strip() else None for c in values["comment"].tolist()]
    kommuner = [k if isinstance(k, str) else TOTAL for k in values["kommune"].tolist()]
    rows = zip(
        values["house"].tolist(),
        [int(y) for y in values["year"].tolist()],
        values["period"].tolist(),
        values["target"].tolist(),
        kommuner,
        zip(*parts, comments, strict=True),
        strict=True,
    )
    new = tuple.__new__
    last_key: tuple[str, int, str] | None = None
    by_target: dict[str, dict[str, Reported]] = {}
    for house, year, period, target, kommune, numbers in rows:
        key = (house, year, period)
        if key != last_key:  # rows come sorted by house, year, period: few lookups
            by_target = index.setdefault(key, {})
            last_key = key
        by_kommune = by_target.get(target)
        if by_kommune is None:
            by_kommune = by_target[target] = {}
        by_kommune[kommune] = new(Reported, numbers)
    return index


def wilson_interval(successes: float, n: float, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a share, in percent (0–100)."""
    p = min(max(successes / n, 0.0), 1.0)
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return 100 * max(centre - half, 0.0), 100 * min(centre + half, 1.0)


def empty_values() -> pd.DataFrame:
    """A values frame with the store's columns and no rows."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in VALUE_COLUMNS})


def values_frame(rows: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    """A frame shaped like ``store.values()`` from plain dicts (missing columns empty).

    For tests, benchmarks and previews: numbers become floats with NaN, kommune "" for totals.
    """
    frame = pd.DataFrame(list(rows), columns=list(VALUE_COLUMNS))
    frame["kommune"] = frame["kommune"].astype(object).fillna("").astype(str)
    frame = frame.astype({name: "float64" for name in VALUE_PARTS})
    frame["source"] = frame["source"].astype(object).fillna("indtastet")
    frame["is_demo"] = frame["is_demo"].astype(object).fillna(False).astype(bool)
    return frame
