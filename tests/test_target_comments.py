"""The submit check can always be met: a comment belongs to a target in a round.

A computed target (9a, the by/land spread of 8a's kommune rows) takes no value but can carry
its explanation, by hand or as a comment-only row of an import; and the store never holds a
per-kommune total that disagrees with its kommune rows, whichever way the numbers came.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from contracts.loader import Catalog, resolve_defaults
from contracts.models import Contract
from db import Store, ValueKey, ValueRow
from db.errors import ValidationFailed
from services.entry import EntryTable, build_table, changes
from services.rounds import submit_round
from services.values_io import apply_plan, export_bytes, plan_import
from services.values_io.parse import COLUMNS

CONTRACT_YAML = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
goals:
  - number: "8"
    title: Forløb
    scope: local
    targets:
      - {key: 8a, text: 100 forløb., kind: count, value: 100, unit: forløb, per_kommune: true}
  - number: "9"
    title: Spredning
    scope: local
    targets:
      - {key: 9a, text: By og land inden for 10 procentpoint., kind: spread, value: 10,
         direction: at_most, source_target: 8a, unit: procentpoint}
"""
HEADER = ",".join(COLUMNS)
ROSKILDE, KOEGE = "265", "259"
EXPLAINED = "Landkommunerne får opsøgende besøg i 2. halvår"


@pytest.fixture
def contract() -> Contract:
    return resolve_defaults(Contract.model_validate(yaml.safe_load(CONTRACT_YAML)))


@pytest.fixture
def catalog(contract: Contract) -> Catalog:
    return Catalog(frameworks={}, contracts=(contract,), issues=(), files=())


def imported(store: Store, catalog: Catalog, rows: str) -> None:
    plan = plan_import((HEADER + "\n" + rows).encode(), "tal.csv", catalog, store)
    apply_plan(plan, store, "anne")


def submit(store: Store, catalog: Catalog) -> None:
    submit_round(catalog, store, "sjaelland", 2022, "H1", user="anne")


def test_a_computed_targets_comment_from_an_import_lets_the_round_be_submitted(
    store: Store, catalog: Catalog
) -> None:
    imported(store, catalog, f"sjaelland,2022,H1,8a,{ROSKILDE},100,,,,,,\n")
    with pytest.raises(ValidationFailed) as caught:
        submit(store, catalog)
    assert caught.value.problems == ["9a: er i risiko og mangler en kommentar."]

    plan = plan_import(
        f"{HEADER}\nsjaelland,2022,H1,9a,,,,,,,,{EXPLAINED}\n".encode(), "kommentar.csv",
        catalog, store,
    )  # fmt: skip
    assert plan.lines() == [f"indsættes    sjaelland 2022 H1 9a: «{EXPLAINED}»"]
    apply_plan(plan, store, "anne")
    submit(store, catalog)

    assert store.round("sjaelland", 2022, "H1").status == "indsendt"  # type: ignore[union-attr]


def test_a_computed_targets_comment_typed_on_the_page_lets_the_round_be_submitted(
    store: Store, catalog: Catalog, contract: Contract
) -> None:
    imported(store, catalog, f"sjaelland,2022,H1,8a,{ROSKILDE},100,,,,,,\n")
    table = build_table(contract, "H1", store.values("sjaelland", 2022))
    assert table.computed is not None and list(table.computed["nøgle"]) == ["9a"]
    computed = table.computed.assign(kommentar=[EXPLAINED])
    edited = EntryTable(table.totals, table.kommuner, computed)

    found = changes(contract, "H1", table, edited)
    store.save(found.rows, user="anne", deletes=found.deletes)
    submit(store, catalog)

    stored = store.values("sjaelland", 2022, "H1").set_index("target").loc["9a"]
    assert (stored["comment"], stored["value"] != stored["value"]) == (EXPLAINED, True)


