"""Næste års kontrakt: draft next year's contract from this year's, with evidence and reasons.

The choice of erhvervshus and new year lives in the URL (``?hus=sjaelland&aar=2023``).
"""

from __future__ import annotations

from ui import auth, data
from ui.drafting import page

session = data.session()
page.render(session, auth.work_catalog(session, data.review_catalog(session)))
