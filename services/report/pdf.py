"""Reports as PDF: HTML from Jinja2 templates, laid out by WeasyPrint (docs/reports.md).

WeasyPrint embeds the fonts it uses (DejaVu, from the system's fontconfig), turns the
``target-counter`` of the table of contents into page numbers and the internal links into
PDF links, and writes the document's dates from ``dcterms.created``: the snapshot's moment,
never the moment the PDF was made. Only ``data:`` URLs are fetched, so nothing leaves the
machine while a report is made.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from contracts import danish
from services.report import wording
from services.report.content import Chart, Front, NationalReport, StatusReport
from services.report.contract_doc import ContractDocument
from services.report.images import Images

TEMPLATES = Path(__file__).resolve().parent / "templates"


def css_string(text: str) -> Markup:
    """Text as the inside of a CSS string in a ``<style>``: one line, with backslash, quote
    and ``<`` escaped the CSS way (HTML entities mean nothing inside ``<style>``)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return Markup(" ".join(escaped.split()))


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["j2", "html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    return env


def _data_urls(images: Images) -> dict[str, str]:
    return {
        key: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        for key, png in images.png.items()
    }


def render_html(template: str, front: Front, footer: str, **context: Any) -> str:
    """The report's HTML, for WeasyPrint (and for tests that read it)."""
    charts: tuple[Chart, ...] = context.pop("chart_list", ())
    images: Images | None = context.pop("image_set", None)
    return (
        environment()
        .get_template(template)
        .render(
            front=front,
            footer=footer,
            created=front.created.isoformat(timespec="seconds"),
            css=Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
            demo_mark=wording.DEMO_MARK,
            demo_note=wording.DEMO_NOTE,
            charts={c.key: c for c in charts},
            images=_data_urls(images) if images else {},
            placeholder=wording.chart_placeholder,
            number=danish.number,
            **context,
        )
    )


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: slow to import, only PDFs need it
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    pdf = HTML(string=html, url_fetcher=fetcher).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


def status_toc(report: StatusReport) -> list[tuple[str, str]]:
    return [
        ("resume", "Resumé"),
        *((goal.anchor, goal.heading) for goal in report.goals),
        ("kommuner", "Kommunerne"),
        ("bilag", "Bilag: metode og datakilder"),
    ]


def report_pdf(report: StatusReport | NationalReport, images: Images) -> bytes:
    if isinstance(report, StatusReport):
        html = render_html(
            "status.html.j2",
            report.front,
            wording.footer(report.snapshot),
            report=report,
            toc=status_toc(report),
            chart_list=report.charts,
            image_set=images,
            no_kommune=wording.NO_KOMMUNE_TARGET,
        )
    else:
        html = render_html(
            "national.html.j2",
            report.front,
            wording.footer(report.snapshot),
            report=report,
            toc=[(g.anchor, g.heading) for g in report.goals],
            chart_list=report.charts,
            image_set=images,
        )
    return html_to_pdf(html)


def contract_pdf(doc: ContractDocument) -> bytes:
    toc = [(g.anchor, g.heading) for g in doc.goals]
    if doc.changes_heading:
        toc.insert(0, ("aendringer", doc.changes_heading))
    if doc.sections:
        toc.append(("afsnit", "Kontraktens øvrige afsnit"))
    html = render_html(
        "contract.html.j2",
        doc.front,
        doc.footer,
        doc=doc,
        toc=toc,
        no_targets=wording.NO_TARGETS,
    )
    return html_to_pdf(html)
