"""What the round would look like if the form were saved now (docs/entry.md "Live status").

The form's texts (a *draft*: target, kommune → column → text) are laid over the table as
read (``apply_draft``); ``live_round`` then judges the round with ``metrics`` as if it were
saved: the values a save would write (``services.entry.changes``, so a per-kommune total
follows its kommune rows exactly as the store will keep it) over the stored ones. Where a
field does not read as a number yet, the rest is judged as typed and that field is left out.

It also lists what still lacks a value or a needed comment, each with the anchor of the
target's inputs, and the live sum of each per-kommune target's kommune rows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from contracts import wording
from contracts.models import Contract, Target
from metrics import consistency, fulfilment
from metrics.frames import row_dicts
from metrics.statuses import MANGLER_DATA, STATUS_LABELS
from metrics.values import values_frame
from services.entry import changes
from services.entry_form import anchor_of
from services.entry_table import EDITABLE_COLUMNS, NUMBER_COLUMNS, EntryTable, is_missing
from services.rounds import EXPLAINED_BY_COMMENT, missing_comments
from services.values_io.parse import parse_number
from services.values_io.validate import FIELD_OF

Place = tuple[str, str]
Draft = Mapping[Place, Mapping[str, str]]


@dataclass(frozen=True)
class LiveTarget:
    status: str
    label: str
    result: str


MissingKind = Literal["value", "comment", "explanation", "parts"]
#: The kinds of what is missing, in the order the list shows them, with their headings.
MISSING_HEADINGS: dict[MissingKind, str] = {
    "value": "Mangler et tal",
    "comment": "Mangler en kommentar",
    "explanation": "Mangler en begrundelse for vurderingen",
    "parts": "Stemmer ikke med sine dele og mangler en kommentar",
}


@dataclass(frozen=True)
class Missing:
    """A target that still lacks a value or a needed comment, and where its inputs are.

    ``text`` says more where the kind needs it: the status that asks for a comment ("i
    risiko"), or the parts that do not add up."""

    key: str
    name: str
    anchor: str
    kind: MissingKind
    text: str = ""


@dataclass(frozen=True)
class LiveRound:
    targets: dict[str, LiveTarget]
    missing: tuple[Missing, ...]
    #: Parts that do not add up (8a = 8b + 8c), by the total's key: shown beside its status.
    warnings: dict[str, str]
    #: The sum of each per-kommune target's kommune rows as typed, in words; "" when none.
    kommune_sums: dict[str, str]


def apply_draft(table: EntryTable, draft: Draft) -> EntryTable:
    """``table`` with the draft's texts in their cells (the table itself is not changed).

    Texts that leave a place as it reads (``EntryTable.cells``: stripped, empty for missing)
    are no change; with none left, the answer is ``table`` itself. Only the frames holding a
    changed place are copied."""
    cells = table.cells
    changed = {
        place: {c: t for c, t in texts.items() if c in EDITABLE_COLUMNS}
        for place, texts in draft.items()
        if place in cells and _changes(cells[place], texts)
    }
    if not changed:
        return table

    def apply(frame: pd.DataFrame | None) -> pd.DataFrame | None:
        if frame is None or frame.empty:
            return frame
        keys = zip(frame["nøgle"].tolist(), frame["kommunekode"].tolist(), strict=True)
        places = [(str(key), _text(code)) for key, code in keys]
        rows = [(n, changed[p]) for n, p in enumerate(places) if p in changed]
        if not rows:
            return frame
        frame = frame.copy()
        position = {column: n for n, column in enumerate(frame.columns)}
        for n, texts in rows:
            for column, text in texts.items():
                frame.iat[n, position[column]] = text
        return frame

    totals, kommuner = apply(table.totals), apply(table.kommuner)
    assert totals is not None and kommuner is not None
    return EntryTable(totals, kommuner, apply(table.computed), table.warnings)


def _changes(cells: Mapping[str, str], texts: Mapping[str, str]) -> bool:
    return any(_text(t) != cells.get(c, "") for c, t in texts.items() if c in EDITABLE_COLUMNS)


def cells_of(table: EntryTable) -> dict[Place, dict[str, str]]:
    """Every place's editable texts (numbers as Danish text, the comment), stripped; read-only
    (``EntryTable.cells``, worked out once per table)."""
    return table.cells


def live_round(
    contract: Contract, period: str, values: pd.DataFrame, table: EntryTable, edited: EntryTable
) -> LiveRound:
    """The round judged as if ``edited`` were saved over ``values`` (the house's values)."""
    if edited is table and table.judged is not None:  # nothing typed: judged when built
        judged, all_findings = table.judged, table.findings
    else:
        mine = (
            (values["house"] == contract.erhvervshus)
            & (values["year"] == contract.year)
            & (values["period"] == period)
        )
        round_values = _after_save(contract, period, values[mine], table, edited)
        combined = pd.concat([values[~mine], round_values], ignore_index=True)
        judged = fulfilment(contract, combined, period=period)
        all_findings = tuple(consistency(contract, combined))
    targets = {t.key: t for _goal, t in contract.targets()}
    live = {}
    for raw in row_dicts(judged):
        row = {str(k): v for k, v in raw.items()}
        status, key = str(row["status"]), str(row["target"])
        live[key] = LiveTarget(
            status, STATUS_LABELS[status], wording.result_text(row, targets[key])
        )
    findings = [f for f in all_findings if f.period == period and f.code in EXPLAINED_BY_COMMENT]
    return LiveRound(
        live,
        _missing(judged, findings, targets),
        {f.target: f.message for f in findings if f.code == "parts"},
        {key: _kommune_sum(targets[key], edited) for key in _per_kommune(edited)},
    )


def _after_save(
    contract: Contract, period: str, stored: pd.DataFrame, table: EntryTable, edited: EntryTable
) -> pd.DataFrame:
    found = changes(contract, period, table, edited)
    records: dict[Place, dict[str, Any]] = {
        (str(r["target"]), str(r["kommune"] or "")): {str(k): v for k, v in r.items()}
        for r in row_dicts(stored)
    }
    if found.problems:  # judged as typed, but a target with a problem as it is stored
        broken = {issue.target for issue in found.issues}
        for place, record in _places(edited).items():
            if place[0] in broken:
                continue
            typed = _lenient(record)
            if typed is None:
                records.pop(place, None)
            else:
                records[place] = _record(contract, period, place, *typed)
    else:
        for key, _version in found.deletes:
            records.pop((key.target, key.kommune), None)
        for row in found.rows:
            parts = {f: v for f, v in row.parts().items() if v is not None}
            place = (row.key.target, row.key.kommune)
            records[place] = _record(contract, period, place, parts, row.comment)
    return values_frame(records.values())


def _record(
    contract: Contract, period: str, place: Place, numbers: Mapping[str, float], comment: Any
) -> dict[str, Any]:
    return {
        "house": contract.erhvervshus,
        "year": contract.year,
        "period": period,
        "target": place[0],
        "kommune": place[1],
        **numbers,
        "comment": comment,
        "version": 0,
    }


def _places(table: EntryTable) -> dict[Place, Mapping[Any, Any]]:
    frames = [f for f in table.frames() if not f.empty]
    if not frames:
        return {}
    both = pd.concat(frames, ignore_index=True)
    return {(str(r["nøgle"]), _text(r["kommunekode"])): r for r in row_dicts(both)}


def _lenient(record: Mapping[Any, Any]) -> tuple[dict[str, float], str | None] | None:
    numbers = {}
    for column in NUMBER_COLUMNS:
        number = _number(record[column])
        if number is not None:
            numbers[FIELD_OF[column]] = number
    comment = _text(record["kommentar"]) or None
    if not numbers and (comment is None or _text(record["kommunekode"])):
        return None
    return numbers, comment


def _number(cell: Any) -> float | None:
    try:
        number = parse_number(_text(cell), "semikolon")
    except ValueError:
        return None
    return None if number is None or math.isnan(number) else number


def _text(cell: Any) -> str:
    return "" if is_missing(cell) else str(cell).strip()


def _missing(
    judged: pd.DataFrame, findings: list[Any], targets: dict[str, Target]
) -> tuple[Missing, ...]:
    """By kind (no value, a needed comment, an explanation, parts), each in contract order.

    The comments a round needs are the submit check's (``services.rounds.missing_comments``)."""
    by_label = {t.name: t for t in targets.values()}
    found: list[Missing] = []

    def add(target: Target, kind: MissingKind, text: str = "") -> None:
        found.append(Missing(target.key, target.name, anchor_of(target.key), kind, text))

    for row in row_dicts(judged):
        if row["status"] == MANGLER_DATA:
            add(targets[str(row["target"])], "value")
    for line in missing_comments(judged):
        name, _, text = line.partition(": ")
        if text.endswith("mangler en begrundelse."):
            add(by_label[name], "explanation")
        else:
            add(by_label[name], "comment", text.removeprefix("er ").split(" og mangler")[0])
    comments = dict(zip(judged["target"], judged["comment"], strict=True))
    for finding in findings:
        comment = comments.get(finding.target)
        if not (isinstance(comment, str) and comment.strip()):
            add(targets[finding.target], "parts", finding.message)
    order = {key: n for n, key in enumerate(targets)}
    kinds = list(MISSING_HEADINGS)
    return tuple(sorted(found, key=lambda m: (kinds.index(m.kind), order[m.key])))


def _per_kommune(table: EntryTable) -> list[str]:
    return list(dict.fromkeys(str(k) for k in table.kommuner["nøgle"]))


def _kommune_sum(target: Target, table: EntryTable) -> str:
    rows = table.kommuner[table.kommuner["nøgle"] == target.key]
    numbers = [n for n in (_number(cell) for cell in rows["værdi"]) if n is not None]
    if not numbers:
        return ""
    return wording.value_text(target, math.fsum(numbers), result=False)
