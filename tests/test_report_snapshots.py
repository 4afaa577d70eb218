"""Report snapshots: what they keep, when they are taken, how they are listed and read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from report_support import SEED, no_browser, seed_sjaelland
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from status_support import contract_store

import cli
from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from db.errors import NotFound
from db.models import AuditEvent, ReportedValue, ReportRound, ReportSnapshot
from services.report import list_snapshots, make_report, read_snapshot, take_snapshot
from services.rounds import approve_round, submit_round


def _counts(store: Store) -> dict[str, int]:
    with Session(store.engine) as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)))
            for model in (ReportSnapshot, ReportedValue, ReportRound, AuditEvent)
        }


def test_a_snapshot_keeps_the_contract_text_values_comments_and_round_status(
    store: Store,
) -> None:
    seed_sjaelland(store)
    info = take_snapshot(load_folder(), store, "sjaelland", 2022, "H1", reason="bestilt", user="ib")
    content = read_snapshot(store, info.id)
    found = store.snapshot(info.id)
    assert found is not None
    text = found.data.contract_yaml or ""

    assert (info.house, info.year, info.period, info.reason) == ("sjaelland", 2022, "H1", "bestilt")
    assert (info.round_status, info.has_demo, info.taken_by) == ("åben", False, "ib")
    assert info.contract_hash == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert yaml.safe_load(text)["year"] == 2022
    assert content.contract is not None and content.contract.target("8a") is not None
    totals = content.values[content.values["kommune"] == ""].set_index("target")
    assert totals["value"].to_dict() == SEED
    assert totals.loc["8a", "comment"] == "Færre henvendelser i foråret"
    assert len(content.values) == len(SEED) + 17


def test_a_snapshot_does_not_change_when_the_values_do(sqlite_store: Store) -> None:
    seed_sjaelland(sqlite_store)
    info = take_snapshot(
        load_folder(), sqlite_store, "sjaelland", 2022, "H1", reason="bestilt", user="ib"
    )
    version = int(
        sqlite_store.values("sjaelland", 2022, "H1").set_index("target").loc["8b", "version"]
    )
    sqlite_store.save(
        [ValueRow(ValueKey("sjaelland", 2022, "H1", "8b"), value=999, expected_version=version)],
        user="ib",
    )
    values = read_snapshot(sqlite_store, info.id).values

    assert values.loc[values["target"] == "8b", "value"].tolist() == [405.0]


def test_snapshots_are_listed_per_house_newest_first(sqlite_store: Store) -> None:
    seed_sjaelland(sqlite_store)
    catalog = load_folder()
    first = take_snapshot(
        catalog, sqlite_store, "sjaelland", 2022, "H1", reason="bestilt", user="a"
    )
    second = take_snapshot(
        catalog, sqlite_store, "sjaelland", 2022, "FY", reason="bestilt", user="b"
    )
    take_snapshot(catalog, sqlite_store, "hovedstaden", 2023, "FY", reason="bestilt", user="c")

    assert [s.id for s in list_snapshots(sqlite_store, "sjaelland")] == [second.id, first.id]
    assert [s.id for s in list_snapshots(sqlite_store, "sjaelland", 2022, "H1")] == [first.id]
    with pytest.raises(NotFound, match="Ukendt erhvervshus 'sjælland'"):
        list_snapshots(sqlite_store, "sjælland")


def test_an_unknown_snapshot_is_a_danish_not_found(sqlite_store: Store) -> None:
    with pytest.raises(NotFound) as caught:
        read_snapshot(sqlite_store, 42)
    assert str(caught.value) == "Der er intet øjebliksbillede med nummer 42."


def test_submitting_and_approving_a_round_each_take_a_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = contract_store(tmp_path, monkeypatch)
    store.save(
        [
            ValueRow(ValueKey("sjaelland", 2022, "H1", "8a"), value=900, comment="Godt i gang"),
            ValueRow(ValueKey("sjaelland", 2022, "H1", "12a"), value=60),
            ValueRow(ValueKey("sjaelland", 2022, "H1", "2a"), value=1, comment="Spredt"),
        ],
        user="anne",
    )
    submit_round(load_folder(), store, "sjaelland", 2022, "H1", user="anne")
    approve_round(load_folder(), store, "sjaelland", 2022, "H1", user="kkr")
    found = list_snapshots(store, "sjaelland", 2022, "H1")
    store.dispose()

    assert [(s.reason, s.round_status, s.taken_by) for s in found] == [
        ("godkendt", "godkendt", "kkr"),
        ("indsendt", "indsendt", "anne"),
    ]


def test_a_report_of_a_stored_snapshot_writes_nothing(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_browser(monkeypatch)
    seed_sjaelland(sqlite_store)
    info = take_snapshot(
        load_folder(), sqlite_store, "sjaelland", 2022, "H1", reason="bestilt", user="ib"
    )
    before = _counts(sqlite_store)
    made = make_report(sqlite_store, info.id, "xlsx")

    assert made.data[:2] == b"PK"
    assert _counts(sqlite_store) == before


def test_the_cli_lists_a_houses_snapshots(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", sqlite_store.url)
    seed_sjaelland(sqlite_store)
    info = take_snapshot(
        load_folder(), sqlite_store, "sjaelland", 2022, "H1", reason="bestilt", user="ib"
    )

    assert cli.main(["report", "snapshots", "sjaelland"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Nr. · periode · taget · anledning · indberetning"
    assert lines[1].startswith(f"{info.id} · 1. halvår 2022 · ")
    assert lines[1].endswith(" · bestilt til en rapport · indberetning: Åben")
    assert cli.main(["report", "snapshots", "fyn"]) == 0
    assert capsys.readouterr().out == "Der er ingen øjebliksbilleder for Erhvervshus Fyn endnu.\n"
