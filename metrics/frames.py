"""Rows of a frame as plain dicts, fast.

``DataFrame.to_dict("records")`` boxes every cell one at a time; on the pages' frames (a
round's few hundred rows) it was a tenth of a save's server time (docs/shared-installation.md,
"Pages cheap enough to share"). ``row_dicts`` gives the same dicts from whole columns:
``Series.tolist`` turns numpy scalars into Python ones as ``to_dict`` does, and a nullable
column's missing value comes out as ``None``, as it does there.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd


def row_dicts(frame: pd.DataFrame) -> list[dict[Hashable, Any]]:
    """``frame.to_dict("records")``, the same rows, keys and Python values."""
    if frame.shape[1] == 0:
        return [{} for _ in range(len(frame))]
    names = list(frame.columns)
    columns = [_column(frame.iloc[:, n]) for n in range(frame.shape[1])]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _column(series: pd.Series) -> list[Any]:
    values = series.tolist()
    if isinstance(series.dtype, np.dtype):
        return values
    # A nullable (extension) column holds pd.NA where to_dict gives None.
    return [None if value is pd.NA else value for value in values]
