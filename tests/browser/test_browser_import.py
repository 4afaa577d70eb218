"""Hostile uploads in a real browser: a file over the limit and a file of a thousand problems
each end in a Danish message on the Indberetning page, and the page stays alive."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_files import GOOD_ROW, csv_file
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT_MS = 30_000
REFUSED_IN_BROWSER = (
    '"Filen blev ikke hentet: en importfil skal være en CSV- eller Excel-fil (.xlsx) og må højst '
    'fylde 20 MB."'
)


def open_indberetning(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/indberetning?hus=sjaelland&aar=2022&periode=H1")
    expect(page.get_by_text("Fra fil", exact=True)).to_be_visible(timeout=TIMEOUT_MS)


def upload(page: Page, file: Path) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(file))


def test_a_file_over_the_limit_is_refused_by_the_browser_with_a_danish_sentence(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    file = tmp_path / "stor.csv"
    file.write_bytes(csv_file(*[GOOD_ROW] * 700_000))  # 22,4 MB
    open_indberetning(page, app_url)
    upload(page, file)
    chip = page.get_by_test_id("stFileChip")
    expect(chip).to_have_attribute("aria-invalid", "true", timeout=TIMEOUT_MS)
    expect(chip.get_by_role("alert")).to_be_hidden()
    dropzone = page.get_by_test_id("stFileUploaderDropzone")
    after = dropzone.evaluate("zone => getComputedStyle(zone, '::after').content")
    assert after == REFUSED_IN_BROWSER
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_file_of_a_thousand_problems_lists_a_hundred_and_the_count(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    file = tmp_path / "dubletter.csv"
    file.write_bytes(csv_file(*[GOOD_ROW] * 1001))
    open_indberetning(page, app_url)
    upload(page, file)
    alert = page.get_by_test_id("stAlert").filter(has_text="dubletter.csv")
    expect(alert).to_be_visible(timeout=TIMEOUT_MS)
    expect(alert).to_contain_text(
        "Filen 'dubletter.csv' er ikke importeret: 1.000 problemer, intet er skrevet."
    )
    expect(alert.locator("li")).to_have_count(101)
    expect(alert.locator("li").last).to_have_text(
        "… og 900 problemer mere (de første 100 er vist)."
    )
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.get_by_text("Fra fil", exact=True).evaluate("h => h.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "indberetning-afvist-fil.png"))
