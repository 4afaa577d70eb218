"""Cross-file rules: what only shows when targets, goals, files and reference data meet."""

from __future__ import annotations

from pathlib import Path

from contract_texts import FRAMEWORK, write_files

from contracts.loader import load_folder

#: A contract with every kind of link between targets, all of them right.
SJAELLAND = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
framework: 2021-2023
goals:
  - number: 8
    title: Forløb
    scope: national
    framework_goal: 8
    targets:
      - key: 8a
        text: 1.680 forløb
        kind: count
        value: 1680
        per_kommune: true
        parts: [8b, 8c]
      - key: 8b
        text: 880 korte forløb
        kind: count
        value: 880
      - key: 8c
        text: 800 lange forløb, heraf 485 handlingsplaner og 315 vækstplaner
        kind: count
        value: 800
        parts: [8c.handlingsplaner, 8c.vaekstplaner]
      - key: 8c.handlingsplaner
        label: 8c – handlingsplaner
        text: 485 handlingsplaner
        kind: count
        value: 485
      - key: 8c.vaekstplaner
        label: 8c – vækstplaner
        text: 315 vækstplaner
        kind: count
        value: 315
  - number: 9
    title: Bred geografisk dækning
    scope: local
    under: 2
    targets:
      - key: 9a
        text: Forløbene fordeles på by og land inden for 10 procentpoint
        kind: spread
        direction: at_most
        value: 10
        source_target: 8a
      - key: 9c
        text: 17 cases, én i hver kommune
        kind: coverage
        value: 17
        per_kommune: true
      - key: 11f
        text: Sjællandsmodellen er klar i 1. kvartal
        kind: milestone
        deadline: 2022-03-31
  - number: 2
    title: Bred geografisk spredning
    scope: national
    framework_goal: 2
