"""Entry point: frames the app and routes between the pages in ``app_pages/``."""

from __future__ import annotations

import streamlit as st

from ui import print_style
from ui.data import user_errors_shown

st.set_page_config(page_title="Resultatkontrakter", page_icon="📋", layout="wide")
print_style.apply()

OVERBLIK = st.Page(
    "app_pages/overblik.py", title="Overblik", icon=":material/dashboard:", url_path="overblik"
)


def start() -> None:
    """The root URL shows Overblik, keeping the link's choice (``/?hus=…&aar=…``).

    Streamlit serves its default page at ``/`` only; a start page that switches to Overblik
    lets ``/overblik?…`` work as a deep link too (docs/architecture.md).
    """
    st.switch_page(OVERBLIK, query_params=st.query_params.to_dict())


PAGES = [
    st.Page(start, title="Start", url_path="start", default=True, visibility="hidden"),
    OVERBLIK,
    st.Page(
        "app_pages/landet.py", title="Hele landet", icon=":material/public:", url_path="landet"
    ),
    st.Page("app_pages/maal.py", title="Mål", icon=":material/flag:", url_path="maal"),
    st.Page("app_pages/kommuner.py", title="Kommuner", icon=":material/map:", url_path="kommuner"),
    st.Page(
        "app_pages/indberetning.py",
        title="Indberetning",
        icon=":material/edit_note:",
        url_path="indberetning",
    ),
    st.Page(
        "app_pages/kontrakter.py",
        title="Kontrakter",
        icon=":material/description:",
        url_path="kontrakter",
    ),
    st.Page(
        "app_pages/naeste_aar.py",
        title="Næste års kontrakt",
        icon=":material/edit_document:",
        url_path="naeste_aar",
    ),
    st.Page(
        "app_pages/opfoelgning.py",
        title="Opfølgning",
        icon=":material/checklist:",
        url_path="opfoelgning",
    ),
]

page = st.navigation(PAGES)
st.sidebar.caption(
    "Kommunegrænser: DAGI 1:500.000 (Geodatastyrelsen/Klimadatastyrelsen & Danske Kommuner, "
    "FOT 2014), via github.com/Neogeografen/dagi, forenklet. "
    "Kommunegrupper og befolkning: Danmarks Statistik."
)
with user_errors_shown():
    page.run()
