"""Streamlit's file uploader speaks Danish in a real browser: its button and its hint are
replaced by the style rule of ``ui/danish_widgets.py`` (the refused file: test_browser_import)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TIMEOUT_MS = 30_000


def after(page: Page, selector: str) -> str:
    element = page.locator(selector).first
    expect(element).to_be_attached(timeout=TIMEOUT_MS)
    return str(element.evaluate("e => getComputedStyle(e, '::after').content"))


def test_the_file_uploader_button_and_hint_read_danish(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/indberetning?hus=sjaelland&aar=2022&periode=H1")
    zone = '[data-testid="stFileUploaderDropzone"]'
    button = f'{zone} button [data-testid="stMarkdownContainer"] p'
    hint = '[data-testid="stFileUploaderDropzoneInstructions"] span'
    assert after(page, button) == '"Vælg fil"'
    assert after(page, hint) == '"Træk en fil hertil · CSV eller Excel (xlsx), højst 20 MB"'
    assert page.locator(button).first.evaluate("e => getComputedStyle(e).fontSize") == "0px"
