"""The KKR review journey in a real browser: Overblik → pick house and period → a goal →
Kommuner with the map drawn. Navigation happens by clicking, as a KKR member would."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT_MS = 20_000


def choose(page: Page, label: str, option: str) -> None:
    """Open the Streamlit selectbox labelled ``label`` and pick ``option``."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label).first
    box.click()
    page.get_by_role("option", name=option, exact=True).click()


def heading(page: Page, text: str):
    return page.get_by_test_id("stMain").get_by_text(text, exact=False).first


def test_review_journey_from_overblik_to_a_goal_and_the_map(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_url)
    expect(heading(page, "Overblik: ")).to_be_visible(timeout=TIMEOUT_MS)

    choose(page, "Erhvervshus", "Erhvervshus Hovedstaden")
    expect(heading(page, "Overblik: Erhvervshus Hovedstaden")).to_be_visible(timeout=TIMEOUT_MS)
    choose(page, "Erhvervshus", "Erhvervshus Sjælland")
    choose(page, "År", "2022")
    choose(page, "Periode", "1. halvår")
    expect(heading(page, "837 forløb (mål: mindst 1.680 forløb")).to_be_visible(timeout=TIMEOUT_MS)
    assert "periode=H1" in page.url and "hus=sjaelland" in page.url

    page.get_by_test_id("stSidebarNav").get_by_text("Mål", exact=True).click()
    expect(heading(page, "Mål: Erhvervshus Sjælland 2022")).to_be_visible(timeout=TIMEOUT_MS)
    choose(page, "Mål", "Mål 8 – Kvantitative mål vedr. virksomhedsforløb")
    expect(heading(page, "Mål 8 – Kvantitative mål vedr. virksomhedsforløb")).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible(timeout=TIMEOUT_MS)
    page.wait_for_timeout(1000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "maal.png"))

    page.get_by_test_id("stSidebarNav").get_by_text("Kommuner", exact=True).click()
    expect(heading(page, "Kommuner: Erhvervshus Sjælland 2022")).to_be_visible(timeout=TIMEOUT_MS)
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator("canvas").first).to_be_visible(timeout=TIMEOUT_MS)
    page.wait_for_timeout(1500)  # MapLibre paints after the element appears
    colours = Image.open(io.BytesIO(chart.screenshot())).convert("RGB").getcolors(1_000_000)
    assert colours is not None and len(colours) > 50, "kortet ser tomt ud"
    expect(page.get_by_test_id("stException")).to_have_count(0)
