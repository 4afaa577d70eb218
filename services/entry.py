"""Entering a contract-period's values by hand: the editable table and what an edit saves.

``build_table`` lays out one row per target measured in the period (and, for per-kommune
targets, one row per kommune of the geography plus ``0`` for outside/unknown) with the
stored numbers as Danish text and the version each was read at. ``changes`` compares an
edited table with the one built and returns the ``ValueRow``s to save (expected versions
kept), the deletes (a stored value whose cells were emptied) and every problem in Danish,
checked by the importer's own rules (``services.values_io.validate``).

Numbers are typed the Danish way, like the semicolon dialect of an import: ``1.680``, ``50,5``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from contracts import wording
from contracts.models import Contract, Target
from contracts.reference import kommuner
from db.records import SOURCE_ENTERED, ValueKey, ValueRow
from metrics import fulfilment
from services.values_io.numbers import KIND_LABELS, danish_number
from services.values_io.parse import parse_number
from services.values_io.text import clean_text
from services.values_io.validate import ADDITIVE_KINDS, FIELD_OF, check_numbers

NUMBER_COLUMNS: tuple[str, ...] = tuple(FIELD_OF)  # værdi, tæller, nævner, promotorer, ...
EDITABLE_COLUMNS: tuple[str, ...] = (*NUMBER_COLUMNS, "kommentar")
COLUMNS: tuple[str, ...] = (
    "nøgle",
    "kommunekode",
    "kommune",
    "målsætning",
    "type",
    "måltal",
    *EDITABLE_COLUMNS,
    "status",
    "version",
)
OUTSIDE = "0"
OUTSIDE_NAME = "Uden for geografien / ukendt"
DERIVED_SOURCE = f"{SOURCE_ENTERED} (sum af kommunerækker)"
TEXT_WIDTH = 90


@dataclass(frozen=True)
class EntryTable:
    """The two editors' starting tables: totals, and kommune rows of per-kommune targets."""

    totals: pd.DataFrame
    kommuner: pd.DataFrame


@dataclass(frozen=True)
class EntryChanges:
    rows: tuple[ValueRow, ...]
    deletes: tuple[tuple[ValueKey, int], ...]
    problems: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.rows and not self.deletes


def build_table(
    contract: Contract, period: str, values: pd.DataFrame, *, include_all: bool = False
) -> EntryTable:
    """Rows per target measured in ``period`` (or holding a value there; all with include_all)."""
    own = values[
        (values["house"] == contract.erhvervshus)
        & (values["year"] == contract.year)
        & (values["period"] == period)
    ]
    stored = {(r["target"], r["kommune"] or ""): r for r in own.to_dict("records")}
    with_values = {target for target, _kommune in stored}
    statuses = fulfilment(contract, values, period=period).set_index("target")["status_label"]
    totals: list[dict[str, Any]] = []
    per_kommune: list[dict[str, Any]] = []
    for _goal, target in contract.targets():
        measured = target.measured.applies(contract.year, period)
        if not (include_all or measured or target.key in with_values):
            continue
        status = str(statuses.get(target.key, ""))
        totals.append(_row(target, "", stored.get((target.key, "")), status))
        if target.per_kommune:
            for code in (*(contract.geography or ()), OUTSIDE):
                per_kommune.append(_row(target, code, stored.get((target.key, code)), ""))
    return EntryTable(_frame(totals), _frame(per_kommune))


def changes(contract: Contract, period: str, table: EntryTable, edited: EntryTable) -> EntryChanges:
    """What saving ``edited`` writes; nothing (and every problem) when a cell breaks a rule."""
    before = _records(table)
    after = _records(edited)
    targets = {target.key: target for _goal, target in contract.targets()}
    problems: list[str] = []
    rows: dict[tuple[str, str], ValueRow] = {}
    deletes: dict[tuple[str, str], int] = {}
    numbers_after: dict[tuple[str, str], dict[str, float]] = {}
    changed: set[tuple[str, str]] = set()
    for place, record in after.items():
        target = targets[place[0]]
        old = before[place]
        report = _reporter(problems, target, place[1])
        edited_here = any(_text(record[c]) != _text(old[c]) for c in EDITABLE_COLUMNS)
        # Rows left alone are read for the kommune sums only; their problems are not the user's.
        numbers = _parse(record, report if edited_here else _ignore)
        numbers_after[place] = numbers
        if not edited_here:
            continue
        changed.add(place)
        comment = _comment(record["kommentar"], report)
        version = int(old["version"])
        if not numbers:
            if comment:
                report("kommentar", "en kommentar kan ikke gemmes uden en værdi")
            elif version:
                deletes[place] = version
            continue
        check_numbers(numbers, target, report)
        rows[place] = _value_row(contract, period, place, numbers, comment, version)
    problems += _derive_totals(contract, period, targets, before, numbers_after, changed, rows)
    if problems:
        return EntryChanges((), (), tuple(problems))
    gone = tuple((_key(contract, period, p), v) for p, v in deletes.items() if p not in rows)
    return EntryChanges(tuple(rows.values()), gone, ())


