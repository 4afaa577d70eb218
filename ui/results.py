"""A target's result on a page: the status badge's colour, and the wording of
``contracts.wording`` (one voice for pages, command line and exports).

Pure: a fulfilment row (a mapping) and the contract's target in, text out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

from contracts.wording import PRELIMINARY, fulfilment_text, later_text, result_text

__all__ = [
    "BADGE_COLORS",
    "PRELIMINARY",
    "fulfilment_share",
    "fulfilment_text",
    "later_text",
    "record",
    "result_text",
]

#: Colours of ``st.badge`` per status; the Danish label always stands beside the colour.
BadgeColor = Literal["red", "orange", "yellow", "blue", "green", "violet", "gray", "primary"]
BADGE_COLORS: dict[str, BadgeColor] = {
    "opfyldt": "green",
    "paa_vej": "blue",
    "i_risiko": "orange",
    "ikke_opfyldt": "red",
    "mangler_data": "gray",
    "maales_senere": "violet",
    "maalt_tidligere": "primary",
}


def record(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A row of a DataFrame's ``to_dict("records")`` with string keys."""
    return {str(k): v for k, v in row.items()}


def fulfilment_share(row: Mapping[str, Any]) -> float | None:
    """Fulfilment as 0–1 for a progress bar (capped at 1), or None where it has none."""
    value = row.get("fulfilment")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return max(0.0, min(float(value) / 100, 1.0))
