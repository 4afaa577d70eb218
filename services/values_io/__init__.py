"""Reported values in and out of files: import (with dry run), template and export.

parse     bytes → raw rows (CSV comma or semicolon dialect, or an Excel sheet)
validate  raw rows × contracts → entries, or every problem by row and column
plan      dry run against the store, and its application in one transaction
template  the empty import sheet of a contract and period
export    a contract's values in the import format, byte-stable
"""

from __future__ import annotations

from services.values_io.export import export_bytes, export_rows
from services.values_io.plan import ImportPlan, PlanItem, apply_plan, plan_import
from services.values_io.template import TEMPLATE_COLUMNS, template_bytes, template_rows

__all__ = [
    "TEMPLATE_COLUMNS",
    "ImportPlan",
    "PlanItem",
    "apply_plan",
    "export_bytes",
    "export_rows",
    "plan_import",
    "template_bytes",
    "template_rows",
]
