"""Who is using the product and the errors a user can cause, for the page and command layers.

Re-exported from ``db`` so that pages and commands reach the store only through services/.
"""

from __future__ import annotations

from db import Store
from db.errors import Conflict, NotFound, UserError, ValidationFailed
from db.identity import current_user

__all__ = ["Conflict", "NotFound", "Store", "UserError", "ValidationFailed", "current_user"]
