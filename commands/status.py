"""``status``: the status of every target of one contract in one period.

``--format table`` (default) is for people: Danish labels and number formats. ``json`` and
``csv`` are for machines: the keys of docs/domain.md "Status for machines", numbers
unrounded, null (or an empty field) where there is no number.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

import pandas as pd

from contracts import danish, wording
from contracts.models import Contract
from contracts.reference import house_name
from metrics.statuses import STATUS_LABELS, STATUS_SEVERITY
from services.session import Session
from services.status import MACHINE_COLUMNS, find_contract


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("status", help="status for en kontrakts måltal i en periode")
    parser.add_argument("house", metavar="ERHVERVSHUS", help="fx sjaelland")
    parser.add_argument("year", metavar="ÅR", type=int, help="fx 2022")
    parser.add_argument("period", metavar="PERIODE", type=str.upper, help="H1 eller FY")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with Session.open() as session:
        catalog = session.catalog()
        table = session.status(catalog, args.house, args.year, args.period)
        contract = find_contract(catalog, args.house, args.year)
    if args.format == "json":
        print(json.dumps(machine_records(table), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        table.loc[:, list(MACHINE_COLUMNS)].to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(f"{house_name(args.house)}: status {danish.period_label(args.period, args.year)}")
        print()
        print(human_table(table, contract))
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


def _number(value: Any) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def human_table(table: pd.DataFrame, contract: Contract) -> str:
    """A Danish text table: Mål, Måltal, Resultat, Mål for året, Forventet, Opfyldelse, Status.

    Targets by name (``8c – vækstplaner``), numbers with their units, as on the pages."""
    header = ("Mål", "Måltal", "Resultat", "Mål for året", "Forventet", "Opfyldelse", "Status")
    lines = [header]
    rows: list[Any] = list(table.itertuples(index=False))
    for row in rows:
        target = contract.target(str(row.target))
        assert target is not None
        goal = _number(row.target_value)
        actual = _number(row.actual)
        status = STATUS_LABELS[row.status] + (" (forsinket)" if row.late else "")
        if row.preliminary:
            status += " (foreløbigt tal)"
        if row.status == "maalt_tidligere" and row.earlier_year is not None:
            status += f" ({int(row.earlier_year)})"
        lines.append(
            (
                str(row.goal),
                target.name,
                danish.MISSING if actual is None else wording.result_number(target, actual, goal),
                wording.level_text(target, goal),
                wording.value_text(target, _number(row.expected), result=False),
                danish.percent(row.fulfilment, 0),
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
    summary = danish.join(
        f"{int(counts[s])} {STATUS_LABELS[s].lower()}" for s in STATUS_SEVERITY if counts.get(s, 0)
    )
    rendered += ["", f"I alt {danish.counted(str(len(table)), None, 'måltal')}: {summary}."]
    return "\n".join(rendered)
