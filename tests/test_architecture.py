"""Dependencies point one way (docs/architecture.md):

    contracts  ←  db, metrics  ←  services  ←  ui, app_pages, app.py, commands, cli.py

Nothing below imports anything above; streamlit only in the page layer, sqlalchemy only in db.
The adapters (pages and command line) reach the store only through ``services/``: they import
nothing of ``db/``, not even its errors (``services/errors.py`` hands those on).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = {
    "contracts",
    "db",
    "metrics",
    "services",
    "ui",
    "app_pages",
    "commands",
    "app",
    "cli",
    "server",
}

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
SCRIPTS = {
    "app.py": {"ui", "services"},
    "cli.py": {"commands", "services"},
    "server.py": {"ui"},
}


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Top-level names of every module ``path`` imports, at any depth (lazy imports too);
    a relative import counts as the package it climbs to."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(root).parent.parts
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            base = package[: len(package) - node.level + 1]
            dotted = [*base, *(node.module.split(".") if node.module else [])]
            names.update(dotted[:1] or (alias.name for alias in node.names))
    return names


def python_files(package: str, root: Path = ROOT) -> list[Path]:
    return sorted((root / package).rglob("*.py"))


def wrong_way_imports(package: str, root: Path = ROOT) -> list[str]:
    """``path imports [...]`` for each module of ``package`` that imports a layer it may not."""
    offenders = []
    for path in python_files(package, root):
        name = path.relative_to(root).as_posix()
        wrong = (imported_modules(path, root) & PROJECT) - ALLOWED[package] - {package}
        if wrong:
            offenders.append(f"{name} imports {sorted(wrong)}")
    return offenders


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_every_layer_imports_only_the_layers_below_it(package: str) -> None:
    assert wrong_way_imports(package) == []


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_entry_scripts_import_only_their_adapters(script: str) -> None:
    wrong = (imported_modules(ROOT / script) & PROJECT) - SCRIPTS[script]
    assert wrong == set()


def store_reaches(path: Path) -> list[int]:
    """Lines of ``path`` that reach for the store behind a session (``something.store``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "store"
    )


@pytest.mark.parametrize("package", ["ui", "app_pages", "commands"])
def test_no_adapter_reaches_past_the_session_to_the_store(package: str) -> None:
    offenders = [f"{rel(p)}:{n}" for p in python_files(package) for n in store_reaches(p)]
    assert offenders == []


def test_a_reach_for_the_store_behind_a_session_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "page.py"
    path.write_text("values = data.session().store.values()\n", encoding="utf-8")
    assert store_reaches(path) == [1]


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


@pytest.mark.parametrize(
    ("module", "source", "offence"),
    [
        ("db/rounds.py", "def f():\n    from services.catalog import load_catalog\n", "services"),
        ("contracts/models.py", "import db.errors\n", "db"),
        ("metrics/engine.py", "from services import rounds\n", "services"),
        ("services/status.py", "from ui.data import session\n", "ui"),
        ("ui/goal_view.py", "from db import Store\n", "db"),
        ("ui/overview_view.py", "from db.errors import UserError\n", "db"),
        ("app_pages/maal.py", "from commands import values\n", "commands"),
        ("commands/values.py", "from db.identity import current_user\n", "db"),
        ("commands/sub/deep.py", "from ...db import store\n", "db"),
        ("services/values_io/x.py", "from ... import ui\n", "ui"),
    ],
)
def test_a_wrong_way_import_anywhere_is_caught(
    tmp_path: Path, module: str, source: str, offence: str
) -> None:
    path = tmp_path / module
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    package = module.split("/")[0]
    assert wrong_way_imports(package, tmp_path) == [f"{module} imports ['{offence}']"]


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
