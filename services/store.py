"""The store as the command line opens it: upgraded to the newest schema, disposed afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from db import Store


@contextmanager
def open_store() -> Iterator[Store]:
    """The store of ``DATABASE_URL``, upgraded to the newest schema, disposed afterwards."""
    store = Store()
    try:
        store.upgrade()
        yield store
    finally:
        store.dispose()
