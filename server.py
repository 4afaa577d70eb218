"""The web server: the app (``app.py``) with the local login's routes beside it.

    streamlit run server.py          # what `make run`, deploy/ and the browser tests start

Streamlit 1.67 finds ``app`` here and serves it over Uvicorn; ``/auth/login`` and
``/auth/logout`` are plain HTTP routes that set and clear the login cookie (docs/login.md).
"""

from __future__ import annotations

import streamlit as st

from ui.login_routes import routes

app = st.App("app.py", routes=routes())
