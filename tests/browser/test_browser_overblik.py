"""Overblik in a real browser: Erhvervshus Sjælland 2022, 1. halvår, on the seeded values."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT_MS = 20_000


def test_overblik_shows_results_and_statuses(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/?hus=sjaelland&aar=2022&periode=H1")  # Overblik is the start page
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Overblik: Erhvervshus Sjælland 2022")).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(main.get_by_text("837 forløb (mål: mindst 1.680 forløb", exact=False)).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(page.get_by_test_id("stException")).to_have_count(0)
    # Wait for the whole page, not only its text: selectors and counts render last.
    expect(page.get_by_test_id("stSelectbox").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=TIMEOUT_MS)
    page.wait_for_timeout(1000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "overblik.png"))
