"""What an app instance holds in memory: no document writer until a report is made, and two
malloc arenas (docs/shared-installation.md, "Memory")."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from deploy import processes

ROOT = Path(__file__).resolve().parent.parent
#: Packages only a report, a contract document or an import/export file needs.
WRITERS = ("docx", "lxml", "openpyxl", "weasyprint", "kaleido")


def page_imports() -> list[str]:
    """Every project module the server, the app and its page scripts import, at any depth
    of their own code (lazy imports in functions too)."""
    scripts = [ROOT / "server.py", ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]
    found: set[str] = set()
    for script in scripts:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    local = {"contracts", "db", "metrics", "services", "ui", "server"}
    return sorted(name for name in found if name.split(".")[0] in local)


def writers_loaded(modules: list[str]) -> list[str]:
    """The ``WRITERS`` a fresh interpreter holds after importing ``modules`` (names that are
    attributes, not modules, are skipped)."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ModuleNotFoundError:\n"
        "        pass\n"
        f"print(json.dumps(sorted(w for w in {WRITERS!r} if w in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_serving_the_pages_imports_no_document_writer() -> None:
    modules = page_imports()
    assert "ui.report_download" in modules  # the report panel is among them
    assert writers_loaded(modules) == []


def test_the_check_sees_a_writer_that_is_imported() -> None:
    assert writers_loaded(["services.report.word"]) == ["docx", "lxml"]


def test_a_report_module_imports_its_writer_when_it_renders() -> None:
    source = (ROOT / "services" / "report" / "make.py").read_text(encoding="utf-8")
    render = next(
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef) and node.name == "render"
    )
    imported = {
        alias.name
        for node in ast.walk(render)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == {"excel", "pdf", "word"}


def test_a_stack_instance_gets_two_malloc_arenas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    env = processes.instance_environment({"DATABASE_URL": "sqlite:///x.sqlite"})
    assert env["MALLOC_ARENA_MAX"] == "2"
    assert env["DATABASE_URL"] == "sqlite:///x.sqlite"


def test_an_operators_own_arena_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert processes.instance_environment({})["MALLOC_ARENA_MAX"] == "4"


def test_the_service_unit_sets_two_malloc_arenas() -> None:
    unit = (ROOT / "deploy" / "systemd" / "resultatkontrakter@.service").read_text()
    assert "Environment=MALLOC_ARENA_MAX=2\n" in unit
