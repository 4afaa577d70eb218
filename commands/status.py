"""``status``: the status of every target of one contract in one period.

``--format table`` (default) is for people: Danish labels and number formats. ``json`` and
``csv`` are for machines: the keys of DOMAIN.md "Status output", numbers unrounded, null
(or an empty field) where there is no number.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

import pandas as pd

from contracts.reference import house_name
from metrics.format import fmt_number, fmt_percent, fmt_value, period_label
from metrics.statuses import STATUS_LABELS, STATUS_SEVERITY
from services.catalog import load_catalog
from services.status import MACHINE_COLUMNS, contract_status
from services.store import open_store

DIRECTION_SIGNS = {"at_least": "≥", "at_most": "≤", "above": ">"}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("status", help="status for en kontrakts måltal i en periode")
    parser.add_argument("house", metavar="ERHVERVSHUS", help="fx sjaelland")
    parser.add_argument("year", metavar="ÅR", type=int, help="fx 2022")
    parser.add_argument("period", metavar="PERIODE", type=str.upper, help="H1 eller FY")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with open_store() as store:
        table = contract_status(load_catalog(store), store, args.house, args.year, args.period)
    if args.format == "json":
        print(json.dumps(machine_records(table), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        table.loc[:, list(MACHINE_COLUMNS)].to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(f"{house_name(args.house)}: status {period_label(args.period, args.year)}")
        print()
        print(human_table(table))
    return 0


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def machine_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The status table as JSON-ready objects with the machine keys, numbers unrounded."""
    return [
        {name: _plain(value) for name, value in zip(MACHINE_COLUMNS, row, strict=True)}
        for row in table.loc[:, list(MACHINE_COLUMNS)].itertuples(index=False)
    ]


def _target_text(row: Any) -> str:
    if not row.value_stated:
        return "måltal ikke oplyst"
    if row.kind == "range":
        return f"{fmt_value(row.kind, row.target_value)}–{fmt_value(row.kind, row.upper, row.unit)}"
    if row.kind in {"milestone", "assessment"}:
        return "–"
    sign = "≤" if row.kind == "spread" else DIRECTION_SIGNS[row.direction]
    return f"{sign} {fmt_value(row.kind, row.target_value, row.unit)}"


def _expected(row: Any) -> str:
    """The H1 expectation; a whole-number kind keeps a decimal that is there (0,5)."""
    value = row.expected
    if row.kind in {"count", "coverage"} and value == value and not float(value).is_integer():
        text = fmt_number(value, 2).rstrip("0").rstrip(",")
        return f"{text} {row.unit}" if row.unit else text
    return fmt_value(row.kind, value, row.unit)


def human_table(table: pd.DataFrame) -> str:
    """A Danish text table: Mål, Måltal, Resultat, Mål, Forventet, Opfyldelse, Status."""
    header = ("Mål", "Måltal", "Resultat", "Mål for året", "Forventet", "Opfyldelse", "Status")
    lines = [header]
    rows: list[Any] = list(table.itertuples(index=False))
    for row in rows:
        kind = "assessment" if not row.value_stated else row.kind
        status = STATUS_LABELS[row.status] + (" (forsinket)" if row.late else "")
        if row.preliminary:
            status += " (foreløbigt tal)"
        if row.status == "maalt_tidligere" and row.earlier_year is not None:
            status += f" ({int(row.earlier_year)})"
        lines.append(
            (
                str(row.goal),
                str(row.target),
                fmt_value(kind, row.actual, row.unit),
                _target_text(row),
                _expected(row),
                fmt_percent(row.fulfilment, 0),
                status,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    rendered = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    rendered.insert(1, "  ".join("-" * w for w in widths))
    counts = table["status"].value_counts()
    summary = ", ".join(
        f"{int(counts[s])} {STATUS_LABELS[s].lower()}" for s in STATUS_SEVERITY if counts.get(s, 0)
    )
    rendered += ["", f"I alt {len(table)} måltal: {summary}."]
    return "\n".join(rendered)
