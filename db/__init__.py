"""The store of reported values, report rounds and their audit trail (SQLite or PostgreSQL).

The only package that imports SQLAlchemy. It hands out DataFrames and the dataclasses
below, never ORM objects.
"""

from __future__ import annotations

from db.engine import default_database_url
from db.records import (
    RoundInfo,
    SaveResult,
    Snapshot,
    SnapshotData,
    SnapshotInfo,
    ValueKey,
    ValueRow,
)
from db.store import Store
from db.users import LoginInfo, UserInfo

__all__ = [
    "LoginInfo",
    "RoundInfo",
    "SaveResult",
    "Snapshot",
    "SnapshotData",
    "SnapshotInfo",
    "Store",
    "UserInfo",
    "ValueKey",
    "ValueRow",
    "default_database_url",
]
