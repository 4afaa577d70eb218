"""Judgements shared by the content of the rows they read (``ui/page_reads.py``,
``metrics.engine.judged_rows``): a save in helår keeps what 1. halvår's readers see, a save in
1. halvår does not (helår reads 1. halvår too), and nothing kept ever shows an old number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from contracts.loader import load_folder
from contracts.models import Contract
from db import Store, ValueKey, ValueRow
from metrics.engine import judged_rows
from services.cache import PageReads, SharedCache
from services.permissions import operator
from services.session import Session
from ui import page_reads

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def sjaelland_2022() -> Contract:
    contract = load_folder().contract("sjaelland", 2022)
    assert contract is not None
    return contract


def save(store: Store, period: str, target: str, value: float, version: int, **kw: Any) -> None:
    key = ValueKey("sjaelland", 2022, period, target)
    store.save([ValueRow(key, value=value, expected_version=version)], user="anna", **kw)


def counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """Each call of ``ui.page_reads.<name>`` noted by its period: a judgement made."""
    calls: list[str] = []
    real: Callable[..., Any] = getattr(page_reads, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["period"])
        return real(*args, **kwargs)

    monkeypatch.setattr(page_reads, name, counted)
    return calls


def overview_as_run(
    session: Session, cache: SharedCache, contract: Contract, period: str
) -> page_reads.Overview:
    """Overblik's and Mål's overview as a new page run reads it."""
    return page_reads.overview(PageReads(session, cache=cache, today=TODAY), contract, period)


def actual(table: pd.DataFrame, target: str) -> float:
    return float(table.set_index("target").loc[target, "actual"])


def test_the_rows_judged_are_the_periods_and_first_halfs_of_the_year_and_earlier_years(
    sjaelland_2022: Contract,
) -> None:
    rows = pd.DataFrame(
        {
            "house": ["sjaelland"] * 5 + ["fyn"],
            "year": [2022, 2022, 2021, 2020, 2023, 2022],
            "period": ["H1", "FY", "FY", "FY", "H1", "H1"],
        }
    )

    # 1a is measured in 2021: that year is read for 2022; 2020 and 2023 are not, nor Fyn.
    def kept(period: str) -> list[tuple[int, str]]:
        found = judged_rows(sjaelland_2022, rows, period)
        return list(zip(found["year"], found["period"], strict=True))

    assert kept("H1") == [(2022, "H1"), (2021, "FY")]
    assert kept("FY") == [(2022, "H1"), (2022, "FY"), (2021, "FY")]


def test_a_save_in_helaar_keeps_the_first_half_overview_and_a_first_half_save_does_not(
    sqlite_store: Store, sjaelland_2022: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged = counting(monkeypatch, "fulfilment")
    session, cache = Session(sqlite_store, operator("anna")), SharedCache()

    def overview(period: str) -> page_reads.Overview:
        return overview_as_run(session, cache, sjaelland_2022, period)

    save(sqlite_store, "H1", "8b", 470, 0)
    assert actual(overview("H1").table, "8b") == 470
    save(sqlite_store, "FY", "8b", 900, 0)  # helår: 1. halvår's judgement is kept
    assert actual(overview("H1").table, "8b") == 470
    assert judged == ["H1"]
    assert actual(overview("FY").table, "8b") == 900

    save(sqlite_store, "H1", "8b", 480, 1)  # 1. halvår: both are judged again
    assert actual(overview("H1").table, "8b") == 480
    assert overview("FY").table.set_index("target").loc["8b", "actual"] == 900
    assert judged == ["H1", "FY", "H1", "FY"]


def test_demo_values_saved_in_helaar_are_told_on_a_kept_first_half_overview(
    sqlite_store: Store, sjaelland_2022: Contract
) -> None:
    session, cache = Session(sqlite_store, operator("anna")), SharedCache()
    save(sqlite_store, "H1", "8b", 470, 0)
    assert not overview_as_run(session, cache, sjaelland_2022, "H1").demo_in_year
    save(sqlite_store, "FY", "8b", 900, 0, demo=True)
    kept = overview_as_run(session, cache, sjaelland_2022, "H1")
    assert (kept.demo_in_period, kept.demo_in_year) == (False, True)


def test_hele_landet_judges_a_house_again_only_when_the_rows_it_reads_change(
    sqlite_store: Store, sjaelland_2022: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged = counting(monkeypatch, "national_tables")
    session, cache = Session(sqlite_store, operator("anna")), SharedCache()

    def national(period: str) -> pd.DataFrame:
        reads = PageReads(session, cache=cache, today=TODAY)
        return page_reads.national(reads, [sjaelland_2022], 2022, period)[1]

    save(sqlite_store, "H1", "3a.drift", 70, 0)
    assert actual(national("H1"), "3a.drift") == 70
    save(sqlite_store, "FY", "3a.drift", 75, 0)
    assert actual(national("H1"), "3a.drift") == 70
    assert judged == ["H1"]
    save(sqlite_store, "H1", "3a.drift", 72, 1)
    assert actual(national("H1"), "3a.drift") == 72
    assert judged == ["H1", "H1"]


def figures_as_run(
    session: Session, cache: SharedCache, contract: Contract, key: str
) -> tuple[Any, Any]:
    """Mål's trend chart and kommune bar of target ``key`` as a new page run reads them."""
    reads = PageReads(session, cache=cache, today=TODAY)
    target = contract.target(key)
    assert target is not None
    return page_reads.target_figures(reads, contract, [contract], target, "FY")


