"""Every page's URL works as a deep link on a fresh server: routed inside app.py's frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TIMEOUT_MS = 20_000

#: URL (path and query) → a heading the page shows for that choice.
DEEP_LINKS: dict[str, str] = {
    "/overblik?hus=sjaelland&aar=2022&periode=H1": "Overblik: Erhvervshus Sjælland 2022",
    "/?hus=sjaelland&aar=2022&periode=H1": "Overblik: Erhvervshus Sjælland 2022",
    "/landet?aar=2022&periode=FY": "Hele landet: de nationale mål 2022",
    "/maal?hus=sjaelland&aar=2022&periode=FY&maal=8": "Mål: Erhvervshus Sjælland 2022",
    "/kommuner?hus=sjaelland&aar=2022&periode=H1": "Kommuner: Erhvervshus Sjælland 2022",
    "/indberetning?hus=sjaelland&aar=2022&periode=H1": "Indberetning: Erhvervshus Sjælland",
    "/kontrakter?hus=sjaelland&aar=2022": "Erhvervshus Sjælland",
    "/naeste_aar?hus=sjaelland&aar=2023": "Udkast til Erhvervshus Sjælland 2023",
}


@pytest.mark.parametrize("link", sorted(DEEP_LINKS))
def test_a_deep_link_on_a_fresh_server_opens_its_page_inside_the_frame(
    page: Page, fresh_server: Any, seeded_database: str, tmp_path: Path, link: str
) -> None:
    with fresh_server(seeded_database, tmp_path) as url:
        page.goto(f"{url}{link}")
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text(DEEP_LINKS[link]).first).to_be_visible(timeout=TIMEOUT_MS)
        # The frame: app.py's navigation and attribution are in the sidebar.
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_text("Kommunegrænser: DAGI", exact=False)).to_be_visible()
        expect(page.get_by_text("Page not found", exact=False)).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)
