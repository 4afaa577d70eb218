"""The dry run of an import (what would be inserted, changed, left as is) and its application.

``plan_import`` reads the file, checks it whole against the contracts and reads the current
values with their versions; ``apply_plan`` writes the inserts and changes in one transaction,
passing those versions as ``expected_version``, so a value someone changed after the dry run
is a ``Conflict`` and nothing is written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Literal

import pandas as pd

from contracts.loader import Catalog
from db import SaveResult, Store, ValueKey, ValueRow
from db.errors import RoundLocked, ValidationFailed
from db.records import round_label
from services.values_io.limits import more_problems
from services.values_io.numbers import danish_number
from services.values_io.parse import parse_bytes
from services.values_io.validate import FIELD_OF, Entry, Key, Skipped, check_file

Action = Literal["indsættes", "ændres", "uændret"]
FIELDS: tuple[str, ...] = tuple(FIELD_OF.values())
LOCKED = ("indsendt", "godkendt")
DERIVED_SUFFIX = " (sum af kommunerækker)"
IGNORED_COMMENT = "kommentaren gemmes ikke uden et tal"
FRAME_COLUMNS = ("handling", "række", "måltal", "periode", "kommunekode", "før", "efter")


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

    def count(self, action: Action) -> int:
        return sum(1 for item in self.items if item.action == action)

    def summary(self) -> str:
        return (
            f"{self.count('indsættes')} indsættes, {self.count('ændres')} ændres, "
            f"{self.count('uændret')} uændrede, {len(self.skipped)} ikke udfyldt"
        )

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
            note = f"række {skipped.row}" + (f"; {IGNORED_COMMENT}" if skipped.comment else "")
            lines.append(f"{'ikke udfyldt':<12} {_key_text(skipped.key)} ({note})")
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
                "efter": IGNORED_COMMENT if skipped.comment else "",
            }
            for skipped in self.skipped
        ]
        return pd.DataFrame.from_records(records, columns=FRAME_COLUMNS)


def plan_import(data: bytes, name: str, catalog: Catalog, store: Store) -> ImportPlan:
    """Check the whole file and compare it with the store; raise on any problem."""
    checked = check_file(parse_bytes(data, name), catalog)
    if checked.problem_count:
        count = checked.problem_count
        raise ValidationFailed(
            f"Filen '{name}' er ikke importeret: {danish_number(float(count))} "
            f"{'problem' if count == 1 else 'problemer'}, intet er skrevet.",
            [*checked.problems, *([more_problems(checked.more)] if checked.more else [])],
        )
    current = _current(store, {entry.key[:2] for entry in checked.entries})
    given = {entry.key for entry in checked.entries}
    items = []
    for entry in checked.entries:
        if entry.derived:
            entry = _with_stored_kommuner(entry, current, given)
        old = current.get(entry.key)
        if old is None:
            items.append(PlanItem("indsættes", entry, None, 0))
            continue
        same = _numbers(old) == _complete(entry.numbers) and old["comment"] == entry.comment
        action: Action = "uændret" if same else "ændres"
        items.append(PlanItem(action, entry, old, int(old["version"])))
    plan = ImportPlan(name, tuple(items), checked.skipped)
    _refuse_locked(plan, store)
    return plan


def apply_plan(plan: ImportPlan, store: Store, user: str) -> SaveResult:
    """Write the plan's inserts and changes in one transaction (unchanged rows are counted)."""
    rows = [_value_row(item, plan.source) for item in plan.items if item.action != "uændret"]
    unchanged = plan.count("uændret")
    if not rows:
        return SaveResult(inserted=0, changed=0, unchanged=unchanged, deleted=0)
    result = store.save(rows, user=user, reason=f"import af {plan.source}")
    return SaveResult(
        inserted=result.inserted,
        changed=result.changed,
        unchanged=result.unchanged + unchanged,
        deleted=result.deleted,
        demo_replaced=result.demo_replaced,
    )


def describe(numbers: dict[str, Any], comment: str | None) -> str:
    """``140/251``, ``61/25/9 (NPS)``, ``470`` plus ``«comment»``, in Danish number format."""
    given = {k: v for k, v in numbers.items() if v is not None and not _is_nan(v)}
    if "numerator" in given:
        text = f"{danish_number(given['numerator'])}/{danish_number(given['denominator'])}"
    elif "promoters" in given:
        parts = (given[f] for f in ("promoters", "passives", "detractors"))
        text = "/".join(danish_number(p) for p in parts) + " (NPS)"
    elif "value" in given:
        text = danish_number(given["value"])
    else:
        text = "tom"
    return f"{text} «{comment}»" if comment else text


def _with_stored_kommuner(
    total: Entry, current: dict[Key, dict[str, Any]], given: set[Key]
) -> Entry:
    """A derived total also counts the stored kommune rows the file leaves as they are."""
    stored = [
        _numbers(record)
        for key, record in current.items()
        if key[:4] == total.key[:4] and key[4] and key not in given
    ]
    fields = set(total.numbers)
    if any({f for f, v in numbers.items() if v is not None} != fields for numbers in stored):
        return total
    sums = {f: total.numbers[f] + sum(n[f] or 0.0 for n in stored) for f in sorted(fields)}
    return replace(total, numbers=sums)


def _key_text(key: Key) -> str:
    house, year, period, target, kommune = key
    where = f" kommune {kommune}" if kommune else ""
    return f"{house} {year} {period} {target}{where}"


def _current(store: Store, house_years: set[tuple[str, int]]) -> dict[Key, dict[str, Any]]:
    found: dict[Key, dict[str, Any]] = {}
    for house, year in sorted(house_years):
        frame: pd.DataFrame = store.values(house=house, year=year)
        for raw in frame.to_dict("records"):
            record = {str(name): value for name, value in raw.items()}
            comment = record["comment"]
            record["comment"] = None if comment is None or _is_nan(comment) else comment
            kommune = record["kommune"] or ""
            key = (
                record["house"],
                int(record["year"]),
                record["period"],
                record["target"],
                kommune,
            )
            found[key] = record
    return found


def _numbers(record: dict[str, Any]) -> dict[str, float | None]:
    return {f: None if _is_nan(record[f]) else float(record[f]) for f in FIELDS}


def _complete(numbers: dict[str, float]) -> dict[str, float | None]:
    return {f: numbers.get(f) for f in FIELDS}


def _is_nan(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _refuse_locked(plan: ImportPlan, store: Store) -> None:
    """The store refuses too; checking here names the round before anything is attempted."""
    rounds = sorted({item.entry.key[:3] for item in plan.items if item.action != "uændret"})
    messages = []
    for house, year, period in rounds:
        info = store.round(house, year, period)
        # A round holding demo values is reset to åben by the first real write.
        if info is not None and info.status in LOCKED and not info.has_demo:
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
