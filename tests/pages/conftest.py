"""Fixtures for the page tests: a small contracts folder, a fresh database, clean caches."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from contract_texts import FRAMEWORK, write_files
from pages_support import (
    FYN_2024,
    SJAELLAND_2022,
    SJAELLAND_2023,
    SJAELLAND_2023_DRAFT,
    open_app,
)
from streamlit.testing.v1 import AppTest

from services.permissions import Principal
from ui import auth

ActAs = Callable[[Principal | None], None]


@pytest.fixture(autouse=True)
def clean_streamlit_caches() -> Iterator[None]:
    """Cached catalogs and stores survive across AppTest instances in one process."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def act_as(monkeypatch: pytest.MonkeyPatch) -> ActAs:
    """Who the page tests act as: an administrator named by APP_USER (full access), unless a
    test names another principal. AppTest runs the app in this process, so the seam in
    ``ui/auth.py`` is replaced here; nothing in production grants a role this way."""

    def act(principal: Principal | None) -> None:
        if principal is None:
            monkeypatch.setattr(auth, "person", lambda opened: opened.acting_as())
        else:
            monkeypatch.setattr(auth, "person", lambda opened: opened.as_principal(principal))

    act(None)
    return act


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture
def contracts_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str) -> Path:
    """The pages' own, larger folder in place of the root one; CONTRACTS_DIR points at it."""
    folder = write_files(
        tmp_path / "kontrakter",
        {
            "rammeaftaler/2021-2023.yaml": FRAMEWORK,
            "sjaelland-2022.yaml": SJAELLAND_2022,
            "sjaelland-2023.yaml": SJAELLAND_2023,
            "udkast/sjaelland-2023.yaml": SJAELLAND_2023_DRAFT,
            "udkast/fyn-2024.yaml": FYN_2024,
        },
    )
    monkeypatch.setenv("CONTRACTS_DIR", str(folder))
    return folder


@pytest.fixture
def app_test() -> AppTest:
    """The app on its start page (Overblik), not yet run."""
    return open_app()


@pytest.fixture
def kontrakter_test() -> AppTest:
    """The app on the Kontrakter page, not yet run."""
    return open_app("app_pages/kontrakter.py")
