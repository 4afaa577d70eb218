"""Shared fixtures. Streamlit caches are cleared between AppTest runs (platform notes)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root() -> Path:
    return ROOT
