"""Entry point: frames the app and routes between the pages in ``app_pages/``.

Served by ``server.py`` (the login routes beside the app); each run reads who is logged in
(``ui/auth.py``) and shows the pages of that person's role (docs/login.md).
"""

from __future__ import annotations

import streamlit as st

from ui import auth_sidebar, data, print_style, script_run
from ui.data import user_errors_shown

st.set_page_config(page_title="Resultatkontrakter", page_icon="📋", layout="wide")
print_style.apply()

OVERBLIK = st.Page(
    "app_pages/overblik.py", title="Overblik", icon=":material/dashboard:", url_path="overblik"
)
EVERYBODY = (None, "erhvervshus", "kkr", "kkr_medlem", "admin")
WORKERS = ("erhvervshus", "kkr", "admin")
TRACKERS = ("kkr", "kkr_medlem", "admin")


def start() -> None:
    """The root URL shows Overblik, keeping the link's choice (``/?hus=…&aar=…``).

    Streamlit serves its default page at ``/`` only; a start page that switches to Overblik
    lets ``/overblik?…`` work as a deep link too (docs/architecture.md).
    """
    st.switch_page(OVERBLIK, query_params=st.query_params.to_dict())


#: Every page and the roles that see it (None: the public). The review pages are everybody's;
#: the services check every read and act again (docs/roles.md).
PAGES: list[tuple[st.Page, tuple[str | None, ...]]] = [
    (
        st.Page(start, title="Start", url_path="start", default=True, visibility="hidden"),
        EVERYBODY,
    ),
    (OVERBLIK, EVERYBODY),
    (
        st.Page(
            "app_pages/landet.py", title="Hele landet", icon=":material/public:", url_path="landet"
        ),
        EVERYBODY,
    ),
    (st.Page("app_pages/maal.py", title="Mål", icon=":material/flag:", url_path="maal"), EVERYBODY),
    (
        st.Page(
            "app_pages/kommuner.py", title="Kommuner", icon=":material/map:", url_path="kommuner"
        ),
        EVERYBODY,
    ),
    (
        st.Page(
            "app_pages/indberetning.py",
            title="Indberetning",
            icon=":material/edit_note:",
            url_path="indberetning",
        ),
        WORKERS,
    ),
    (
        st.Page(
            "app_pages/kontrakter.py",
            title="Kontrakter",
            icon=":material/description:",
            url_path="kontrakter",
        ),
        EVERYBODY,
    ),
    (
        st.Page(
            "app_pages/naeste_aar.py",
            title="Næste års kontrakt",
            icon=":material/edit_document:",
            url_path="naeste_aar",
        ),
        WORKERS,
    ),
    (
        st.Page(
            "app_pages/opfoelgning.py",
            title="Opfølgning",
            icon=":material/checklist:",
            url_path="opfoelgning",
        ),
        TRACKERS,
    ),
]

data.begin_run()
session = data.session()
role = session.principal.role
# A page outside the role stays at its address, hidden, saying so in Danish.
page = st.navigation(
    [
        p
        if role in roles
        else st.Page(
            auth_sidebar.no_access(p.title, session),
            title=p.title,
            url_path=p.url_path,
            visibility="hidden",
        )
        for p, roles in PAGES
    ]
)
auth_sidebar.render(session)
st.sidebar.caption(
    "Kommunegrænser: DAGI 1:500.000 (Geodatastyrelsen/Klimadatastyrelsen & Danske Kommuner, "
    "FOT 2014), via github.com/Neogeografen/dagi, forenklet. "
    "Kommunegrupper og befolkning: Danmarks Statistik."
)
with user_errors_shown():
    page.run()
script_run.settle_heap_once()
