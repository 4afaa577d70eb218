"""The import template of one contract and period: its targets, empty value columns.

The import's columns come first, with the kommune's name beside its code (``kommune``); then
the target's sentence (``målsætning``), unit and kind. The import reads its twelve columns by
name and ignores the others. A template lists the targets measured in its period (an H1
template leaves out the yearly measurements), or every target on request (``all_targets``):
a value may be reported where its target is not normally measured (a preliminary figure).
Per-kommune targets get a total row and one row per kommune of the contract's geography plus
``0`` (outside the geography or unknown). Imported unchanged, every row is "ikke udfyldt".
"""

from __future__ import annotations

from contracts.models import PERIODS, Contract
from db.errors import ValidationFailed
from services.values_io.numbers import KIND_LABELS
from services.values_io.parse import COLUMNS
from services.values_io.tables import Cell, CsvDialect, to_csv, to_xlsx

TEMPLATE_COLUMNS: tuple[str, ...] = (
    *COLUMNS[:5],
    "kommune",
    *COLUMNS[5:],
    "målsætning",
    "enhed",
    "type",
)
VALUE_START = TEMPLATE_COLUMNS.index("værdi")


def template_rows(
    contract: Contract, period: str, *, all_targets: bool = False
) -> list[list[Cell]]:
    if period not in PERIODS:
        raise ValidationFailed(f"'{period}' er ikke en periode (brug H1 eller FY)")
    # Imported here: the entry table's module imports this package (one name for kommune 0).
    from services.entry_table import OUTSIDE, kommune_name

    rows: list[list[Cell]] = []
    empty: list[Cell] = [None] * 7  # værdi … kommentar
    for _goal, target in contract.targets():
        if not (all_targets or target.measured.applies(contract.year, period)):
            continue
        kommuner = ("", *(contract.geography or ()), OUTSIDE) if target.per_kommune else ("",)
        for kommune in kommuner:
            rows.append(
                [
                    contract.erhvervshus,
                    float(contract.year),
                    period,
                    target.key,
                    kommune,
                    kommune_name(kommune) if kommune else "",
                    *empty,
                    target.text,
                    target.unit or "",
                    KIND_LABELS[target.kind],
                ]
            )
    return rows


def template_bytes(
    contract: Contract,
    period: str,
    *,
    excel: bool = False,
    dialect: CsvDialect = "komma",
    all_targets: bool = False,
) -> bytes:
    rows = template_rows(contract, period, all_targets=all_targets)
    if excel:
        return to_xlsx(
            TEMPLATE_COLUMNS, rows, title=f"{contract.erhvervshus} {contract.year} {period}"
        )
    return to_csv(TEMPLATE_COLUMNS, rows, dialect=dialect)
