"""Reading the contracts folder again: only a changed file is parsed again, and what an
unchanged file gave (its contract, its issues with their lines) is as before."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from contract_texts import CONTRACT, FRAMEWORK, write_files

from contracts import loader
from contracts.loader import DRAFTS_SUBDIR, forget_reads, load_folder
from contracts.read_cache import collector_paused
from contracts.yaml_source import Parsed

BROKEN = "type: contract\nerhvervshus: fyn\nyear: tyve\nkkr: syddanmark\n"
BROKEN_ISSUE = "fyn-2024.yaml:3: year: skal være et helt tal (fik 'tyve')"


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts the loader parses, in order; nothing kept from an earlier test."""
    forget_reads()
    texts: list[str] = []
    real = loader.parse

    def parse(text: str) -> Parsed:
        texts.append(text)
        return real(text)

    monkeypatch.setattr(loader, "parse", parse)
    yield texts
    forget_reads()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_files(
        tmp_path,
        {
            "rammeaftaler/2021-2023.yaml": FRAMEWORK,
            "sjaelland-2022.yaml": CONTRACT,
            "fyn-2024.yaml": BROKEN,
        },
    )


def test_a_folder_read_again_unchanged_parses_no_file_and_gives_the_same_catalog(
    folder: Path, parsed: list[str]
) -> None:
    first = load_folder(folder)
    assert len(parsed) == 3
    again = load_folder(folder)
    assert len(parsed) == 3
    assert again == first
    assert [str(i) for i in again.issues] == [BROKEN_ISSUE]


def test_after_one_file_changes_only_that_file_is_parsed_again(
    folder: Path, parsed: list[str]
) -> None:
    load_folder(folder)
    changed = CONTRACT.replace("title: Resultatkontrakt 2022", "title: Resultatkontrakt 2022 (ny)")
    (folder / "sjaelland-2022.yaml").write_text(changed, encoding="utf-8")
    catalog = load_folder(folder)
    assert parsed[3:] == [changed]
    contract = catalog.contract("sjaelland", 2022)
    assert contract is not None and contract.title == "Resultatkontrakt 2022 (ny)"
    assert [str(i) for i in catalog.issues] == [BROKEN_ISSUE]


def test_a_file_broken_by_an_edit_names_the_line_of_its_problem(
    folder: Path, parsed: list[str]
) -> None:
    load_folder(folder)
    broken = CONTRACT.replace("year: 2022", "year: 2022\nyear: 2023")
    (folder / "sjaelland-2022.yaml").write_text(broken, encoding="utf-8")
    issues = [str(i) for i in load_folder(folder).issues if i.file == "sjaelland-2022.yaml"]
    assert issues[0] == "sjaelland-2022.yaml:5: year: står to gange; første gang i linje 4"
    assert len(parsed) == 4


def test_the_same_text_under_another_name_or_as_a_draft_is_read_as_that_file(
    folder: Path, parsed: list[str]
) -> None:
    load_folder(folder)
    (folder / "fyn-2024.yaml").rename(folder / "fyn-2025.yaml")
    (folder / DRAFTS_SUBDIR).mkdir()
    (folder / "sjaelland-2022.yaml").rename(folder / DRAFTS_SUBDIR / "sjaelland-2022.yaml")
    catalog = load_folder(folder)
    assert len(parsed) == 5
    assert [str(i) for i in catalog.issues] == [
        BROKEN_ISSUE.replace("2024.yaml", "2025.yaml"),
        f"{DRAFTS_SUBDIR}/sjaelland-2022.yaml:1: status: filen ligger i udkastmappen, men har "
        "status 'godkendt'",
    ]
    assert catalog.files == (
        "fyn-2025.yaml",
        "rammeaftaler/2021-2023.yaml",
        f"{DRAFTS_SUBDIR}/sjaelland-2022.yaml",
    )


def test_after_forget_reads_every_file_is_parsed_again(folder: Path, parsed: list[str]) -> None:
    load_folder(folder)
    forget_reads()
    load_folder(folder)
    assert len(parsed) == 6


def test_a_file_taken_away_is_not_kept(folder: Path, parsed: list[str]) -> None:
    load_folder(folder)
    (folder / "fyn-2024.yaml").unlink()
    assert load_folder(folder).issues == ()
    (folder / "fyn-2024.yaml").write_text(BROKEN, encoding="utf-8")
    assert [str(i) for i in load_folder(folder).issues] == [BROKEN_ISSUE]
    assert len(parsed) == 4


def test_the_collector_runs_again_after_a_folder_is_read(folder: Path) -> None:
    assert gc.isenabled()
    load_folder(folder)
    assert gc.isenabled()


def test_nested_pauses_resume_the_collector_once_the_last_ends_even_after_an_error() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
