"""Reading the audit trail filtered and limited by the database (``Store.audit``): a round's
history and its standing return read a few rows, whatever the round's trail holds."""

from __future__ import annotations

from db import Store, ValueKey, ValueRow


def _trail(store: Store) -> None:
    """Three saves of 8a in H1, one of 2a in FY, and H1 submitted and sent back."""
    for n, value in enumerate((10, 20, 30)):
        store.save(
            [ValueRow(ValueKey("sjaelland", 2022, "H1", "8a"), value=value, expected_version=n)],
            user="anne",
        )
    store.save([ValueRow(ValueKey("sjaelland", 2022, "FY", "2a"), value=1)], user="bo")
    store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="anne")
    store.set_round_status(
        "sjaelland", 2022, "H1", "åben", user="kkr", reason="Mangler kommentar", returned=True
    )


def test_the_whole_trail_of_a_house_year_is_read_newest_first(store: Store) -> None:
    _trail(store)
    trail = store.audit("sjaelland", 2022)
    assert len(trail) == 6
    assert list(trail["user"])[:2] == ["kkr", "anne"]
    assert list(trail["user"])[-1] == "anne"


def test_a_period_reads_only_that_periods_events(store: Store) -> None:
    _trail(store)
    fy = store.audit("sjaelland", 2022, period="FY")
    assert list(fy["target"]) == ["2a"]
    assert list(fy["user"]) == ["bo"]
    assert len(store.audit("sjaelland", 2022, period="H1")) == 5


def test_a_limit_reads_the_newest_events_only(store: Store) -> None:
    _trail(store)
    newest = store.audit("sjaelland", 2022, period="H1", limit=2)
    assert list(newest["user"]) == ["kkr", "anne"]
    assert list(newest["target"]) == ["", ""]


def test_round_actions_on_the_round_row_leave_out_the_values(store: Store) -> None:
    _trail(store)
    events = store.audit("sjaelland", 2022, "", actions={"indsendt", "sendt tilbage"})
    assert len(events) == 2
    assert set(events["target"]) == {""}
    assert events["reason"].iloc[0] == "Mangler kommentar"


def test_a_filter_that_matches_nothing_gives_an_empty_trail_with_its_columns(
    store: Store,
) -> None:
    _trail(store)
    empty = store.audit("fyn", 2022, period="H1", limit=5)
    assert empty.empty
    assert "user" in empty.columns and "at" in empty.columns
