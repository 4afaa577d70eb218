"""Reading a folder of contract files cheaply: each file's result kept by its content, and
Python's cycle collector paused while a folder is read.

A folder is read again whenever one file in it changes (``ui/data.py`` keys the catalog by
the files' modification times). What reading one file gives depends only on its name, whether
it is a draft and its text, so the result of an unchanged file is taken from the previous
read of the folder: a saved draft or an edited contract costs that file, not the folder
(docs/import-format.md, "Contract files").
"""

from __future__ import annotations

import gc
import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

R = TypeVar("R")
#: A file's name as issues show it, whether it lies in the drafts folder, its text's SHA-256.
Key = tuple[str, bool, bytes]


def content_key(name: str, in_drafts: bool, text: str) -> Key:
    return name, in_drafts, hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class ReadCache(Generic[R]):
    """The results of the files of the last folder read, by ``content_key``.

    Holds one folder's files at most (what the catalog made of them holds the same objects),
    in this process only; ``clear`` forgets them, so the next read of a folder is cold."""

    def __init__(self) -> None:
        self._kept: dict[Key, R] = {}
        self._lock = threading.Lock()

    @contextmanager
    def folder_read(self) -> Iterator[Callable[[Key, Callable[[], R]], R]]:
        """``read(key, make)`` for each file of one folder: the kept result, else ``make()``.

        When the folder has been read, the files just read replace those kept before."""
        found: dict[Key, R] = {}
        kept = self._kept

        def read(key: Key, make: Callable[[], R]) -> R:
            result = kept[key] if key in kept else make()
            found[key] = result
            return result

        yield read
        with self._lock:
            self._kept = found

    def clear(self) -> None:
        with self._lock:
            self._kept = {}

    def __len__(self) -> int:
        return len(self._kept)


_pause_lock = threading.Lock()
_pausers = 0
_resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for the block, and resumed as it was.

    A folder read makes some hundred thousand objects that live on, at least until the file
    is read (node trees, data, models); meanwhile the collector scans the whole process again
    and again and finds nothing to free: about half of a cold read's time in the app's
    process. Reference counting frees what the block no longer needs, as ever; anything cyclic
    is collected once the block ends.
    Nested and concurrent blocks resume the collector when the last one ends."""
    global _pausers, _resume
    with _pause_lock:
        if _pausers == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pausers -= 1
            if _pausers == 0 and _resume:
                gc.enable()
