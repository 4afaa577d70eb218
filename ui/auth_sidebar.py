"""The sidebar's login box: who is logged in and their role, "Log ud", or "Log ind"
(docs/login.md)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import streamlit as st

from services.session import Session
from ui import auth
from ui.contract_view import md

PUBLIC_NOTE = "Du ser den offentlige visning: godkendte tal uden navne og historik."
DEMO_NOTE = "Demokonto: arbejder kun med demodata."
OIDC_BUTTON = "Log ind med organisationens login"
#: The login link and the logout button look like the app's secondary buttons.
STYLE = (
    "<style>.rk-logout button,a.rk-login{display:inline-block;font:inherit;"
    "padding:.35rem .9rem;border-radius:.5rem;border:1px solid #1f4e79;background:#fff;"
    "color:#1f4e79;cursor:pointer;text-decoration:none}"
    ".rk-logout button:hover,.rk-logout button:focus-visible,a.rk-login:hover,"
    "a.rk-login:focus-visible{background:#1f4e79;color:#fff;outline:2px solid #1f4e79;"
    "outline-offset:2px}</style>"
)


def _logout_form(token: str) -> str:
    """A plain HTML form: logging out is a POST with the double-submit token, no script."""
    return (
        f'<form method="post" action="{auth.LOGOUT_PATH}" class="rk-logout">'
        f'<input type="hidden" name="csrf" value="{escape(token)}">'
        '<button type="submit">Log ud</button></form>'
        f"{STYLE}"
    )


def render(session: Session) -> None:
    """The login box at the top of the sidebar."""
    principal = session.principal
    with st.sidebar:
        if session.notice:
            st.warning(session.notice)
        if principal.role is None:
            st.markdown(PUBLIC_NOTE)
            st.html(f'<a class="rk-login" href="{escape(auth.login_href())}">Log ind</a>{STYLE}')
            if auth.oidc_configured() and not st.user.is_logged_in:
                st.button(OIDC_BUTTON, on_click=st.login, key="oidc_login")
            elif auth.oidc_configured():
                st.button("Log ud", on_click=st.logout, key="oidc_logout")
            return
        name = principal.display_name or principal.name
        st.markdown(f"Logget ind som **{md(name)}** – {md(auth.role_text(principal))}")
        if principal.demo:
            st.caption(DEMO_NOTE)
        csrf = st.context.cookies.get(auth.CSRF_COOKIE)
        if st.context.cookies.get(auth.COOKIE) and csrf:
            st.html(_logout_form(csrf))
        elif auth.oidc_configured() and st.user.is_logged_in:
            st.button("Log ud", on_click=st.logout, key="oidc_logout")


def no_access(title: str, session: Session) -> Callable[[], None]:
    """The page a link outside the person's role opens: a Danish line, and for the public the
    way to log in (in place of Streamlit's English "Page not found")."""

    def page() -> None:
        st.title(title)
        if session.principal.role is None:
            st.info(f"{title} kræver, at du er logget ind.")
            st.html(f'<a class="rk-login" href="{escape(auth.login_href())}">Log ind</a>{STYLE}')
        else:
            st.info(f"Din rolle giver ikke adgang til {title}.")

    return page
