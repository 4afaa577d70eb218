"""The dry run of an import (what would be inserted, changed, left as is) and its application.

``plan_import`` reads the file, checks it whole against the contracts and the store (a
per-kommune total and its kommune rows must agree in the store, ``services.values_io.totals``)
and reads the current values with their versions; ``apply_plan`` writes the inserts and
changes in one transaction, passing those versions as ``expected_version``, so a value someone
changed after the dry run is a ``Conflict`` and nothing is written.

A file for a round that holds demo data replaces that data: the dry run says so, and the
import is applied only when the person confirms it (``replace_demo=True``), in which case the
demo data is removed in the same transaction, audited (docs/rules.md "Demo and real").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

import pandas as pd

from contracts.describe import round_label
from contracts.loader import Catalog
from contracts.reported import VALUE_PARTS
from db import SaveResult, Store, ValueKey, ValueRow
from db.errors import DemoInRound, RoundLocked, ValidationFailed
from services.values_io.current import RoundKey, current_values, numbers_of, settle_file_totals
from services.values_io.limits import MAX_PROBLEMS, more_problems
from services.values_io.numbers import danish_number, describe_numbers
from services.values_io.parse import parse_bytes
from services.values_io.validate import Entry, Skipped, check_file

Action = Literal["indsættes", "ændres", "uændret"]
LOCKED = ("indsendt", "godkendt")
DERIVED_SUFFIX = " (sum af kommunerækker)"
FRAME_COLUMNS = ("handling", "række", "måltal", "periode", "kommunekode", "før", "efter")
CONFIRM_FLAG = "--erstat-demodata"


@dataclass(frozen=True)
class PlanItem:
    action: Action
    entry: Entry
    old: dict[str, Any] | None
    expected_version: int


@dataclass(frozen=True)
class ImportPlan:
    source: str
    items: tuple[PlanItem, ...]
    skipped: tuple[Skipped, ...]
    #: Rounds the file writes to that hold demo data, and how many demo values they hold.
    demo_rounds: tuple[RoundKey, ...] = ()
    demo_values: int = 0

    def count(self, action: Action) -> int:
        return sum(1 for item in self.items if item.action == action)

    def summary(self) -> str:
        text = (
            f"{self.count('indsættes')} indsættes, {self.count('ændres')} ændres, "
            f"{self.count('uændret')} uændrede, {len(self.skipped)} ikke udfyldt"
        )
        return f"{text}; {self.demo_text()}" if self.demo_rounds else text

    def demo_text(self) -> str:
        """``erstatter demodata i Erhvervshus Fyn 1. halvår 2022 (79 demoværdier fjernes)``."""
        names = ", ".join(round_label(*key) for key in self.demo_rounds)
        return f"erstatter demodata i {names} ({self.demo_values} demoværdier fjernes)"

    def lines(self) -> list[str]:
        """One Danish line per row: what happens to it, with old → new for changes."""
        lines = []
        for item in self.items:
            new = describe(item.entry.numbers, item.entry.comment)
            if item.action == "ændres" and item.old is not None:
                text = f"{describe(item.old, item.old.get('comment'))} → {new}"
            else:
                text = new
            lines.append(f"{item.action:<12} {_key_text(item.entry.key)}: {text}")
        for skipped in self.skipped:
            lines.append(f"{'ikke udfyldt':<12} {_key_text(skipped.key)} (række {skipped.row})")
        return lines

    def frame(self) -> pd.DataFrame:
        """The plan as a table for a page: one row per file row (derived totals included)."""
        records = [
            {
                "handling": item.action,
                "række": ", ".join(str(r) for r in item.entry.rows),
                "måltal": item.entry.target,
                "periode": item.entry.period,
                "kommunekode": item.entry.kommune,
                "før": describe(item.old, item.old.get("comment")) if item.old else "",
                "efter": describe(item.entry.numbers, item.entry.comment),
            }
            for item in self.items
        ]
        records += [
            {
                "handling": "ikke udfyldt",
                "række": str(skipped.row),
                "måltal": skipped.key[3],
                "periode": skipped.key[2],
                "kommunekode": skipped.key[4],
                "før": "",
                "efter": "",
            }
            for skipped in self.skipped
        ]
        return pd.DataFrame.from_records(records, columns=FRAME_COLUMNS)


def plan_import(data: bytes, name: str, catalog: Catalog, store: Store) -> ImportPlan:
    """Check the whole file and compare it with the store; raise on any problem."""
    checked = check_file(parse_bytes(data, name), catalog)
    _refuse(name, list(checked.problems), checked.problem_count, checked.more)
    demo_rounds = _demo_rounds(store, {entry.key[:3] for entry in checked.entries})
    current, demo_values = current_values(store, checked.entries, demo_rounds)
    entries, problems = settle_file_totals(checked.entries, current, catalog)
    _refuse(name, problems)
    items = []
    for entry in entries:
        old = current.get(entry.key)
        if not entry.numbers and old is not None:
            # A comment on the target: the stored numbers stay, the comment is replaced.
            kept = {f: v for f, v in numbers_of(old).items() if v is not None}
            entry = replace(entry, numbers=kept)
        if old is None:
            items.append(PlanItem("indsættes", entry, None, 0))
            continue
        same = numbers_of(old) == _complete(entry.numbers) and old["comment"] == entry.comment
        action: Action = "uændret" if same else "ændres"
        items.append(PlanItem(action, entry, old, int(old["version"])))
    plan = ImportPlan(name, tuple(items), checked.skipped, tuple(sorted(demo_rounds)), demo_values)
    _refuse_locked(plan, store)
    return plan


def apply_plan(
    plan: ImportPlan, store: Store, user: str, *, replace_demo: bool = False, demo: bool = False
) -> SaveResult:
    """Write the plan's inserts and changes in one transaction (unchanged rows are counted).

    A plan that replaces demo data is written only with ``replace_demo`` (the person's
    confirmation); the demo data is then removed in the same transaction. ``demo``: the
    rows are stored as demo values, beside the demo data (a demo account's import)."""
    if plan.demo_rounds and not replace_demo and not demo:
        raise DemoInRound(
            f"Filen '{plan.source}' {plan.demo_text()}. Intet er importeret: bekræft, at "
            f"demodata skal fjernes (på kommandolinjen: {CONFIRM_FLAG})."
        )
    rows = [_value_row(item, plan.source) for item in plan.items if item.action != "uændret"]
    unchanged = plan.count("uændret")
    if not rows and not plan.demo_rounds:
        return SaveResult(inserted=0, changed=0, unchanged=unchanged, deleted=0)
    result = store.save(
        rows,
        user=user,
        reason=f"import af {plan.source}",
        remove_demo=() if demo else plan.demo_rounds,
        demo=demo,
    )
    return replace(result, unchanged=result.unchanged + unchanged)


def describe(numbers: dict[str, Any], comment: str | None) -> str:
    """``140/251``, ``61/25/9 (NPS)``, ``470`` plus ``«comment»``, in Danish number format."""
    text = describe_numbers(numbers)
    if comment and text == "tom":
        return f"«{comment}»"
    return f"{text} «{comment}»" if comment else text


def _refuse(name: str, problems: list[str], count: int | None = None, more: int = 0) -> None:
    """All or nothing: every problem (the first ``MAX_PROBLEMS``, then how many more)."""
    if count is None:
        count, more, problems = len(problems), max(0, len(problems) - MAX_PROBLEMS), problems
        problems = problems[:MAX_PROBLEMS]
    if count:
        raise ValidationFailed(
            f"Filen '{name}' er ikke importeret: {danish_number(float(count))} "
            f"{'problem' if count == 1 else 'problemer'}, intet er skrevet.",
            [*problems, *([more_problems(more)] if more else [])],
        )


def _demo_rounds(store: Store, rounds: set[RoundKey]) -> set[RoundKey]:
    found = (store.round(*key) for key in sorted(rounds))
    return {(r.house, r.year, r.period) for r in found if r is not None and r.has_demo}


def _key_text(key: tuple[str, int, str, str, str]) -> str:
    house, year, period, target, kommune = key
    where = f" kommune {kommune}" if kommune else ""
    return f"{house} {year} {period} {target}{where}"


def _complete(numbers: dict[str, float]) -> dict[str, float | None]:
    return {f: numbers.get(f) for f in VALUE_PARTS}


def _refuse_locked(plan: ImportPlan, store: Store) -> None:
    """The store refuses too; checking here names the round before anything is attempted.

    A demo round is no obstacle: the confirmed import removes it with its demo data."""
    rounds = sorted({item.entry.key[:3] for item in plan.items if item.action != "uændret"})
    messages = []
    for house, year, period in rounds:
        if (house, year, period) in plan.demo_rounds:
            continue
        info = store.round(house, year, period)
        if info is not None and info.status in LOCKED:
            messages.append(
                f"Indberetningen for {round_label(house, year, period)} er {info.status} og "
                "kan ikke ændres. Genåbn den med en begrundelse."
            )
    if messages:
        raise RoundLocked(messages[0], messages[1:])


def _value_row(item: PlanItem, source: str) -> ValueRow:
    entry = item.entry
    return ValueRow(
        key=ValueKey(entry.house, entry.year, entry.period, entry.target, entry.kommune),
        comment=entry.comment,
        source=source + DERIVED_SUFFIX if entry.derived else source,
        expected_version=item.expected_version,
        **entry.numbers,
    )
