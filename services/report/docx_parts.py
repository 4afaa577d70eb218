"""Building blocks for Word files (python-docx): real headings, real tables, status cells in
colour and in words, running header, page numbers, dated metadata.

A KL agenda annex is pasted into the agenda: Word's own styles ("Heading 1", "Table Grid")
keep headings and tables what they are when pasted, where images of text would not.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from services.report import wording
from services.report.content import Chart, Front
from services.report.images import Images

TEXT_WIDTH_CM = 16.0
#: Pale fills behind the status words (the words carry the meaning; the fill helps).
STATUS_FILLS: dict[str, str] = {
    "opfyldt": "D9F0D3",
    "paa_vej": "E8F4DC",
    "i_risiko": "FEE0B6",
    "ikke_opfyldt": "FCC5B5",
    "mangler_data": "E6E6E6",
    "maales_senere": "E3EEF9",
    "maalt_tidligere": "ECE7F2",
}
DEMO_RED = RGBColor(0xA5, 0x00, 0x26)


def new_document(front: Front, footer: str) -> DocumentObject:
    from docx import Document  # imported here: only Word output needs it

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    style = document.styles["Normal"]
    style.font.size = Pt(10)  # type: ignore[attr-defined]
    header = section.header.paragraphs[0]
    header.text = front.running_header
    if front.demo:
        run = header.add_run(f"   {wording.DEMO_MARK}")
        run.bold = True
        run.font.color.rgb = DEMO_RED
    footer_paragraph = section.footer.paragraphs[0]
    footer_paragraph.text = f"{footer} · Side "
    _page_field(footer_paragraph)
    properties = document.core_properties
    properties.title = front.title
    properties.subject = front.subtitle
    properties.author = "Resultatkontrakter"
    properties.last_modified_by = "Resultatkontrakter"
    properties.created = front.created.astimezone(dt.UTC).replace(tzinfo=None)
    properties.modified = front.created.astimezone(dt.UTC).replace(tzinfo=None)
    properties.revision = 1
    properties.language = "da-DK"
    return document


def _page_field(paragraph: Any) -> None:
    """A PAGE field: Word fills in the page number."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def front_page(document: DocumentObject, front: Front) -> None:
    if front.demo:
        banner = document.add_paragraph()
        run = banner.add_run(wording.DEMO_NOTE)
        run.bold = True
        run.font.color.rgb = DEMO_RED
    document.add_paragraph(front.subtitle)
    document.add_heading(front.title, level=0)
    if front.provisional:
        document.add_paragraph().add_run(front.provisional).bold = True
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, text in front.facts:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = text
    for note in front.notes:
        document.add_paragraph(note)


def table(
    document: DocumentObject, header: Sequence[str], widths: Sequence[float] | None = None
) -> Table:
    """A real Word table with a bold header row that repeats on every page."""
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    row = grid.rows[0]
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)
    for cell, text in zip(row.cells, header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    if widths:
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = Cm(width)
    return grid


def status_cell(cell: _Cell, status: str, label: str) -> None:
    """The status in words, on its pale fill."""
    cell.text = label
    fill = STATUS_FILLS.get(status)
    if fill:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shading)


def chart(document: DocumentObject, item: Chart, images: Images) -> None:
    png = images.png.get(item.key)
    if png is None:
        document.add_paragraph().add_run(wording.chart_placeholder(item.alt)).italic = True
    else:
        document.add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM * item.share))
    caption = " ".join(text for text in (item.caption, item.demo_note) if text)
    if caption:
        document.add_paragraph(caption)


def to_bytes(document: DocumentObject, moment: dt.datetime) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return dated_zip(buffer.getvalue(), moment)


def dated_zip(data: bytes, moment: dt.datetime) -> bytes:
    """The same zip with every entry dated ``moment`` (Danish time), not the time of saving."""
    local = wording.local_time(moment)
    stamp = (local.year, local.month, local.day, local.hour, local.minute, local.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()
