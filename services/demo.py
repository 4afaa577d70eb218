"""Demo values: plausible, seeded results for every contract, so a new user sees a live app.

``install_demo`` writes them flagged as demo (``Store.save(..., demo=True)``) to every round
that holds no real values, then sets the rounds' statuses as a real year would have them
(past rounds godkendt, the latest indsendt, one left åben); the statuses read "(demo)" and
lock like real ones. Real values enter a demo round only after its demo data is removed by
an explicit, audited act (docs/rules.md "Demo and real"); ``clear_demo`` removes all of it.

The demo is internally consistent: a total made of parts (8a = 8b + 8c) is their sum, and
kommune rows add up to their total exactly.

Values are drawn per target from a seeded generator so the same call gives the same data,
and spread over the outcomes a KKR sees: met, on track, at risk, missed, missing, later.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, replace

from contracts.models import Contract, Target
from contracts.reference import kommuner
from db import Store, ValueKey, ValueRow

DEMO_USER = "demo"
DEMO_SEED = 2026
DEMO_SOURCE = "demodata"

_MISS_REASONS = (
    "Færre henvendelser end ventet i første kvartal; indsatsen er øget i andet halvår.",
    "Medarbejderudskiftning har forsinket forløbene; to nye konsulenter er ansat.",
    "Programmidlerne blev givet senere end planlagt, så aktiviteten er rykket.",
    "Målingen er baseret på få besvarelser og usikker; vi følger op i næste måling.",
    "Efterspørgslen har især været i byerne; der er planlagt opsøgende dage i landkommunerne.",
)
_ASSESSMENT_OK = (
    "Gennemført som aftalt; status blev drøftet på KKR-sekretariatets møde.",
    "Følges løbende i dialog med de lokale erhvervskontorer; der er god fremdrift.",
)
_ASSESSMENT_MISS = "Ikke nået i perioden: arbejdet er sat i bero, mens partnerskabet afklares."


@dataclass(frozen=True)
class DemoRound:
    house: str
    year: int
    period: str


def due_periods(year: int, as_of: dt.date) -> list[str]:
    """H1 is reported from mid-August, FY after year end (from March the year after)."""
    periods = []
    if as_of >= dt.date(year, 8, 15):
        periods.append("H1")
    if as_of >= dt.date(year + 1, 3, 1):
        periods.append("FY")
    return periods


def _performance(rng: random.Random) -> float:
    """How a house does on one target over the year: mostly near or above, sometimes short."""
    return rng.choices((1.12, 1.03, 0.97, 0.85, 0.6), weights=(30, 25, 15, 20, 10))[0]


def _split_by_population(
    rng: random.Random, total: float, codes: tuple[str, ...], whole: bool
) -> dict[str, float]:
    """``total`` spread over ``codes`` by population (with noise); the shares add up to it
    exactly, in whole numbers or (amounts) hundredths, by the largest remainders."""
    pops = kommuner()
    weights = {code: pops[code].population * rng.lognormvariate(0, 0.35) for code in codes}
    # A few small municipalities without activity: the map's "ingen aktivitet" class.
    for code in rng.sample(codes, k=max(0, len(codes) // 9)):
        weights[code] = 0.0
    # Amounts are split in hundredths (0,01 mio. kr.), as a person would report them.
    step = 1 if whole else 100
    units = round(total * step)
    scale = units / (sum(weights.values()) or 1.0)
    shares = {code: weight * scale for code, weight in weights.items()}
    floors = {code: math.floor(value) for code, value in shares.items()}
    left = units - sum(floors.values())
    by_remainder = sorted(codes, key=lambda c: (floors[c] - shares[c], c))
    for code in by_remainder[:left]:
        floors[code] += 1
    return {code: float(n) if whole else n / step for code, n in floors.items()}


def _kommune_rows(
    contract: Contract,
    key: ValueKey,
    value: float,
    comment: str | None,
    rng: random.Random,
    whole: bool,
) -> list[ValueRow]:
    """The total and its kommune rows (kommune "0" for outside), adding up to ``value``."""
    outside = float(round(value * 0.01)) if whole else 0.0
    split = _split_by_population(rng, value - outside, tuple(contract.geography or ()), whole)
    rows = [
        ValueRow(ValueKey(key.house, key.year, key.period, key.target, code), value=v,
                 source=DEMO_SOURCE)
        for code, v in split.items()
    ]  # fmt: skip
    if outside:
        rows.append(
            ValueRow(ValueKey(key.house, key.year, key.period, key.target, "0"), value=outside,
                     source=DEMO_SOURCE)
        )  # fmt: skip
    # Rounded to the hundredths the rows carry, so that no float noise reaches a person.
    total = round(math.fsum(row.value or 0.0 for row in rows), 2)
    return [ValueRow(key, value=total, comment=comment, source=DEMO_SOURCE), *rows]


def _rows_for_target(
    contract: Contract, target: Target, period: str, rng: random.Random, perf: float
) -> list[ValueRow]:
    key = ValueKey(contract.erhvervshus, contract.year, period, target.key)
    h1 = period == "H1"
    pace = rng.uniform(0.8, 1.15) if h1 else 1.0
    share = target.h1_share if h1 and target.is_cumulative else 1.0
    goal_value = target.target_value
    missed = perf * pace < 1.0
    comment = rng.choice(_MISS_REASONS) if missed else None
    kind = target.kind
    if target.judged_as_assessment or kind == "milestone":
        done = rng.random() < (0.85 if not h1 else 0.6)
        text = rng.choice(_ASSESSMENT_OK) if done else _ASSESSMENT_MISS
        if kind == "milestone" and done:
            text = "Leveret; dokumentation er sendt til KKR-sekretariatet."
        return [ValueRow(key, value=1.0 if done else 0.0, comment=text, source=DEMO_SOURCE)]
    if kind == "spread":
        return []  # judged from its source target's per-kommune values
    if kind == "coverage":
        codes = contract.geography or ()
        reach = min(1.0, perf * (0.55 if h1 else 1.0))
        rows = [
            ValueRow(
                ValueKey(key.house, key.year, period, target.key, code),
                value=1.0 if rng.random() < reach else 0.0,
                source=DEMO_SOURCE,
            )
            for code in codes
        ]
        total = sum(row.value or 0.0 for row in rows)
        return [ValueRow(key, value=total, comment=comment, source=DEMO_SOURCE), *rows]
    assert goal_value is not None
    actual = goal_value * share * perf * pace
    if kind in {"percentage"}:
        denominator = float(rng.randint(60, 420))
        numerator = float(min(denominator, round(denominator * min(actual, 100) / 100)))
        return [
            ValueRow(
                key, numerator=numerator, denominator=denominator, comment=comment,
                source=DEMO_SOURCE,
            )
        ]  # fmt: skip
    if kind == "nps":
        n = rng.randint(40, 250)
        nps = max(-100.0, min(100.0, goal_value * perf))
        detractors = round(n * rng.uniform(0.02, 0.08))
        promoters = min(n - detractors, round(n * nps / 100) + detractors)
        passives = n - promoters - detractors
        return [
            ValueRow(
                key, promoters=float(promoters), passives=float(passives),
                detractors=float(detractors), comment=comment, source=DEMO_SOURCE,
            )
        ]  # fmt: skip
    if kind in {"level", "change_pp"}:
        actual = goal_value + (perf - 1.0) * 20
    if kind == "range" and target.upper is not None:
        actual = rng.uniform(target.value or 0, target.upper + 2) * share * pace
    whole = kind in {"count"}
    value = float(round(actual)) if whole else round(actual, 2)
    if not target.per_kommune:
        return [ValueRow(key, value=value, comment=comment, source=DEMO_SOURCE)]
    return _kommune_rows(contract, key, value, comment, rng, whole)


def _depth(contract: Contract, key: str) -> int:
    target = contract.target(key)
    parts = target.parts if target is not None else ()
    return 1 + max((_depth(contract, p) for p in parts), default=-1) if parts else 0


def _add_up_parts(
    contract: Contract, period: str, rows: dict[str, list[ValueRow]], seed: int
) -> None:
    """A total made of parts (8a = 8b + 8c) is their sum, deepest totals first."""
    made_of = [t for _g, t in contract.targets() if t.parts]
    for target in sorted(made_of, key=lambda t: _depth(contract, t.key)):
        own = rows.get(target.key)
        parts = [
            next((r for r in rows.get(p, []) if not r.key.kommune), None) for p in target.parts
        ]
        if not own or any(part is None or part.value is None for part in parts):
            continue
        value = math.fsum(part.value or 0.0 for part in parts if part is not None)
        total = own[0]
        if not target.per_kommune:
            rows[target.key] = [replace(total, value=value)]
            continue
        rng = random.Random(
            f"{seed}:{contract.erhvervshus}:{contract.year}:{period}:{target.key}:dele"
        )
        whole = target.kind == "count"
        rows[target.key] = _kommune_rows(contract, total.key, value, total.comment, rng, whole)


def demo_rows(contract: Contract, period: str, *, seed: int = DEMO_SEED) -> list[ValueRow]:
    """Every demo value of one contract and period (measured targets only)."""
    rows: dict[str, list[ValueRow]] = {}
    for _goal, target in contract.targets():
        if not target.measured.applies(contract.year, period):
            continue
        rng = random.Random(f"{seed}:{contract.erhvervshus}:{contract.year}:{target.key}")
        perf = _performance(rng)
        rng_period = random.Random(
            f"{seed}:{contract.erhvervshus}:{contract.year}:{period}:{target.key}"
        )
        if rng_period.random() < 0.04:
            continue  # a value not yet reported: "mangler data"
        rows[target.key] = _rows_for_target(contract, target, period, rng_period, perf)
    _add_up_parts(contract, period, rows, seed)
    return [row for found in rows.values() for row in found]


def install_demo(
    store: Store, contracts: Iterable[Contract], *, as_of: dt.date, seed: int = DEMO_SEED
) -> list[DemoRound]:
    """Write demo values to every due round without real values; set round statuses."""
    real_rounds = {(r.house, r.year, r.period) for r in store.rounds() if not r.has_demo}
    written: list[DemoRound] = []
    for contract in sorted(contracts, key=lambda c: (c.year, c.erhvervshus)):
        for period in due_periods(contract.year, as_of):
            if (contract.erhvervshus, contract.year, period) in real_rounds:
                continue
            rows = demo_rows(contract, period, seed=seed)
            if not rows:
                continue
            store.save(rows, user=DEMO_USER, demo=True, reason="demodata")
            written.append(DemoRound(contract.erhvervshus, contract.year, period))
    _set_statuses(store, written)
    return written


def _set_statuses(store: Store, rounds: list[DemoRound]) -> None:
    if not rounds:
        return
    latest = max((r.year, r.period == "FY") for r in rounds)
    for r in rounds:
        current = (r.year, r.period == "FY") == latest
        if current and r.house == "sjaelland":
            continue  # one round left åben, as it is while staff still enter values
        store.set_round_status(r.house, r.year, r.period, "indsendt", user=DEMO_USER)
        if not current:
            store.set_round_status(r.house, r.year, r.period, "godkendt", user=DEMO_USER)
