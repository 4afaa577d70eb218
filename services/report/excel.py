"""Reports as Excel workbooks (openpyxl): one sheet per view, numbers as numbers.

Every sheet starts the same way: a title line in row 1 (saying "DEMODATA" when the report
holds demo values), an empty row, the column headings in row 3 and the data below, so a
spreadsheet or ``pandas.read_excel(..., header=2)`` reads each sheet the same way. Numbers
are stored unrounded and shown with Danish formats by Excel itself; text that a spreadsheet
would run as a formula stays text.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from contracts.wording import KIND_LABELS
from services.report import wording
from services.report.content import Front, NationalReport, StatusReport, TargetRow
from services.report.docx_parts import dated_zip

HEADER_ROW = 3
TARGET_COLUMNS = (
    "Mål",
    "Måltal",
    "Nøgle",
    "Type",
    "Periode",
    "Resultat",
    "Mål for året",
    "Forventet",
    "Opfyldelse (%)",
    "Status",
    "Statuskode",
    "Kommentar",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _write(sheet: Any, row: int, values: Sequence[Any], *, bold: bool = False) -> None:
    from openpyxl.styles import Font

    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell.data_type = "s"  # text, never a formula
        if bold:
            cell.font = Font(bold=True)


def _sheet(
    workbook: Any,
    title: str,
    front: Front,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    formats: dict[int, str] | None = None,
) -> None:
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(title[:31])
    heading = f"{title} · {front.title}"
    if front.demo:
        heading = f"{wording.DEMO_MARK} · {heading}"
    sheet.cell(row=1, column=1, value=heading).font = Font(
        bold=True, color="A50026" if front.demo else "000000"
    )
    _write(sheet, HEADER_ROW, header, bold=True)
    for offset, values in enumerate(rows, start=1):
        _write(sheet, HEADER_ROW + offset, values)
    for column, number_format in (formats or {}).items():
        for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + len(rows)):
            sheet.cell(row=row, column=column).number_format = number_format
    for column, name in enumerate(header, start=1):
        longest = max([len(str(name)), *(len(str(r[column - 1] or "")) for r in rows)])
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = min(longest + 2, 60)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    if front.demo:
        sheet.oddHeader.center.text = wording.DEMO_MARK


def target_values(row: TargetRow) -> list[Any]:
    return [
        row.goal,
        row.label,
        row.key,
        KIND_LABELS.get(row.kind, row.kind),
        row.period,
        row.actual,
        row.target_value,
        row.expected,
        row.fulfilment_value,
        row.status_label,
        row.status,
        row.comment or "",
    ]


NUMBER_FORMATS = {6: "#,##0.##", 7: "#,##0.##", 8: "#,##0.##", 9: "0.0"}


def _front_sheet(workbook: Any, front: Front) -> None:
    rows: list[list[Any]] = [[label, text] for label, text in front.facts]
    if front.provisional:
        rows.append(["Bemærk", front.provisional])
    if front.demo:
        rows.append(["Demodata", wording.DEMO_NOTE])
    rows += [["Note", note] for note in front.notes]
    _sheet(workbook, "Forside", front, ("Felt", "Indhold"), rows)


def _new_workbook(front: Front) -> Any:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    moment = front.created.astimezone(dt.UTC).replace(tzinfo=None)
    workbook.properties.title = front.title
    workbook.properties.creator = "Resultatkontrakter"
    workbook.properties.created = moment
    workbook.properties.modified = moment
    return workbook


def _bytes(workbook: Any, front: Front) -> bytes:
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    # ExcelWriter directly: openpyxl's save_workbook stamps "modified" with the clock.
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return dated_zip(buffer.getvalue(), front.created)


def status_xlsx(report: StatusReport) -> bytes:
    front = report.front
    workbook = _new_workbook(front)
    _front_sheet(workbook, front)
    _sheet(
        workbook,
        "Oversigt",
        front,
        ("Status", "Statuskode", "Antal måltal"),
        [[label, code, n] for code, label, n in report.counts],
    )
    rows = [target_values(r) for r in report.rows]
    _sheet(workbook, "Måltal", front, TARGET_COLUMNS, rows, NUMBER_FORMATS)
    part = report.kommune
    if part is not None:
        _sheet(
            workbook,
            "Kommuner",
            front,
            ("Kode", "Kommune", "By/land", "Indbyggere", "Antal", "Pr. 10.000 indbyggere"),
            [[r.code, r.name, r.group, r.population, r.value, r.per_10000] for r in part.rows],
            {4: "#,##0", 5: "#,##0.##", 6: "0.0"},
        )
        _sheet(
            workbook,
            "By og land",
            front,
            ("Gruppe", "Andel (%)", "Andel af befolkningen (%)", "Afvigelse (pct.-point)"),
            [[g.group, g.count_share, g.population_share, g.deviation] for g in part.spread_rows],
            {2: "0.0", 3: "0.0", 4: "0.0"},
        )
    _sheet(
        workbook,
        "Ændringer",
        front,
        ("Ændring",),
        [[report.changes_intro], *([line] for line in report.changes)],
    )
    _sheet(
        workbook,
        "Metode",
        front,
        ("Mål", "Metode", "Datakilde", "Afrapportering"),
        [[g.heading, g.method, g.data_source, g.reporting] for g in report.annex],
    )
    return _bytes(workbook, front)


def national_xlsx(report: NationalReport) -> bytes:
    front = report.front
    workbook = _new_workbook(front)
    _front_sheet(workbook, front)
    names = [name for _key, name in report.houses]
    _sheet(
        workbook,
        "Hele landet",
        front,
        ("Mål", *names),
        [
            [goal.heading, *(f"{c.status_label}{' (demo)' if c.demo else ''}" for c in goal.cells)]
            for goal in report.goals
        ],
    )
    rows = [[house, *target_values(row)] for goal in report.goals for house, row in goal.rows]
    formats = {k + 1: v for k, v in NUMBER_FORMATS.items()}
    _sheet(workbook, "Måltal", front, ("Erhvervshus", *TARGET_COLUMNS), rows, formats)
    return _bytes(workbook, front)


def report_xlsx(report: StatusReport | NationalReport) -> bytes:
    if isinstance(report, StatusReport):
        return status_xlsx(report)
    return national_xlsx(report)
