"""Saving and reading reported values: counts, audit rows, columns, sorting, atomicity."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import pytest

from db import SaveResult, Store, ValueKey, ValueRow
from db.errors import ValidationFailed
from db.store import VALUE_COLUMNS

H1_8B = ValueKey("sjaelland", 2022, "H1", "8b")
H1_8A_259 = ValueKey("sjaelland", 2022, "H1", "8a", "259")


def row(key: ValueKey, expected: int | None, **fields: object) -> ValueRow:
    return ValueRow(key, expected_version=expected, **fields)  # type: ignore[arg-type]


def test_first_save_inserts_and_audits_each_value(store: Store) -> None:
    result = store.save(
        [row(H1_8B, 0, value=470), row(H1_8A_259, 0, value=12, comment="Køge")], user="anna"
    )

    assert result == SaveResult(inserted=2, changed=0, unchanged=0, deleted=0)
    trail = store.audit()
    assert sorted(trail["target"]) == ["8a", "8b"]
    assert set(trail["action"]) == {"indsat"}
    assert set(trail["user"]) == {"anna"}
    assert trail["old"].isna().all()
    new_8b = json.loads(trail.loc[trail["target"] == "8b", "new"].iloc[0])
    assert new_8b["value"] == 470 and new_8b["version"] == 1 and new_8b["demo"] is False


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ({"value": 470}, SaveResult(inserted=0, changed=0, unchanged=1, deleted=0)),
        (
            {"value": 470.0, "comment": ""},
            SaveResult(inserted=0, changed=0, unchanged=1, deleted=0),
        ),
        ({"value": 480}, SaveResult(inserted=0, changed=1, unchanged=0, deleted=0)),
        (
            {"value": 470, "comment": "ny"},
            SaveResult(inserted=0, changed=1, unchanged=0, deleted=0),
        ),
        ({"numerator": 47, "denominator": 100}, SaveResult(0, 1, 0, 0)),
    ],
)
def test_second_save_counts_changed_or_unchanged(
    store: Store, second: dict[str, object], expected: SaveResult
) -> None:
    store.save([row(H1_8B, 0, value=470)], user="anna")

    result = store.save([row(H1_8B, 1, **second)], user="bo", reason="rettelse")

    assert result == expected
    trail = store.audit()
    assert len(trail) == 1 + expected.changed
    if expected.changed:
        newest = trail.iloc[0]
        assert (newest["action"], newest["user"], newest["reason"]) == ("ændret", "bo", "rettelse")
        assert json.loads(newest["old"])["value"] == 470
        assert json.loads(newest["new"])["version"] == 2


def test_unchanged_value_keeps_its_version_and_author(store: Store) -> None:
    store.save([row(H1_8B, 0, value=470)], user="anna")

    store.save([row(H1_8B, 1, value=470)], user="bo")

    values = store.values()
    assert (values.loc[0, "version"], values.loc[0, "entered_by"]) == (1, "anna")


def test_delete_removes_value_and_audits_old_state(store: Store) -> None:
    store.save([row(H1_8B, 0, value=470), row(H1_8A_259, 0, value=3)], user="anna")

    result = store.save([], user="bo", reason="fejlindtastning", deletes=[(H1_8B, 1)])

    assert result == SaveResult(inserted=0, changed=0, unchanged=0, deleted=1)
    assert list(store.values()["target"]) == ["8a"]
    newest = store.audit().iloc[0]
    assert (newest["action"], newest["target"], newest["reason"]) == (
        "slettet",
        "8b",
        "fejlindtastning",
    )
    assert json.loads(newest["old"])["value"] == 470
    assert pd.isna(newest["new"])


def test_values_has_the_agreed_columns_sorted_with_nan_for_empty_parts(store: Store) -> None:
    store.save(
        [
            row(ValueKey("sjaelland", 2022, "FY", "12a"), 0, numerator=140, denominator=251),
            row(H1_8A_259, 0, value=12),
            row(ValueKey("sjaelland", 2022, "H1", "8a"), 0, value=1680),
            row(ValueKey("fyn", 2022, "H1", "8a"), 0, value=5),
        ],
        user="anna",
    )

    values = store.values()

    assert tuple(values.columns) == VALUE_COLUMNS
    assert list(
        values[["house", "period", "target", "kommune"]].itertuples(index=False, name=None)
    ) == [
        ("fyn", "H1", "8a", ""),
        ("sjaelland", "FY", "12a", ""),
        ("sjaelland", "H1", "8a", ""),
        ("sjaelland", "H1", "8a", "259"),
    ]
    assert values["value"].isna().tolist() == [False, True, False, False]
    assert values["numerator"].tolist()[1] == 140.0
    assert values["value"].dtype == "float64"
    assert values["year"].dtype == "int64"
    assert values["is_demo"].dtype == bool
    assert str(values["entered_at"].dt.tz) == "UTC"
    assert set(values["source"]) == {"indtastet"}


@pytest.mark.parametrize(
    ("filters", "targets"),
    [
        ({"house": "fyn"}, ["8a"]),
        ({"house": "sjaelland", "period": "FY"}, ["12a"]),
        ({"year": 2023}, []),
    ],
)
def test_values_filters_by_house_year_and_period(
    store: Store, filters: dict[str, object], targets: list[str]
) -> None:
    store.save(
        [
            row(ValueKey("sjaelland", 2022, "FY", "12a"), 0, value=55),
            row(ValueKey("fyn", 2022, "H1", "8a"), 0, value=5),
        ],
        user="anna",
    )

    assert list(store.values(**filters)["target"]) == targets  # type: ignore[arg-type]


def test_empty_store_returns_empty_frames_with_the_agreed_columns(store: Store) -> None:
    values, trail = store.values(), store.audit()

    assert (values.empty, tuple(values.columns)) == (True, VALUE_COLUMNS)
    # Typed as a full frame is, so that a page's arithmetic on an empty read works alike.
    assert (values["value"].dtype, values["year"].dtype, values["is_demo"].dtype) == (
        "float64",
        "int64",
        bool,
    )
    assert str(values["entered_at"].dt.tz) == "UTC"
    assert trail.empty
    assert list(trail.columns) == [
        "at",
        "user",
        "action",
        "house",
        "year",
        "period",
        "target",
        "kommune",
        "old",
        "new",
        "reason",
    ]
    assert store.has_any_values() is False


def test_audit_filters_by_target_newest_first(store: Store) -> None:
    store.save([row(H1_8B, 0, value=1), row(H1_8A_259, 0, value=2)], user="anna")
    store.save([row(H1_8B, 1, value=3)], user="bo")

    trail = store.audit(house="sjaelland", year=2022, target="8b")

    assert list(trail["action"]) == ["ændret", "indsat"]
    assert trail["at"].is_monotonic_decreasing


def test_a_save_failing_half_way_leaves_the_store_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save([row(H1_8B, 0, value=470)], user="anna")
    before_values, before_audit = store.values(), store.audit()
    import db.writes

    original = db.writes._touch_rounds

    def explode(*args: object, **kwargs: object) -> None:
        original(*args, **kwargs)  # type: ignore[arg-type]
        args[0].flush()  # type: ignore[attr-defined]
        raise RuntimeError("disk fuld")

    monkeypatch.setattr(db.writes, "_touch_rounds", explode)

    with pytest.raises(RuntimeError, match="disk fuld"):
        store.save(
            [row(H1_8B, 1, value=480), row(H1_8A_259, 0, value=3)],
            user="bo",
            deletes=[],
        )

    pd.testing.assert_frame_equal(store.values(), before_values)
    pd.testing.assert_frame_equal(store.audit(), before_audit)


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (
            [row(H1_8B, 0, value=1), row(H1_8B, 0, value=2)],
            "8b, Erhvervshus Sjælland 1. halvår 2022: står flere gange.",
        ),
        (
            [row(ValueKey("sjaelland", 2022, "Q3", "8b"), 0, value=1)],
            "8b: ukendt periode 'Q3' (brug H1 eller FY).",
        ),
        (
            [row(ValueKey("lolland", 2022, "H1", "8b"), 0, value=1)],
            "8b: ukendt erhvervshus 'lolland'.",
        ),
        (
            [row(H1_8B, 0, value=float("nan"))],
            "8b, Erhvervshus Sjælland 1. halvår 2022: value er ikke et endeligt tal.",
        ),
        (
            [row(ValueKey("sjaelland", 2022, "H1", "9c", "Køge"), 0, value=1)],
            "9c: ugyldig kommunekode 'Køge'.",
        ),
        (
            [row(H1_8B, 0, value="12")],
            "8b, Erhvervshus Sjælland 1. halvår 2022: value er ikke et tal ('12').",
        ),
    ],
)
def test_invalid_rows_are_refused_before_anything_is_written(
    store: Store, rows: list[ValueRow], problem: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        store.save(rows, user="anna")

    assert caught.value.problems == [problem]
    assert store.values().empty and store.rounds() == []


def test_saving_nothing_writes_nothing(store: Store) -> None:
    assert store.save([], user="anna") == SaveResult(0, 0, 0, 0)
    assert store.rounds() == []


def test_numpy_scalars_from_a_dataframe_are_stored_as_plain_numbers(store: Store) -> None:
    key = ValueKey("sjaelland", np.int64(2022), "H1", "8b")  # type: ignore[arg-type]

    read_as_absent: Any = np.int64(0)

    store.save([row(key, read_as_absent, value=np.int64(470), numerator=np.float64(1.5))], user="a")

    values = store.values(year=2022)
    assert (values.loc[0, "value"], values.loc[0, "numerator"]) == (470.0, 1.5)
