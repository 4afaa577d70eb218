"""Kommuner in a real browser: the map is drawn offline, with colours and the grey class."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT_MS = 20_000
GREY = (200, 200, 200)  # metrics.map_figures.NO_ACTIVITY_COLOR


def test_the_kommune_map_is_drawn_with_colours_and_the_grey_class(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1200})
    page.goto(f"{app_url}/kommuner?hus=sjaelland&aar=2022&periode=H1&maaltal=8a")
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart).to_be_visible(timeout=TIMEOUT_MS)
    expect(chart.locator("canvas").first).to_be_visible(timeout=TIMEOUT_MS)
    page.wait_for_timeout(1500)  # MapLibre paints after the element appears
    image = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 50, "kortet ser tomt ud"
    assert any(c == GREY for _n, c in colours), "Stevns (ingen aktivitet) er ikke grå"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "kommuner.png"))
