"""`make run` prepares the store: migrations, the sources' results as real values, demo."""

from __future__ import annotations

import datetime as dt

import cli
import metrics
from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from services.prepare import prepare

AS_OF = dt.date(2026, 11, 23)


def test_prepare_on_an_empty_store_loads_the_sources_results_as_real_values_and_the_demo(
    sqlite_store: Store,
) -> None:
    lines = prepare(sqlite_store, as_of=AS_OF)
    assert lines[0] == "Resultater fra kilderne indlæst fra hovedstaden-2023.csv: 5 værdier."
    assert lines[1].startswith("Demodata indlæst:")
    fy = sqlite_store.values("hovedstaden", 2023, "FY")
    assert not fy["is_demo"].any()
    assert fy.set_index("target").loc["1c", "value"] == 35
    assert sqlite_store.values("fyn", 2025)["is_demo"].all()


def test_hovedstaden_2023_reported_awareness_of_35_is_not_met_against_50(
    sqlite_store: Store,
) -> None:
    prepare(sqlite_store, as_of=AS_OF)
    contract = load_folder().contract("hovedstaden", 2023)
    table = metrics.fulfilment(
        contract, sqlite_store.values("hovedstaden", 2023), period="FY"
    ).set_index("target")
    assert table.loc["1c", "status"] == "ikke_opfyldt"
    assert table.loc["6a", "status"] == "ikke_opfyldt"
    assert table.loc["6b", "status"] == "opfyldt"


def test_prepare_again_never_overwrites_what_a_user_entered(sqlite_store: Store) -> None:
    prepare(sqlite_store, as_of=AS_OF)
    current = sqlite_store.values("hovedstaden", 2023, "FY").set_index("target")
    key = ValueKey("hovedstaden", 2023, "FY", "1c")
    version = int(current.loc["1c", "version"])
    sqlite_store.save([ValueRow(key, value=36, expected_version=version)], user="anne")
    n_before = len(sqlite_store.values())
    assert prepare(sqlite_store, as_of=AS_OF) == []
    after = sqlite_store.values("hovedstaden", 2023, "FY").set_index("target")
    assert after.loc["1c", "value"] == 36
    assert len(sqlite_store.values()) == n_before


def test_prepare_installs_no_demo_in_a_store_that_already_holds_real_values(
    sqlite_store: Store,
) -> None:
    key = ValueKey("fyn", 2025, "FY", "15a")
    sqlite_store.save([ValueRow(key, value=2.7, expected_version=0)], user="anne")
    lines = prepare(sqlite_store, as_of=AS_OF)
    assert not any(line.startswith("Demodata") for line in lines)
    assert not sqlite_store.values()["is_demo"].any()


def test_demo_command_fills_and_clear_removes_the_demo(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'demo.sqlite'}")
    assert cli.main(["demo"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Demodata indlæst: ") and "markeret som demo" in out
    assert cli.main(["demo", "--clear"]) == 0
    assert capsys.readouterr().out.startswith("Demodata fjernet: ")
    assert Store(f"sqlite:///{tmp_path / 'demo.sqlite'}").values().empty


def test_prepare_after_the_demo_replaces_the_demo_round_with_the_sources_results(
    sqlite_store: Store,
) -> None:
    from services.demo_fill import fill_demo

    fill_demo(sqlite_store, as_of=AS_OF)
    assert sqlite_store.values("hovedstaden", 2023, "FY")["is_demo"].all()

    lines = prepare(sqlite_store, as_of=AS_OF)

    assert lines[0] == (
        "Resultater fra kilderne indlæst fra hovedstaden-2023.csv: 5 værdier. Demodata i "
        "Erhvervshus Hovedstaden helår 2023 er fjernet først (5 værdier)."
    )
    # The store has no real user yet: its first administrator (docs/roles.md).
    assert len(lines) == 2 and lines[1].startswith("Administrator oprettet: brugernavn admin,")
    fy = sqlite_store.values("hovedstaden", 2023, "FY")
    assert len(fy) == 5 and not fy["is_demo"].any()
    trail = sqlite_store.audit(house="hovedstaden", year=2023)
    assert (trail["reason"] == "demodata fjernet før indberetning").sum() == 6  # 5 and the round
