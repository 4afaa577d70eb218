"""Opfølgning in a real browser: KKR Sjælland's 2022 rounds as a table, a link followed to
the round's Indberetning, and a screenshot (docs/screenshots/opfoelgning.png)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
TIMEOUT_MS = 20_000


def test_opfoelgning_lists_the_rounds_and_a_link_opens_the_rounds_indberetning(
    page: Page, app_url: str
) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/opfoelgning?kkr=sjaelland")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Opfølgning")).to_be_visible(timeout=TIMEOUT_MS)
    table = main.get_by_role("table")
    expect(table).to_be_visible(timeout=TIMEOUT_MS)
    expect(table.get_by_role("columnheader", name="Overskredet")).to_be_visible()
    expect(table.get_by_text("15. august 2022 (standard)")).to_be_visible()
    expect(main.get_by_text("Kilderne angiver ingen frist", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "opfoelgning.png"), full_page=False)

    link = table.get_by_role("link", name="Erhvervshus Sjælland 1. halvår 2022")
    expect(link).to_have_attribute("href", "/indberetning?hus=sjaelland&aar=2022&periode=H1")
    with page.context.expect_page() as opened:
        link.click()
    target = opened.value
    expect(
        target.get_by_role("heading", name="Indberetning: Erhvervshus Sjælland 1. halvår 2022")
    ).to_be_visible(timeout=TIMEOUT_MS)