"""


def load(tmp_path: Path, files: dict[str, str]) -> list[str]:
    write_files(tmp_path, files)
    return [
        ("advarsel: " if i.severity == "advarsel" else "") + str(i)
        for i in load_folder(tmp_path).issues
    ]


def test_a_contract_whose_links_all_hold_has_no_issues(tmp_path: Path) -> None:
    assert load(tmp_path, {"rammeaftale.yaml": FRAMEWORK, "sjaelland.yaml": SJAELLAND}) == []


def test_two_godkendt_contracts_for_one_house_and_year_name_both_files(tmp_path: Path) -> None:
    issues = load(
        tmp_path,
        {"rammeaftale.yaml": FRAMEWORK, "a.yaml": SJAELLAND, "b.yaml": SJAELLAND},
    )
    assert issues == [
        "b.yaml:2: erhvervshus: der er allerede en godkendt kontrakt for sjaelland 2022 i a.yaml:2"
    ]


def test_two_drafts_for_one_house_and_year_name_both_files(tmp_path: Path) -> None:
    draft = "type: contract\nerhvervshus: fyn\nyear: 2023\nstatus: udkast\nkkr: syddanmark\n"
    issues = load(tmp_path, {"udkast/fyn-a.yaml": draft, "udkast/fyn-b.yaml": draft})
    assert issues == [
        "udkast/fyn-b.yaml:2: erhvervshus: der er allerede et udkast for fyn 2023 "
        "i udkast/fyn-a.yaml:2"
    ]


def test_a_draft_beside_the_godkendt_contract_is_allowed(tmp_path: Path) -> None:
    draft = SJAELLAND.replace("year: 2022\n", "year: 2022\nstatus: udkast\n")
    files = {"rammeaftale.yaml": FRAMEWORK, "s.yaml": SJAELLAND, "udkast/s.yaml": draft}
    assert load(tmp_path, files) == []


def test_a_godkendt_contract_in_the_drafts_folder_is_questioned(tmp_path: Path) -> None:
    files = {"udkast/fyn.yaml": "type: contract\nerhvervshus: fyn\nyear: 2023\nkkr: syddanmark\n"}
    assert load(tmp_path, files) == [
        "advarsel: udkast/fyn.yaml:1: status: filen ligger i udkastmappen, men har status "
        "'godkendt'"
    ]


def test_two_frameworks_with_one_id_name_both_files(tmp_path: Path) -> None:
    issues = load(tmp_path, {"a.yaml": FRAMEWORK, "b.yaml": FRAMEWORK})
    assert issues == ["b.yaml:2: id: rammeaftalen '2021-2023' findes allerede i a.yaml:2"]


def test_a_framework_with_a_goal_number_twice_names_both_places(tmp_path: Path) -> None:
    text = FRAMEWORK + "  - number: 8\n    title: Forløb igen\n"
    assert load(tmp_path, {"a.yaml": text}) == [
        "a.yaml:13: goals[3].number: målnummeret '8' findes allerede i goals[2] (linje 11)"
    ]


def test_parts_with_an_unstated_number_are_not_added_up(tmp_path: Path) -> None:
    text = SJAELLAND.replace("value: 880\n", "value_stated: false\n", 1)  # 8b: 'måltal ikke oplyst'
    assert load(tmp_path, {"rammeaftale.yaml": FRAMEWORK, "s.yaml": text}) == []


def test_nested_parts_are_added_up_on_their_own(tmp_path: Path) -> None:
    text = SJAELLAND.replace("value: 315", "value: 300")
    assert load(tmp_path, {"rammeaftale.yaml": FRAMEWORK, "s.yaml": text}) == [
        "advarsel: s.yaml:26: goals[0].targets[2].parts: delene 8c.handlingsplaner (485) + "
        "8c.vaekstplaner (300) giver 785, men målet er 800"
    ]


def test_a_target_cannot_be_a_part_of_itself(tmp_path: Path) -> None:
    text = SJAELLAND.replace("parts: [8b, 8c]", "parts: [8a]")
    assert load(tmp_path, {"rammeaftale.yaml": FRAMEWORK, "s.yaml": text}) == [
        "s.yaml:17: goals[0].targets[0].parts[0]: et mål kan ikke være en del af sig selv"
    ]


def test_a_sub_goal_under_a_national_goal_the_contract_lacks_is_questioned(
    tmp_path: Path,
) -> None:
    text = SJAELLAND.replace("under: 2", "under: 4")
    assert load(tmp_path, {"rammeaftale.yaml": FRAMEWORK, "s.yaml": text}) == [
        "advarsel: s.yaml:40: goals[1].under: kontrakten har intet nationalt mål 4"
    ]


def test_a_kommune_of_the_geography_without_by_or_land_is_questioned(tmp_path: Path) -> None:
    text = """\
    type: contract
    erhvervshus: sjaelland
    kkr: sjaelland
    year: 2022
    geography: ['259', '360', '390']
    classification: {'259': by}
    """
    assert load(tmp_path, {"k.yaml": text}) == [
        "advarsel: k.yaml:6: classification: kommuner i geografien uden by/land: "
        "360 (Lolland), 390 (Vordingborg)"
    ]


def test_coverage_is_held_against_the_contracts_own_geography(tmp_path: Path) -> None:
    text = SJAELLAND.replace(
        "framework: 2021-2023\n",
        "framework: 2021-2023\ngeography: ['259', '265']\nclassification: {'259': by, '265': by}\n",
    )
    assert load(tmp_path, {"rammeaftale.yaml": FRAMEWORK, "s.yaml": text}) == [
        "s.yaml:53: goals[1].targets[1].value: dækningsmålet kræver 17 kommuner, "
        "men geografien har kun 2"
    ]


def test_a_framework_unknown_with_no_frameworks_at_all_says_so(tmp_path: Path) -> None:
    assert load(tmp_path, {"s.yaml": SJAELLAND}) == [
        "s.yaml:5: framework: ukendt rammeaftale '2021-2023' (der er ingen rammeaftaler)"
    ]


def test_two_targets_named_alike_name_both_places(tmp_path: Path) -> None:
    text = SJAELLAND.replace("label: 8c – vækstplaner", "label: 8c – Handlingsplaner")
    assert load(tmp_path, {"rammeaftale.yaml": FRAMEWORK, "s.yaml": text}) == [
        "s.yaml:33: goals[0].targets[4].label: navnet '8c – Handlingsplaner' bruges allerede af "
        "goals[0].targets[3] (linje 27)"
    ]


def test_a_label_may_not_take_another_targets_key_as_its_name(tmp_path: Path) -> None:
    text = SJAELLAND.replace("label: 8c – vækstplaner", "label: 8b")
    assert load(tmp_path, {"rammeaftale.yaml": FRAMEWORK, "s.yaml": text}) == [
        "s.yaml:33: goals[0].targets[4].label: navnet '8b' bruges allerede af "
        "goals[0].targets[1] (linje 18)"
    ]


def test_a_dotted_key_without_a_label_is_an_error_at_its_line(tmp_path: Path) -> None:
    text = SJAELLAND.replace("        label: 8c – vækstplaner\n", "")
    assert load(tmp_path, {"rammeaftale.yaml": FRAMEWORK, "s.yaml": text}) == [
        "s.yaml:32: goals[0].targets[4].label: måltallet '8c.vaekstplaner' har punktum i nøglen og "
        "skal have en label, som folk skriver den, fx '8c – vækstplaner'"
    ]
