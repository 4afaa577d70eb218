"""Reports as Word files (python-docx) that paste cleanly into a KL agenda: a heading per
part and per goal, a real table per goal, the charts as pictures beside them."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from contracts import danish
from services.report import docx_parts as parts
from services.report import wording
from services.report.content import GoalPart, NationalReport, StatusReport, TargetRow
from services.report.contract_doc import ContractDocument
from services.report.images import Images

TARGET_HEADER = ("Måltal", "Mål", "Resultat", "Opfyldelse", "Status")
TARGET_WIDTHS = (6.0, 2.8, 3.6, 1.8, 1.8)


def target_table(
    document: DocumentObject, rows: list[tuple[str, TargetRow]] | list[TargetRow]
) -> None:
    grid = parts.table(document, TARGET_HEADER, TARGET_WIDTHS)
    for item in rows:
        house, row = item if isinstance(item, tuple) else ("", item)
        cells = grid.add_row().cells
        name = f"{house}, {row.label}" if house else row.label
        cells[0].paragraphs[0].add_run(name).bold = True
        cells[0].add_paragraph(row.text)
        if row.comment:
            cells[0].add_paragraph().add_run(f"Kommentar: {row.comment}").italic = True
        cells[1].text = row.requirement
        cells[2].text = row.result
        cells[3].text = row.fulfilment
        parts.status_cell(cells[4], row.status, row.status_label)


def _summary(document: DocumentObject, report: StatusReport) -> None:
    document.add_heading("Resumé", level=1)
    document.add_paragraph(report.count_sentence)
    grid = parts.table(document, ("Status", "Antal måltal"))
    for code, label, n in report.counts:
        cells = grid.add_row().cells
        parts.status_cell(cells[0], code, label)
        cells[1].text = str(n)
    if report.headlines:
        document.add_heading("Hovedtal", level=2)
        target_table(document, list(report.headlines))
    document.add_paragraph(report.attention)
    document.add_heading("Ændringer", level=2)
    document.add_paragraph(report.changes_intro)
    for line in report.changes:
        document.add_paragraph(line, style="List Bullet")


def _goal(document: DocumentObject, goal: GoalPart, report: StatusReport, images: Images) -> None:
    document.add_heading(goal.heading, level=1)
    document.add_paragraph(f"{goal.scope} · Status: {goal.status_label}")
    if goal.purpose:
        document.add_paragraph(goal.purpose)
    if goal.rows:
        target_table(document, list(goal.rows))
    charts = {c.key: c for c in report.charts}
    if goal.chart:
        parts.chart(document, charts[goal.chart], images)
    elif goal.remark:
        document.add_paragraph(goal.remark)


def _kommuner(document: DocumentObject, report: StatusReport, images: Images) -> None:
    document.add_page_break()
    document.add_heading("Kommunerne", level=1)
    part = report.kommune
    if part is None:
        document.add_paragraph(wording.NO_KOMMUNE_TARGET)
        return
    charts = {c.key: c for c in report.charts}
    document.add_paragraph(part.intro)
    if part.map_chart:
        parts.chart(document, charts[part.map_chart], images)
    grid = parts.table(
        document, ("Kommune", "By/land", "Indbyggere", "Antal", "Pr. 10.000 indbyggere")
    )
    for row in part.rows:
        cells = grid.add_row().cells
        cells[0].text, cells[1].text = row.name, row.group
        cells[2].text = danish.number(row.population)
        cells[3].text, cells[4].text = row.value_text, row.per_10000_text
    document.add_heading(part.spread_heading or "Fordeling på by og land", level=2)
    if part.spread_text:
        document.add_paragraph(part.spread_text)
    if part.spread_rows:
        grid = parts.table(
            document, ("Gruppe", "Antal", "Andel", "Andel af befolkningen", "Afvigelse")
        )
        for group in part.spread_rows:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = group.group, group.count_text
            cells[2].text, cells[3].text = group.count_share_text, group.population_share_text
            cells[4].text = group.deviation_text
    if part.spread_chart:
        parts.chart(document, charts[part.spread_chart], images)
    if part.coverage:
        document.add_heading("Dækning", level=2)
        for line in part.coverage:
            document.add_paragraph(line)
    for note in part.notes:
        document.add_paragraph(note)


def _annex(document: DocumentObject, report: StatusReport) -> None:
    document.add_page_break()
    document.add_heading("Bilag: metode og datakilder", level=1)
    for goal in report.annex:
        document.add_heading(goal.heading, level=2)
        for label, text in (
            ("Metode", goal.method),
            ("Datakilde", goal.data_source),
            ("Afrapportering", goal.reporting),
        ):
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(text)
        for target in goal.targets:
            document.add_paragraph().add_run(target.label).bold = True
            for label, text in target.details:
                document.add_paragraph(f"{label}: {text}", style="List Bullet")


def status_docx(report: StatusReport, images: Images) -> bytes:
    document = parts.new_document(report.front, wording.footer(report.snapshot))
    parts.front_page(document, report.front)
    document.add_page_break()
    _summary(document, report)
    document.add_page_break()
    for goal in report.goals:
        _goal(document, goal, report, images)
    _kommuner(document, report, images)
    _annex(document, report)
    return parts.to_bytes(document, report.front.created)


def national_docx(report: NationalReport, images: Images) -> bytes:
    document = parts.new_document(report.front, wording.footer(report.snapshot))
    parts.front_page(document, report.front)
    document.add_page_break()
    document.add_heading("De nationale mål side om side", level=1)
    grid = parts.table(document, ("Mål", *(name for _key, name in report.houses)))
    for goal in report.goals:
        cells = grid.add_row().cells
        cells[0].text = goal.heading
        for cell, item in zip(cells[1:], goal.cells, strict=True):
            demo = " (demo)" if item.demo else ""
            parts.status_cell(cell, item.status, f"{item.status_label}{demo}")
            if item.detail:
                cell.add_paragraph(item.detail)
    if report.missing:
        document.add_paragraph(f"Ingen kontrakt i året: {', '.join(report.missing)}.")
    for chart in report.charts:
        parts.chart(document, chart, images)
    for goal in report.goals:
        document.add_heading(goal.heading, level=1)
        target_table(document, list(goal.rows))
    return parts.to_bytes(document, report.front.created)


def report_docx(report: StatusReport | NationalReport, images: Images) -> bytes:
    if isinstance(report, StatusReport):
        return status_docx(report, images)
    return national_docx(report, images)


def contract_docx(doc: ContractDocument) -> bytes:
    document = parts.new_document(doc.front, doc.footer)
    parts.front_page(document, doc.front)
    if doc.changes_heading:
        document.add_heading(doc.changes_heading, level=1)
        for line in doc.changes:
            document.add_paragraph(line, style="List Bullet")
    document.add_page_break()
    for goal in doc.goals:
        document.add_heading(goal.heading, level=1)
        document.add_paragraph(goal.scope)
        document.add_heading("Mål", level=2)
        if goal.purpose:
            document.add_paragraph(goal.purpose)
        if goal.targets:
            grid = parts.table(document, ("Måltal", "Ordlyd", "Kræver"), (2.0, 9.5, 4.5))
            for target in goal.targets:
                cells = grid.add_row().cells
                cells[0].paragraphs[0].add_run(target.label).bold = True
                cells[1].text, cells[2].text = target.text, target.requirement
        else:
            document.add_paragraph(wording.NO_TARGETS)
        document.add_heading("Metode", level=2)
        document.add_paragraph(goal.method)
        paragraph = document.add_paragraph()
        paragraph.add_run("Datakilde: ").bold = True
        paragraph.add_run(goal.data_source)
        document.add_heading("Afrapportering", level=2)
        document.add_paragraph(goal.reporting)
        if goal.note:
            document.add_paragraph(f"Note: {goal.note}")
    for title, text in doc.sections:
        document.add_heading(title, level=1)
        document.add_paragraph(text)
    if doc.sources:
        document.add_heading("Kilder", level=1)
        for source in doc.sources:
            document.add_paragraph(source, style="List Bullet")
    return parts.to_bytes(document, doc.front.created)
