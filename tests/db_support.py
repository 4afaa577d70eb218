"""Helpers shared by the database fixtures and their tests (not a conftest: importable)."""

from __future__ import annotations

import os

import pytest


def postgres_unavailable(reason: str) -> None:
    """Skip with a visible reason, or fail in CI where PostgreSQL is required."""
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL er påkrævet (REQUIRE_POSTGRES=1), men: {reason}")
    pytest.skip(f"PostgreSQL ikke tilgængelig: {reason}")
