"""Single sign-on with a real browser (docs/login.md): ``st.login`` against a local OIDC
provider (``oidc-provider-mock``, in a thread), configured by a ``secrets.toml`` of the test's
own. The provider's ``role`` claim says "admin"; the app's user table says KKR-medlem, and the
table wins. A person the provider knows but the table does not sees the public view.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import _free_port
from playwright.sync_api import Browser, Page, expect

from services.permissions import operator
from services.session import Session

pytestmark = pytest.mark.browser

TIMEOUT_MS = 30_000
OIDC_BUTTON = "Log ind med organisationens login"


def _provider() -> Any:
    try:
        from oidc_provider_mock import User, run_server_in_thread
    except ImportError as exc:  # a dev requirement: CI must have it
        pytest.fail(f"oidc-provider-mock mangler (requirements-dev.txt): {exc}")
    users = [
        User(
            sub="olivia-sub",
            claims={"email": "olivia@kkr.example", "name": "Olivia", "role": "admin"},
        ),
        User(
            sub="ukendt-sub",
            claims={"email": "ukendt@kkr.example", "name": "Ukendt", "role": "admin"},
        ),
    ]
    return run_server_in_thread(port=0, user_claims=users)


@pytest.fixture
def oidc_url(seeded_database: str, fresh_server: Any, tmp_path: Path) -> Iterator[str]:
    """The app with ``[auth]`` pointing at a mock provider; Olivia is a KKR member."""
    path = tmp_path / "oidc.sqlite"
    shutil.copyfile(seeded_database.removeprefix("sqlite:///"), path)
    database = f"sqlite:///{path}"
    with Session.open(database, operator("browsertest")) as admin:
        admin.add_user(
            "olivia",
            "kkr_medlem",
            kkr="sjaelland",
            email="olivia@kkr.example",
            display_name="Olivia Olsen",
        )
    port = _free_port()
    with _provider() as provider:
        issuer = f"http://localhost:{provider.server_port}"
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            'cookie_secret = "test-cookie-secret-only-for-this-test"\n'
            'client_id = "resultatkontrakter"\n'
            'client_secret = "test-client-secret"\n'
            f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        options = ["--secrets.files", str(secrets)]
        with fresh_server(database, tmp_path, port=port, options=options) as url:
            yield url


def sign_on(page: Page, url: str, subject: str) -> None:
    page.goto(f"{url}/overblik")
    page.get_by_role("button", name=OIDC_BUTTON).click()
    page.locator('input[name="sub"]').fill(subject)
    page.get_by_role("button", name="Authorize").click()


def test_single_sign_on_maps_to_the_user_table_not_to_the_role_claim(
    browser: Browser, oidc_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sign_on(page, oidc_url, "olivia-sub")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Logget ind som Olivia Olsen", exact=False)).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(sidebar.get_by_text("KKR-medlem, KKR Sjælland", exact=False)).to_be_visible()
    expect(sidebar.get_by_role("link", name="Indberetning")).to_have_count(0)
    assert "rk_session" not in {c["name"] for c in context.cookies()}

    # st.logout clears Streamlit's identity cookies and sends the browser to the provider's
    # end of session (which asks before it returns); back in the app, nobody is logged in.
    sidebar.get_by_role("button", name="Log ud").click()
    page.wait_for_url(lambda url: "/overblik" not in url, timeout=TIMEOUT_MS)
    page.goto(f"{oidc_url}/overblik")
    expect(sidebar.get_by_role("button", name=OIDC_BUTTON)).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_text("Du ser den offentlige visning", exact=False)).to_be_visible()
    context.close()


def test_a_person_the_provider_knows_but_the_app_does_not_sees_the_public_view(
    browser: Browser, oidc_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sign_on(page, oidc_url, "ukendt-sub")
    expect(page.get_by_text("har ingen bruger i Resultatkontrakter", exact=False)).to_be_visible(
        timeout=TIMEOUT_MS
    )
    expect(page.get_by_text("Du ser den offentlige visning", exact=False)).to_be_visible()
    context.close()
