"""The schema comes from Alembic migrations only, and they match the models (no drift)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from db import Store, default_database_url
from db.engine import DEFAULT_SQLITE_PATH
from db.errors import UserError
from db.migrate import check_drift, head_revision


def test_upgrade_head_builds_the_schema_and_models_show_no_drift(store: Store) -> None:
    # The fixture ran upgrade head on an empty database; check raises on any difference.
    check_drift(store.engine)

    assert store.revision() == head_revision(store.engine)
    assert set(inspect(store.engine).get_table_names()) >= {
        "reported_value",
        "audit_event",
        "report_round",
        "alembic_version",
    }


def test_upgrade_twice_is_harmless(store: Store) -> None:
    assert store.upgrade() == store.upgrade() == head_revision(store.engine)


def test_sqlite_store_uses_wal_and_enforces_foreign_keys(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout")
        }

    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000}


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ("postgresql+psycopg://app@db/rk", "postgresql+psycopg://app@db/rk"),
        ("", f"sqlite:///{DEFAULT_SQLITE_PATH}"),
    ],
)
def test_default_database_url_comes_from_the_environment_or_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, env: str, expected: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", env)

    assert default_database_url() == expected


def test_store_without_url_uses_database_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'env.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)

    store = Store()
    try:
        assert store.url == url
    finally:
        store.dispose()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "foo://bar",
            "Ugyldig database-URL (foo://bar): ukendt databasetype. "
            "Brug sqlite:///sti/til/fil.sqlite eller postgresql+psycopg://bruger@vært/database.",
        ),
        (
            "ikke en url",
            "Ugyldig database-URL (ikke en url). "
            "Brug sqlite:///sti/til/fil.sqlite eller postgresql+psycopg://bruger@vært/database.",
        ),
    ],
)
def test_an_unusable_url_is_one_danish_line(url: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        Store(url)

    assert str(caught.value) == message


def test_an_unreachable_database_is_danish_and_shows_neither_address_nor_password() -> None:
    store = Store("postgresql+psycopg://app:hemmelig@127.0.0.1:9/rk")

    with pytest.raises(UserError) as caught:
        store.upgrade()

    assert str(caught.value) == (
        "Databasen kan ikke nås: serveren svarer ikke, eller forbindelsen blev afbrudt. "
        "Intet er ændret. Prøv igen om lidt; varer det ved, så kontakt den, der driver systemet."
    )
    assert "hemmelig" not in str(caught.value)


@pytest.fixture
def empty_postgres_url(postgres_admin_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database (no template: nothing migrated yet)."""
    name = f"empty_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(postgres_admin_url).set(database=name).render_as_string(False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.mark.postgres
def test_two_instances_upgrading_one_database_at_once_both_succeed_and_migrate_it_once(
    empty_postgres_url: str,
) -> None:
    stores = [Store(empty_postgres_url) for _ in range(2)]
    barrier = threading.Barrier(2)

    def upgrade(store: Store) -> str | None:
        barrier.wait(timeout=10)
        return store.upgrade()

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            revisions = list(pool.map(upgrade, stores))
        head = head_revision(stores[0].engine)
        with stores[0].engine.connect() as conn:
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        check_drift(stores[0].engine)
    finally:
        for store in stores:
            store.dispose()

    assert revisions == [head, head]
    assert versions == [(head,)]
