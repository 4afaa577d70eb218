"""A plotly figure computed once and drawn by many sessions (``ui/page_reads.py``).

``st.plotly_chart`` asks a figure for ``to_dict()``, which deep-copies it: for Kommuner's map
(every kommune's outline) most of the page's time. A ``SharedFigure`` holds that dict, made
once when the figure was computed, and hands it out as it is; ``st.plotly_chart`` only reads
it (it serialises it to JSON for the browser).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from plotly.basedatatypes import BaseFigure


class SharedFigure(BaseFigure):  # type: ignore[misc]
    """Only what ``st.plotly_chart`` asks of a figure; plotly's own initialiser is skipped
    on purpose (it would validate the figure again on every run)."""

    def __init__(self, figure: BaseFigure) -> None:
        self._spec: dict[str, Any] = figure.to_dict()

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> SharedFigure:
        """A figure from plotly's JSON made without plotly's objects (``kommune_map_spec``),
        with the template plotly would give it (Streamlit's, in a server: the page's theme)."""
        figure = cls.__new__(cls)
        layout = {"template": _default_template(pio.templates.default), **spec["layout"]}
        figure._spec = {**spec, "layout": layout}
        return figure

    def to_dict(self) -> dict[str, Any]:
        return self._spec

    def __repr__(self) -> str:
        return f"SharedFigure({len(self._spec.get('data', []))} spor)"


@cache
def _default_template(name: str | None) -> dict[str, Any]:
    """What plotly puts in a new figure's ``layout.template`` while ``name`` is the default."""
    return dict(go.Figure().to_dict()["layout"].get("template", {}))
