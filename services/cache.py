"""Page reads computed once per state of the store and shared between sessions
(docs/shared-installation.md, "Pages cheap enough to share").

    reads = PageReads(session, context=(folder_signature,))   # once per page run
    table = reads.get("status", lambda: session.status(catalog, h, y, p), h, y, p, houses=[h])

An entry's key holds everything its result depends on besides its own arguments: the
database (its URL), the store's data version at the start of the run (``db/generation.py``:
of the houses the read names, or of the whole store), what the acting person may see
(``Session.cache_scope``: two scopes never share an entry), the caller's context (the
contracts folder's signature) and today's date (statuses depend on it). A write by any
instance changes the version, so the next run computes afresh; nothing is ever invalidated by
hand. The version is read before the data, so an entry never holds data older than its key.

Memory is bounded: at most ``PAGE_CACHE_ENTRIES`` entries (least recently used out first),
each kept at most ``PAGE_CACHE_SECONDS``; entries of old versions simply age out. A frame
handed out is a copy, so a page that changes it in place changes nobody else's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pandas as pd

from db.generation import version_of
from services.session import Session

T = TypeVar("T")

DEFAULT_ENTRIES = 200
DEFAULT_SECONDS = 300.0


def _setting(text: str, default: float) -> float:
    text = text.strip()
    try:
        return max(0.0, float(text)) if text else default
    except ValueError:
        return default


class SharedCache:
    """A thread-safe map of computed results, least recently used out first, with a lifetime.

    ``max_entries`` 0 turns it off (every read computed)."""

    def __init__(
        self,
        max_entries: int = DEFAULT_ENTRIES,
        ttl_seconds: float = DEFAULT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_entries = max_entries
        self.ttl_seconds = ttl_seconds
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._running: dict[Hashable, threading.Event] = {}
        self.hits = 0
        self.misses = 0

    @classmethod
    def from_environment(cls) -> SharedCache:
        entries = _setting(os.environ.get("PAGE_CACHE_ENTRIES", ""), DEFAULT_ENTRIES)
        seconds = _setting(os.environ.get("PAGE_CACHE_SECONDS", ""), DEFAULT_SECONDS)
        return cls(int(entries), seconds)

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The entry of ``key``, else ``compute()``'s result, stored. Sessions asking for a
        missing key at once wait for the first one's computation instead of repeating it
        (after a write, every reader of a house asks at once)."""
        while True:
            now = self._clock()
            with self._lock:
                found = self._entries.get(key)
                if found is not None and now - found[0] <= self.ttl_seconds:
                    self._entries.move_to_end(key)
                    self.hits += 1
                    return _handed_out(found[1])
                running = self._running.get(key)
                if running is None:
                    self.misses += 1
                    running = self._running[key] = threading.Event()
                    break
            running.wait()  # then look again: stored, or (the computation failed) compute
        try:
            value = compute()
            self._store(key, now, value)
        finally:
            with self._lock:
                del self._running[key]
            running.set()
        return _handed_out(value)

    def _store(self, key: Hashable, now: float, value: object) -> None:
        if self.max_entries <= 0:
            return
        with self._lock:
            self._entries[key] = (now, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries or self._oldest_expired(now):
                self._entries.popitem(last=False)

    def _oldest_expired(self, now: float) -> bool:
        """Whether the least recently used entry has outlived its lifetime (held lock):
        results of versions nobody asks for any more leave as the lifetime runs out."""
        oldest = next(iter(self._entries.values()), None)
        return oldest is not None and now - oldest[0] > self.ttl_seconds


def _handed_out(value: T) -> T:
    """What a caller gets: a copy of a frame (cheap beside computing it), else the value.

    Other results (figures, dataclasses, lists of them) are only read by the pages."""
    if isinstance(value, pd.DataFrame):
        return value.copy()  # type: ignore[return-value]
    return value


#: The one cache of this process: every session of a Streamlit server shares it.
SHARED = SharedCache.from_environment()


class PageReads:
    """The reads of one page run, keyed by the store's state when the run began."""

    def __init__(
        self,
        session: Session,
        *,
        context: Hashable = (),
        today: dt.date | None = None,
        cache: SharedCache | None = None,
    ) -> None:
        self.session = session
        self.cache = SHARED if cache is None else cache
        # Read first: whatever the computations read afterwards is at least this new.
        self._versions = session.data_versions()
        self._base = (
            session.store.url,
            session.cache_scope(),
            context,
            today or dt.date.today(),
        )

    def get(
        self,
        name: str,
        compute: Callable[[], T],
        *args: Hashable,
        houses: Iterable[str] | None = None,
    ) -> T:
        """``compute()``'s result, shared by every run with the same key. ``name`` and
        ``args`` must tell apart what ``compute`` computes; ``houses`` are the erhvervshuse
        whose data it reads (None: it may read anything in the store)."""
        houses = None if houses is None else sorted(set(houses))
        version = version_of(self._versions, houses)
        return self.cache.get((*self._base, version, name, args), compute)

    def by_content(
        self, name: str, compute: Callable[[], T], frame: pd.DataFrame, *args: Hashable
    ) -> T:
        """``compute()``'s result keyed by the content of ``frame`` instead of the data
        version: for a pure function of ``frame`` and ``args`` (a chart of a history), which a
        write elsewhere in the house leaves as it was."""
        return self.cache.get((*self._base, "content", name, args, digest(frame)), compute)

    def rows(
        self,
        name: str,
        read: Callable[[], pd.DataFrame],
        *args: Hashable,
        houses: Iterable[str] | None = None,
    ) -> Rows:
        """The rows ``read()`` gives and their fingerprint, worked out once per data version
        of ``houses`` (like ``get``): what a computation kept by ``by_rows`` reads."""

        def fingerprinted() -> Rows:
            frame = read()
            return Rows(frame, digest(frame))

        return self.get(name, fingerprinted, *args, houses=houses)

    def by_rows(
        self, name: str, compute: Callable[[], T], rows: Sequence[Rows], *args: Hashable
    ) -> T:
        """``compute()``'s result keyed by the content of ``rows`` instead of the data
        version: for a pure function of those rows and ``args`` (a contract judged on the
        rows it reads), which a write that leaves them as they were (in another period, in
        another house) does not throw away."""
        return self.by_fingerprints(name, compute, [found.fingerprint for found in rows], *args)

    def by_fingerprints(
        self, name: str, compute: Callable[[], T], fingerprints: Sequence[str], *args: Hashable
    ) -> T:
        """``by_rows`` given the rows' fingerprints (``digest``, ``digests_by``)."""
        key = (*self._base, "content", name, args, tuple(fingerprints))
        return self.cache.get(key, compute)


@dataclass(frozen=True)
class Rows:
    """Rows read for a computation, shared between sessions (read only), and their
    fingerprint (``digest``)."""

    frame: pd.DataFrame
    fingerprint: str


#: Up to this many rows a frame is fingerprinted by the text of its values: for the pages'
#: small frames (a target's history, a map's kommuner) four times faster than pandas' hashing,
#: which pays per column and per call, and wins only on large frames.
SMALL_FRAME = 500


def digest(frame: pd.DataFrame) -> str:
    """A fingerprint of a frame's columns, index and values. Equal frames give equal
    fingerprints; the same numbers held as another type (1 and 1.0) may not, which only costs
    a computation, never a wrong result."""
    found = hashlib.blake2b(repr(list(frame.columns)).encode(), digest_size=16)
    if len(frame) > SMALL_FRAME:
        found.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
        return found.hexdigest()
    found.update(repr(frame.index.tolist()).encode())
    for n in range(frame.shape[1]):  # repr of a float is exact: 0.1 and 0.1000001 differ
        found.update(repr(frame.iloc[:, n].tolist()).encode())
    return found.hexdigest()


def digests_by(frame: pd.DataFrame, column: str) -> dict[str, str]:
    """A fingerprint of the rows of each value of ``column``, by that value: the rows are
    hashed once together (pandas' hashing pays per column and call, so one call for a house's
    every row beats ``digest`` of each part by far); a part's fingerprint is that of its rows'
    hashes in order. Equal parts give equal fingerprints."""
    hashes = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    columns = repr(list(frame.columns)).encode()
    found = {}
    for value, positions in frame.groupby(column, sort=False).indices.items():
        part = hashlib.blake2b(columns, digest_size=16)
        part.update(hashes[positions].tobytes())
        found[str(value)] = part.hexdigest()
    return found
