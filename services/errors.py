"""The errors a user can cause, as the pages and the command line catch and raise them.

The tree itself lives in ``db/errors.py``, the lowest layer that raises one; the adapters
(``ui/``, ``app_pages/``, ``commands/``) import it from here, so that nothing above
``services/`` imports ``db/`` (docs/architecture.md). The classes are the same objects.
"""

from __future__ import annotations

from db.errors import (
    Conflict,
    DemoInRound,
    Forbidden,
    LoginFailed,
    NotFound,
    RoundLocked,
    StoreUnavailable,
    Unconfirmed,
    UserError,
    ValidationFailed,
)

__all__ = [
    "Conflict",
    "DemoInRound",
    "Forbidden",
    "LoginFailed",
    "NotFound",
    "RoundLocked",
    "StoreUnavailable",
    "Unconfirmed",
    "UserError",
    "ValidationFailed",
]
