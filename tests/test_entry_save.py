"""Saving the Indberetning form when someone else saved meanwhile (issue 13): nothing typed is
lost, every other edit is saved, and each value in conflict waits for the person's choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracts.loader import load_folder
from contracts.models import Contract
from db import Store, ValueKey, ValueRow
from metrics.values import empty_values
from services.entry_live import apply_draft
from services.entry_save import ValueConflict, draft_of, rebase, resolve, save_entry
from services.entry_table import EntryTable, build_table

CONTRACTS = Path(__file__).parent / "files" / "import" / "contracts"
DERIVED = "indtastet (sum af kommunerækker)"


@pytest.fixture(scope="module")
def contract() -> Contract:
    found = load_folder(CONTRACTS).contract("sjaelland", 2022)
    assert found is not None
    return found


def put(store: Store, target: str, value: float, *, kommune: str = "", user: str, version: int = 0,
        comment: str | None = None) -> None:  # fmt: skip
    key = ValueKey("sjaelland", 2022, "H1", target, kommune)
    row = ValueRow(key, value=value, comment=comment, expected_version=version)
    store.save([row], user=user)


def read(store: Store, contract: Contract) -> EntryTable:
    return build_table(contract, "H1", store.values(house="sjaelland"))


def typed(table: EntryTable, texts: dict[tuple[str, str], dict[str, str]]) -> EntryTable:
    return apply_draft(table, texts)


def values(store: Store) -> dict[tuple[str, str], tuple[float, str]]:
    frame = store.values("sjaelland", 2022, "H1")
    return {
        (r["target"], r["kommune"]): (r["value"], r["entered_by"]) for r in frame.to_dict("records")
    }


def test_without_a_conflict_everything_is_saved(sqlite_store: Store, contract: Contract) -> None:
    table = read(sqlite_store, contract)
    edited = typed(table, {("8b", ""): {"værdi": "470"}, ("15a", ""): {"værdi": "2,4"}})
    outcome = save_entry(sqlite_store, contract, "H1", table, edited, user="anne")
    assert outcome.result is not None and outcome.result.inserted == 2
    assert outcome.conflicts == () and outcome.problems == ()
    assert values(sqlite_store) == {("8b", ""): (470.0, "anne"), ("15a", ""): (2.4, "anne")}


def test_a_conflict_saves_the_other_edits_and_returns_both_values(
    store: Store, contract: Contract
) -> None:
    put(store, "8b", 400, user="ib")
    table = read(store, contract)
    edited = typed(table, {("8b", ""): {"værdi": "470"}, ("15a", ""): {"værdi": "2,4"}})
    put(store, "8b", 450, user="bo", version=1, comment="Fra CRM")
    outcome = save_entry(store, contract, "H1", table, edited, user="anne")

    assert outcome.result is not None and outcome.result.inserted == 1
    assert values(store) == {("8b", ""): (450.0, "bo"), ("15a", ""): (2.4, "anne")}
    (conflict,) = outcome.conflicts
    assert (conflict.name, conflict.theirs, conflict.who, conflict.mine) == (
        "8b",
        "450 «Fra CRM»",
        "bo",
        "470",
    )
    assert conflict.when  # "7. december 2026 kl. 14.40": when bo saved
    assert outcome.table is not None
    assert outcome.draft == {("8b", ""): {"værdi": "470", **_empty(), "kommentar": ""}}


def _empty() -> dict[str, str]:
    return {c: "" for c in ("tæller", "nævner", "promotorer", "passive", "kritikere")}


def test_choosing_mine_saves_it_over_theirs_and_theirs_keeps_theirs(
    sqlite_store: Store, contract: Contract
) -> None:
    put(sqlite_store, "8b", 400, user="ib")
    put(sqlite_store, "15a", 2.0, user="ib")
    table = read(sqlite_store, contract)
    edited = typed(table, {("8b", ""): {"værdi": "470"}, ("15a", ""): {"værdi": "2,4"}})
    put(sqlite_store, "8b", 450, user="bo", version=1)
    put(sqlite_store, "15a", 2.2, user="bo", version=1)
    first = save_entry(sqlite_store, contract, "H1", table, edited, user="anne")
    assert [c.target for c in first.conflicts] == ["8b", "15a"]
    assert first.table is not None
    draft = resolve(first.table, first.draft, {("8b", ""): "mine", ("15a", ""): "theirs"})
    second = save_entry(
        sqlite_store, contract, "H1", first.table, apply_draft(first.table, draft), user="anne"
    )
    assert second.conflicts == () and second.result is not None
    assert values(sqlite_store) == {("8b", ""): (470.0, "anne"), ("15a", ""): (2.2, "bo")}


def save_8a(store: Store, user: str, total: float, version: int, **kommuner: float) -> None:
    """8a's total (as derived from its kommune rows) and the kommune rows ``k259=10``."""
    key = ValueKey("sjaelland", 2022, "H1", "8a")
    written = [ValueRow(key, value=total, expected_version=version, source=DERIVED)]
    written += [
        ValueRow(ValueKey("sjaelland", 2022, "H1", "8a", code[1:]), value=v, expected_version=0)
        for code, v in kommuner.items()
    ]
    store.save(written, user=user)


