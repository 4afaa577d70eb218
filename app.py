"""Entry point: frames the app and routes between the pages in ``pages/``."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Resultatkontrakter", page_icon="📋", layout="wide")

PAGES = [
    st.Page("pages/kontrakter.py", title="Kontrakter", icon="📄", url_path="kontrakter"),
]

st.navigation(PAGES).run()
