"""The import template of one contract and period: every target, empty value columns.

The twelve import columns come first, then the target's sentence (``målsætning``), unit and
kind, which an import ignores.  Per-kommune targets get a total row and one row per kommune
of the contract's geography.  Imported unchanged, every row is "ikke udfyldt".
"""

from __future__ import annotations

from contracts.models import PERIODS, Contract
from db.errors import ValidationFailed
from services.values_io.numbers import KIND_LABELS
from services.values_io.parse import COLUMNS
from services.values_io.tables import Cell, to_csv, to_xlsx

TEMPLATE_COLUMNS: tuple[str, ...] = (*COLUMNS, "målsætning", "enhed", "type")


def template_rows(contract: Contract, period: str) -> list[list[Cell]]:
    if period not in PERIODS:
        raise ValidationFailed(f"'{period}' er ikke en periode (brug H1 eller FY)")
    rows: list[list[Cell]] = []
    empty: list[Cell] = [None] * 7  # værdi … kommentar
    for _goal, target in contract.targets():
        kommuner = ("", *(contract.geography or ())) if target.per_kommune else ("",)
        for kommune in kommuner:
            rows.append(
                [
                    contract.erhvervshus,
                    str(contract.year),
                    period,
                    target.key,
                    kommune,
                    *empty,
                    target.text,
                    target.unit or "",
                    KIND_LABELS[target.kind],
                ]
            )
    return rows


def template_bytes(contract: Contract, period: str, *, excel: bool = False) -> bytes:
    rows = template_rows(contract, period)
    if excel:
        return to_xlsx(
            TEMPLATE_COLUMNS, rows, title=f"{contract.erhvervshus} {contract.year} {period}"
        )
    return to_csv(TEMPLATE_COLUMNS, rows)
