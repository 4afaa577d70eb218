"""Næste års kontrakt in a real browser: a drafter takes the corrected years, raises 8a to
the suggested number with a reason, saves, records KKR's approval and finds the reason on
Kontrakter. The app runs on its own copy of the contracts folder (drafts are written)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator

import pytest
from conftest import ROOT, add_admin_login, serve_app
from playwright.sync_api import Page, expect

from contracts.loader import DEFAULT_CONTRACTS_DIR
from db import Store, ValueKey, ValueRow
from services.prepare import prepare

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "docs" / "screenshots"
TIMEOUT_MS = 60_000
REASON = "Sidste års resultat på 1.742 forløb viser, at niveauet kan hæves."


def settle(page: Page) -> None:
    """Wait until the app has finished its rerun (Streamlit's running icon is gone)."""
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidgetRunningIcon")).to_have_count(0, timeout=TIMEOUT_MS)


@pytest.fixture(scope="module")
def drafting_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("naeste_aar")
    contracts = folder / "kontrakter"
    shutil.copytree(DEFAULT_CONTRACTS_DIR, contracts)
    database_url = f"sqlite:///{folder / 'app.sqlite'}"
    store = Store(database_url)
    prepare(store, as_of=dt.date(2026, 11, 23))
    store.remove_demo("sjaelland", 2022, "FY", user="browsertest")
    store.save(
        [
            ValueRow(ValueKey("sjaelland", 2022, "FY", "8a"), value=1742),
            ValueRow(ValueKey("sjaelland", 2022, "FY", "8b"), value=905),
        ],
        user="browsertest",
    )
    add_admin_login(store)
    store.dispose()
    env = {"CONTRACTS_DIR": str(contracts), "APP_USER": "anna"}
    with serve_app(database_url, folder, env) as url:
        yield url


def test_a_drafter_drafts_saves_and_records_the_approval_of_sjaelland_2023(
    page: Page, drafting_url: str
) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{drafting_url}/naeste_aar?hus=sjaelland&aar=2023")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Mål 8 –")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stException")).to_have_count(0)

    main.get_by_role("button", name="Brug alle ").click()
    expect(main.get_by_text("Ordlyden ovenfor er den rettede.").first).to_be_visible(
        timeout=TIMEOUT_MS
    )
    suggestion = (
        "Forslag: mindst 1.742 forløb – hæve til sidste års resultat 1.742 forløb "
        "(opfyldt med 104 %)"
    )
    expect(main.get_by_text(suggestion)).to_be_visible(timeout=TIMEOUT_MS)

    settle(page)
    number = main.get_by_label("Nyt måltal for 8a (forløb)")
    number.fill("1.742")
    number.press("Tab")
    expect(main.get_by_text("mangler begrundelse").first).to_be_visible(timeout=TIMEOUT_MS)
    settle(page)
    reason = main.get_by_label("Begrundelse for 8a")
    reason.fill(REASON)
    reason.press("Enter")
    expect(main.get_by_text("8a: ordlyden nævner stadig det gamle måltal 1.680")).to_be_visible(
        timeout=TIMEOUT_MS
    )
    main.get_by_role("heading", name="Mål 8 –").scroll_into_view_if_needed()
    page.mouse.wheel(0, 150)
    page.wait_for_timeout(500)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "naeste_aar.png"), full_page=False)

    # After the last rerun: the count then holds the numbers that cannot be read too, so no
    # error is left that keeps the save button disabled.
    settle(page)
    expect(main.get_by_text("· 0 ændringer uden begrundelse · 0 fejl.")).to_be_visible(
        timeout=TIMEOUT_MS
    )
    save = main.get_by_role("button", name="Gem udkastet")
    expect(save).to_be_enabled(timeout=TIMEOUT_MS)
    save.focus()
    expect(save).to_be_focused()
    page.keyboard.press("Enter")
    expect(main.get_by_text("Udkastet er gemt som udkast/sjaelland-2023.yaml.")).to_be_visible(
        timeout=TIMEOUT_MS
    )
    settle(page)
    meeting = main.get_by_label("KKR-mødet")
    meeting.fill("KKR Sjælland")
    meeting.press("Tab")
    settle(page)
    main.get_by_role("button", name="Registrér KKR's godkendelse").click()
    expect(
        main.get_by_text("Kontrakten for Erhvervshus Sjælland 2023 er godkendt og gemt som")
    ).to_be_visible(timeout=TIMEOUT_MS)

    page.goto(f"{drafting_url}/kontrakter?hus=sjaelland&aar=2023")
    expect(main.get_by_role("heading", name="Ændringer i forhold til 2022")).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(main.get_by_text("Godkendt", exact=True).first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
