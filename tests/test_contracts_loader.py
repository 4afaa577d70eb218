"""The loader: a folder of YAML in, validated frameworks and contracts plus issues out."""

from __future__ import annotations

from pathlib import Path

import pytest
from contract_texts import CONTRACT, FRAMEWORK, write_files

from contracts.loader import (
    DRAFTS_SUBDIR,
    DST_PLACEHOLDER_NOTE,
    Catalog,
    Issue,
    contracts_dir,
    load_folder,
    load_paths,
)
from contracts.reference import default_geography

DRAFT = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
status: udkast
framework: 2021-2023
"""


@pytest.fixture
def folder(contracts_folder: Path) -> Path:
    """The shared folder (tests/contract_texts.py) with a draft beside the contract."""
    return write_files(contracts_folder, {f"{DRAFTS_SUBDIR}/sjaelland-2022.yaml": DRAFT})


def test_a_valid_folder_loads_its_framework_contract_and_draft(folder: Path) -> None:
    catalog = load_folder(folder)
    assert catalog.issues == ()
    assert list(catalog.frameworks) == ["2021-2023"]
    assert sorted((c.erhvervshus, c.year, c.status) for c in catalog.contracts) == [
        ("sjaelland", 2022, "godkendt"),
        ("sjaelland", 2022, "udkast"),
    ]
    assert catalog.files == (
        "rammeaftaler/2021-2023.yaml",
        "sjaelland-2022.yaml",
        "udkast/sjaelland-2022.yaml",
    )


def test_the_folder_defaults_to_contracts_dir(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTRACTS_DIR", str(folder))
    assert contracts_dir() == folder
    assert len(load_folder().contracts) == 2


def test_godkendt_is_the_contract_and_the_draft_is_chosen_on_request(folder: Path) -> None:
    catalog = load_folder(folder)
    assert catalog.contract("sjaelland", 2022).status == "godkendt"
    assert catalog.contract("sjaelland", 2022, draft=True).status == "udkast"
    assert catalog.contract("sjaelland", 2023) is None


def test_the_draft_is_the_contract_where_only_a_draft_exists(tmp_path: Path) -> None:
    catalog = load_folder(write_files(tmp_path, {"udkast/sjaelland-2022.yaml": DRAFT}))
    assert catalog.contract("sjaelland", 2022).status == "udkast"


def test_one_broken_file_does_not_hide_a_good_one(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "a-broken.yaml": "type: contract\nerhvervshus: sjaelland\nyear: [\n",
            "b-broken.yaml": "type: contract\nerhvervshus: fyn\nyear: tyve\nkkr: syddanmark\n",
            "rammeaftaler/2021-2023.yaml": FRAMEWORK,
            "sjaelland-2022.yaml": CONTRACT,
        },
    )
    catalog = load_folder(tmp_path)
    assert [c.erhvervshus for c in catalog.contracts] == ["sjaelland"]
    assert list(catalog.frameworks) == ["2021-2023"]
    assert [str(i) for i in catalog.issues] == [
        "a-broken.yaml:4: (fil): ugyldig YAML: filen slutter, hvor der mangler en værdi "
        "(er en [ eller { ikke lukket?)",
        "b-broken.yaml:3: year: skal være et helt tal (fik 'tyve')",
    ]


def test_every_problem_in_a_file_is_listed_not_only_the_first(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "k.yaml": """\
            type: contract
            erhvervshus: sjaelland
            kkr: sjaelland
            year: 2022
            goals:
              - number: 8
                title: Forløb
                scope: local
                targets:
                  - key: 8a
                    text: Forløb
                    kind: count
                    value: ti
                  - key: 8b
                    kind: antal
                    value: 880
            """
        },
    )
    assert [str(i) for i in load_folder(tmp_path).issues] == [
        "k.yaml:13: goals[0].targets[0].value: skal være et tal (fik 'ti')",
        "k.yaml:14: goals[0].targets[1].text: mangler",
        "k.yaml:15: goals[0].targets[1].kind: skal være en af: count, amount, percentage, nps, "
        "ratio, level, change_pp, change_relative, range, milestone, assessment, coverage, "
        "spread (fik 'antal')",
    ]


def test_issue_reads_file_line_path_message() -> None:
    issue = Issue("udkast/fyn-2023.yaml", 14, "goals[1].targets[0].value", "skal være et tal")
    assert str(issue) == "udkast/fyn-2023.yaml:14: goals[1].targets[0].value: skal være et tal"
    assert issue.severity == "fejl"
    assert str(Issue("x.yaml", None, "(fil)", "filen er ikke gemt som UTF-8")) == (
        "x.yaml:?: (fil): filen er ikke gemt som UTF-8"
    )


def test_a_file_that_is_not_utf8_is_an_issue(tmp_path: Path) -> None:
    (tmp_path / "latin1.yaml").write_bytes("title: Sjælland\n".encode("latin-1"))
    assert [str(i) for i in load_folder(tmp_path).issues] == [
        "latin1.yaml:?: (fil): filen er ikke gemt som UTF-8"
    ]


def test_only_yaml_files_are_read(tmp_path: Path) -> None:
    write_files(tmp_path, {"README.md": "# noter\n", "resultater/x.csv": "a,b\n"})
    catalog = load_folder(tmp_path)
    assert catalog.files == ()
    assert catalog.issues == ()


def test_geography_and_classification_default_to_the_house_and_dst_placeholder(
    folder: Path,
) -> None:
    contract = load_folder(folder).contract("sjaelland", 2022)
    assert contract.geography == default_geography("sjaelland")
    assert len(contract.geography) == 17
    assert contract.classification["360"] == "land"  # Lolland: DST Landkommune
    assert contract.classification["259"] == "by"  # Køge: Provinsbykommune
    assert contract.classification_note == DST_PLACEHOLDER_NOTE
    assert "Danmarks Statistik" in DST_PLACEHOLDER_NOTE
    assert "pladsholder" in DST_PLACEHOLDER_NOTE


def test_a_stated_classification_keeps_its_own_note(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "k.yaml": """\
            type: contract
            erhvervshus: sjaelland
            kkr: sjaelland
            year: 2022
            geography: [259, 360]
            classification: {259: land, 360: land}
            """
        },
    )
    contract = load_folder(tmp_path).contracts[0]
    assert contract.geography == ("259", "360")
    assert contract.classification == {"259": "land", "360": "land"}
    assert contract.classification_note is None


def test_numbers_written_without_quotes_are_read_as_keys_and_codes(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "k.yaml": """\
            type: contract
            erhvervshus: sjaelland
            kkr: sjaelland
            year: 2022
            goals:
              - number: 17
                title: Noter
                scope: local
                targets:
                  - key: 17
                    text: Et notat
                    kind: milestone
            """
        },
    )
    catalog = load_folder(tmp_path)
    assert catalog.issues == ()
    goal = catalog.contracts[0].goals[0]
    assert (goal.number, goal.targets[0].key) == ("17", "17")


def test_a_file_given_by_itself_is_named_as_given_and_uses_the_folders_frameworks(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("andet") / "fyn-2022.yaml"
    elsewhere.write_text(
        CONTRACT.replace("sjaelland", "fyn")
        .replace("kkr: fyn", "kkr: syddanmark")
        .replace("value: 1680", "value: x")
    )
    catalog = load_paths([elsewhere], context=folder)
    assert [str(i) for i in catalog.issues] == [
        f"{elsewhere}:29: goals[1].targets[0].value: skal være et tal (fik 'x')"
    ]
    assert catalog.files == (str(elsewhere),)


def test_a_file_given_by_itself_without_context_misses_its_framework(folder: Path) -> None:
    path = folder / "sjaelland-2022.yaml"
    catalog = load_paths([path])
    assert [str(i) for i in catalog.issues] == [
        f"{path}:5: framework: ukendt rammeaftale '2021-2023' (der er ingen rammeaftaler)"
    ]


def test_a_folder_given_to_load_paths_names_files_relative_to_it(folder: Path) -> None:
    catalog = load_paths([folder, folder / "sjaelland-2022.yaml"])
    assert catalog.files == (
        "rammeaftaler/2021-2023.yaml",
        "sjaelland-2022.yaml",
        "udkast/sjaelland-2022.yaml",
    )
    assert catalog.issues == ()


def test_catalog_splits_errors_and_warnings() -> None:
    catalog = Catalog(
        issues=(
            Issue("a.yaml", 1, "year", "x"),
            Issue("a.yaml", 2, "year", "y", "advarsel"),
        )
    )
    assert [i.message for i in catalog.errors] == ["x"]
    assert [i.message for i in catalog.warnings] == ["y"]
