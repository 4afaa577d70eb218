"""Who is at the screen: the login cookie or single sign-on, read on every run (docs/login.md).

    person = auth.person(opened)      # the same store, used by whoever the request carries

The local login sets the cookie ``rk_session`` (``ui/login_routes.py``); the page reads it
from the request and asks the session who holds it (``Session.for_token``). Single sign-on
(``st.login``, configured by ``[auth]`` in ``secrets.toml``) names a person by e-mail and
subject; the role always comes from the application's user table (``Session.for_oidc``),
never from a claim. Without either, the page shows the public view.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import quote, urlencode, urlsplit

import streamlit as st

from contracts.loader import Catalog
from services.permissions import PUBLIC, Action, Principal, may
from services.session import Session
from services.users import role_text as users_role_text
from ui.login_routes import COOKIE, CSRF_COOKIE, LOGIN_PATH, LOGOUT_PATH

__all__ = ["COOKIE", "CSRF_COOKIE", "LOGIN_PATH", "LOGOUT_PATH", "person"]


def oidc_configured() -> bool:
    """Whether ``[auth]`` in ``secrets.toml`` offers single sign-on."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, ValueError):
        return False


def person(opened: Session) -> Session:
    """The session of the person this request carries: the local login's cookie first, then
    single sign-on, else the public (``PUBLIC``). Tests replace this seam in-process."""
    token = st.context.cookies.get(COOKIE)
    if token:
        found = opened.for_token(token)
        if found.principal.role is not None:
            return found
    if oidc_configured() and st.user.is_logged_in:
        email, subject = st.user.get("email"), st.user.get("sub")
        return opened.for_oidc(str(email) if email else None, str(subject) if subject else None)
    return opened.as_principal(PUBLIC)


def role_text(principal: Principal) -> str:
    """The role in Danish, with its house or KKR: "erhvervshus, Erhvervshus Sjælland"."""
    return users_role_text(principal.role, principal.house, principal.kkr)


def sees_internal(session: Session, house: str, *, demo: bool = False) -> bool:
    """Whether the person may read the house's comments, history and names (the public and
    other houses' staff may not); the session checks again when it reads them."""
    return may(session.principal, "read_internal", house, None, demo_data=demo)


def login_href() -> str:
    """The login page, coming back afterwards to the page and choice the person is on."""
    path = urlsplit(st.context.url or "/").path or "/"
    query = urlencode(st.query_params.to_dict())
    target = path + (f"?{query}" if query else "")
    return f"{LOGIN_PATH}?next={quote(target, safe='')}"


def work_catalog(session: Session, catalog: Catalog) -> Catalog:
    """The contracts of the houses whose work the person takes part in: a house user's own
    house, a KKR's houses, every house for an administrator (the work pages' choice)."""
    demo = session.principal.demo
    kept = tuple(c for c in catalog.contracts if sees_internal(session, c.erhvervshus, demo=demo))
    return dataclasses.replace(catalog, contracts=kept)


def allowed(session: Session, action: Action, house: str, *, demo: bool = False) -> bool:
    """Whether to offer the person a button for ``action`` in ``house`` (``demo``: the round
    or contract holds demo data). Hiding is courtesy; the session refuses all the same."""
    return may(session.principal, action, house, None, demo_data=demo)
