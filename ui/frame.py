"""Make sure a page runs inside ``app.py``'s frame, even on a fresh server's first deep link.

Streamlit keeps a process-wide flag for the old "pages/ folder" mode: it is set when the
server starts (a ``pages/`` folder exists) and cleared only when ``st.navigation`` runs. Until
then a link such as ``/kontrakter?hus=sjaelland`` runs ``pages/kontrakter.py`` on its own,
without the entry script's layout, navigation and attribution. A page that finds itself run
that way clears the flag and reruns, so the entry script routes it like any other visit.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_routed() -> None:
    """Call first in every page: reruns through ``app.py`` when Streamlit skipped it."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
