"""Helpers for the Indberetning page tests: open the page, find a target's inputs, type.

The inputs' keys are ``ind|<generation>|<target>|<kommune>|<column>`` (``ui.entry.state``);
the generation grows with every save or pasted column, so inputs are found by their end.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

PAGE = Path(__file__).resolve().parents[2] / "app_pages" / "indberetning.py"
INPUT_KINDS = ("text_input", "text_area", "radio")
_HEADING = re.compile(r'^##### <span id="maaltal-[^"]+"></span>\*\*(.+?)\*\* · ')
_BADGE = re.compile(r"^(Når du gemmer: )?:\w+-badge\[(.+)\]$")


def open_entry(**params: str) -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def widgets(at: AppTest) -> list[Any]:
    """Every input of the page, in page order."""
    return [node for node in at.main if getattr(node, "type", "") in INPUT_KINDS]


def _key(node: Any) -> str:
    return str(getattr(node, "key", "") or "")


def input_key(at: AppTest, target: str, column: str, kommune: str = "") -> str:
    """The current key of a target's input for ``column``."""
    suffix = f"|{target}|{kommune}|{column}"
    found = [
        _key(n) for n in widgets(at) if _key(n).startswith("ind|") and _key(n).endswith(suffix)
    ]
    assert len(found) == 1, (suffix, found)
    return found[0]


def inputs_of(at: AppTest, target: str) -> list[str]:
    """The labels of a target's inputs for its total, in page order."""
    return [
        str(n.label)
        for n in widgets(at)
        if _key(n).startswith("ind|") and _key(n).split("|")[2:4] == [target, ""]
    ]


def type_into(at: AppTest, texts: Mapping[tuple[str, str], str], *, run: bool = False) -> AppTest:
    """Type ``texts`` into the inputs (target, column) of the totals; run the page if asked."""
    for (target, column), text in texts.items():
        key = input_key(at, target, column)
        if column == "kommentar":
            at.text_area(key=key).input(text)
        else:
            at.text_input(key=key).input(text)
    if run:
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def statuses(at: AppTest) -> dict[str, str]:
    """Each target's status as its badge says it, by target name (in page order)."""
    found: dict[str, str] = {}
    current: str | None = None
    for text in at.markdown.values:
        heading = _HEADING.match(text)
        if heading:
            current = heading.group(1).replace("\\", "")
            continue
        badge = _BADGE.match(text)
        if badge and current is not None and current not in found:
            found[current] = (badge.group(1) or "") + badge.group(2)
    return found


def table_with(at: AppTest, column: str) -> Any:
    """The (last) table on the page that has ``column``."""
    frames = [frame.value for frame in at.dataframe if column in frame.value.columns]
    assert frames, column
    return frames[-1]