def test_a_total_that_follows_its_kommune_rows_is_settled_again_without_asking(
    sqlite_store: Store, contract: Contract
) -> None:
    save_8a(sqlite_store, "ib", 10, 0, k259=10)
    table = read(sqlite_store, contract)
    edited = typed(table, {("8a", "265"): {"værdi": "5"}})
    save_8a(sqlite_store, "bo", 17, 1, k253=7)
    outcome = save_entry(sqlite_store, contract, "H1", table, edited, user="anne")
    assert outcome.conflicts == ()
    assert values(sqlite_store)[("8a", "")] == (22.0, "anne")  # 10 + 7 + 5


def test_a_conflict_elsewhere_still_settles_a_total_that_follows_its_rows(
    sqlite_store: Store, contract: Contract
) -> None:
    save_8a(sqlite_store, "ib", 10, 0, k259=10)
    put(sqlite_store, "8b", 400, user="ib")
    table = read(sqlite_store, contract)
    edited = typed(table, {("8a", "265"): {"værdi": "5"}, ("8b", ""): {"værdi": "470"}})
    save_8a(sqlite_store, "bo", 17, 1, k253=7)
    put(sqlite_store, "8b", 450, user="bo", version=1)
    outcome = save_entry(sqlite_store, contract, "H1", table, edited, user="anne")
    assert [c.target for c in outcome.conflicts] == ["8b"]
    stored = values(sqlite_store)
    assert stored[("8a", "")] == (22.0, "anne")  # 10 + 7 + 5, settled over bo's rows
    assert stored[("8a", "265")] == (5.0, "anne")
    assert stored[("8b", "")] == (450.0, "bo")


def test_a_value_deleted_by_another_is_a_conflict_saying_who_deleted_it(
    sqlite_store: Store, contract: Contract
) -> None:
    put(sqlite_store, "8b", 400, user="ib")
    table = read(sqlite_store, contract)
    edited = typed(table, {("8b", ""): {"værdi": "470"}})
    sqlite_store.save([], user="bo", deletes=[(ValueKey("sjaelland", 2022, "H1", "8b"), 1)])
    outcome = save_entry(sqlite_store, contract, "H1", table, edited, user="anne")
    (conflict,) = outcome.conflicts
    assert (conflict.theirs, conflict.who, conflict.mine) == ("slettet", "bo", "470")


def test_problems_save_nothing(sqlite_store: Store, contract: Contract) -> None:
    table = read(sqlite_store, contract)
    edited = typed(table, {("8b", ""): {"værdi": "50.5"}, ("15a", ""): {"værdi": "2,4"}})
    outcome = save_entry(sqlite_store, contract, "H1", table, edited, user="anne")
    assert outcome.problems == (
        "Måltal 8b, kolonne 'værdi': '50.5' er ikke et tal; brug komma: 50,5",
    )
    assert sqlite_store.values().empty


def test_rebase_lays_the_persons_edits_over_a_fresh_table(contract: Contract) -> None:
    empty = build_table(contract, "H1", empty_values())
    edited = typed(empty, {("8b", ""): {"værdi": "470"}})
    fresh = typed(empty, {("15a", ""): {"værdi": "2,2"}})  # what another person saved
    moved = rebase(fresh, empty, edited)
    assert draft_of(empty, moved) == {
        ("8b", ""): {"værdi": "470", **_empty(), "kommentar": ""},
        ("15a", ""): {"værdi": "2,2", **_empty(), "kommentar": ""},
    }
    assert rebase(fresh, empty, edited, only={"15a"}).totals.equals(fresh.totals)


def test_a_conflict_names_a_kommune_row_by_its_kommune() -> None:
    conflict = ValueConflict("8a", "259", "8a (Køge)", "maaltal-8a", "5", "bo", "", "6")
    assert conflict.name == "8a (Køge)"