def test_a_value_typed_for_a_computed_target_is_refused(
    catalog: Catalog, contract: Contract, store: Store
) -> None:
    table = build_table(contract, "H1", store.values("sjaelland", 2022))
    computed = table.computed.assign(værdi=["4"])  # type: ignore[union-attr]
    found = changes(contract, "H1", table, EntryTable(table.totals, table.kommuner, computed))
    assert found.problems == (
        "Måltal 9a, kolonne 'værdi': målet beregnes af kommunetallene for 8a og tager ingen "
        "værdi; skriv kun en kommentar",
    )
    with pytest.raises(ValidationFailed) as caught:
        imported(store, catalog, "sjaelland,2022,H1,9a,,4,,,,,,\n")
    assert caught.value.problems == [
        "Række 2, kolonne 'værdi': måltal '9a' beregnes af kommunetallene for 8a og tager "
        "ingen værdi; skriv kun en kommentar"
    ]


def test_a_comment_without_a_number_on_a_kommune_row_is_refused(
    store: Store, catalog: Catalog
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        imported(store, catalog, f"sjaelland,2022,H1,8a,{KOEGE},,,,,,,Køge\n")
    assert caught.value.problems == [
        "Række 2, kolonne 'kommentar': en kommentar uden tal hører til måltallet; lad "
        "kommunekode være tom"
    ]


def test_kommune_rows_never_replace_a_typed_total_silently_on_import(
    store: Store, catalog: Catalog
) -> None:
    store.save([ValueRow(ValueKey("sjaelland", 2022, "H1", "8a"), value=100)], user="anne")

    with pytest.raises(ValidationFailed) as caught:
        imported(store, catalog, f"sjaelland,2022,H1,8a,{KOEGE},60,,,,,,\n")

    assert caught.value.problems == [
        "Måltal 8a, Erhvervshus Sjælland 1. halvår 2022: kommunerækkerne giver 60, men den "
        "indtastede total er 100; ret totalen, eller tøm den, så den bliver summen"
    ]
    assert store.values()["value"].tolist() == [100.0]


def test_a_typed_total_that_disagrees_with_stored_kommune_rows_is_refused_on_import(
    store: Store, catalog: Catalog
) -> None:
    imported(store, catalog, f"sjaelland,2022,H1,8a,{KOEGE},60,,,,,,\n")
    with pytest.raises(ValidationFailed) as caught:
        imported(store, catalog, "sjaelland,2022,H1,8a,,849,,,,,,\n")
    assert caught.value.problems == [
        "Række 2, kolonne 'værdi': totalen 849 er ikke summen af kommunerækkerne (60)"
    ]


def test_imported_kommune_rows_move_a_total_that_follows_them(
    store: Store, catalog: Catalog
) -> None:
    imported(store, catalog, f"sjaelland,2022,H1,8a,{KOEGE},60,,,,,,\n")
    imported(store, catalog, f"sjaelland,2022,H1,8a,{ROSKILDE},40,,,,,,\n")
    values = store.values().set_index("kommune")
    assert values.loc["", "value"] == 100.0  # 60 + 40: the stored and the new row
    assert values.loc["", "source"] == "tal.csv (sum af kommunerækker)"


def test_comments_on_targets_survive_an_export_and_import_round_trip(
    store: Store, catalog: Catalog, contract: Contract, tmp_path: Path
) -> None:
    imported(
        store,
        catalog,
        f"sjaelland,2022,H1,8a,{ROSKILDE},100,,,,,,\nsjaelland,2022,H1,9a,,,,,,,,{EXPLAINED}\n",
    )
    data = export_bytes(contract, store.values("sjaelland", 2022))
    assert f"sjaelland,2022,H1,9a,,,,,,,,{EXPLAINED}" in data.decode().splitlines()

    other = Store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    other.upgrade()
    apply_plan(plan_import(data, "eksport.csv", catalog, other), other, "anne")
    columns = ["period", "target", "kommune", "value", "comment"]
    mine = store.values()[columns].astype(object).where(lambda f: f.notna(), None)
    theirs = other.values()[columns].astype(object).where(lambda f: f.notna(), None)
    assert mine.values.tolist() == theirs.values.tolist()
    other.dispose()
