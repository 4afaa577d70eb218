"""The KKR report: snapshots, the status and national reports, the contract as a document.

What the pages and the command line use (docs/reports.md)::

    info = take_snapshot(catalog, store, "sjaelland", 2022, "H1", reason="bestilt", user=…)
    file = make_report(store, info.id, "pdf")         # also "docx", "xlsx"; writes nothing
    file = snapshot_and_report(catalog, store, "landet", 2022, "FY", "xlsx")
    data = contract_file(catalog, "sjaelland", 2022, "docx")
"""

from __future__ import annotations

from pathlib import Path

from contracts.loader import Catalog
from db.errors import UserError, ValidationFailed
from db.records import NATIONAL, SnapshotInfo
from services.report.contract_doc import contract_document
from services.report.make import (
    FORMATS,
    ReportFile,
    check_format,
    make_report,
    snapshot_and_report,
)
from services.report.snapshots import list_snapshots, may_see, read_snapshot, take_snapshot
from services.report.wording import snapshot_choice

CONTRACT_FORMATS = ("pdf", "docx")

__all__ = [
    "CONTRACT_FORMATS",
    "FORMATS",
    "NATIONAL",
    "ReportFile",
    "SnapshotInfo",
    "UserError",
    "ValidationFailed",
    "check_format",
    "contract_file",
    "contract_file_name",
    "list_snapshots",
    "make_report",
    "may_see",
    "read_snapshot",
    "snapshot_and_report",
    "snapshot_choice",
    "take_snapshot",
    "write_file",
]


def contract_file(
    catalog: Catalog, house: str, year: int, fmt: str, *, draft: bool = False
) -> bytes:
    """The contract (or its draft) as a PDF or Word document."""
    from services.report import pdf, word

    if fmt not in CONTRACT_FORMATS:
        raise ValidationFailed(f"Ukendt format '{fmt}' for en kontrakt. Brug pdf eller docx.")
    doc = contract_document(catalog, house, year, draft=draft)
    return pdf.contract_pdf(doc) if fmt == "pdf" else word.contract_docx(doc)


def contract_file_name(house: str, year: int, fmt: str, *, draft: bool = False) -> str:
    return f"{'udkast' if draft else 'kontrakt'}-{house}-{year}.{fmt}"


def write_file(data: bytes, path: Path) -> None:
    """Write a report to ``path``, or say in Danish why it cannot be written."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UserError(f"Filen '{path}' kan ikke skrives: {exc.strerror}.") from exc
