"""The status a target would get if the form were saved now, and what is still missing."""

from __future__ import annotations

from dataclasses import replace

from test_entry_table import contract, values

from services.entry_live import Missing, apply_draft, cells_of, live_round
from services.entry_table import build_table

STORED = values({"target": "8a", "value": 900.0, "version": 1})


def live(texts: dict[tuple[str, str], dict[str, str]], period: str = "H1"):  # type: ignore[no-untyped-def]
    frame = STORED.assign(period=period)
    table = build_table(contract(), period, frame)
    return live_round(contract(), period, frame, table, apply_draft(table, texts))


def test_the_status_follows_the_typed_value_before_it_is_saved() -> None:
    assert live({}).targets["8a"].label == "På vej"
    typed = live({("8a", ""): {"værdi": "700"}}).targets["8a"]
    assert (typed.label, typed.result) == (
        "I risiko",
        "700 forløb (mål: mindst 1.680 forløb; forventet ved 1. halvår: 840 forløb)",
    )


def test_kommune_rows_typed_give_the_total_as_it_will_be_stored() -> None:
    round_ = live({("8a", "259"): {"værdi": "1.000"}, ("8a", ""): {"værdi": ""}})
    assert round_.kommune_sums["8a"] == "1.000 forløb"
    assert round_.targets["8a"].label == "På vej"


def test_a_field_that_is_no_number_yet_leaves_its_target_as_stored() -> None:
    assert live({("8a", ""): {"værdi": "50.5"}}).targets["8a"].label == "På vej"


def test_missing_lists_no_value_and_a_needed_comment_with_the_inputs_anchor() -> None:
    found = live({("8a", ""): {"værdi": "100"}}).missing
    assert found == (
        Missing("12a", "12a", "maaltal-12a", "value"),
        Missing("5a", "5a", "maaltal-5a", "value"),
        Missing("13b", "13b", "maaltal-13b", "value"),
        Missing("8a", "8a", "maaltal-8a", "comment", "i risiko"),
    )
    commented = live({("8a", ""): {"værdi": "100", "kommentar": "Sen start"}}).missing
    assert [m.key for m in commented] == ["12a", "5a", "13b"]


def test_cells_are_the_editable_texts_of_every_place() -> None:
    table = build_table(contract(), "H1", STORED)
    assert cells_of(table)[("8a", "")]["værdi"] == "900"
    assert cells_of(table)[("8a", "259")]["værdi"] == ""


def test_the_round_as_read_is_judged_from_the_table_as_the_values_would_judge_it() -> None:
    frame = values(
        {"target": "8a", "value": 900.0, "version": 1},
        {"target": "8a", "kommune": "259", "value": 400.0, "version": 1},
    ).assign(period="H1")
    table = build_table(contract(), "H1", frame)
    unjudged = replace(table, judged=None, findings=())

    from_table = live_round(contract(), "H1", frame, table, table)
    from_values = live_round(contract(), "H1", frame, unjudged, unjudged)

    assert table.judged is not None
    assert from_table == from_values
    assert from_table.targets["8a"].label == "På vej"
    assert [(m.key, m.kind) for m in from_table.missing] == [
        ("12a", "value"),
        ("5a", "value"),
        ("13b", "value"),
        ("8a", "parts"),  # the kommuner give 400, the total is 900: a finding to explain
    ]
