"""Consistency findings on reported values: shown beside the status, never blocking.

- parts that do not add up to their total (8c = 8c.handlingsplaner + 8c.vaekstplaner);
- kommune rows that do not add up to the total given beside them;
- values whose target is not (or no longer) in the contract: shown, never dropped;
- kommune rows for a target that is not reported per kommune, or outside the geography;
- a milestone or assessment judged with something other than 1 or 0;
- a tæller larger than its nævner.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from contracts import danish
from contracts.describe import name_of
from contracts.models import PERIODS, Contract
from metrics import geo
from metrics.values import OUTSIDE, TOTAL, Reported, index_values, kommune_rows, summed

TOLERANCE = 1e-9


@dataclass(frozen=True)
class Finding:
    """One inconsistency, in Danish, with where it is."""

    code: str  # parts | kommune_sum | unknown_target | not_per_kommune | outside | binary | share
    period: str
    target: str
    message: str
    kommune: str = ""

    def __str__(self) -> str:
        return self.message


def _num(number: float) -> str:
    return danish.number(number)


def _differs(a: float, b: float) -> bool:
    return abs(a - b) > TOLERANCE * max(1.0, abs(a), abs(b))


def consistency(contract: Contract, values: pd.DataFrame) -> list[Finding]:
    """Every finding on the contract's values, by period (H1, FY) then contract order."""
    own = values[(values["house"] == contract.erhvervshus) & (values["year"] == contract.year)]
    index = index_values(own)
    keys = [target.key for _goal, target in contract.targets()]
    geography = set(geo.geography_of(contract))
    periods = [p for p in PERIODS] + sorted({k[2] for k in index} - set(PERIODS))
    findings: list[Finding] = []
    for period in periods:
        rows = index.get((contract.erhvervshus, contract.year, period), {})
        when = danish.period_label(period, contract.year)
        for _goal, target in contract.targets():
            key = target.key
            where = f"{target.name} ({when})"
            own_rows = rows.get(key, {})
            total = own_rows.get(TOTAL)
            by_kommune = kommune_rows(own_rows)
            if total is not None and by_kommune:
                findings.extend(_kommune_sum(period, key, where, total, by_kommune))
            if by_kommune and not target.per_kommune and target.kind != "coverage":
                findings.append(
                    Finding(
                        "not_per_kommune",
                        period,
                        key,
                        f"{where}: har tal pr. kommune, men afrapporteres ikke pr. kommune.",
                    )
                )
            for code in sorted(set(by_kommune) - geography - {OUTSIDE}):
                findings.append(
                    Finding(
                        "outside",
                        period,
                        key,
                        f"{where}: kommune {code} ligger uden for kontraktens område; "
                        "tallet tæller med i totalen, men ikke i spredning og dækning.",
                        code,
                    )
                )
            for code, row in sorted(own_rows.items()):
                findings.extend(
                    _row_findings(
                        target.judged_as_assessment or target.kind == "milestone",
                        period,
                        key,
                        where,
                        code,
                        row,
                    )
                )
            if target.parts and all(p in rows for p in target.parts) and key in rows:
                names = tuple(name_of(contract, p) for p in target.parts)
                findings.extend(_parts(period, key, where, target.parts, names, rows))
        for key in sorted(set(rows) - set(keys)):
            findings.append(
                Finding(
                    "unknown_target",
                    period,
                    key,
                    f"{key} ({when}): måltallet findes ikke i kontrakten; værdien vises, "
                    "men indgår ikke i status.",
                )
            )
    return findings


def _kommune_sum(
    period: str, key: str, where: str, total: Reported, by_kommune: dict[str, Reported]
) -> list[Finding]:
    parts = summed(by_kommune.values())
    for name, label in (
        ("value", "værdier"),
        ("numerator", "tællere"),
        ("denominator", "nævnere"),
    ):
        given, added = getattr(total, name), getattr(parts, name)
        if given is not None and added is not None and _differs(given, added):
            return [
                Finding(
                    "kommune_sum",
                    period,
                    key,
                    f"{where}: kommunernes {label} giver {_num(added)}, "
                    f"men totalen er {_num(given)}.",
                )
            ]
    return []


def _row_findings(
    binary: bool, period: str, key: str, where: str, code: str, row: Reported
) -> list[Finding]:
    place = f", kommune {code}" if code else ""
    findings = []
    number = row.number
    if binary and number is not None and number not in (0.0, 1.0):
        findings.append(
            Finding(
                "binary",
                period,
                key,
                f"{where}{place}: skal bedømmes 1 (opfyldt) eller 0 (ikke opfyldt), "
                f"men er {_num(number)}.",
                code,
            )
        )
    if row.has_share and row.numerator > row.denominator:  # type: ignore[operator]
        findings.append(
            Finding(
                "share",
                period,
                key,
                f"{where}{place}: tælleren {_num(row.numerator)} er større end "  # type: ignore[arg-type]
                f"nævneren {_num(row.denominator)}.",  # type: ignore[arg-type]
                code,
            )
        )
    return findings


def _parts(
    period: str,
    key: str,
    where: str,
    parts: tuple[str, ...],
    names: tuple[str, ...],
    rows: dict[str, dict[str, Reported]],
) -> list[Finding]:
    total = rows[key].get(TOTAL) or summed(kommune_rows(rows[key]).values())
    numbers = [(rows[p].get(TOTAL) or summed(kommune_rows(rows[p]).values())).number for p in parts]
    if total.number is None or any(n is None for n in numbers):
        return []
    added = sum(n for n in numbers if n is not None)
    if not _differs(total.number, added):
        return []
    return [
        Finding(
            "parts",
            period,
            key,
            f"{where}: delene {danish.join(names)} giver {_num(added)}, men totalen er "
            f"{_num(total.number)}.",
        )
    ]
