"""Shared fixtures (the page tests clear Streamlit's caches between AppTest runs, in
``tests/pages/conftest.py``).

Database fixtures (owned by the store, ``db/``):

- ``store``: a fresh, upgraded ``db.Store`` per test, once on SQLite and once on PostgreSQL.
  The PostgreSQL run skips with a reason when no server binary is found, and fails instead
  when ``REQUIRE_POSTGRES=1`` (CI). ``TEST_POSTGRES_ADMIN_URL`` uses an existing server.
- ``sqlite_store``: the same on SQLite only.
- ``postgres_admin_url``: the session's throwaway PostgreSQL server (admin database URL).

Contract fixtures: ``contracts_folder``, a folder with the framework and the contract of
``tests/contract_texts.py`` (the page tests override it with their own, larger folder);
``catalog`` and ``contract``, the import tests' contracts (``tests/files/import/contracts``)
and their Sjælland 2022 contract, loaded once per session (a test module may define its own).
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from contract_texts import CONTRACT, FRAMEWORK, write_files
from db_support import PostgresCluster

if TYPE_CHECKING:
    from contracts.loader import Catalog
    from contracts.models import Contract
    from db import Store

ROOT = Path(__file__).resolve().parent.parent
# `python -m pytest` puts the repo on sys.path, the bare `pytest` script does not.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def root() -> Path:
    return ROOT


IMPORT_CONTRACTS = Path(__file__).parent / "files" / "import" / "contracts"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    from contracts.loader import load_folder

    return load_folder(IMPORT_CONTRACTS)


@pytest.fixture(scope="session")
def contract(catalog: Catalog) -> Contract:
    found = catalog.contract("sjaelland", 2022)
    assert found is not None
    return found


@pytest.fixture
def contracts_folder(tmp_path: Path) -> Path:
    """``kontrakter/`` with ``rammeaftaler/2021-2023.yaml`` and ``sjaelland-2022.yaml``."""
    return write_files(
        tmp_path / "kontrakter",
        {"rammeaftaler/2021-2023.yaml": FRAMEWORK, "sjaelland-2022.yaml": CONTRACT},
    )


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A throwaway cluster run as the postgres user (initdb refuses root), stopped at the end."""
    given = os.environ.get("TEST_POSTGRES_ADMIN_URL")
    if given:
        yield given
        return
    cluster = PostgresCluster()
    try:
        yield cluster.admin_url
    finally:
        cluster.remove()


@pytest.fixture(scope="session")
def _postgres_template(postgres_admin_url: str) -> Iterator[str]:
    """A database upgraded once; each test copies it (CREATE DATABASE … TEMPLATE)."""
    from db import Store

    name = f"template_{uuid.uuid4().hex[:12]}"
    _admin_sql(postgres_admin_url, f'CREATE DATABASE "{name}"')
    store = Store(_database_url(postgres_admin_url, name))
    try:
        store.upgrade()
    finally:
        store.dispose()
    yield name
    _admin_sql(postgres_admin_url, f'DROP DATABASE "{name}" WITH (FORCE)')


def _admin_sql(admin_url: str, statement: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(statement))
    finally:
        admin.dispose()


def _database_url(admin_url: str, database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(admin_url).set(database=database).render_as_string(hide_password=False)


def _postgres_store(admin_url: str, template: str) -> Iterator[Store]:
    from db import Store

    name = f"test_{uuid.uuid4().hex[:12]}"
    _admin_sql(admin_url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    store = Store(_database_url(admin_url, name))
    try:
        yield store
    finally:
        store.dispose()
        _admin_sql(admin_url, f'DROP DATABASE "{name}" WITH (FORCE)')


def _sqlite_store(tmp_path: Path) -> Iterator[Store]:
    from db import Store

    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    store.upgrade()
    yield store
    store.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, upgraded store per test, on each engine."""
    if request.param == "postgres":
        admin_url = request.getfixturevalue("postgres_admin_url")
        yield from _postgres_store(admin_url, request.getfixturevalue("_postgres_template"))
    else:
        yield from _sqlite_store(tmp_path)


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh, upgraded store on SQLite only."""
    yield from _sqlite_store(tmp_path)
