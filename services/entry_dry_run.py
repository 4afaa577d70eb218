"""An import's dry run as people read it (docs/entry.md "Files"), on the page and the CLI.

Each file row says what would happen to it and what it changes (old → new), with the target
by its name, the period as people name it ("1. halvår 2022") and the kommune by its name. A
refused file's problems are each shown beside the row of the file they are about.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from contracts import danish
from contracts.describe import name_of
from contracts.loader import Catalog
from contracts.reference import house_name
from db.errors import UserError
from metrics.frames import row_dicts
from services.entry_table import kommune_name
from services.values_io.parse import COLUMNS, parse_bytes
from services.values_io.plan import ImportPlan, describe
from services.values_io.text import shown

PLAN_COLUMNS = ("række", "handling", "måltal", "periode", "kommune", "før → efter")
SKIPPED = "ikke udfyldt"
PROBLEM_COLUMNS = ("række", "problem", "rækken i filen")
MISSING = danish.MISSING
_ROW = re.compile(r"^Række (\d+)(?:, |\b)")
#: More rows than this behind one derived total are written as a range.
_LISTED_ROWS = 3
#: A refused file is read again to show its rows only up to this size (a national file is
#: about 0,4 MB); a larger one keeps its plain list of problems.
ROWS_SHOWN_UP_TO_BYTES = 1_000_000


def _rows_text(rows: tuple[int, ...], derived: bool = False) -> str:
    """``2``; a total the file leaves to its kommune rows: ``4, 5 (sum)``, ``3–20 (sum)``."""
    many = len(rows) > _LISTED_ROWS
    text = f"{rows[0]}–{rows[-1]}" if many else ", ".join(str(r) for r in rows)
    return f"{text} (sum)" if derived else text


def _place(
    catalog: Catalog, key: tuple[str, int, str, str, str], with_house: bool
) -> tuple[str, str, str]:
    house, year, period, target, kommune = key
    contract = catalog.contract(house, year)
    name = name_of(contract, target)
    where = f"{kommune_name(kommune)} ({kommune})" if kommune else "I alt"
    if with_house:
        return name, f"{house_name(house)} {danish.period_label(period, year)}", where
    return name, danish.period_label(period, year, capital=True), where


def houses(plan: ImportPlan) -> list[str]:
    """The erhvervshuse a file writes to, in the order they first appear."""
    keys = [item.entry.key for item in plan.items] + [skipped.key for skipped in plan.skipped]
    return list(dict.fromkeys(key[0] for key in keys))


def plan_frame(
    plan: ImportPlan, catalog: Catalog, *, with_house: bool | None = None
) -> pd.DataFrame:
    """One row per file row (a derived total names the kommune rows it sums), in file order.

    The period reads "1. halvår 2022"; with the erhvervshus before it ("Erhvervshus Fyn
    1. halvår 2022") when the file writes to more than one (or ``with_house``)."""
    if with_house is None:
        with_house = len(houses(plan)) > 1
    records: list[dict[str, Any]] = []
    for item in plan.items:
        name, period, where = _place(catalog, item.entry.key, with_house)
        new = describe(item.entry.numbers, item.entry.comment)
        old = describe(item.old, item.old.get("comment")) if item.old else MISSING
        change = new if item.action == "uændret" else f"{old} → {new}"
        records.append(
            {
                "række": _rows_text(item.entry.rows, item.entry.derived),
                "handling": item.action,
                "måltal": name,
                "periode": period,
                "kommune": where,
                "før → efter": change,
                "_order": item.entry.rows[0],
            }
        )
    for skipped in plan.skipped:
        name, period, where = _place(catalog, skipped.key, with_house)
        records.append(
            {
                "række": str(skipped.row),
                "handling": SKIPPED,
                "måltal": name,
                "periode": period,
                "kommune": where,
                "før → efter": "",
                "_order": skipped.row,
            }
        )
    records.sort(key=lambda r: int(r["_order"]))
    frame = pd.DataFrame.from_records(records, columns=[*PLAN_COLUMNS, "_order"])
    return frame.drop(columns="_order")


def plan_lines(plan: ImportPlan, catalog: Catalog) -> list[str]:
    """The dry run for the command line: ``Række 2: 8b, Erhvervshus Sjælland 1. halvår 2022:
    indsættes – → 1.680``."""
    lines = []
    for row in row_dicts(plan_frame(plan, catalog, with_house=True)):
        where = "" if row["kommune"] == "I alt" else f" ({row['kommune']})"
        change = f" {row['før → efter']}" if row["før → efter"] else ""
        lines.append(
            f"Række {row['række']}: {row['måltal']}{where}, {row['periode']}: "
            f"{row['handling']}{change}"
        )
    return lines


def problem_frame(data: bytes, name: str, problems: list[str]) -> pd.DataFrame | None:
    """Each problem of a refused file beside the file row it is about (None when no problem
    names a row, or the file cannot be read as rows at all)."""
    numbers = [_row_number(problem) for problem in problems]
    if not any(numbers) or len(data) > ROWS_SHOWN_UP_TO_BYTES:
        return None
    try:
        rows = {row.number: row for row in parse_bytes(data, name).rows}
    except UserError:
        return None
    records = []
    for problem, number in zip(problems, numbers, strict=True):
        row = rows.get(number) if number else None
        text = problem if number is None else _ROW.sub("", problem, count=1)
        cells = "" if row is None else _cells(row.cells)
        records.append(
            {
                "række": "" if number is None else str(number),
                "problem": text,
                "rækken i filen": cells,
            }
        )
    return pd.DataFrame.from_records(records, columns=list(PROBLEM_COLUMNS))


def _row_number(problem: str) -> int | None:
    found = _ROW.match(problem)
    return int(found.group(1)) if found else None


def _cells(cells: dict[str, Any]) -> str:
    given = []
    for column in COLUMNS:
        cell = cells.get(column)
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        text = danish.exact(cell) if isinstance(cell, float) else str(cell)
        given.append(f"{column} {shown(text)}")
    return " · ".join(given)
