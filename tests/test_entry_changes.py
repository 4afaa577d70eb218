"""An edited table → the ValueRows to save, the deletes, or every problem in Danish."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import pandas as pd
import pytest
from test_entry_table import contract, values

from db import ValueKey, ValueRow
from services.entry import DERIVED_SOURCE, EntryChanges, EntryTable, build_table, changes

STORED = values(
    {"target": "8a", "value": 1680.0, "version": 3},
    {"target": "12a", "numerator": 140.0, "denominator": 251.0, "value": 55.78, "version": 2},
)


def table() -> EntryTable:
    return build_table(contract(), "FY", STORED.assign(period="FY"))


def edit(start: EntryTable, cells: Mapping[tuple[str, str, str], str | None]) -> EntryTable:
    """A copy of ``start`` with cells set by (target, kommunekode, column); inputs untouched."""
    frames = {"": start.totals.copy(), "kommune": start.kommuner.copy()}
    for (key, kommune, column), text in cells.items():
        frame = frames["kommune" if kommune else ""]
        row = (frame["nøgle"] == key) & (frame["kommunekode"] == kommune)
        assert row.sum() == 1, (key, kommune)
        frame.loc[row, column] = text
    return EntryTable(frames[""], frames["kommune"])


def changed(cells: Mapping[tuple[str, str, str], str | None]) -> EntryChanges:
    start = table()
    return changes(contract(), "FY", start, edit(start, cells))


def key(target: str, kommune: str = "") -> ValueKey:
    return ValueKey("sjaelland", 2022, "FY", target, kommune)


def test_an_unedited_table_saves_nothing() -> None:
    assert changed({}) == EntryChanges((), (), ())


def test_only_the_changed_row_is_saved_with_the_version_it_was_read_at() -> None:
    found = changed({("8a", "", "værdi"): "1.700"})
    assert found.rows == (ValueRow(key("8a"), value=1700.0, expected_version=3),)
    assert found.deletes == () and found.problems == ()


def test_a_new_value_expects_no_stored_value_and_is_entered_by_hand() -> None:
    found = changed({("15a", "", "værdi"): "2,4", ("15a", "", "kommentar"): " Foreløbigt "})
    assert found.rows == (
        ValueRow(key("15a"), value=2.4, comment="Foreløbigt", expected_version=0),
    )
    assert found.rows[0].source == "indtastet"


def test_a_changed_comment_alone_saves_the_same_numbers_with_the_new_comment() -> None:
    found = changed({("12a", "", "kommentar"): "Brugerevaluering 2022"})
    assert found.rows == (
        ValueRow(
            key("12a"),
            numerator=140.0,
            denominator=251.0,
            comment="Brugerevaluering 2022",
            expected_version=2,
        ),
    )


@pytest.mark.parametrize(
    ("cells", "fields"),
    [
        ({("12a", "", "tæller"): "60", ("12a", "", "nævner"): "100"}, {"numerator": 60.0}),
        (
            {
                ("3b.drift", "", "promotorer"): "61",
                ("3b.drift", "", "passive"): "25",
                ("3b.drift", "", "kritikere"): "9",
            },
            {"promoters": 61.0, "passives": 25.0, "detractors": 9.0},
        ),
        ({("5a", "", "værdi"): "1"}, {"value": 1.0}),
        ({("8a", "", "værdi"): "1.680,0"}, {"value": 1680.0}),
    ],
)
def test_each_kind_saves_the_parts_it_was_given(
    cells: dict[tuple[str, str, str], str], fields: dict[str, float]
) -> None:
    (row,) = changed(cells).rows
    given = {f: v for f, v in dataclasses.asdict(row).items() if f in fields}
    assert given == fields


@pytest.mark.parametrize("empty", ["", "  ", None])
def test_emptied_cells_of_a_stored_value_delete_it_with_its_version(empty: str | None) -> None:
    found = changed({("8a", "", "værdi"): empty})
    assert found.rows == ()
    assert found.deletes == ((key("8a"), 3),)


def test_an_empty_row_that_was_empty_saves_nothing() -> None:
    assert changed({("5a", "", "værdi"): "  "}).empty


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        (
            {("12a", "", "værdi"): "140", ("12a", "", "tæller"): "", ("12a", "", "nævner"): ""},
            "Måltal 12a, kolonne 'værdi': en procentdel skal ligge mellem 0 og 100 (er 140)",
        ),
        (
            {("12a", "", "tæller"): "300"},
            "Måltal 12a, kolonne 'tæller': 300 er større end nævneren 251",
        ),
        ({("8a", "", "værdi"): "mange"}, "Måltal 8a, kolonne 'værdi': 'mange' er ikke et tal"),
        (
            {("8a", "", "værdi"): "", ("8a", "", "tæller"): "3", ("8a", "", "nævner"): "4"},
            "Måltal 8a, kolonne 'tæller': måltal '8a' er ikke en procentdel; brug kolonnen værdi",
        ),
        (
            {("5a", "", "værdi"): "2"},
            "Måltal 5a, kolonne 'værdi': en milepæl angives som 1 (nået) eller 0 (ikke nået) (er 2)",
        ),
        (
            {("8a", "259", "værdi"): "1,5"},
            "Måltal 8a (Køge, 259), kolonne 'værdi': et antal skal være et helt tal ≥ 0 (er 1,5)",
        ),
        (
            {("8a", "259", "kommentar"): "Kun Køge"},
            "Måltal 8a (Køge, 259), kolonne 'kommentar': en kommentar på en kommunerække "
            "kræver et tal",
        ),
        (
            {("3b.drift", "", "promotorer"): "61"},
            "Måltal 3b – drift, kolonne 'passive': mangler (promotorer, passive og kritikere "
            "angives sammen)",
        ),
    ],
)
def test_a_broken_cell_saves_nothing_and_names_target_and_column(
    cells: dict[tuple[str, str, str], str], problem: str
) -> None:
    found = changed({**cells, ("15a", "", "værdi"): "2,6"})
    assert found.problems == (problem,)
    assert found.empty


def test_every_problem_is_listed_not_only_the_first() -> None:
    found = changed({("8a", "", "værdi"): "x", ("5a", "", "værdi"): "3"})
    assert len(found.problems) == 2


def test_kommune_rows_never_replace_a_typed_total_silently() -> None:
    # 8a's total 1.680 was typed (no kommune rows): rows giving 1.020 may not overwrite it.
    found = changed({("8a", "259", "værdi"): "1.000", ("8a", "0", "værdi"): "20"})
    assert found.problems == (
        "Måltal 8a, kolonne 'værdi': kommunerækkerne giver 1.020, men den indtastede total er "
        "1.680; ret totalen, eller tøm den, så den bliver summen",
    )
    assert found.empty


def test_kommune_rows_set_the_total_when_it_is_emptied_beside_them() -> None:
    found = changed(
        {("8a", "259", "værdi"): "1.000", ("8a", "0", "værdi"): "20", ("8a", "", "værdi"): ""}
    )
    by_key = {row.key: row for row in found.rows}
    assert by_key[key("8a", "259")].value == 1000.0
    assert by_key[key("8a", "0")].value == 20.0
    total = by_key[key("8a")]
    assert (total.value, total.expected_version, total.source) == (1020.0, 3, DERIVED_SOURCE)
    assert found.deletes == ()


def test_kommune_rows_set_a_total_that_follows_them() -> None:
    stored = values(
        {"target": "8a", "value": 1000.0, "version": 2, "source": DERIVED_SOURCE},
        {"target": "8a", "kommune": "259", "value": 1000.0, "version": 1},
    ).assign(period="FY")
    start = build_table(contract(), "FY", stored)
    found = changes(contract(), "FY", start, edit(start, {("8a", "265", "værdi"): "40"}))
    total = next(row for row in found.rows if row.key == key("8a"))
    assert (total.value, total.expected_version, total.source) == (1040.0, 2, DERIVED_SOURCE)


def test_a_typed_total_that_disagrees_with_stored_kommune_rows_is_refused() -> None:
    stored = values(
        {"target": "8a", "value": 1000.0, "version": 2, "source": DERIVED_SOURCE},
        {"target": "8a", "kommune": "259", "value": 1000.0, "version": 1},
    ).assign(period="FY")
    start = build_table(contract(), "FY", stored)
    found = changes(contract(), "FY", start, edit(start, {("8a", "", "værdi"): "849"}))
    assert found.problems == (
        "Måltal 8a, kolonne 'værdi': totalen 849 er ikke summen af kommunerækkerne (1.000)",
    )


def test_a_comment_without_a_number_is_saved_as_a_comment_on_the_target() -> None:
    found = changed({("5a", "", "kommentar"): "Ikke startet endnu"})
    assert found.rows == (ValueRow(key("5a"), comment="Ikke startet endnu", expected_version=0),)


def test_a_total_edited_with_its_kommune_rows_must_be_their_sum() -> None:
    found = changed({("8a", "259", "værdi"): "1.000", ("8a", "", "værdi"): "1.100"})
    assert found.problems == (
        "Måltal 8a, kolonne 'værdi': totalen 1.100 er ikke summen af kommunerækkerne (1.000)",
    )


def test_a_total_that_matches_its_kommune_rows_keeps_the_users_comment() -> None:
    found = changed(
        {
            ("8a", "259", "værdi"): "1.000",
            ("8a", "", "værdi"): "1.000",
            ("8a", "", "kommentar"): "Kun Køge",
        }
    )
    total = next(row for row in found.rows if row.key == key("8a"))
    assert (total.value, total.comment, total.source) == (1000.0, "Kun Køge", "indtastet")


def test_the_tables_given_are_not_changed() -> None:
    start = table()
    before = start.totals.copy()
    edited = edit(start, {("8a", "", "værdi"): "1"})
    changes(contract(), "FY", start, edited)
    pd.testing.assert_frame_equal(start.totals, before)


def test_a_line_break_pasted_from_word_is_saved_as_a_line_break() -> None:
    found = changed({("15a", "", "værdi"): "2,4", ("15a", "", "kommentar"): "Et\x0bTo\r\nTre"})
    assert found.rows == (
        ValueRow(key("15a"), value=2.4, comment="Et\nTo\nTre", expected_version=0),
    )


def test_a_control_character_in_a_comment_is_refused_like_on_import() -> None:
    found = changed({("15a", "", "værdi"): "2,4", ("15a", "", "kommentar"): "Ring\x07 her"})
    assert found == EntryChanges(
        (),
        (),
        (
            "Måltal 15a, kolonne 'kommentar': indeholder et usynligt styretegn (U+0007) efter "
            "'Ring'; slet det, og skriv teksten igen",
        ),
    )
