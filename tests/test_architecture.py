"""Dependencies point one way: streamlit only in app.py and pages/, sqlalchemy only in db/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("contracts", "metrics", "db", "services")


def imported_modules(path: Path) -> set[str]:
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


@pytest.mark.parametrize("package", PACKAGES)
def test_streamlit_is_imported_only_by_app_and_pages(package: str) -> None:
    offenders = [p for p in python_files(package) if "streamlit" in imported_modules(p)]
    assert offenders == []


@pytest.mark.parametrize("package", ["contracts", "metrics", "services"])
def test_sqlalchemy_is_imported_only_in_db(package: str) -> None:
    offenders = [p for p in python_files(package) if "sqlalchemy" in imported_modules(p)]
    assert offenders == []


@pytest.mark.parametrize("package", ["contracts", "metrics"])
def test_domain_packages_do_not_import_the_store_or_services(package: str) -> None:
    offenders = [
        p for p in python_files(package) if imported_modules(p) & {"db", "services", "pages"}
    ]
    assert offenders == []


def test_pages_do_not_touch_the_database_directly() -> None:
    offenders = [p for p in python_files("pages") if "sqlalchemy" in imported_modules(p)]
    assert offenders == []
