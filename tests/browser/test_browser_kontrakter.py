"""Kontrakter in a real browser: Erhvervshus Sjælland 2022 as a document, with a screenshot."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from contracts.loader import DEFAULT_CONTRACTS_DIR, load_folder

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def sjaelland_2022_text() -> str:
    contract = load_folder(DEFAULT_CONTRACTS_DIR).contract("sjaelland", 2022)
    assert contract is not None, "contracts/data har ingen kontrakt for Erhvervshus Sjælland 2022"
    target = contract.target("8a")
    assert target is not None
    return target.text


def test_kontrakter_shows_sjaelland_2022_from_a_shared_link_inside_the_app_frame(
    page: Page, app_url: str, sjaelland_2022_text: str
) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/kontrakter?hus=sjaelland&aar=2022")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Erhvervshus Sjælland").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(main.get_by_role("heading", name="Mål 1 –").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(main.get_by_text("1.680 forløb").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(main.get_by_text(sjaelland_2022_text, exact=False).first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Kommunegrænser: DAGI", exact=False)).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "kontrakter.png"), full_page=False)


def test_the_shown_choice_is_written_to_the_url(page: Page, app_url: str) -> None:
    years = [
        c.year
        for c in load_folder(DEFAULT_CONTRACTS_DIR).contracts
        if c.erhvervshus == "hovedstaden"
    ]
    assert years, "contracts/data har ingen kontrakt for Erhvervshus Hovedstaden"
    page.goto(f"{app_url}/kontrakter?hus=hovedstaden")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Erhvervshus Hovedstaden").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page).to_have_url(
        f"{app_url}/kontrakter?hus=hovedstaden&aar={max(years)}", timeout=TIMEOUT_MS
    )
