"""Dependencies point one way (docs/architecture.md):

    contracts  ←  db, metrics  ←  services  ←  ui, app_pages, app.py, commands, cli.py

Nothing below imports anything above; streamlit only in the page layer, sqlalchemy only in db.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = {"contracts", "db", "metrics", "services", "ui", "app_pages", "commands", "app", "cli"}

#: What each layer may import of the project (besides itself).
ALLOWED: dict[str, set[str]] = {
    "contracts": set(),
    "db": {"contracts"},
    "metrics": {"contracts"},
    "services": {"contracts", "db", "metrics"},
    "ui": {"contracts", "metrics", "services"},
    "app_pages": {"contracts", "metrics", "services", "ui"},
    "commands": {"contracts", "metrics", "services"},
}
SCRIPTS = {"app.py": {"ui", "services"}, "cli.py": {"commands", "db"}}

#: Page-layer modules that still reach the store directly; the house-in-order work moves them
#: behind services/. The list may only shrink: a test below fails when an entry is stale.
DB_IMPORT_DEBT: set[str] = {
    "ui/overview_view.py",
    "ui/review.py",
    "ui/data.py",
    "ui/goal_view.py",
    "commands/rounds.py",
    "commands/values.py",
    "commands/contracts.py",
    "commands/demo.py",
    "commands/prepare.py",
    "commands/db.py",
}


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports, at any depth (lazy imports too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_every_layer_imports_only_the_layers_below_it(package: str) -> None:
    offenders = []
    for path in python_files(package):
        wrong = (imported_modules(path) & PROJECT) - ALLOWED[package] - {package}
        if rel(path) in DB_IMPORT_DEBT:
            wrong -= {"db"}
        if wrong:
            offenders.append(f"{rel(path)} imports {sorted(wrong)}")
    assert offenders == []


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_entry_scripts_import_only_their_adapters(script: str) -> None:
    wrong = (imported_modules(ROOT / script) & PROJECT) - SCRIPTS[script]
    assert wrong == set()


def test_db_import_debt_lists_only_modules_that_still_import_db() -> None:
    stale = sorted(p for p in DB_IMPORT_DEBT if "db" not in imported_modules(ROOT / p))
    assert stale == []


@pytest.mark.parametrize("package", ["contracts", "db", "metrics", "services", "commands"])
def test_streamlit_is_imported_only_by_the_page_layer(package: str) -> None:
    offenders = [rel(p) for p in python_files(package) if "streamlit" in imported_modules(p)]
    assert offenders == []


@pytest.mark.parametrize(
    "package", ["contracts", "metrics", "services", "ui", "app_pages", "commands"]
)
def test_sqlalchemy_is_imported_only_in_db(package: str) -> None:
    offenders = [rel(p) for p in python_files(package) if "sqlalchemy" in imported_modules(p)]
    assert offenders == []


def test_the_page_scripts_live_outside_a_folder_named_pages() -> None:
    # A pages/ folder beside app.py puts Streamlit in its old folder mode (docs/architecture.md).
    assert not (ROOT / "pages").exists()


def test_a_wrong_way_import_is_caught(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from services.catalog import load_catalog\n")
    assert "services" in imported_modules(module) - ALLOWED["db"]


def test_every_page_script_is_registered_in_the_navigation() -> None:
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    registered = {
        node.args[0].value
        for node in ast.walk(ast.parse(app))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "Page"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    scripts = {rel(p) for p in (ROOT / "app_pages").glob("*.py") if p.name != "__init__.py"}
    assert scripts == registered
