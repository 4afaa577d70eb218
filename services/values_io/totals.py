"""A per-kommune target's total and its kommune rows agree in the store (docs/rules.md).

One rule for the entry form and the import alike. Given what is stored for one target in one
round and what a save writes to it, ``settle_total`` says what happens to the total:

- rows written and no total given: the total becomes their sum (with the kommune rows left
  as they are) where it was empty, only a comment, already that sum, or followed the rows
  (it was derived, or equal to the stored rows' sum); a total someone typed that the new
  rows would replace with a different sum is refused, naming both numbers;
- a total written beside stored or written rows must equal their sum, or it is refused;
- a total emptied (or holding only a comment) beside rows becomes their sum.

Only kinds that add up take part: counts, amounts and coverage by their value; shares and NPS
by their parts (tæller/nævner, promotorer/passive/kritikere) when every row gives them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from contracts.models import Target
from contracts.reported import NPS_PARTS, SHARE_PARTS
from services.values_io.numbers import describe_numbers

ADDITIVE_KINDS = frozenset({"count", "amount", "coverage"})
#: The end of a stored total's source when it was derived from its kommune rows.
DERIVED_MARK = "(sum af kommunerækker)"
TOLERANCE = 1e-9

Numbers = dict[str, float]


@dataclass(frozen=True)
class Stored:
    """One stored row of the target: its numbers (db field names), source and comment."""

    numbers: Numbers
    source: str = ""
    comment: str | None = None

    @property
    def derived(self) -> bool:
        return self.source.endswith(DERIVED_MARK)


@dataclass(frozen=True)
class TotalOutcome:
    """What the save does to the total: write ``numbers`` (derived), or refuse (``problem``)."""

    numbers: Numbers | None = None
    problem: str | None = None


def _fields(rows: Mapping[str, Numbers]) -> frozenset[str] | None:
    """The one set of fields every row gives, when they add up; None when they do not."""
    sets = {frozenset(numbers) for numbers in rows.values()}
    if len(sets) != 1:
        return None
    (fields,) = sets
    return fields or None


def _adds_up(target: Target, fields: frozenset[str]) -> bool:
    if fields == {"value"}:
        return target.kind in ADDITIVE_KINDS
    return fields in (set(SHARE_PARTS), set(NPS_PARTS))


def _sum(rows: Mapping[str, Numbers], fields: frozenset[str]) -> Numbers:
    return {f: math.fsum(numbers[f] for numbers in rows.values()) for f in sorted(fields)}


def _differs(a: Numbers, b: Numbers) -> bool:
    if set(a) != set(b):
        return True
    return any(abs(a[f] - b[f]) > TOLERANCE * max(1.0, abs(a[f]), abs(b[f])) for f in a)


def settle_total(
    target: Target, stored: Mapping[str, Stored], written: Mapping[str, Numbers | None]
) -> TotalOutcome | None:
    """The total's fate when ``written`` (kommune → numbers, None = deleted, "" = the total)
    is saved over ``stored``; None when the total is left as it is."""
    if not target.per_kommune:
        return None
    before = {k: s.numbers for k, s in stored.items() if k and s.numbers}
    after = dict(before)
    for kommune, numbers in written.items():
        if not kommune:
            continue
        if numbers:
            after[kommune] = numbers
        else:
            after.pop(kommune, None)
    rows_written = any(kommune for kommune in written)
    if not after:
        return None
    fields = _fields(after)
    if fields is None or not _adds_up(target, fields):
        return None
    total = _sum(after, fields)
    if "" in written:
        given = written[""]
        if not given:  # emptied, or only a comment: the rows give the total
            return TotalOutcome(numbers=total)
        if _differs(given, total):
            return TotalOutcome(
                problem=(
                    f"totalen {describe_numbers(given)} er ikke summen af kommunerækkerne "
                    f"({describe_numbers(total)})"
                )
            )
        return None
    if not rows_written:
        return None
    old = stored.get("")
    if old is None or not old.numbers:
        return TotalOutcome(numbers=total)
    if not _differs(old.numbers, total):
        return None
    follows_rows = old.derived or (
        bool(before)
        and _fields(before) == fields
        and not _differs(old.numbers, _sum(before, fields))
    )
    if follows_rows:
        return TotalOutcome(numbers=total)
    return TotalOutcome(
        problem=(
            f"kommunerækkerne giver {describe_numbers(total)}, men den indtastede total er "
            f"{describe_numbers(old.numbers)}; ret totalen, eller tøm den, så den bliver summen"
        )
    )
