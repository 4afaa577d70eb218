"""A plotly figure computed once and drawn by many sessions (``ui/page_reads.py``).

``st.plotly_chart`` asks a figure for ``to_dict()``, which deep-copies it: for Kommuner's map
(every kommune's outline) most of the page's time. A ``SharedFigure`` holds that dict, made
once when the figure was computed, and hands it out as it is; ``st.plotly_chart`` only reads
it (it serialises it to JSON for the browser).
"""

from __future__ import annotations

from typing import Any

from plotly.basedatatypes import BaseFigure


class SharedFigure(BaseFigure):  # type: ignore[misc]
    """Only what ``st.plotly_chart`` asks of a figure; plotly's own initialiser is skipped
    on purpose (it would validate the figure again on every run)."""

    def __init__(self, figure: BaseFigure) -> None:
        self._spec: dict[str, Any] = figure.to_dict()

    def to_dict(self) -> dict[str, Any]:
        return self._spec

    def __repr__(self) -> str:
        return f"SharedFigure({len(self._spec.get('data', []))} spor)"
