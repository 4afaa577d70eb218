"""What an import meets in the store: the current values, and its totals settled against them.

``current_values`` reads the stored rows of the house-years a file touches (without the demo
values of rounds the import would replace: they are removed first). ``settle_file_totals``
applies the store's totals rule (``services.values_io.totals``) to the file's entries: a
derived total counts the stored kommune rows too, and a total that would disagree with its
kommune rows is a problem naming both numbers.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace
from typing import Any

from contracts.describe import round_label
from contracts.loader import Catalog
from contracts.reported import VALUE_PARTS
from db import Store
from metrics.frames import row_dicts
from services.values_io.totals import Stored, settle_total
from services.values_io.validate import Entry, Key

RoundKey = tuple[str, int, str]


def _is_nan(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def numbers_of(record: dict[str, Any]) -> dict[str, float | None]:
    """A stored record's six number fields, None where empty."""
    return {f: None if _is_nan(record[f]) else float(record[f]) for f in VALUE_PARTS}


def current_values(
    store: Store, entries: tuple[Entry, ...], demo_rounds: set[RoundKey]
) -> tuple[dict[Key, dict[str, Any]], int]:
    """The stored records by key, and how many demo values the replaced rounds hold."""
    found: dict[Key, dict[str, Any]] = {}
    demo = 0
    for house, year in sorted({entry.key[:2] for entry in entries}):
        for raw in row_dicts(store.values(house=house, year=year)):
            record = {str(name): value for name, value in raw.items()}
            if (record["house"], int(record["year"]), record["period"]) in demo_rounds:
                demo += 1
                continue
            comment = record["comment"]
            record["comment"] = None if _is_nan(comment) else comment
            kommune = record["kommune"] or ""
            key = (house, int(record["year"]), record["period"], record["target"], kommune)
            found[key] = record
    return found, demo


def _stored(record: dict[str, Any]) -> Stored:
    numbers = {f: v for f, v in numbers_of(record).items() if v is not None}
    return Stored(numbers, str(record["source"]), record["comment"])


def settle_file_totals(
    entries: tuple[Entry, ...], current: dict[Key, dict[str, Any]], catalog: Catalog
) -> tuple[list[Entry], list[str]]:
    """The entries with each per-kommune total settled against the store; every problem."""
    groups: dict[tuple[str, int, str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.key[:4]].append(entry)
    result: list[Entry] = []
    problems: list[str] = []
    for (house, year, period, key), group in groups.items():
        contract = catalog.contract(house, year)
        target = contract.target(key) if contract is not None else None
        file_total = next((e for e in group if not e.kommune), None)
        if target is None or not target.per_kommune:
            result.extend(group)
            continue
        stored = {
            k[4]: _stored(r) for k, r in current.items() if k[:4] == (house, year, period, key)
        }
        written: dict[str, dict[str, float] | None] = {e.kommune: e.numbers for e in group}
        if file_total is not None and file_total.derived:
            written.pop("")  # the file's own sum: the store's rows decide it below
        outcome = settle_total(target, stored, written)
        kommune_rows = [e for e in group if e.kommune]
        old = stored.get("")
        if outcome is None:  # the stored total already is the sum: only its comment may change
            result.extend(e for e in group if not e.derived)
            if file_total is not None and file_total.derived and old is not None:
                comment = old.comment if file_total.comment is None else file_total.comment
                result.append(replace(file_total, numbers=old.numbers, comment=comment))
            continue
        if outcome.problem is not None:
            where = (
                f"Række {file_total.rows[0]}, kolonne 'værdi'"
                if file_total is not None and not file_total.derived and file_total.numbers
                else f"Måltal {key}, {round_label(house, year, period)}"
            )
            problems.append(f"{where}: {outcome.problem}")
            continue
        comment = file_total.comment if file_total is not None else None
        if comment is None and old is not None:
            comment = old.comment
        base = file_total or kommune_rows[0]
        rows = tuple(e.rows[0] for e in kommune_rows) or base.rows
        total = replace(
            base,
            kommune="",
            numbers=outcome.numbers or {},
            comment=comment,
            rows=rows,
            derived=True,
        )
        result.extend([*kommune_rows, total])
    return result, problems
