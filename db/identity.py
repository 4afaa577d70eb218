"""Who is using the product: the one place a later login can fill in.

Today: ``APP_USER`` if set, else the operating-system user.
"""

from __future__ import annotations

import getpass
import os

UNKNOWN_USER = "ukendt"


def current_user() -> str:
    name = os.environ.get("APP_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or UNKNOWN_USER
    except (KeyError, OSError):
        # getpass raises when the uid has no passwd entry (e.g. some containers).
        return UNKNOWN_USER
