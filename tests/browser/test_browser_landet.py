"""Hele landet in a real browser: the six houses side by side, with a screenshot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT_MS = 20_000


HOUSES = ("Hovedstaden", "Sjælland", "Fyn", "Sydjylland", "Midtjylland", "Nordjylland")


def test_hele_landet_shows_the_six_houses_on_the_national_goals(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/landet?aar=2025&periode=FY")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Hele landet: de nationale mål 2025")).to_be_visible(timeout=TIMEOUT_MS)
    table = page.get_by_test_id("stTable").first
    expect(table).to_be_visible(timeout=TIMEOUT_MS)
    expect(main.get_by_text("Ingen resultatkontrakt")).to_have_count(0)
    # All six houses at 1.400 px, without scrolling sideways: a real table that wraps its text.
    # 2025 is demo data for every house, and each column says so.
    for house in HOUSES:
        expect(
            table.get_by_role("columnheader", name=f"{house} (demo)", exact=True)
        ).to_be_visible()
    expect(main.get_by_text(re.compile("^Demodata: alle husenes"))).to_be_visible()
    widths = table.evaluate("element => [element.scrollWidth, element.clientWidth]")
    assert widths[0] <= widths[1], widths
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.wait_for_timeout(1000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "landet.png"))
