"""A suggested number for next year's target, with its reason, from the target's real results.

Pure: the target and its results year by year (helår, real values only: the caller leaves
demo values out) in, a :class:`Suggestion` out. The rules, in order (docs/drafting.md):

1. no number to suggest for a milestone, an assessment or a target without a stated number;
2. no real result: keep the number ("ingen historik"; it says so where only demo data exist);
3. not met last time: keep the number ("fastholde niveauet (ikke nået i 2022: 94 %)");
4. three or more years of results growing by at least 2 % a year (kinds that can be raised):
   the last result plus one more year of that trend ("trend +6 % om året");
5. met with at least 103 %: raise to that result ("hæve til sidste års resultat 1.742
   (opfyldt med 104 %)");
6. otherwise keep the number ("fastholde niveauet (opfyldt 3 år i træk)").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from contracts import danish, wording
from contracts.models import Target

#: Kinds whose number is raised to a result that beat it (never a range, spread or change).
RAISABLE = frozenset({"count", "amount", "coverage", "percentage", "nps", "ratio", "level"})
#: A yearly growth below this is no trend worth suggesting.
TREND_MINIMUM = 0.02
#: A result at least this share of its target (in %) is worth raising to.
RAISE_FROM = 103.0
#: Decimals of a suggested number per kind (a count is whole).
DECIMALS: dict[str, int] = {"count": 0, "coverage": 0, "amount": 1, "ratio": 2}

Basis = Literal["no_number", "no_history", "demo_only", "not_met", "trend", "raise", "hold"]


@dataclass(frozen=True)
class YearResult:
    """One year's helår result of a target (from ``metrics.fulfilment``)."""

    year: int
    actual: float | None
    target_value: float | None
    status: str
    status_label: str
    fulfilment: float | None = None


@dataclass(frozen=True)
class Suggestion:
    value: float | None
    reason: str
    basis: Basis


def _present(value: float | None) -> bool:
    return value is not None and not math.isnan(value)


def _floor(value: float, kind: str) -> float:
    step = 10 ** DECIMALS.get(kind, 0)
    return math.floor(value * step + 1e-9) / step


def _round(value: float, kind: str) -> float:
    return round(value, DECIMALS.get(kind, 0))


def _shown(target: Target, value: float) -> str:
    return wording.value_text(target, value, result=False)


def _percent(value: float) -> str:
    return danish.percent(value, 0)


def trend(results: Sequence[YearResult]) -> float | None:
    """The average yearly growth from the first to the last result (None if not positive)."""
    first, last = results[0], results[-1]
    if not (_present(first.actual) and _present(last.actual)):
        return None
    assert first.actual is not None and last.actual is not None
    if first.actual <= 0 or last.actual <= 0 or last.year <= first.year:
        return None
    return float((last.actual / first.actual) ** (1 / (last.year - first.year)) - 1)


def suggest(
    target: Target,
    results: Sequence[YearResult],
    *,
    year: int,
    demo_only: bool = False,
) -> Suggestion:
    """The number suggested for ``target`` in the contract for ``year``."""
    if target.kind in {"milestone", "assessment"}:
        what = "en milepæl" if target.kind == "milestone" else "en vurdering"
        return Suggestion(None, f"intet tal at foreslå: målet er {what}", "no_number")
    if not target.value_stated or target.value is None:
        return Suggestion(None, "intet tal at foreslå: måltallet er ikke oplyst", "no_number")
    keep = target.value
    measured = sorted((r for r in results if _present(r.actual)), key=lambda r: r.year)
    if not measured:
        if demo_only:
            reason = "ingen historik: der er kun demodata, og forslag bygger aldrig på dem"
            return Suggestion(keep, reason, "demo_only")
        return Suggestion(keep, "ingen historik", "no_history")
    last = measured[-1]
    assert last.actual is not None
    if last.status != "opfyldt":
        fulfilled = last.fulfilment
        reached = (
            _percent(fulfilled)
            if fulfilled is not None and _present(fulfilled)
            else _shown(target, last.actual)
        )
        return Suggestion(
            keep, f"fastholde niveauet (ikke nået i {last.year}: {reached})", "not_met"
        )
    raisable = target.kind in RAISABLE and target.direction == "at_least"
    growth = trend(measured) if raisable and len(measured) >= 3 else None
    if growth is not None and growth >= TREND_MINIMUM:
        value = _round(last.actual * (1 + growth), target.kind)
        if value > keep:
            span = f"{measured[0].year}–{last.year}"
            reason = f"trend +{danish.number(growth * 100, 0)} % om året ({span})"
            return Suggestion(value, reason, "trend")
    fulfilled = last.fulfilment
    if raisable and fulfilled is not None and _present(fulfilled) and fulfilled >= RAISE_FROM:
        value = _floor(last.actual, target.kind)
        if value > keep:
            when = "sidste års resultat" if last.year == year - 1 else f"resultatet i {last.year}:"
            reason = f"hæve til {when} {_shown(target, value)} (opfyldt med {_percent(fulfilled)})"
            return Suggestion(value, reason, "raise")
    streak = 0
    for result in reversed(measured):
        if result.status != "opfyldt":
            break
        streak += 1
    met = f"opfyldt {streak} år i træk" if streak > 1 else f"opfyldt i {last.year}"
    return Suggestion(keep, f"fastholde niveauet ({met})", "hold")
