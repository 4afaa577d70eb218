"""Making a report: from a snapshot id to the bytes of a PDF, Word or Excel file.

A snapshot never changes, so what is built from it — the report's content and its charts as
PNG — is kept per snapshot (a few, most recent first) and reused by every format: the first
format pays for the charts, the others only lay out (docs/reports.md).
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from dataclasses import dataclass

from contracts.loader import Catalog
from db import Store
from db.errors import NotFound, ValidationFailed
from db.identity import current_user
from db.records import NATIONAL, SnapshotInfo
from services.report import images, wording
from services.report.content import NationalReport, StatusReport
from services.report.house import build_status_report
from services.report.national import build_national_report
from services.report.snapshots import (
    as_seen,
    may_see,
    names_shown,
    previous_snapshot,
    read_snapshot,
    take_snapshot,
)

FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("pdf", "application/pdf"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
CACHE_SIZE = 6


@dataclass(frozen=True)
class Prepared:
    """A report's content and its charts, ready for any format."""

    document: StatusReport | NationalReport
    images: images.Images


@dataclass(frozen=True)
class ReportFile:
    data: bytes
    file_name: str
    mime: str
    snapshot: SnapshotInfo
    warnings: tuple[str, ...]


_cache: OrderedDict[tuple[str, int, bool], Prepared] = OrderedDict()
_cache_lock = threading.Lock()


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValidationFailed(f"Ukendt format '{fmt}'. Brug pdf, docx eller xlsx.")
    return fmt


def prepare(store: Store, snapshot_id: int, *, viewer: object | None = None) -> Prepared:
    """The content and charts of a snapshot's report, built once (per kind of reader: with or
    without the names of people) and then reused."""
    listed = store.snapshots(snapshot_id=snapshot_id)
    if not listed or not may_see(listed[0], viewer):
        raise NotFound(f"Der er intet øjebliksbillede med nummer {snapshot_id}.")
    anonymous = not names_shown(listed[0], viewer)
    key = (store.url, snapshot_id, anonymous)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
    if cached is not None:
        return cached
    content = read_snapshot(store, snapshot_id, viewer=viewer)
    if anonymous:
        content = dataclasses.replace(content, info=as_seen(content.info, viewer))
    images.warm_up()
    document: StatusReport | NationalReport
    if content.national:
        document = build_national_report(content)
    else:
        before = previous_snapshot(store, content.info, viewer=viewer)
        previous = read_snapshot(store, before.id, viewer=viewer) if before else None
        document = build_status_report(content, previous)
    prepared = Prepared(document, images.render(document.charts))
    with _cache_lock:
        _cache[key] = prepared
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return prepared


def clear_cache() -> None:
    """Forget every prepared report (tests; a snapshot itself never changes)."""
    with _cache_lock:
        _cache.clear()


def file_name(info: SnapshotInfo, fmt: str) -> str:
    """``"status-sjaelland-2022-H1-7.pdf"``, ``"hele-landet-2022-FY-8.xlsx"``."""
    stem = "hele-landet" if info.house == NATIONAL else f"status-{info.house}"
    return f"{stem}-{info.year}-{info.period}-{info.id}.{FORMATS[fmt][0]}"


def render(prepared: Prepared, fmt: str) -> bytes:
    # The writers are imported here, not at the top: python-docx (with lxml) and Jinja2 would
    # otherwise sit in every app instance's memory from its first page on, though only a
    # report download uses them (docs/shared-installation.md, "Memory").
    from services.report import excel, pdf, word

    document, imgs = prepared.document, prepared.images
    if fmt == "pdf":
        return pdf.report_pdf(document, imgs)
    if fmt == "docx":
        return word.report_docx(document, imgs)
    return excel.report_xlsx(document)


def make_report(
    store: Store, snapshot_id: int, fmt: str, *, viewer: object | None = None
) -> ReportFile:
    """The report of a stored snapshot; writes nothing to the store."""
    check_format(fmt)
    prepared = prepare(store, snapshot_id, viewer=viewer)
    info = prepared.document.snapshot
    return ReportFile(
        data=render(prepared, fmt),
        file_name=file_name(info, fmt),
        mime=FORMATS[fmt][1],
        snapshot=info,
        warnings=prepared.images.warnings,
    )


def snapshot_and_report(
    catalog: Catalog,
    store: Store,
    house: str,
    year: int,
    period: str,
    fmt: str,
    *,
    user: str | None = None,
) -> ReportFile:
    """Take a snapshot of the values as they are now (``house="landet"`` for the national
    report), then make its report. ``user`` defaults to the one running the program."""
    check_format(fmt)
    images.warm_up()
    who = user or current_user()
    info = take_snapshot(catalog, store, house, year, period, reason="bestilt", user=who)
    return make_report(store, info.id, fmt)


def describe(info: SnapshotInfo) -> str:
    return wording.snapshot_choice(info)
