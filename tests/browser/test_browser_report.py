"""The report in a real browser: Overblik's download button gives a PDF, and the browser's
own print of Overblik leaves out the sidebar and the selectors and uses the full width."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT_MS = 20_000
#: A new snapshot, its charts drawn by Chromium and a 30-page PDF, on a busy 2-core machine.
REPORT_TIMEOUT_MS = 120_000


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True)
    return re.sub(r"\s+", " ", out.stdout)


def _open_overblik(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/?hus=sjaelland&aar=2022&periode=H1")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("837 forløb (mål: mindst 1.680 forløb", exact=False)).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(page.get_by_test_id("stSelectbox").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=TIMEOUT_MS)


def test_the_report_button_on_overblik_gives_a_pdf(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    _open_overblik(page, app_url)
    page.get_by_text("Rapport til KKR", exact=True).click()
    page.get_by_role("button", name="Lav rapport").click()
    download_button = page.get_by_role("button", name=re.compile(r"^Hent status-sjaelland"))
    expect(download_button).to_be_visible(timeout=REPORT_TIMEOUT_MS)
    expect(page.get_by_text("Rapporten er klar")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.get_by_test_id("stExpander").first.screenshot(path=str(SCREENSHOTS / "rapport.png"))
    with page.expect_download() as caught:
        download_button.click()
    path = tmp_path / caught.value.suggested_filename
    caught.value.save_as(path)

    assert re.fullmatch(r"status-sjaelland-2022-H1-\d+\.pdf", path.name)
    assert path.read_bytes()[:5] == b"%PDF-"
    text = _text(path)
    assert "Status for Erhvervshus Sjælland, 1. halvår 2022" in text
    assert "837 forløb (mål: mindst 1.680 forløb" in text


def test_the_browsers_print_of_overblik_has_no_sidebar_or_selectors_and_full_width(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    _open_overblik(page, app_url)
    pdf = tmp_path / "overblik.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="print")
    widths = page.evaluate(
        """() => [document.documentElement.clientWidth,
                  document.querySelector('[data-testid=stMainBlockContainer]')
                    .getBoundingClientRect().width]"""
    )
    text = _text(pdf)

    # The title's large letters come out of pdftotext without their spaces.
    assert "Overblik:ErhvervshusSjælland2022" in text.replace(" ", "")
    assert "837 forløb (mål: mindst 1.680 forløb" in text
    assert "Kommunegrænser" not in text  # the sidebar's caption
    assert "Hele landet" not in text  # a page in the sidebar's navigation
    assert "Sammenlign de seks" not in text  # the link to Hele landet under the goals
    assert "Rapport til KKR" not in text  # the download panel
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stSelectbox").first).to_be_hidden()
    assert widths[1] >= widths[0] - 1
