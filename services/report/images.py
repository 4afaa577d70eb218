"""Charts as PNG through plotly's image export: kaleido driving Debian's Chromium, offline.

One Chromium is started per process on first use (``kaleido.start_sync_server``, ~2 s) and
kept; each figure then costs a fraction of a second. MathJax is switched off and plotly.js
comes from the installed plotly package, so nothing is fetched from the network. Without a
browser, or when one figure fails, the report is still made: the figure is left out, a Danish
placeholder stands in its place, and a warning says why (docs/reports.md).
"""

from __future__ import annotations

import io
import os
import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.report import wording
from services.report.content import Chart

#: Chromium's names on Debian and elsewhere; ``BROWSER_PATH`` overrides the search.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: 1,5 × the figure's pixels: about 200 dpi at the printed width, and no heavier to draw,
#: cut and lay out than print needs.
SCALE = 1.5
RENDER_TIMEOUT_S = 60
_lock = threading.Lock()
_started_with: str | None = None


@dataclass(frozen=True)
class Images:
    """PNG bytes per chart key; a key missing means the placeholder is shown."""

    png: dict[str, bytes]
    warnings: tuple[str, ...] = ()


def find_browser() -> tuple[str | None, str]:
    """The browser to draw with, or None and the Danish reason why there is none."""
    given = os.environ.get("BROWSER_PATH", "").strip()
    if given:
        if Path(given).is_file():
            return given, ""
        return None, f"BROWSER_PATH peger på {given}, som ikke findes"
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found, ""
    return None, "hverken chromium eller google-chrome findes på maskinen"


def _server(browser: str) -> None:
    """Start the process's one kaleido server on ``browser`` unless it runs already."""
    global _started_with
    import kaleido  # imported here: only image export needs it, and it is slow to import

    if _started_with == browser:
        return
    if _started_with is not None:
        kaleido.stop_sync_server(silence_warnings=True)
    kaleido.start_sync_server(
        path=browser, mathjax=False, timeout=RENDER_TIMEOUT_S, silence_warnings=True
    )
    _started_with = browser


def _stop() -> None:
    global _started_with
    import kaleido

    try:
        kaleido.stop_sync_server(silence_warnings=True)
    finally:
        _started_with = None


def _png(figure: Any, width: int, height: int) -> bytes:
    import kaleido

    opts = {"format": "png", "width": width, "height": height, "scale": SCALE}
    data = kaleido.calc_fig_sync(figure, opts=opts)
    if not isinstance(data, bytes):
        raise RuntimeError(f"kaleido gave {type(data).__name__}, not PNG bytes")
    return data


def warm_up() -> None:
    """Start Chromium now, in the background, so it is ready when the first chart is drawn
    (its start overlaps the snapshot and the report's content being built)."""
    browser, _reason = find_browser()
    if browser is None:
        return
    with _lock:
        try:
            _server(browser)
        except Exception:  # render() says why, with the charts it could not draw
            return


def _cut(png: bytes, boxes: Sequence[tuple[int, int, int, int] | None]) -> list[bytes]:
    """The parts ``boxes`` (in figure pixels; None for the whole) of a PNG drawn at
    ``SCALE``, decoded once, as PNG without an alpha channel: the background is white
    anyway, and a PDF would otherwise carry every picture twice (colours and a mask)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    parts = []
    for box in boxes:
        part = image
        if box is not None:
            left, top, right, bottom = (round(v * SCALE) for v in box)
            part = image.crop((left, top, right, bottom))
        out = io.BytesIO()
        # Fast compression: the PDF and the Word file compress the picture again anyway.
        part.save(out, format="PNG", compress_level=1)
        parts.append(out.getvalue())
    return parts


def render(charts: Sequence[Chart]) -> Images:
    """Every chart as PNG, or placeholders and a warning where that is not possible.

    Charts that share one figure (the trend sheet) are drawn once and cut apart."""
    if not charts:
        return Images({})
    browser, reason = find_browser()
    if browser is None:
        return Images({}, (wording.CHART_WARNING.format(reason=reason),))
    by_figure: dict[int, list[Chart]] = {}
    for chart in charts:
        by_figure.setdefault(id(chart.figure), []).append(chart)
    png: dict[str, bytes] = {}
    warnings: list[str] = []
    # The sync server answers on one queue: one caller at a time, or answers get crossed.
    with _lock:
        for group in by_figure.values():
            first = group[0]
            try:
                _server(browser)
                drawn = _png(first.figure, first.width, first.height)
            except Exception as exc:  # one bad figure must not cost the whole report
                warnings += [wording.chart_failed(c.alt, _reason(exc)) for c in group]
                _stop()  # a browser that failed once is started afresh for the next figure
                continue
            parts = _cut(drawn, [c.box for c in group])
            png.update((c.key, part) for c, part in zip(group, parts, strict=True))
    return Images(png, tuple(warnings))


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
