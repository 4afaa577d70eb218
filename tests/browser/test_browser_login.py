"""Logging in with a real browser (docs/login.md): a house user logs in on the login page,
enters a value and submits the round; KKR sends it back with a reason, the house reads it and
submits again, and KKR approves it; both log out. The login
cookie is HttpOnly and SameSite=Strict. Each person uses a browser context of their own,
without the administrator's login the other browser tests start with.

Screenshots: ``docs/screenshots/login.png`` (the page) and ``login-sidebar.png`` (logged in).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import ROOT
from playwright.sync_api import Browser, BrowserContext, Page, expect

from contracts.reported import VALUE_PARTS
from db import Store, ValueKey, ValueRow
from services.permissions import operator
from services.session import Session

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "docs" / "screenshots"
TIMEOUT_MS = 30_000
PASSWORD = "korrekt hest batteri"
COMMENT = "Se halvårsnotatet til KKR"
#: The targets of Sjælland 2022 that are assessments (vurderinger) measured in 1. halvår.
ASSESSED = ("9b", "10a", "11g", "14c")
ROUND = "hus=sjaelland&aar=2022&periode=H1"
# Streamlit renders over a websocket: a first render takes seconds on a loaded machine.
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture
def login_url(seeded_database: str, fresh_server: Any, tmp_path: Path) -> Iterator[str]:
    """A server of its own over a copy of the seeded store, with a house user and KKR."""
    path = tmp_path / "login.sqlite"
    shutil.copyfile(seeded_database.removeprefix("sqlite:///"), path)
    database = f"sqlite:///{path}"
    explain_every_value(database)
    with Session.open(database, operator("browsertest")) as admin:
        admin.add_user(
            "mette",
            "erhvervshus",
            house="sjaelland",
            password=PASSWORD,
            display_name="Mette Hansen",
        )
        admin.add_user(
            "karl", "kkr", kkr="sjaelland", password=PASSWORD, display_name="Karl Kristensen"
        )
    with fresh_server(database, tmp_path) as url:
        yield url


def explain_every_value(database_url: str) -> None:
    """A comment on every total of Sjælland 2022 H1, so that the round can be submitted
    once its values are in (what the entry journey does by import in test_browser_entry)."""
    store = Store(database_url)
    rows = []
    for row in store.values("sjaelland", 2022, "H1").to_dict("records"):
        if row["kommune"]:
            continue
        parts = {name: None if pd.isna(row[name]) else row[name] for name in VALUE_PARTS}
        key = ValueKey("sjaelland", 2022, "H1", str(row["target"]))
        rows.append(ValueRow(key, **parts, comment=COMMENT, source=str(row["source"])))
    for assessed in ASSESSED:  # an assessment is given by its reasons alone
        rows.append(ValueRow(ValueKey("sjaelland", 2022, "H1", assessed), comment=COMMENT))
    store.save(rows, user="browsertest")
    store.dispose()


def own_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(TIMEOUT_MS)
    return context


def log_in(page: Page, url: str, name: str, next_path: str) -> None:
    page.goto(f"{url}/auth/login?next={next_path}")
    page.get_by_label("Brugernavn").fill(name)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_text("Logget ind som", exact=False)).to_be_visible()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_text("Du ser den offentlige visning", exact=False)).to_be_visible()
    assert "rk_session" not in {c["name"] for c in page.context.cookies()}


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidgetRunningIcon")).to_have_count(0)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SCREENSHOTS / name))


REASON = "Kommentaren til 8b mangler."


def submit(page: Page) -> None:
    """»Indsend«, confirming the targets still without data when asked."""
    page.get_by_role("button", name="Indsend", exact=True).click()
    confirm = page.get_by_role("button", name="Indsend alligevel")
    done = page.get_by_text("Indberetningen er indsendt.")
    expect(confirm.or_(done).or_(page.get_by_text("kan ikke indsendes"))).to_be_visible()
    if confirm.count():
        confirm.click()
    expect(page.get_by_text("Indberetningen er indsendt.")).to_be_visible()


def round_status(database_url: str) -> tuple[str, str]:
    store = Store(database_url)
    try:
        info = store.round("sjaelland", 2022, "H1")
        assert info is not None
        return info.status, info.updated_by
    finally:
        store.dispose()


def test_a_house_user_submits_kkr_sends_back_then_approves_both_log_out(
    browser: Browser, login_url: str, tmp_path: Path
) -> None:
    database = f"sqlite:///{tmp_path / 'login.sqlite'}"
    house = own_context(browser)
    page = house.new_page()

    # The public first: no Indberetning, a link to log in.
    page.goto(f"{login_url}/overblik?{ROUND}")
    expect(page.get_by_text("Du ser den offentlige visning", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Indberetning")).to_have_count(0)

    # A wrong password: the one Danish message, on the page itself.
    page.goto(f"{login_url}/auth/login?next=/indberetning?{ROUND.replace('&', '%26')}")
    expect(page.get_by_label("Brugernavn")).to_be_focused()
    shoot(page, "login.png")
    page.get_by_label("Brugernavn").fill("mette")
    page.get_by_label("Adgangskode").fill("forkert kodeord")
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Forkert brugernavn eller adgangskode, eller kontoen er midlertidigt låst."
    )
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Logget ind som Mette Hansen", exact=False)).to_be_visible()
    expect(sidebar.get_by_text("erhvervshus, Erhvervshus Sjælland", exact=False)).to_be_visible()
    expect(page.get_by_text("Seneste ændringer", exact=False)).to_be_visible()
    assert "/indberetning?" in page.url and "hus=sjaelland" in page.url

    cookie = next(c for c in house.cookies() if c["name"] == "rk_session")
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/"
    assert page.evaluate("() => document.cookie").find("rk_session") == -1
    shoot(page, "login-sidebar.png")

    # Enter a value and submit the round.
    box = page.locator(".st-key-boks-maaltal-8b")
    field = box.get_by_label("Antal forløb", exact=True)
    field.fill("420")
    field.press("Tab")
    expect(box.get_by_text("420 forløb (mål: mindst 880 forløb", exact=False)).to_be_visible()
    page.get_by_role("button", name="Gem", exact=True).first.click()
    expect(page.get_by_text("Gemt: ", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Godkend", exact=True)).to_have_count(0)
    submit(page)
    assert round_status(database) == ("indsendt", "mette")
    log_out(page)
    house.close()

    # KKR Sjælland sends it back with a reason the house reads.
    kkr = own_context(browser)
    page = kkr.new_page()
    log_in(page, login_url, "karl", f"/indberetning?{ROUND.replace('&', '%26')}")
    expect(
        page.get_by_test_id("stSidebar").get_by_text("KKR-sekretariat, KKR Sjælland", exact=False)
    ).to_be_visible()
    expect(page.get_by_role("button", name="Indsend", exact=True)).to_have_count(0)
    page.get_by_label("Begrundelse for at sende tilbage", exact=False).fill(REASON)
    page.get_by_role("button", name="Send tilbage", exact=True).click()
    expect(page.get_by_text("Indberetningen er sendt tilbage til erhvervshuset.")).to_be_visible()
    assert round_status(database) == ("åben", "karl")
    log_out(page)
    kkr.close()

    # The house reads why, and submits again.
    house = own_context(browser)
    page = house.new_page()
    log_in(page, login_url, "mette", f"/indberetning?{ROUND.replace('&', '%26')}")
    expect(page.get_by_text("Sendt tilbage af karl den", exact=False)).to_be_visible()
    expect(page.get_by_text(REASON, exact=False)).to_be_visible()
    submit(page)
    assert round_status(database) == ("indsendt", "mette")
    log_out(page)
    house.close()

    # KKR Sjælland approves it.
    kkr = own_context(browser)
    page = kkr.new_page()
    log_in(page, login_url, "karl", f"/indberetning?{ROUND.replace('&', '%26')}")
    page.get_by_role("button", name="Godkend", exact=True).click()
    expect(page.get_by_text("Indberetningen er godkendt.")).to_be_visible()
    assert round_status(database) == ("godkendt", "karl")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    log_out(page)
    kkr.close()
