"""The editable table of a contract-period as the Indberetning page shows it.

``build_table`` lays out one row per target measured in the period (and, for per-kommune
targets, one row per kommune of the geography plus ``0`` for outside/unknown) with the
stored numbers as Danish text, the version each was read at and the source it came from.
Computed targets (a spread of another target's kommune rows) get a table of their own: they
take a comment, never a typed value (docs/rules.md "Comments belong to a target").

Numbers are shown the Danish way, like the semicolon dialect of an import: ``1.680``, ``50,5``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from contracts import wording
from contracts.models import Contract, Target
from contracts.reference import kommuner
from metrics import consistency, fulfilment
from metrics.consistency import Finding
from metrics.frames import row_dicts
from metrics.statuses import STATUS_LABELS
from services.values_io.numbers import KIND_LABELS, danish_number
from services.values_io.validate import FIELD_OF

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
    "kilde",
)
OUTSIDE = "0"
OUTSIDE_NAME = "Uden for geografien / ukendt"
PRELIMINARY = wording.PRELIMINARY.lower()
TEXT_WIDTH = 90


@dataclass(frozen=True)
class EntryTable:
    """The editors' starting tables: totals, kommune rows of per-kommune targets, and the
    computed targets (comment only)."""

    totals: pd.DataFrame
    kommuner: pd.DataFrame
    computed: pd.DataFrame | None = None
    #: Danish warnings on the round's numbers (parts that do not add up), shown above them.
    warnings: tuple[str, ...] = ()
    #: The round as stored, judged while the table was built (``metrics.fulfilment`` and
    #: ``metrics.consistency`` of the values it was built from): the form's statuses before
    #: anything is typed need not judge it again. None for a table with edits in it.
    judged: pd.DataFrame | None = field(default=None, compare=False, repr=False)
    findings: tuple[Finding, ...] = field(default=(), compare=False, repr=False)

    def frames(self) -> list[pd.DataFrame]:
        extra = [] if self.computed is None else [self.computed]
        return [self.totals, self.kommuner, *extra]

    @cached_property
    def cells(self) -> dict[tuple[str, str], dict[str, str]]:
        """Every place's editable texts (numbers as Danish text, the comment), stripped, by
        (måltal, kommunekode): worked out once per table, the frames are not changed after.
        Read-only: copy a place's texts before changing them."""
        cells: dict[tuple[str, str], dict[str, str]] = {}
        for frame in self.frames():
            columns = [frame[c].tolist() for c in EDITABLE_COLUMNS]
            keys = zip(frame["nøgle"].tolist(), frame["kommunekode"].tolist(), strict=True)
            for (key, code), *texts in zip(keys, *columns, strict=True):
                cells[(str(key), _text(code))] = {
                    c: _text(t) for c, t in zip(EDITABLE_COLUMNS, texts, strict=True)
                }
        return cells


def build_table(
    contract: Contract, period: str, values: pd.DataFrame, *, include_all: bool = False
) -> EntryTable:
    """Rows per target measured in ``period`` (or holding a value there; all with include_all)."""
    own = values[
        (values["house"] == contract.erhvervshus)
        & (values["year"] == contract.year)
        & (values["period"] == period)
    ]
    stored = {(r["target"], r["kommune"] or ""): r for r in row_dicts(own)}
    with_values = {target for target, _kommune in stored}
    judged = fulfilment(contract, values, period=period)
    statuses = {str(r["target"]): r for r in row_dicts(judged)}
    all_findings = tuple(consistency(contract, values))
    findings = [f for f in all_findings if f.period == period and f.code == "parts"]
    warned = {f.target for f in findings}
    totals: list[dict[str, Any]] = []
    per_kommune: list[dict[str, Any]] = []
    computed: list[dict[str, Any]] = []
    for _goal, target in contract.targets():
        measured = target.measured.applies(contract.year, period)
        if not (include_all or measured or target.key in with_values):
            continue
        status = _status(statuses[target.key], target.key in warned)
        row = _row(target, "", stored.get((target.key, "")), status)
        (computed if target.is_computed else totals).append(row)
        if target.per_kommune:
            for code in (*(contract.geography or ()), OUTSIDE):
                per_kommune.append(_row(target, code, stored.get((target.key, code)), ""))
    return EntryTable(
        _frame(totals),
        _frame(per_kommune),
        _frame(computed),
        tuple(f"Advarsel: {f.message}" for f in findings),
        judged=judged,
        findings=all_findings,
    )


def _status(row: Mapping[Any, Any], warned: bool) -> str:
    text = STATUS_LABELS[str(row["status"])]
    if bool(row["preliminary"]):
        text += f" ({PRELIMINARY})"
    return text + (" · advarsel" if warned else "")


def _row(
    target: Target, kommune: str, stored: Mapping[Any, Any] | None, status: str
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "nøgle": target.key,
        "kommunekode": kommune,
        "kommune": kommune_name(kommune),
        "målsætning": _shorten(target.text),
        "type": KIND_LABELS[target.kind],
        "måltal": target_text(target),
        "status": status,
        "version": int(stored["version"]) if stored else 0,
        "kilde": str(stored["source"]) if stored else "",
    }
    for column, part in FIELD_OF.items():
        number: Any = stored[part] if stored else None
        record[column] = "" if is_missing(number) else danish_number(float(number))
    if record["tæller"] or record["promotorer"]:
        record["værdi"] = ""  # computed from the parts, which are the value (as on export)
    comment = stored["comment"] if stored else None
    record["kommentar"] = "" if is_missing(comment) else str(comment)
    return record


def target_text(target: Target) -> str:
    """The måltal in short: ``mindst 1.680 forløb``, ``mellem 15 og 20 virksomheder``."""
    if target.value_stated and target.target_value is None:
        return "1 = ja, 0 = nej"
    if target.is_computed:
        return f"{wording.level_text(target)} (beregnes af {target.source_target})"
    return wording.level_text(target)


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def kommune_name(code: str) -> str:
    if not code:
        return "I alt"
    if code == OUTSIDE:
        return OUTSIDE_NAME
    known = kommuner().get(code)
    return known.name if known else code


def _shorten(text: str) -> str:
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1].rstrip() + "…"


def _text(cell: Any) -> str:
    return "" if is_missing(cell) else str(cell).strip()


def is_missing(value: Any) -> bool:
    """None, NaN or pandas' NA: what an emptied editor cell or a missing number holds."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))
