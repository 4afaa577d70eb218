"""The project explains itself from inside the repository: no code, comment or document points
to notes that live elsewhere, and every page of ``docs/`` that something names exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".yml", ".toml", ".txt", ".cfg", ".ini", ".j2", ".sh"}
TEXT_NAMES = {"Makefile", "run"}
SKIPPED_DIRS = {".git", ".venv", "__pycache__", "node_modules", "data", ".pytest_cache"}
#: Notes the project was built from, which live outside the repository (spelled in pieces so
#: that this file does not name them itself). The two file names are matched as written
#: (docs/domain.md is the project's own page); the phrases in any case.
OUTSIDE_FILES = ["DOMAIN" + ".md", "STYLE" + ".md"]
OUTSIDE_PHRASES = [
    "platform" + " notes",
    "platform" + "-notes",
    "seed" + "-inventory",
    "seed" + " inventory",
    "/work" + "/",
    "shared" + "/seeds",
    "../" + "seeds",
]
DOCS_PAGE = re.compile(r"docs/[A-Za-z0-9_-]+\.md")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")


def text_files() -> list[Path]:
    files = []
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        # contracts/data is the shipped contracts folder, not the skipped data/ store folder.
        if any(p in SKIPPED_DIRS for p in parts[:-1]) and parts[:2] != ("contracts", "data"):
            continue
        if path.is_file() and (path.suffix in TEXT_SUFFIXES or path.name in TEXT_NAMES):
            files.append(path)
    return sorted(files)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_scan_reads_code_docs_contracts_and_settings() -> None:
    names = {rel(p) for p in text_files()}
    assert {
        "app.py",
        "docs/domain.md",
        "contracts/data/sjaelland-2022.yaml",
        ".streamlit/config.toml",
        "Makefile",
        "tests/conftest.py",
    } <= names


def mentions(marker: str, files: list[Path]) -> list[str]:
    """``name:line`` of every line that holds ``marker`` (a phrase: in any case)."""
    exact = marker in OUTSIDE_FILES
    return [
        f"{path.name}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (marker in line if exact else marker.casefold() in line.casefold())
    ]


@pytest.mark.parametrize("marker", OUTSIDE_FILES + OUTSIDE_PHRASES)
def test_nothing_in_the_repository_points_to_notes_outside_it(marker: str) -> None:
    assert mentions(marker, text_files()) == []


def test_a_pointer_outside_is_found_and_the_projects_own_page_is_not(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(
        "See docs/domain.md.\nSee the " + "Platform" + " Notes and " + "DOMAIN" + ".md.\n",
        encoding="utf-8",
    )
    assert mentions("platform" + " notes", [note]) == ["note.md:2"]
    assert mentions("DOMAIN" + ".md", [note]) == ["note.md:2"]


def test_every_docs_page_that_is_named_exists() -> None:
    missing = sorted(
        {
            f"{rel(path)} names {name}"
            for path in text_files()
            for name in DOCS_PAGE.findall(path.read_text(encoding="utf-8"))
            if not (ROOT / name).is_file()
        }
    )
    assert missing == []


def test_every_relative_link_in_the_markdown_leads_to_a_file_in_the_repository() -> None:
    broken = []
    for path in text_files():
        if path.suffix != ".md":
            continue
        for target in MARKDOWN_LINK.findall(path.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            resolved = (path.parent / target).resolve()
            if not resolved.exists() or ROOT not in resolved.parents:
                broken.append(f"{rel(path)} → {target}")
    assert broken == []


@pytest.mark.parametrize(
    "page", ["architecture", "domain", "rules", "decisions", "import-format", "sources"]
)
def test_the_domain_and_the_architecture_are_explained_in_docs(page: str) -> None:
    text = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    assert text.startswith("# ") and len(text.splitlines()) > 20
