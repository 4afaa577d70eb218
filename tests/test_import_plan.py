"""The dry run says what an import would do; applying it writes exactly that, or nothing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from contracts.loader import Catalog
from db import Store, ValueKey, ValueRow
from db.errors import Conflict, DemoInRound
from services.values_io import apply_plan, plan_import
from services.values_io.parse import COLUMNS

HEADER = ",".join(COLUMNS)
NUMBERS = ["value", "numerator", "denominator", "promoters", "passives", "detractors"]
STATE = ["period", "target", "kommune", *NUMBERS, "comment"]

DOMAIN_EXAMPLE = """\
erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,kritikere,kommentar
sjaelland,2022,H1,8b,,470,,,,,,
sjaelland,2022,H1,9c,259,1,,,,,,Case fra Køge
sjaelland,2022,FY,3b.drift,,,,,61,25,9,Brugerevaluering 2022
sjaelland,2022,FY,12a,,,140,251,,,,
sjaelland,2022,FY,15a,,2.4,,,,,,
sjaelland,2022,FY,5a,,1,,,,,,Værktøjet er taget i brug
"""
SEMICOLON_EXAMPLE = """\
erhvervshus;år;periode;måltal;kommunekode;værdi;tæller;nævner;promotorer;passive;kritikere;kommentar
sjaelland;2022;H1;8b;;470;;;;;;
sjaelland;2022;H1;9c;259;1;;;;;;Case fra Køge
sjaelland;2022;FY;3b.drift;;;;;61;25;9;Brugerevaluering 2022
sjaelland;2022;FY;12a;;;140;251;;;;
sjaelland;2022;FY;15a;;2,4;;;;;;
sjaelland;2022;FY;5a;;1;;;;;;Værktøjet er taget i brug
"""


def state(store: Store) -> list[dict[str, object]]:
    frame = store.values()[STATE].astype(object)
    return frame.where(pd.notna(frame), None).to_dict("records")


def imported(store: Store, catalog: Catalog, text: str, name: str = "tal.csv") -> None:
    apply_plan(plan_import(text.encode(), name, catalog, store), store, "tester")


def test_the_domain_example_imports_as_stated(store: Store, catalog: Catalog) -> None:
    plan = plan_import(DOMAIN_EXAMPLE.encode(), "tal.csv", catalog, store)
    assert plan.summary() == "7 indsættes, 0 ændres, 0 uændrede, 0 ikke udfyldt"
    result = apply_plan(plan, store, "tester")
    assert (result.inserted, result.changed, result.unchanged) == (7, 0, 0)
    values = store.values().set_index(["period", "target", "kommune"])
    assert values.loc[("FY", "12a", ""), ["numerator", "denominator"]].tolist() == [140, 251]
    assert values.loc[("FY", "15a", ""), "value"] == 2.4
    assert values.loc[("H1", "9c", "259"), "comment"] == "Case fra Køge"
    assert values.loc[("FY", "5a", ""), "source"] == "tal.csv"
    assert values.loc[("H1", "9c", ""), ["value", "source"]].tolist() == [
        1.0,
        "tal.csv (sum af kommunerækker)",
    ]
    assert set(store.values()["entered_by"]) == {"tester"}


@pytest.mark.parametrize(
    "data",
    [
        SEMICOLON_EXAMPLE.encode("utf-8"),
        SEMICOLON_EXAMPLE.encode("utf-8-sig"),
        SEMICOLON_EXAMPLE.encode("cp1252"),
        DOMAIN_EXAMPLE.encode("utf-8-sig"),
        DOMAIN_EXAMPLE.encode("cp1252"),
    ],
    ids=["semikolon", "semikolon-bom", "semikolon-cp1252", "komma-bom", "komma-cp1252"],
)
def test_every_dialect_and_encoding_imports_to_the_same_state(
    tmp_path: Path, store: Store, catalog: Catalog, data: bytes
) -> None:
    other = Store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    other.upgrade()
    imported(store, catalog, DOMAIN_EXAMPLE)
    apply_plan(plan_import(data, "tal.csv", catalog, other), other, "tester")
    assert state(other) == state(store)
    other.dispose()


def test_a_dry_run_counts_inserts_changes_unchanged_and_empty_rows(
    store: Store, catalog: Catalog
) -> None:
    imported(store, catalog, DOMAIN_EXAMPLE)
    text = (
        HEADER + "\n"
        "sjaelland,2022,H1,8b,,480,,,,,,\n"  # changed
        "sjaelland,2022,FY,12a,,,140,251,,,,\n"  # unchanged
        "sjaelland,2022,FY,5a,,1,,,,,,Ny kommentar\n"  # changed: the comment
        "sjaelland,2022,FY,11h,,27.5,,,,,,\n"  # inserted
        "sjaelland,2022,FY,9b,,,,,,,,Kun en kommentar\n"  # a comment on the target
        "sjaelland,2022,FY,6b.omsaetning,,,,,,,,\n"  # not filled in
    )
    before = state(store)
    plan = plan_import(text.encode(), "nye.csv", catalog, store)
    assert plan.summary() == "2 indsættes, 2 ændres, 1 uændrede, 1 ikke udfyldt"
    assert plan.lines() == [
        "ændres       sjaelland 2022 H1 8b: 470 → 480",
        "uændret      sjaelland 2022 FY 12a: 140/251",
        "ændres       sjaelland 2022 FY 5a: 1 «Værktøjet er taget i brug» → 1 «Ny kommentar»",
        "indsættes    sjaelland 2022 FY 11h: 27,5",
        "indsættes    sjaelland 2022 FY 9b: «Kun en kommentar»",
        "ikke udfyldt sjaelland 2022 FY 6b.omsaetning (række 7)",
    ]
    assert state(store) == before  # a dry run writes nothing
    result = apply_plan(plan, store, "tester")
    assert (result.inserted, result.changed, result.unchanged) == (2, 2, 1)
    audit = store.audit(target="8b")
    assert audit.iloc[0][["action", "user", "reason"]].tolist() == [
        "ændret",
        "tester",
        "import af nye.csv",
    ]


def test_a_value_changed_after_the_dry_run_is_a_conflict_and_nothing_is_written(
    store: Store, catalog: Catalog
) -> None:
    imported(store, catalog, DOMAIN_EXAMPLE)
    text = HEADER + "\nsjaelland,2022,H1,8b,,480,,,,,,\nsjaelland,2022,FY,11h,,27,,,,,,\n"
    plan = plan_import(text.encode(), "nye.csv", catalog, store)
    key = ValueKey("sjaelland", 2022, "H1", "8b")
    store.save([ValueRow(key, value=475, expected_version=1)], user="kollega")
    before = state(store)
    with pytest.raises(Conflict) as caught:
        apply_plan(plan, store, "tester")
    assert caught.value.problems == [
        "8b, Erhvervshus Sjælland 1. halvår 2022: er ændret af kollega "
        "(version 2, du hentede version 1)."
    ]
    assert state(store) == before


def test_a_value_inserted_after_the_dry_run_is_a_conflict(store: Store, catalog: Catalog) -> None:
    plan = plan_import(DOMAIN_EXAMPLE.encode(), "tal.csv", catalog, store)
    key = ValueKey("sjaelland", 2022, "H1", "8b")
    store.save([ValueRow(key, value=1, expected_version=0)], user="kollega")
    with pytest.raises(Conflict):
        apply_plan(plan, store, "tester")
    assert len(store.values()) == 1


def test_kommune_rows_alone_give_a_total_that_counts_the_stored_kommune_rows_too(
    store: Store, catalog: Catalog
) -> None:
    imported(store, catalog, HEADER + "\nsjaelland,2022,H1,8a,259,40,,,,,,\n")
    imported(store, catalog, HEADER + "\nsjaelland,2022,H1,8a,265,2,,,,,,\n")
    values = store.values().set_index(["target", "kommune"])
    assert values.loc[("8a", ""), "value"] == 42


def test_kommune_rows_that_add_up_to_the_given_total_are_accepted(
    store: Store, catalog: Catalog
) -> None:
    text = (
        HEADER + "\n"
        "sjaelland,2022,H1,8a,,41,,,,,,\n"
        "sjaelland,2022,H1,8a,259,40,,,,,,\n"
        "sjaelland,2022,H1,8a,0,1,,,,,,uden for geografien\n"
    )
    imported(store, catalog, text)
    assert store.values()["value"].tolist() == [41, 1, 40]
    assert store.values()["source"].tolist() == ["tal.csv"] * 3


def test_an_import_into_a_demo_round_says_so_and_needs_a_confirmation(
    store: Store, catalog: Catalog
) -> None:
    demo = [
        ValueRow(ValueKey("sjaelland", 2022, "H1", "8b"), value=300, source="demo"),
        ValueRow(ValueKey("sjaelland", 2022, "H1", "11h"), value=5, source="demo"),
    ]
    store.save(demo, user="demo", demo=True)
    plan = plan_import(
        (HEADER + "\nsjaelland,2022,H1,8b,,470,,,,,,\n").encode(), "tal.csv", catalog, store
    )
    # Relative to the round after its demo data is gone: the demo 300 is nobody's value.
    assert plan.lines() == ["indsættes    sjaelland 2022 H1 8b: 470"]
    assert plan.summary() == (
        "1 indsættes, 0 ændres, 0 uændrede, 0 ikke udfyldt; erstatter demodata i "
        "Erhvervshus Sjælland 1. halvår 2022 (2 demoværdier fjernes)"
    )
    with pytest.raises(DemoInRound, match="--erstat-demodata"):
        apply_plan(plan, store, "tester")
    assert store.values()["is_demo"].all()

    result = apply_plan(plan, store, "tester", replace_demo=True)

    assert (result.inserted, result.demo_removed) == (1, 2)
    assert store.values()[["target", "value", "is_demo"]].values.tolist() == [["8b", 470, False]]
    removed = store.audit(house="sjaelland")
    assert set(removed.loc[removed["action"] == "slettet", "reason"]) == {
        "demodata fjernet før indberetning"
    }


def test_the_plan_as_a_table_names_rows_actions_and_old_and_new(
    store: Store, catalog: Catalog
) -> None:
    imported(store, catalog, HEADER + "\nsjaelland,2022,H1,8b,,470,,,,,,\n")
    text = (
        HEADER + "\n"
        "sjaelland,2022,H1,8b,,1680,,,,,,Rettet\n"
        "sjaelland,2022,H1,8a,259,40,,,,,,\n"
        "sjaelland,2022,H1,8a,265,2,,,,,,\n"
        "sjaelland,2022,FY,12a,,,,,,,,\n"
    )
    frame = plan_import(text.encode(), "nye.csv", catalog, store).frame()
    assert frame.values.tolist() == [
        ["ændres", "2", "8b", "H1", "", "470", "1.680 «Rettet»"],
        ["indsættes", "3", "8a", "H1", "259", "", "40"],
        ["indsættes", "4", "8a", "H1", "265", "", "2"],
        ["indsættes", "3, 4", "8a", "H1", "", "", "42"],
        ["ikke udfyldt", "5", "12a", "FY", "", "", ""],
    ]
