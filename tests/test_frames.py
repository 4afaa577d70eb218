"""``metrics.frames.row_dicts`` gives what ``DataFrame.to_dict("records")`` gives, faster."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from metrics.frames import row_dicts


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and (a is b or a == b)


MIXED = pd.DataFrame(
    {
        "nøgle": ["8c", "9a", "9a"],
        "version": np.array([1, 2, 3], dtype="int64"),
        "værdi": [1680.0, np.nan, 50.5],
        "kommune": ["0101", None, ""],
        "antal": pd.array([1, None, 3], dtype="Int64"),
        "tekst": pd.array(["a", None, "c"], dtype="string"),
        "is_demo": [True, False, True],
        "gemt": pd.to_datetime(["2026-01-01", None, "2026-07-01"]),
        "gruppe": pd.Categorical(["by", "land", "by"]),
    }
)


@pytest.mark.parametrize(
    "frame",
    [MIXED, MIXED.iloc[:0], MIXED.iloc[:, :0], MIXED.iloc[[2, 0]], MIXED.set_index("nøgle")],
    ids=["mixed", "no-rows", "no-columns", "reordered", "indexed"],
)
def test_row_dicts_give_the_rows_to_dict_gives_with_the_same_python_types(
    frame: pd.DataFrame,
) -> None:
    expected = frame.to_dict("records")
    found = row_dicts(frame)
    assert len(found) == len(expected)
    for got, want in zip(found, expected, strict=True):
        assert list(got) == list(want)
        assert all(_same(got[k], want[k]) for k in want), (got, want)


def test_a_nullable_columns_missing_value_is_none_and_numbers_are_python_numbers() -> None:
    first, second = row_dicts(MIXED)[:2]
    assert second["antal"] is None
    assert second["tekst"] is None
    assert type(first["version"]) is int and first["version"] == 1
    assert type(first["antal"]) is int and first["antal"] == 1
    assert first["gemt"] == pd.Timestamp("2026-01-01")
    assert second["gemt"] is pd.NaT
