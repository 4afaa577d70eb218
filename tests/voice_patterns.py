"""What never reaches a person: a reference into the source files, a dotted target key."""

from __future__ import annotations

import re

#: A reference into the source files ("F3:788-792"): for developers, in YAML comments only.
SOURCE_LINE = re.compile(r"F\d:\d")
#: A dotted target key ("8c.handlingsplaner", "5b.2021"): for files and URLs only. Not a
#: date ("pr. 30.6.2021") or a file name ("hovedstaden-2023.csv").
DOTTED_KEY = re.compile(r"(?<![\w-])\d+(?:[a-z]*\.[a-z_][a-z0-9_]*|[a-z]+\.\d{4})\b")


def unreadable(texts: list[str]) -> list[str]:
    """The texts that show a source-line reference or a dotted target key."""
    return [t for t in texts if SOURCE_LINE.search(t) or DOTTED_KEY.search(t)]
