"""The Indberetning page: a round chosen in the URL, its inputs, saving, conflicts, submitting,
reopening and files. Every number is written in the test.

The contract (``pages_support.SJAELLAND_2022``): 1a (measured in 2021 only), 8a (a count per
kommune, measured at H1 and FY) and 15a (a yearly gearing).
"""

from __future__ import annotations

import datetime as dt

import pytest
from entry_support import (
    input_key,
    open_entry,
    open_goal,
    statuses,
    table_with,
    type_into,
)
from streamlit.testing.v1 import AppTest

from db import Store, ValueKey, ValueRow
from services.prepare import prepare
from ui.entry.report_round import DEMO_BANNER, NOT_STARTED

H1_2022 = {"hus": "sjaelland", "aar": "2022", "periode": "H1"}
FY_2022 = {"hus": "sjaelland", "aar": "2022", "periode": "FY"}


@pytest.fixture(autouse=True)
def person(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_USER", "anne")


@pytest.fixture
def store(database_url: str) -> Store:
    opened = Store(database_url)
    opened.upgrade()
    return opened


def save(
    store: Store,
    target: str,
    value: float,
    comment: str | None = None,
    user: str = "ib",
    period: str = "H1",
    version: int = 0,
) -> None:
    key = ValueKey("sjaelland", 2022, period, target)
    store.save([ValueRow(key, value=value, comment=comment, expected_version=version)], user=user)


def stored(store: Store, period: str = "H1") -> list[list[object]]:
    frame = store.values("sjaelland", 2022, period)
    return frame[["target", "kommune", "value", "entered_by"]].values.tolist()


def headings(at: AppTest) -> list[str]:
    return list(statuses(at))


def test_a_prepared_database_renders_demo_and_source_rounds(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    prepared = Store(database_url)
    prepare(prepared, as_of=dt.date(2026, 11, 23))
    prepared.dispose()
    demo = open_entry(**H1_2022)
    assert demo.title.values == ["Indberetning: Erhvervshus Sjælland 1. halvår 2022"]
    assert DEMO_BANNER in demo.warning.values
    assert demo.button(key="gem").disabled  # demo numbers are never saved as someone's
    assert demo.text_input(key="ind|0|8b||værdi").disabled
    assert demo.button(key="fjern_demodata").label == "Fjern demodata og begynd indberetningen"
    real = open_entry(hus="hovedstaden", aar="2023", periode="FY")
    assert real.title.values == ["Indberetning: Erhvervshus Hovedstaden helår 2023"]
    assert not [w for w in real.warning.values if "demodata" in w]
    assert [b.label for b in real.button if b.key == "indsend"] == ["Indsend"]


@pytest.mark.parametrize(
    ("period", "title", "names"),
    [
        ("H1", "Indberetning: Erhvervshus Sjælland 1. halvår 2022", ["8a"]),
        ("FY", "Indberetning: Erhvervshus Sjælland helår 2022", ["8a", "15a"]),
    ],
)
@pytest.mark.usefixtures("contracts_folder", "store")
def test_query_params_choose_the_round_and_its_measured_targets(
    period: str, title: str, names: list[str]
) -> None:
    at = open_entry(hus="sjaelland", aar="2022", periode=period)
    assert at.title.values == [title]
    assert headings(at) == names
    assert dict(at.query_params) == {"hus": "sjaelland", "aar": "2022", "periode": period}
    assert "Ingen tal endnu: indberetningen oprettes som åben ved første indtastning." in (
        at.info.values
    )


@pytest.mark.usefixtures("contracts_folder", "store")
def test_what_lacks_a_value_is_listed_at_the_top_with_a_link_to_its_input() -> None:
    at = open_entry(**FY_2022)
    assert "- **Mangler et tal (2):** [8a](#maaltal-8a), [15a](#maaltal-15a)" in (
        at.markdown.values
    )
    type_into(at, {("8a", "værdi"): "1.000"}, run=True)
    assert (
        "- **Mangler et tal (1):** [15a](#maaltal-15a)\n"
        "- **Mangler en kommentar (1):** [8a](#maaltal-8a) (ikke opfyldt)"
    ) in at.markdown.values


@pytest.mark.usefixtures("contracts_folder")
def test_a_value_typed_and_saved_reaches_the_store_and_its_history_in_contract_order(
    store: Store,
) -> None:
    at = open_entry(**FY_2022)
    type_into(at, {("15a", "værdi"): "2,6", ("8a", "værdi"): "1.700"}, run=True)
    assert statuses(at) == {"8a": "Når du gemmer: Opfyldt", "15a": "Når du gemmer: Opfyldt"}
    at.button(key="gem").click().run()
    assert at.success.values[0] == "Gemt: 2 indsat, 0 ændret, 0 slettet."
    assert stored(store, "FY") == [["15a", "", 2.6, "anne"], ["8a", "", 1700.0, "anne"]]
    assert headings(at) == ["8a", "15a"]  # the contract's order, not the store's
    assert at.text_input(key=input_key(at, "8a", "værdi")).value == "1.700"
    history = table_with(at, "gammel → ny")
    assert history[["hvem", "hvad", "gammel → ny"]].values.tolist()[:2] == [
        ["anne", "indsat 15a", "– → 2,6"],
        ["anne", "indsat 8a", "– → 1.700"],
    ]


@pytest.mark.usefixtures("contracts_folder")
def test_the_first_save_of_a_round_shows_it_started_by_the_saver_above_the_form(
    store: Store,
) -> None:
    at = open_entry(**FY_2022)
    assert NOT_STARTED in at.info.values
    type_into(at, {("8a", "værdi"): "1.700"}, run=True)
    at.button(key="gem").click().run()

    assert at.success.values[0] == "Gemt: 1 indsat, 0 ændret, 0 slettet."
    assert NOT_STARTED not in at.info.values
    assert any(c.startswith("Senest ændret af anne ") for c in at.caption.values)
    assert statuses(at)["8a"] == "Opfyldt"  # judged from the store: nothing typed is pending
    assert "Ingen ændringer at gemme." not in at.info.values


@pytest.mark.usefixtures("contracts_folder")
def test_an_emptied_input_deletes_the_value_and_stays_empty(store: Store) -> None:
    save(store, "8a", 900)
    at = open_entry(**H1_2022)
    type_into(at, {("8a", "værdi"): ""}, run=True)
    at.button(key="gem").click().run()
    assert at.success.values[0] == "Gemt: 0 indsat, 0 ændret, 1 slettet."
    assert store.values().empty
    assert at.text_input(key=input_key(at, "8a", "værdi")).value == ""


@pytest.mark.usefixtures("contracts_folder")
def test_gem_without_edits_saves_nothing(store: Store) -> None:
    at = open_entry(**H1_2022)
    at.button(key="gem").click().run()
    assert "Ingen ændringer at gemme." in at.info.values
    assert store.values().empty


@pytest.mark.usefixtures("contracts_folder")
def test_a_number_written_the_english_way_gets_danish_help_and_is_not_saved(
    store: Store,
) -> None:
    at = open_entry(**FY_2022)
    type_into(at, {("15a", "værdi"): "50.5", ("8a", "værdi"): "1,680"}, run=True)
    assert at.warning.values == [
        "Antal forløb: »1,680« læses som 1,68 – mente du 1.680?",
        "Faktor: brug komma: 50,5",
    ]
    at.button(key="gem").click().run()
    assert at.error.values[0].startswith(
        "Intet er gemt: 2 problemer.\n"
        "- Måltal 8a, kolonne 'værdi': et antal skal være et helt tal ≥ 0 (er 1,68); "
        "»1,680« læses som 1,68 – mente du 1.680?\n"
        "- Måltal 15a, kolonne 'værdi': '50.5' er ikke et tal; brug komma: 50,5"
    )
    assert "Faktor: '50.5' er ikke et tal; brug komma: 50,5" in at.error.values
    assert store.values().empty


@pytest.mark.usefixtures("contracts_folder")
def test_a_conflict_keeps_the_other_edits_and_lets_the_person_choose_per_value(
    store: Store,
) -> None:
    at = open_entry(**FY_2022)
    at.toggle(key="alle_maaltal").set_value(True).run()
    type_into(
        at,
        {("1a", "værdi"): "41", ("8a", "værdi"): "900", ("15a", "værdi"): "2,6"},
        run=True,
    )
    save(store, "8a", 850, user="bo", period="FY")  # bo saves while anne types
    save(store, "15a", 2.4, user="bo", period="FY")

    at.button(key="gem").click().run()
    assert at.warning.values[0] == (
        "Gemt: 1 indsat, 0 ændret, 0 slettet. 2 tal er ændret af en anden imens og er ikke "
        "gemt: vælg herunder, hvilket tal der skal gælde."
    )
    assert stored(store, "FY") == [
        ["15a", "", 2.4, "bo"],
        ["1a", "", 41.0, "anne"],
        ["8a", "", 850.0, "bo"],
    ]
    shown = "\n".join(at.markdown.values)
    assert "[**8a**](#maaltal-8a): bo gemte " in shown
    assert ": **850**. Du skrev: **900**." in shown
    assert ": **2,4**. Du skrev: **2,6**." in shown
    assert at.text_input(key=input_key(at, "8a", "værdi")).value == "900"  # kept, not lost

    at.button(key="gem").click().run()  # no choice made yet: nothing is saved
    assert "Vælg for hvert tal, der er ændret af en anden" in at.error.values[0]
    at.radio(key=input_key(at, "8a", "konflikt")).set_value("theirs")
    at.radio(key=input_key(at, "15a", "konflikt")).set_value("mine")
    at.button(key="gem").click().run()
    assert at.success.values[0] == "Gemt: 0 indsat, 1 ændret, 0 slettet."
    assert stored(store, "FY") == [
        ["15a", "", 2.6, "anne"],
        ["1a", "", 41.0, "anne"],
        ["8a", "", 850.0, "bo"],
    ]


@pytest.mark.usefixtures("contracts_folder")
def test_the_same_number_saved_by_both_is_no_conflict(store: Store) -> None:
    at = open_entry(**H1_2022)
    type_into(at, {("8a", "værdi"): "900"}, run=True)
    save(store, "8a", 900, user="bo")
    at.button(key="gem").click().run()
    assert at.success.values[0] == "Gemt: 0 indsat, 0 ændret, 0 slettet."
    assert stored(store) == [["8a", "", 900.0, "bo"]]


@pytest.mark.usefixtures("contracts_folder")
def test_kommune_rows_pasted_from_excel_fill_the_grid_and_give_the_total(store: Store) -> None:
    at = open_entry(**H1_2022)
    codes = [
        "253",
        "259",
        "265",
        "269",
        "306",
        "316",
        "320",
        "326",
        "329",
        "330",
        "336",
        "340",
        "350",
        "360",
        "370",
        "376",
        "390",
    ]
    column = "\n".join(["52", "71", "98", "22", "30", "77", "35", "46", "36", "82"] + ["0"] * 7)
    at.text_area(key="ind|0|8a|indsaet").input(column).run()
    at.button(key="ind|0|8a|udfyld").click().run()
    assert "I alt fra kommunerne: 549 forløb" in at.caption.values
    assert statuses(at) == {"8a": "Når du gemmer: I risiko"}
    at.button(key="gem").click().run()
    assert at.success.values[0] == "Gemt: 18 indsat, 0 ændret, 0 slettet."
    rows = {k: v for _t, k, v, _u in stored(store)}
    assert rows[""] == 549.0 and rows["259"] == 71.0 and rows["390"] == 0.0
    assert sorted(k for k in rows if k) == sorted(codes)


@pytest.mark.usefixtures("contracts_folder")
def test_kommune_rows_never_replace_a_typed_total_silently(store: Store) -> None:
    save(store, "8a", 1680)
    at = open_entry(**H1_2022)
    at.text_area(key="ind|0|8a|indsaet").input("253\t1.000\n0\t20").run()
    at.button(key="ind|0|8a|udfyld").click().run()
    at.button(key="gem").click().run()
    assert at.error.values[0].startswith(
        "Intet er gemt: 1 problem.\n- Måltal 8a, kolonne 'værdi': kommunerækkerne giver "
        "1.020, men den indtastede total er 1.680; ret totalen, eller tøm den, så den bliver "
        "summen"
    )
    assert stored(store) == [["8a", "", 1680.0, "ib"]]


@pytest.mark.usefixtures("contracts_folder")
def test_a_submitted_round_is_read_only_with_approve_and_reopen(store: Store) -> None:
    save(store, "8a", 900, "Godt halvår")
    store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="ib")
    at = open_entry(**H1_2022)
    assert (
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er indsendt og kan ikke ændres. "
        "Genåbn den med en begrundelse for at rette."
    ) in at.info.values
    assert at.button(key="gem").disabled
    assert at.text_input(key=input_key(at, "8a", "værdi")).disabled
    assert {b.key for b in at.button} >= {"godkend", "genaabn"}
    assert "indsend" not in {b.key for b in at.button}


@pytest.mark.usefixtures("contracts_folder")
def test_submit_is_refused_while_a_miss_lacks_a_comment(store: Store) -> None:
    save(store, "8a", 100)
    at = open_entry(**H1_2022)
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
    at = open_entry(**H1_2022)
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


@pytest.mark.usefixtures("contracts_folder")
def test_kkr_sends_a_round_back_with_a_reason_the_house_reads_until_it_submits_again(
    store: Store,
) -> None:
    save(store, "8a", 100, "Færre henvendelser end ventet")
    store.set_round_status("sjaelland", 2022, "H1", "indsendt", user="ib")
    at = open_entry(**H1_2022)
    at.button(key="send_tilbage").click().run()
    assert at.error.values == [
        "Skriv en begrundelse for at sende indberetningen for Erhvervshus Sjælland "
        "1. halvår 2022 tilbage; erhvervshuset ser den på Indberetning."
    ]
    at.text_input(key="send_tilbage_begrundelse").input("Uddyb kommentaren til 8a").run()
    at.button(key="send_tilbage").click().run()
    assert at.success.values == ["Indberetningen er sendt tilbage til erhvervshuset."]
    assert ":blue-badge[Åben]" in at.markdown.values
    notice = [w for w in at.warning.values if w.startswith("Sendt tilbage af anne den ")]
    assert len(notice) == 1 and notice[0].endswith(": Uddyb kommentaren til 8a")
    assert not at.button(key="gem").disabled
    at.button(key="indsend").click().run()
    assert at.success.values == ["Indberetningen er indsendt."]
    assert not [w for w in at.warning.values if w.startswith("Sendt tilbage")]


CSV = (
    "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,"
    "kritikere,kommentar\n"
)


def upload(at: AppTest, rows: str, name: str = "tal.csv", header: str = CSV) -> AppTest:
    at.file_uploader[0].upload(name, (header + rows).encode(), "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.usefixtures("contracts_folder")
def test_an_import_is_dry_run_first_naming_periods_and_changes_then_applied(
    store: Store,
) -> None:
    save(store, "8a", 800)
    at = upload(
        open_entry(**H1_2022),
        "sjaelland,2022,H1,8a,,900,,,,,,CRM\nsjaelland,2022,H1,8a,259,,,,,,,\n",
    )
    assert (
        "**Prøvekørsel af tal.csv** (Erhvervshus Sjælland): 0 indsættes, 1 ændres, 0 uændrede, 1 ikke udfyldt."
        in (at.markdown.values)
    )
    plan = table_with(at, "før → efter")
    assert plan.values.tolist() == [
        ["2", "ændres", "8a", "1. halvår 2022", "I alt", "800 → 900 «CRM»"],
    ]
    at.toggle(key="vis_tomme_raekker").set_value(True).run()
    assert table_with(at, "før → efter").values.tolist()[1] == [
        "3",
        "ikke udfyldt",
        "8a",
        "1. halvår 2022",
        "Køge (259)",
        "",
    ]
    assert stored(store) == [["8a", "", 800.0, "ib"]]
    at.button(key="gennemfoer_import").click().run()
    assert at.success.values[0] == "Importeret fra tal.csv: 0 indsat, 1 ændret, 0 uændret."
    assert store.values()["value"].tolist() == [900.0]
    assert at.text_input(key=input_key(at, "8a", "værdi")).value == "900"


@pytest.mark.usefixtures("contracts_folder")
def test_a_file_in_danish_excels_dialect_imports(store: Store) -> None:
    header = CSV.replace(",", ";")
    at = upload(open_entry(**FY_2022), "sjaelland;2022;FY;15a;;2,45;;;;;;\n", header=header)
    at.button(key="gennemfoer_import").click().run()
    assert stored(store, "FY") == [["15a", "", 2.45, "anne"]]


@pytest.mark.usefixtures("contracts_folder")
def test_a_value_changed_after_the_dry_run_makes_the_import_a_conflict(store: Store) -> None:
    at = upload(open_entry(**H1_2022), "sjaelland,2022,H1,8a,,900,,,,,,\n")
    save(store, "8a", 850, user="bo")
    at.button(key="gennemfoer_import").click().run()
    assert at.error.values == [
        "Nogle værdier er ændret af en anden, siden du hentede dem. Intet er gemt:\n"
        "- 8a, Erhvervshus Sjælland 1. halvår 2022: er indtastet af bo imens."
    ]
    assert store.values()["value"].tolist() == [850.0]


@pytest.mark.usefixtures("contracts_folder")
def test_a_bad_file_lists_each_problem_beside_its_row_and_writes_nothing(store: Store) -> None:
    at = upload(
        open_entry(**H1_2022),
        "sjaelland,2022,H1,8a,,900,,,,,,\nsjaelland,2022,H1,8a,259,mange,,,,,,\n",
    )
    assert at.error.values == [
        "Filen 'tal.csv' er ikke importeret: 1 problem, intet er skrevet.\n"
        "- Række 3, kolonne 'værdi': 'mange' er ikke et tal"
    ]
    rows = table_with(at, "rækken i filen")
    assert rows.values.tolist() == [
        [
            "3",
            "kolonne 'værdi': 'mange' er ikke et tal",
            "erhvervshus sjaelland · år 2022 · periode H1 · måltal 8a · kommunekode 259 · "
            "værdi mange",
        ]
    ]
    assert store.values().empty


@pytest.mark.usefixtures("contracts_folder", "store")
def test_template_and_export_can_be_downloaded_in_either_dialect() -> None:
    at = open_entry(**H1_2022)
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["Skabelon (CSV)", "Skabelon (Excel)", "Værdier (CSV)", "Værdier (Excel)"]
    dialect = at.radio(key="csv_dialekt")
    assert (dialect.label, dialect.value) == ("CSV-filer", "komma")
    assert dialect.options == [
        "Komma (punktum som decimaltegn)",
        "Dansk Excel (semikolon og decimalkomma)",
    ]


def missing_list(at: AppTest) -> str:
    return next(text for text in at.markdown.values if text.startswith("- **Mangler et tal"))


def goal_labels(at: AppTest) -> list[str]:
    return [e.label for e in at.expander if e.label.startswith("Mål ")]


def test_the_first_goal_starts_open_and_a_closed_goal_draws_no_inputs(store: Store) -> None:
    at = open_entry(open_goals=False, **FY_2022)
    assert len(goal_labels(at)) == 17
    assert goal_labels(at)[0] == "Mål 1 – Virksomhedernes kendskab til erhvervshusene"
    assert headings(at) == ["1d"]  # the inputs of the first goal only
    assert missing_list(at).startswith("- **Mangler et tal (40):** [1d](#maaltal-1d), 2a (Mål 2), ")
    # A closed goal's targets are listed with the goal to open, grouped.
    assert ", 9a, 9b, 9c (Mål 9), 10a (Mål 10), " in missing_list(at)
    assert ", 15a (Mål 15), " in missing_list(at)

    open_goal(at, "1", is_open=False)
    open_goal(at, "15")
    assert headings(at) == ["15a"]
    assert ", [15a](#maaltal-15a), " in missing_list(at)


def test_what_is_typed_stays_when_its_goal_is_closed_and_gem_saves_it(store: Store) -> None:
    at = open_entry(open_goals=False, **FY_2022)
    open_goal(at, "15")
    type_into(at, {("15a", "værdi"): "2,6"}, run=True)
    assert statuses(at)["15a"] == "Når du gemmer: Opfyldt"
    open_goal(at, "15", is_open=False)
    at.run()  # by now Streamlit has forgotten the inputs that are no longer drawn
    assert "15a" not in headings(at)
    assert "(39)" in missing_list(at) and "15a" not in missing_list(at)  # judged as typed

    open_goal(at, "15")
    assert at.text_input(key=input_key(at, "15a", "værdi")).value == "2,6"
    assert statuses(at)["15a"] == "Når du gemmer: Opfyldt"

    open_goal(at, "15", is_open=False)
    at.button(key="gem").click().run()
    assert at.success.values[0] == "Gemt: 1 indsat, 0 ændret, 0 slettet."
    assert stored(store, "FY") == [["15a", "", 2.6, "anne"]]
    assert goal_labels(at)[14].startswith("Mål 15 – ") and "15a" not in headings(at)  # still closed


def test_a_conflict_in_a_closed_goal_opens_it_with_the_persons_text(store: Store) -> None:
    at = open_entry(open_goals=False, **FY_2022)
    open_goal(at, "15")
    type_into(at, {("15a", "værdi"): "2,6"}, run=True)
    open_goal(at, "15", is_open=False)
    at.run()
    save(store, "15a", 2.4, user="bo", period="FY")  # bo saves while anne's goal is closed

    at.button(key="gem").click().run()
    assert "ændret af en anden" in at.warning.values[0]
    assert "15a" in headings(at)  # opened by itself, with what anne typed
    assert at.text_input(key=input_key(at, "15a", "værdi")).value == "2,6"
    assert stored(store, "FY") == [["15a", "", 2.4, "bo"]]


def test_all_goals_open_and_close_at_once(store: Store) -> None:
    at = open_entry(open_goals=False, **FY_2022)
    assert headings(at) == ["1d"]
    at.button(key="aabn_alle_maal").click().run()
    assert len(headings(at)) == 40  # every target measured in helår 2022, in all 17 goals
    assert headings(at)[:3] == ["1d", "2a", "3a – driftssegmentet"]
    at.button(key="luk_alle_maal").click().run()
    assert headings(at) == []
