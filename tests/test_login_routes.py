"""The local login's HTTP routes (docs/login.md): the page, the cookie and its flags, one
message for every refused login, CSRF (origin and double submit), no open redirect, logout
revokes. Driven through Starlette's test client on the routes alone (no Streamlit runtime)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from services.auth import LOGIN_FAILED
from services.permissions import operator
from services.session import Session
from ui import login_routes
from ui.login_routes import routes, safe_next

PASSWORD = "korrekt hest batteri"
HOST = "testserver"
ORIGIN = {"origin": f"http://{HOST}"}


async def streamlits_login(request: Request) -> PlainTextResponse:
    """Stands in for Streamlit's single sign-on route, which server.py puts after ours."""
    return PlainTextResponse("streamlit")


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'login.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("COOKIE_SECURE", raising=False)
    login_routes._opened.cache_clear()
    with Session.open(url, operator("admin-ulla")) as admin:
        admin.add_user(
            "mette", "erhvervshus", house="sjaelland", password=PASSWORD, display_name="Mette"
        )
    app = Starlette(routes=[*routes(), Route("/auth/login", streamlits_login, methods=["GET"])])
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client
    login_routes.opened().close()
    login_routes._opened.cache_clear()


def csrf_of(client: TestClient) -> str:
    page = client.get("/auth/login")
    return str(page.cookies["rk_csrf"])


def log_in(client: TestClient, password: str = PASSWORD, **extra: str) -> object:
    fields = {"username": "mette", "password": password, "csrf": csrf_of(client), **extra}
    return client.post("/auth/login", data=fields, headers=ORIGIN)


def set_cookie_headers(response: object) -> list[str]:
    return response.headers.get_list("set-cookie")  # type: ignore[attr-defined]


def test_the_login_page_is_danish_with_labelled_fields_and_focus_on_the_user_name(
    client: TestClient,
) -> None:
    page = client.get("/auth/login")
    assert page.status_code == 200
    assert '<html lang="da">' in page.text
    assert '<label for="brugernavn">Brugernavn</label>' in page.text
    assert '<label for="adgangskode">Adgangskode</label>' in page.text
    assert 'id="brugernavn" name="username" autocomplete="username" required' in page.text
    assert 'value="" autofocus>' in page.text
    csrf = [h for h in set_cookie_headers(page) if h.startswith("rk_csrf=")]
    assert "HttpOnly" in csrf[0] and "SameSite=strict" in csrf[0]


def test_a_good_login_sets_an_httponly_strict_cookie_and_goes_to_the_page_asked_for(
    client: TestClient,
) -> None:
    response = log_in(client, next="/indberetning?hus=sjaelland")
    assert response.status_code == 303
    assert response.headers["location"] == "/indberetning?hus=sjaelland"
    cookie = next(h for h in set_cookie_headers(response) if h.startswith("rk_session="))
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert "Path=/" in cookie
    assert "Secure" not in cookie


def test_cookie_secure_1_marks_the_login_cookie_secure(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COOKIE_SECURE", "1")
    client.base_url = "https://testserver"  # type: ignore[assignment]  # a Secure cookie: HTTPS
    fields = {"username": "mette", "password": PASSWORD, "csrf": csrf_of(client)}
    response = client.post("/auth/login", data=fields, headers={"origin": "https://testserver"})
    cookie = next(h for h in set_cookie_headers(response) if h.startswith("rk_session="))
    assert "Secure" in cookie


def test_the_cookie_names_the_person_to_the_session(client: TestClient) -> None:
    response = log_in(client)
    token = response.cookies["rk_session"]  # type: ignore[attr-defined]
    person = login_routes.opened().for_token(token)
    assert (person.principal.name, person.principal.role) == ("mette", "erhvervshus")


@pytest.mark.parametrize("username", ["mette", "ukendt"])
def test_a_wrong_password_and_an_unknown_user_get_the_same_danish_message(
    client: TestClient, username: str
) -> None:
    fields = {"username": username, "password": "forkert kodeord", "csrf": csrf_of(client)}
    response = client.post("/auth/login", data=fields, headers=ORIGIN)
    assert response.status_code == 401
    assert f'<p class="error" role="alert" id="fejl">{LOGIN_FAILED}</p>' in response.text
    assert (
        LOGIN_FAILED == "Forkert brugernavn eller adgangskode, eller kontoen er midlertidigt låst."
    )
    assert not any(h.startswith("rk_session=") for h in set_cookie_headers(response))


@pytest.mark.parametrize(
    "headers",
    [{}, {"origin": "https://angriber.example"}, {"referer": "https://angriber.example/x"}],
)
def test_a_login_form_from_another_site_or_without_origin_is_refused(
    client: TestClient, headers: dict[str, str]
) -> None:
    fields = {"username": "mette", "password": PASSWORD, "csrf": csrf_of(client)}
    response = client.post("/auth/login", data=fields, headers=headers)
    assert response.status_code == 403
    assert "Formularen kunne ikke bruges" in response.text
    assert not any(h.startswith("rk_session=") for h in set_cookie_headers(response))


def test_a_login_form_whose_token_differs_from_the_cookie_is_refused(client: TestClient) -> None:
    csrf_of(client)
    fields = {"username": "mette", "password": PASSWORD, "csrf": "et-andet-token-end-cookien-1"}
    response = client.post("/auth/login", data=fields, headers=ORIGIN)
    assert response.status_code == 403


def test_a_referer_of_this_host_stands_in_for_a_missing_origin(client: TestClient) -> None:
    fields = {"username": "mette", "password": PASSWORD, "csrf": csrf_of(client)}
    response = client.post(
        "/auth/login", data=fields, headers={"referer": f"http://{HOST}/auth/login"}
    )
    assert response.status_code == 303


@pytest.mark.parametrize(
    ("asked", "goes_to"),
    [
        ("/kontrakter?hus=fyn&aar=2024", "/kontrakter?hus=fyn&aar=2024"),
        ("//angriber.example/x", "/"),
        ("/\\angriber.example", "/"),
        ("https://angriber.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("/auth/logout", "/"),
        ("/ok\r\nSet-Cookie: x=1", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_after_login_only_a_same_site_relative_path_is_followed(
    asked: str | None, goes_to: str
) -> None:
    assert safe_next(asked) == goes_to


def test_an_open_redirect_in_the_form_goes_home_instead(client: TestClient) -> None:
    response = log_in(client, next="//angriber.example/")
    assert response.headers["location"] == "/"


def test_logout_revokes_the_login_and_clears_the_cookie(client: TestClient) -> None:
    token = log_in(client).cookies["rk_session"]  # type: ignore[attr-defined]
    csrf = str(client.cookies["rk_csrf"])
    response = client.post("/auth/logout", data={"csrf": csrf}, headers=ORIGIN)
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    cleared = next(h for h in set_cookie_headers(response) if h.startswith("rk_session="))
    assert "Max-Age=0" in cleared
    assert login_routes.opened().for_token(token).principal.role is None


def test_a_logout_from_another_site_changes_nothing(client: TestClient) -> None:
    token = log_in(client).cookies["rk_session"]  # type: ignore[attr-defined]
    csrf = str(client.cookies["rk_csrf"])
    response = client.post(
        "/auth/logout", data={"csrf": csrf}, headers={"origin": "https://angriber.example"}
    )
    assert response.status_code == 403
    assert login_routes.opened().for_token(token).principal.name == "mette"


def test_single_sign_on_keeps_streamlits_own_login_route(client: TestClient) -> None:
    response = client.get("/auth/login?provider=abc")
    assert response.text == "streamlit"