def trend_points(figure: Any) -> list[float]:
    return [y for trace in figure.to_dict()["data"] for y in trace.get("y", ()) if y is not None]


def histories_counted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """Each history judged by ``ui.page_reads``, noted by the targets judged."""
    calls: list[tuple[str, ...]] = []
    real = page_reads.history_of

    def counted(contracts: Any, values: Any, keys: Any, *rest: Any) -> Any:
        calls.append(tuple(keys))
        return real(contracts, values, keys, *rest)

    monkeypatch.setattr(page_reads, "history_of", counted)
    return calls


def test_a_targets_charts_on_mal_are_kept_when_another_target_of_the_house_is_saved(
    sqlite_store: Store, sjaelland_2022: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged = histories_counted(monkeypatch)
    session, cache = Session(sqlite_store, operator("anna")), SharedCache()
    save(sqlite_store, "FY", "8b", 900, 0)
    trend, _bar = figures_as_run(session, cache, sjaelland_2022, "8b")
    assert 900 in trend_points(trend)

    save(sqlite_store, "FY", "11c", 23, 0)  # another target: 8b's charts are kept
    figures_as_run(session, cache, sjaelland_2022, "8b")
    assert judged == [("8b",)]

    save(sqlite_store, "FY", "8b", 950, 1)  # its own value: judged again, the new number shown
    trend, _bar = figures_as_run(session, cache, sjaelland_2022, "8b")
    assert judged == [("8b",), ("8b",)]
    assert 950 in trend_points(trend) and 900 not in trend_points(trend)


def test_a_spreads_charts_are_judged_again_when_the_target_it_is_measured_on_is_saved(
    sqlite_store: Store, sjaelland_2022: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged = histories_counted(monkeypatch)
    session, cache = Session(sqlite_store, operator("anna")), SharedCache()
    figures_as_run(session, cache, sjaelland_2022, "9a")  # 9a: 8a's forløb over by and land
    key = ValueKey("sjaelland", 2022, "FY", "8a", "0101")
    sqlite_store.save([ValueRow(key, value=40, expected_version=0)], user="anna")
    figures_as_run(session, cache, sjaelland_2022, "9a")
    assert judged == [("9a",), ("9a",)]


def test_a_round_taking_demo_values_judges_the_kept_histories_of_its_house_again(
    sqlite_store: Store, sjaelland_2022: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged = histories_counted(monkeypatch)
    session, cache = Session(sqlite_store, operator("anna")), SharedCache()
    save(sqlite_store, "H1", "8b", 470, 0)
    figures_as_run(session, cache, sjaelland_2022, "8b")
    # Helår takes demo values of another target: 8b's rows are as they were, but its helår
    # point now lies in a round holding demo data, which a history marks.
    save(sqlite_store, "FY", "11c", 23, 0, demo=True)
    figures_as_run(session, cache, sjaelland_2022, "8b")
    assert judged == [("8b",), ("8b",)]
    reads = PageReads(session, cache=cache, today=TODAY)
    assert ("sjaelland", 2022, "FY") in page_reads.house_rows(reads, "sjaelland").demo_rounds


def test_a_targets_trail_on_mal_is_read_again_only_when_one_of_its_values_is_written(
    sqlite_store: Store, sjaelland_2022: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import goal_view

    session, cache = Session(sqlite_store, operator("anna")), SharedCache()
    read: list[str | None] = []
    real_audit = Session.audit

    def audit(self: Session, *args: Any, **kwargs: Any) -> pd.DataFrame:
        read.append(args[2])
        return real_audit(self, *args, **kwargs)

    monkeypatch.setattr(Session, "audit", audit)
    target = sjaelland_2022.target("8b")
    assert target is not None

    def trail() -> list[str]:
        reads = PageReads(session, cache=cache, today=TODAY)
        return list(goal_view._target_audit(reads, sjaelland_2022, target).table["Efter"])

    save(sqlite_store, "FY", "8b", 900, 0)
    assert trail() == ["900 forløb"]
    save(sqlite_store, "FY", "11c", 23, 0)  # another target: the trail is kept
    assert trail() == ["900 forløb"]
    assert read == ["8b"]
    save(sqlite_store, "FY", "8b", 950, 1)
    assert trail() == ["950 forløb", "900 forløb"]
    assert read == ["8b", "8b"]
