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

from services.entry_form import goal_anchor
from ui.entry.editor import panel_key

PAGE = Path(__file__).resolve().parents[2] / "app_pages" / "indberetning.py"
INPUT_KINDS = ("text_input", "text_area", "radio")
_HEADING = re.compile(r'^##### <span id="maaltal-[^"]+"></span>\*\*(.+?)\*\* · ')
_BADGE = re.compile(r"^(Når du gemmer: )?:\w+-badge\[(.+)\]$")


def open_entry(*, open_goals: bool = True, **params: str) -> AppTest:
    """The page for ``params``; with every goal's panel opened, unless ``open_goals`` is
    False (then only the first goal is open, as a person finds the page)."""
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return open_goal(at, *goal_numbers(at)) if open_goals else at


def goal_numbers(at: AppTest) -> list[str]:
    """The goals of the form, by number, from their panels' labels ("Mål 8 – …")."""
    return [
        str(e.label).removeprefix("Mål ").split(" – ", 1)[0]
        for e in at.main.get("expander")
        if str(e.label).startswith("Mål ")
    ]


def open_goal(at: AppTest, *numbers: str, is_open: bool = True) -> AppTest:
    """Open (or close) the panels of the goals ``numbers``, as a click on each would."""
    for number in numbers:
        at.session_state[panel_key(goal_anchor(number))] = is_open
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
