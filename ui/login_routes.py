"""The local login's HTTP routes beside the app (``server.py``; docs/login.md).

    GET  /auth/login    the login page (and a fresh double-submit token)
    POST /auth/login    checks the name and password through ``Session.login``; on success
                        the cookie ``rk_session`` and a 303 to the page asked for
    POST /auth/logout   ends the login and clears the cookie

The token in ``rk_session`` is opaque; the store keeps only its hash (``services/auth.py``).
Both forms carry a CSRF token that must equal the cookie ``rk_csrf`` (double submit) and come
from this host (``Origin``, else ``Referer``). ``GET /auth/login?provider=…`` stays
Streamlit's own single sign-on route (``st.login``).
"""

from __future__ import annotations

import functools
import os
import secrets
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Match, Route
from starlette.types import Scope

from ui.login_page import forbidden_html, login_html

if TYPE_CHECKING:
    from services.session import Session

# The store and its rules are imported on first use, not when the server starts: the health
# check answers sooner (the pages import them anyway).
COOKIE = "rk_session"
CSRF_COOKIE = "rk_csrf"
LOGIN_PATH = "/auth/login"
LOGOUT_PATH = "/auth/logout"
MAX_FORM_FIELDS = 8


def cookie_secure() -> bool:
    """``COOKIE_SECURE=1``: cookies only over HTTPS (set it behind an HTTPS proxy)."""
    return os.environ.get("COOKIE_SECURE", "").strip() == "1"


@functools.lru_cache(maxsize=2)
def _opened(url: str) -> Session:
    from services.session import Session

    return Session.open(url)


def opened() -> Session:
    """The store at ``DATABASE_URL``, opened once per process (as the pages do)."""
    from services.session import database_url

    return _opened(database_url())


def safe_next(target: str | None) -> str:
    """A same-site relative path to go to after login; anything else gives "/"."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    if any(ord(c) < 32 or c == "\\" for c in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or parts.path.startswith("/auth/"):
        return "/"
    return target


def same_origin(request: Request) -> bool:
    """The form came from a page of this host: its ``Origin`` (else ``Referer``) names it."""
    host = request.headers.get("host", "")
    source = request.headers.get("origin") or request.headers.get("referer") or ""
    if not host or not source or source == "null":
        return False
    return urlsplit(source).netloc == host


def _set_cookie(response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name, value, path="/", httponly=True, samesite="strict", secure=cookie_secure()
    )


def _csrf_of(request: Request) -> str:
    found = request.cookies.get(CSRF_COOKIE, "")
    return found if 20 <= len(found) <= 100 else secrets.token_urlsafe(32)


def _page(csrf: str, next_path: str, *, error: str = "", username: str = "") -> Response:
    html = login_html(csrf=csrf, next_path=next_path, error=error, username=username)
    response = HTMLResponse(html, status_code=401 if error else 200)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    _set_cookie(response, CSRF_COOKIE, csrf)
    return response


def _forbidden() -> Response:
    return HTMLResponse(forbidden_html(), status_code=403, headers={"Cache-Control": "no-store"})


async def _checked_form(request: Request) -> dict[str, str] | None:
    """The form's fields if it passes the CSRF checks, else None."""
    if not same_origin(request):
        return None
    form = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not secrets.compare_digest(cookie, fields.get("csrf", "")):
        return None
    return fields


async def login_page(request: Request) -> Response:
    return _page(_csrf_of(request), safe_next(request.query_params.get("next")))


async def login(request: Request) -> Response:
    fields = await _checked_form(request)
    if fields is None:
        return _forbidden()
    username, password = fields.get("username", ""), fields.get("password", "")
    next_path = safe_next(fields.get("next"))
    csrf = secrets.token_urlsafe(32)
    from services.errors import LoginFailed, UserError

    try:
        session = await run_in_threadpool(opened)
        token = await run_in_threadpool(session.login, username, password)
    except LoginFailed as exc:
        return _page(csrf, next_path, error=str(exc), username=username)
    except UserError as exc:  # the store cannot be reached: its Danish message
        return _page(csrf, next_path, error=str(exc).splitlines()[0], username=username)
    response = RedirectResponse(next_path, status_code=303)
    _set_cookie(response, COOKIE, token)
    _set_cookie(response, CSRF_COOKIE, csrf)  # a new token for the new login
    return response


async def logout(request: Request) -> Response:
    fields = await _checked_form(request)
    if fields is None:
        return _forbidden()
    token = request.cookies.get(COOKIE)
    if token:
        session = await run_in_threadpool(opened)
        await run_in_threadpool(session.logout, token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


class LocalLoginRoute(Route):
    """A route that leaves ``…?provider=…`` to Streamlit's single sign-on route."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope.get("type") == "http" and b"provider=" in scope.get("query_string", b""):
            return Match.NONE, {}
        return super().matches(scope)


def routes() -> list[Route]:
    return [
        LocalLoginRoute(LOGIN_PATH, login_page, methods=["GET"]),
        Route(LOGIN_PATH, login, methods=["POST"]),
        Route(LOGOUT_PATH, logout, methods=["POST"]),
    ]
