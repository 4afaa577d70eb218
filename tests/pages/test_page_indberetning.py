"""The Indberetning page: a round chosen in the URL, its table, saving, submitting, reopening.

AppTest cannot edit ``st.data_editor`` cells (docs/decisions.md): a save is driven through the
edit logic (``services.entry.changes``) with the very table the page froze in the session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from db.errors import Conflict
from services.entry import EntryTable, build_table, changes
from services.prepare import prepare
from ui.entry.report_round import DEMO_BANNER
from ui.entry.state import TABLE_KEY

PAGE = Path(__file__).resolve().parents[2] / "app_pages" / "indberetning.py"
H1_2022 = {"hus": "sjaelland", "aar": "2022", "periode": "H1"}


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store(database_url)
    opened.upgrade()
    yield opened
    opened.dispose()


def run(**params: str) -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def save(
    store: Store, target: str, value: float, comment: str | None = None, user: str = "ib"
) -> None:
    key = ValueKey("sjaelland", 2022, "H1", target)
    store.save([ValueRow(key, value=value, comment=comment, expected_version=0)], user=user)


def totals(at: AppTest) -> pd.DataFrame:
    frame: pd.DataFrame = at.dataframe[0].value
    return frame


def history(at: AppTest) -> pd.DataFrame:
    frame: pd.DataFrame = at.dataframe[-1].value
    return frame


def test_a_prepared_database_renders_demo_and_source_rounds(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    prepared = Store(database_url)
    prepare(prepared, as_of=dt.date(2026, 11, 23))
    prepared.dispose()
    demo = run(**H1_2022)
    assert demo.title.values == ["Indberetning: Erhvervshus Sjælland 1. halvår 2022"]
    assert DEMO_BANNER in demo.warning.values
    assert demo.button(key="gem").disabled  # demo numbers are never saved as someone's
    assert demo.button(key="fjern_demodata").label == "Fjern demodata og begynd indberetningen"
    real = run(hus="hovedstaden", aar="2023", periode="FY")
    assert real.title.values == ["Indberetning: Erhvervshus Hovedstaden helår 2023"]
    assert not [w for w in real.warning.values if "demodata" in w]
    assert [b.label for b in real.button if b.key == "indsend"] == ["Indsend"]


@pytest.mark.parametrize(
    ("period", "title", "keys"),
    [
        ("H1", "Indberetning: Erhvervshus Sjælland 1. halvår 2022", ["8a"]),
        ("FY", "Indberetning: Erhvervshus Sjælland helår 2022", ["8a", "15a"]),
    ],
)
@pytest.mark.usefixtures("contracts_folder", "store")
def test_query_params_choose_the_round_and_its_measured_targets(
    period: str, title: str, keys: list[str]
) -> None:
    at = run(hus="sjaelland", aar="2022", periode=period)
    assert at.title.values == [title]
    assert list(totals(at)["nøgle"]) == keys
    assert dict(at.query_params) == {"hus": "sjaelland", "aar": "2022", "periode": period}
    assert "Ingen tal endnu: indberetningen oprettes som åben ved første indtastning." in (
        at.info.values
    )


@pytest.mark.usefixtures("contracts_folder")
def test_a_submitted_round_is_read_only_with_approve_and_reopen(store: Store) -> None:
    save(store, "8a", 900, "Godt halvår")
    store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="ib")
    at = run(**H1_2022)
    assert (
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er indsendt og kan ikke ændres. "
        "Genåbn den med en begrundelse for at rette."
    ) in at.info.values
    assert at.button(key="gem").disabled
    assert {b.key for b in at.button} >= {"godkend", "genaabn"}
    assert "indsend" not in {b.key for b in at.button}


@pytest.mark.usefixtures("contracts_folder")
def test_a_save_from_the_pages_table_reaches_the_store_and_its_history(store: Store) -> None:
    at = run(**H1_2022)
    table: EntryTable = at.session_state[TABLE_KEY][1]
    edited = EntryTable(table.totals.assign(værdi=["1.700"]), table.kommuner)
    contract = load_folder().contract("sjaelland", 2022)
    assert contract is not None
    found = changes(contract, "H1", table, edited)
    store.save(found.rows, user="anne", deletes=found.deletes)
    at.button(key="hent_igen").click().run()
    assert list(totals(at).loc[0, ["nøgle", "værdi", "status"]]) == ["8a", "1.700", "Opfyldt"]
    latest = history(at).iloc[0]
    assert (latest["hvem"], latest["hvad"], latest["gammel → ny"]) == (
        "anne",
        "indsat 8a",
        "– → 1.700",
    )
    assert store.values("sjaelland", 2022, "H1")["value"].tolist() == [1700.0]


@pytest.mark.usefixtures("contracts_folder")
def test_gem_without_edits_saves_nothing(store: Store) -> None:
    at = run(**H1_2022)
    at.button(key="gem").click().run()
    assert "Ingen ændringer at gemme." in at.info.values
    assert store.values().empty


@pytest.mark.usefixtures("contracts_folder")
def test_a_stale_table_is_a_conflict_naming_the_target_and_who_changed_it(store: Store) -> None:
    contract = load_folder().contract("sjaelland", 2022)
    assert contract is not None
    table = build_table(contract, "H1", store.values("sjaelland", 2022))
    save(store, "8a", 800, user="bo")
    edited = EntryTable(table.totals.assign(værdi=["900"]), table.kommuner)
    with pytest.raises(Conflict) as raised:
        store.save(changes(contract, "H1", table, edited).rows, user="anne")
    assert raised.value.problems == [
        "8a, Erhvervshus Sjælland 1. halvår 2022: er indtastet af bo imens."
    ]


@pytest.mark.usefixtures("contracts_folder")
def test_submit_is_refused_while_a_miss_lacks_a_comment(store: Store) -> None:
    save(store, "8a", 100)
    at = run(**H1_2022)
    at.button(key="indsend").click().run()
    assert at.error.values == [
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 kan ikke indsendes: "
        "1 måltal mangler en kommentar.\n- 8a: er i risiko og mangler en kommentar."
    ]
    info = store.round("sjaelland", 2022, "H1")
    assert info is not None and info.status == "åben"


@pytest.mark.usefixtures("contracts_folder")
def test_submit_then_reopen_needs_a_reason_and_is_audited(store: Store) -> None:
    save(store, "8a", 100, "Færre henvendelser end ventet")
    at = run(**H1_2022)
    at.button(key="indsend").click().run()
    assert at.success.values == ["Indberetningen er indsendt."]
    assert ":orange-badge[Indsendt]" in at.markdown.values
    at.button(key="genaabn").click().run()
    assert at.error.values == [
        "Skriv en begrundelse for at genåbne indberetningen for Erhvervshus Sjælland "
        "1. halvår 2022."
    ]
    at.text_input(key="genaabn_begrundelse").input("Tal fra CRM rettet").run()
    at.button(key="genaabn").click().run()
    assert at.success.values == ["Indberetningen er genåbnet og kan rettes igen."]
    events = store.audit("sjaelland", 2022)
    reopened = events[events["action"] == "genåbnet"]
    assert reopened["reason"].tolist() == ["Tal fra CRM rettet"]
    assert not at.button(key="gem").disabled


CSV = (
    "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,"
    "kritikere,kommentar\n"
)


def upload(at: AppTest, rows: str, name: str = "tal.csv") -> AppTest:
    at.file_uploader[0].upload(name, (CSV + rows).encode(), "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.usefixtures("contracts_folder")
def test_an_import_is_dry_run_first_and_then_applied_as_planned(store: Store) -> None:
    save(store, "8a", 800)
    at = upload(
        run(**H1_2022), "sjaelland,2022,H1,8a,,900,,,,,,CRM\nsjaelland,2022,H1,8a,259,,,,,,,\n"
    )
    assert "**Prøvekørsel af tal.csv:** 0 indsættes, 1 ændres, 0 uændrede, 1 ikke udfyldt." in (
        at.markdown.values
    )
    plan = at.dataframe[-2].value
    assert plan[["handling", "måltal", "før", "efter"]].values.tolist() == [
        ["ændres", "8a", "800", "900 «CRM»"],
        ["ikke udfyldt", "8a", "", ""],
    ]
    assert store.values()["value"].tolist() == [800.0]
    at.button(key="gennemfoer_import").click().run()
    assert at.success.values == ["Importeret fra tal.csv: 0 indsat, 1 ændret, 0 uændret."]
    assert store.values()["value"].tolist() == [900.0]
    assert totals(at).loc[0, "værdi"] == "900"


@pytest.mark.usefixtures("contracts_folder")
def test_a_value_changed_after_the_dry_run_makes_the_import_a_conflict(store: Store) -> None:
    at = upload(run(**H1_2022), "sjaelland,2022,H1,8a,,900,,,,,,\n")
    save(store, "8a", 850, user="bo")
    at.button(key="gennemfoer_import").click().run()
    assert at.error.values == [
        "Nogle værdier er ændret af en anden, siden du hentede dem. Intet er gemt:\n"
        "- 8a, Erhvervshus Sjælland 1. halvår 2022: er indtastet af bo imens."
    ]
    assert store.values()["value"].tolist() == [850.0]


@pytest.mark.usefixtures("contracts_folder")
def test_a_bad_file_lists_its_problems_by_row_and_column_and_writes_nothing(
    store: Store,
) -> None:
    at = upload(run(**H1_2022), "sjaelland,2022,H1,8a,,mange,,,,,,\n")
    assert at.error.values == [
        "Filen 'tal.csv' er ikke importeret: 1 problem, intet er skrevet.\n"
        "- Række 2, kolonne 'værdi': 'mange' er ikke et tal"
    ]
    assert store.values().empty


@pytest.mark.usefixtures("contracts_folder", "store")
def test_template_and_export_can_be_downloaded() -> None:
    at = run(**H1_2022)
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["Skabelon (CSV)", "Skabelon (Excel)", "Værdier (CSV)", "Værdier (Excel)"]