def _derive_totals(
    contract: Contract,
    period: str,
    targets: dict[str, Target],
    before: dict[tuple[str, str], Mapping[Any, Any]],
    numbers: dict[tuple[str, str], dict[str, float]],
    changed: set[tuple[str, str]],
    rows: dict[tuple[str, str], ValueRow],
) -> list[str]:
    """Kommune rows add up to their total, as on import: derived when the total was left alone."""
    problems: list[str] = []
    for key, target in targets.items():
        places = [p for p in numbers if p[0] == key and p[1]]
        filled = [numbers[p] for p in places if numbers[p]]
        if target.kind not in ADDITIVE_KINDS or not filled or not (set(places) & changed):
            continue
        if any(set(n) != {"værdi"} or _nan(n["værdi"]) for n in filled):
            continue  # problems already reported, or parts that do not add up
        total = sum(n["værdi"] for n in filled)
        given = numbers.get((key, ""), {}).get("værdi")
        if (key, "") in changed and given is not None:
            if abs(given - total) > 1e-9 * max(1.0, abs(given)):
                problems.append(
                    f"Måltal {target.name}, kolonne 'værdi': totalen {danish_number(given)} er ikke "
                    f"summen af kommunerækkerne ({danish_number(total)})"
                )
            continue
        old = before[(key, "")]
        if (key, "") not in changed and _text(old["værdi"]) == danish_number(total):
            continue
        comment = _text(before[(key, "")]["kommentar"]) or None
        row = _value_row(
            contract, period, (key, ""), {"værdi": total}, comment, int(old["version"])
        )
        rows[(key, "")] = replace(row, source=DERIVED_SOURCE)
    return problems


def _row(
    target: Target, kommune: str, stored: Mapping[Any, Any] | None, status: str
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "nøgle": target.key,
        "kommunekode": kommune,
        "kommune": _kommune_name(kommune),
        "målsætning": _shorten(target.text),
        "type": KIND_LABELS[target.kind],
        "måltal": target_text(target),
        "status": status,
        "version": int(stored["version"]) if stored else 0,
    }
    for column, field in FIELD_OF.items():
        number: Any = stored[field] if stored else None
        record[column] = "" if _nan(number) else danish_number(float(number))
    if record["tæller"] or record["promotorer"]:
        record["værdi"] = ""  # computed from the parts, which are the value (as on export)
    comment = stored["comment"] if stored else None
    record["kommentar"] = "" if _nan(comment) else str(comment)
    return record


def target_text(target: Target) -> str:
    """The måltal in short: ``mindst 1.680 forløb``, ``mellem 15 og 20 virksomheder``."""
    if target.value_stated and target.target_value is None:
        return "1 = ja, 0 = nej"
    return wording.level_text(target)


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def _records(table: EntryTable) -> dict[tuple[str, str], Mapping[Any, Any]]:
    both = pd.concat([table.totals, table.kommuner], ignore_index=True)
    return {(str(r["nøgle"]), _text(r["kommunekode"])): r for r in both.to_dict("records")}


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


def _comment(cell: Any, report: Callable[[str, str], None]) -> str | None:
    """Through the same door as an import's comments (line breaks kept, controls refused)."""
    try:
        return clean_text(_text(cell)) or None
    except ValueError as exc:
        report("kommentar", str(exc))
        return None


def _ignore(column: str, text: str) -> None:
    return None


def _reporter(problems: list[str], target: Target, kommune: str) -> Callable[[str, str], None]:
    where = f" ({_kommune_name(kommune)}, {kommune})" if kommune else ""

    def report(column: str, text: str) -> None:
        problems.append(f"Måltal {target.name}{where}, kolonne '{column}': {text}")

    return report


def _value_row(
    contract: Contract,
    period: str,
    place: tuple[str, str],
    numbers: dict[str, float],
    comment: str | None,
    version: int,
) -> ValueRow:
    fields: dict[str, Any] = {FIELD_OF[column]: number for column, number in numbers.items()}
    key = _key(contract, period, place)
    return ValueRow(key=key, comment=comment, expected_version=version, **fields)


def _key(contract: Contract, period: str, place: tuple[str, str]) -> ValueKey:
    return ValueKey(contract.erhvervshus, contract.year, period, place[0], place[1])


def _kommune_name(code: str) -> str:
    if not code:
        return "I alt"
    if code == OUTSIDE:
        return OUTSIDE_NAME
    known = kommuner().get(code)
    return known.name if known else code


def _shorten(text: str) -> str:
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1].rstrip() + "…"


def _text(cell: Any) -> str:
    return "" if _nan(cell) else str(cell).strip()


def _nan(value: Any) -> bool:
    """None, NaN or pandas' NA: what an emptied editor cell or a missing number holds."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))
