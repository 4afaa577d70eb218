"""Export of a contract's reported values in the import format: it imports back unchanged.

Comma dialect by default (Danish Excel's semicolon dialect on request), both periods, sorted by period (H1 before FY), target (contract order; keys no
longer in the contract after them, alphabetically) and kommune (total first), with no
timestamp: the same state always gives the same bytes.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from contracts.models import PERIODS, Contract
from contracts.reported import VALUE_PARTS
from metrics.frames import row_dicts
from services.values_io.parse import COLUMNS
from services.values_io.tables import Cell, CsvDialect, to_csv, to_xlsx


def export_rows(contract: Contract, values: pd.DataFrame) -> list[list[Cell]]:
    """``values`` as ``Store.values(house, year)`` returns them, as rows of the import format."""
    order = {target.key: index for index, (_goal, target) in enumerate(contract.targets())}
    mine = values[(values["house"] == contract.erhvervshus) & (values["year"] == contract.year)]

    def sort_key(record: dict[Any, Any]) -> tuple[int, int, str, int, str]:
        kommune = record["kommune"] or ""
        return (
            PERIODS.index(record["period"]) if record["period"] in PERIODS else len(PERIODS),
            order.get(record["target"], len(order)),
            record["target"],
            0 if not kommune else 1,
            kommune.zfill(3),
        )

    rows: list[list[Cell]] = []
    for record in sorted(row_dicts(mine), key=sort_key):
        numbers = {f: _number(record[f]) for f in VALUE_PARTS}
        if numbers["numerator"] is not None or numbers["promoters"] is not None:
            numbers["value"] = None  # the parts are the value; one form per row
        comment = record["comment"]
        rows.append(
            [
                record["house"],
                float(record["year"]),  # a number in a spreadsheet, "2022" in CSV
                record["period"],
                record["target"],
                record["kommune"] or "",
                *(numbers[f] for f in VALUE_PARTS),
                None if _number_or_text_missing(comment) else str(comment),
            ]
        )
    return rows


def export_bytes(
    contract: Contract,
    values: pd.DataFrame,
    *,
    excel: bool = False,
    dialect: CsvDialect = "komma",
) -> bytes:
    rows = export_rows(contract, values)
    if excel:
        return to_xlsx(COLUMNS, rows, title=f"{contract.erhvervshus} {contract.year}")
    return to_csv(COLUMNS, rows, dialect=dialect)


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _number_or_text_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""
