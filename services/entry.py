"""Entering a contract-period's values by hand: what an edit of the table saves.

``changes`` compares an edited table (``services.entry_table.build_table``) with the one
built and returns the ``ValueRow``s to save (expected versions kept), the deletes (a stored
value whose cells were emptied) and every problem in Danish, checked by the importer's own
rules (``services.values_io.validate``) and the store's totals rule
(``services.values_io.totals``): a per-kommune total follows its kommune rows and is never
replaced silently.

A row with a comment and no number is a comment on the target (docs/rules.md); a computed
target takes only a comment. Numbers are typed the Danish way: ``1.680``, ``50,5``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from contracts.models import Contract, Target
from db.records import SOURCE_ENTERED, ValueKey, ValueRow
from metrics.frames import row_dicts
from services.entry_hints import kind_hint
from services.entry_table import (
    COLUMNS,
    EDITABLE_COLUMNS,
    NUMBER_COLUMNS,
    EntryTable,
    build_table,
    is_missing,
    kommune_name,
    target_text,
)
from services.values_io.parse import parse_number
from services.values_io.text import clean_text
from services.values_io.totals import DERIVED_MARK, Stored, settle_total
from services.values_io.validate import FIELD_OF, check_numbers

__all__ = [
    "COLUMNS",
    "DERIVED_SOURCE",
    "NUMBER_COLUMNS",
    "EntryChanges",
    "EntryTable",
    "Issue",
    "build_table",
    "changes",
    "target_text",
]

DERIVED_SOURCE = f"{SOURCE_ENTERED} {DERIVED_MARK}"

Place = tuple[str, str]  # (target key, kommunekode; "" for the total)


@dataclass(frozen=True)
class Issue:
    """A problem with one cell: the target, kommune ("" for the total) and column it is in."""

    target: str
    kommune: str
    column: str
    text: str


@dataclass(frozen=True)
class EntryChanges:
    rows: tuple[ValueRow, ...]
    deletes: tuple[tuple[ValueKey, int], ...]
    problems: tuple[str, ...]
    #: The problems by cell, for a form that shows each beside its input.
    issues: tuple[Issue, ...] = field(default=(), compare=False)

    @property
    def empty(self) -> bool:
        return not self.rows and not self.deletes


def changes(contract: Contract, period: str, table: EntryTable, edited: EntryTable) -> EntryChanges:
    """What saving ``edited`` writes; nothing (and every problem) when a cell breaks a rule."""
    if edited is table:  # the table as read, judged for its statuses: nothing typed
        return EntryChanges((), (), ())
    before = _records(table)
    after = _records(edited)
    targets = {target.key: target for _goal, target in contract.targets()}
    problems: list[str] = []
    issues: list[Issue] = []
    rows: dict[Place, ValueRow] = {}
    deletes: dict[Place, int] = {}
    written: dict[Place, dict[str, float] | None] = {}
    for place, record in after.items():
        target = targets[place[0]]
        old = before[place]
        if not any(_text(record[c]) != _text(old[c]) for c in EDITABLE_COLUMNS):
            continue
        report = _reporter(problems, issues, target, place[1], record)
        numbers = _parse(record, report)
        comment = _comment(record["kommentar"], report)
        version = int(old["version"])
        if numbers and target.is_computed:
            report(
                "værdi",
                f"målet beregnes af kommunetallene for {target.source_target} og tager ingen "
                "værdi; skriv kun en kommentar",
            )
            continue
        if not numbers:
            if comment and place[1]:
                report("kommentar", "en kommentar på en kommunerække kræver et tal")
            elif comment:
                rows[place] = _value_row(contract, period, place, {}, comment, version)
                written[place] = {}
            elif version:
                deletes[place] = version
                written[place] = None
            continue
        check_numbers(numbers, target, report)
        rows[place] = _value_row(contract, period, place, numbers, comment, version)
        written[place] = {FIELD_OF[c]: n for c, n in numbers.items()}
    if not problems:
        for key, text in _settle_totals(contract, period, targets, before, written, rows, deletes):
            problems.append(f"Måltal {targets[key].name}, kolonne 'værdi': {text}")
            issues.append(Issue(key, "", "værdi", text))
    if problems:
        return EntryChanges((), (), tuple(problems), tuple(issues))
    gone = tuple((_key(contract, period, p), v) for p, v in deletes.items() if p not in rows)
    return EntryChanges(tuple(rows.values()), gone, ())


def _settle_totals(
    contract: Contract,
    period: str,
    targets: dict[str, Target],
    before: dict[Place, Mapping[Any, Any]],
    written: dict[Place, dict[str, float] | None],
    rows: dict[Place, ValueRow],
    deletes: dict[Place, int],
) -> list[tuple[str, str]]:
    """Each edited per-kommune target's total, settled against its kommune rows; the
    problems as (target key, text)."""
    problems: list[tuple[str, str]] = []
    for key in dict.fromkeys(place[0] for place in written):
        target = targets[key]
        stored = {p[1]: _stored(record) for p, record in before.items() if p[0] == key}
        outcome = settle_total(target, stored, {p[1]: n for p, n in written.items() if p[0] == key})
        if outcome is None:
            continue
        if outcome.problem is not None:
            problems.append((key, outcome.problem))
            continue
        total = (key, "")
        old = before[total]
        comment = rows[total].comment if total in rows else (_text(old["kommentar"]) or None)
        derived = outcome.numbers or {}
        numbers = {column: derived[f] for column, f in FIELD_OF.items() if f in derived}
        row = _value_row(contract, period, total, numbers, comment, int(old["version"]))
        rows[total] = replace(row, source=DERIVED_SOURCE)
        deletes.pop(total, None)
    return problems


def _stored(record: Mapping[Any, Any]) -> Stored:
    numbers = _parse(record, _ignore)
    fields = {FIELD_OF[c]: n for c, n in numbers.items() if not math.isnan(n)}
    return Stored(fields, _text(record["kilde"]), _text(record["kommentar"]) or None)


def _records(table: EntryTable) -> dict[Place, Mapping[Any, Any]]:
    both = pd.concat(table.frames(), ignore_index=True)
    return {(str(r["nøgle"]), _text(r["kommunekode"])): r for r in row_dicts(both)}


def _parse(record: Mapping[Any, Any], report: Callable[[str, str], None]) -> dict[str, float]:
    numbers: dict[str, float] = {}
    for column in NUMBER_COLUMNS:
        try:
            number = parse_number(_text(record[column]), "semikolon")
        except ValueError as exc:
            report(column, str(exc))
            numbers[column] = math.nan
            continue
        if number is not None:
            numbers[column] = number
    return numbers


def _ignore(column: str, text: str) -> None:
    return None


def _reporter(
    problems: list[str],
    issues: list[Issue],
    target: Target,
    kommune: str,
    record: Mapping[Any, Any],
) -> Callable[[str, str], None]:
    """Reports a problem in a column, with the Danish hint for how its number was typed."""
    where = f" ({kommune_name(kommune)}, {kommune})" if kommune else ""

    def report(column: str, text: str) -> None:
        typed = _text(record[column]) if column in NUMBER_COLUMNS else ""
        hint = kind_hint(target.kind, typed) if typed else None
        if hint:
            text = f"{text}; {hint}"
        problems.append(f"Måltal {target.name}{where}, kolonne '{column}': {text}")
        issues.append(Issue(target.key, kommune, column, text))

    return report


def _value_row(
    contract: Contract,
    period: str,
    place: Place,
    numbers: dict[str, float],
    comment: str | None,
    version: int,
) -> ValueRow:
    fields: dict[str, Any] = {FIELD_OF[column]: number for column, number in numbers.items()}
    key = _key(contract, period, place)
    return ValueRow(key=key, comment=comment, expected_version=version, **fields)


def _key(contract: Contract, period: str, place: Place) -> ValueKey:
    return ValueKey(contract.erhvervshus, contract.year, period, place[0], place[1])


def _text(cell: Any) -> str:
    return "" if is_missing(cell) else str(cell).strip()


def _comment(cell: Any, report: Callable[[str, str], None]) -> str | None:
    """Through the same door as an import's comments (line breaks kept, controls refused)."""
    try:
        return clean_text(_text(cell)) or None
    except ValueError as exc:
        report("kommentar", str(exc))
        return None
