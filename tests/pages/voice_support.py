"""What a person reads on a page rendered by AppTest: every visible text, gathered from the
element tree (markdown, captions, alerts, labels, options, table cells, chart texts).

Keys of widgets and hidden table columns are not read: a person never sees them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest
from voice_patterns import unreadable

__all__ = ["page_texts", "unreadable"]
#: Proto fields that hold what a person reads.
VISIBLE_FIELDS = frozenset(
    {"body", "label", "options", "text", "help", "placeholder", "caption", "title", "value"}
)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _table_text(frame: pd.DataFrame, shown: list[str]) -> Iterator[str]:
    columns = [c for c in shown if c in frame.columns] if shown else list(frame.columns)
    yield from (str(c) for c in columns)
    yield from (str(i) for i in frame.index)
    yield from (str(v) for v in frame[columns].to_numpy().ravel())


class _HtmlText(HTMLParser):
    """The text an HTML element shows: its text nodes, without its stylesheet."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = self._in_style or tag == "style"
        self.texts.extend(v for k, v in attrs if k == "aria-label" and v)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = self._in_style and tag != "style"

    def handle_data(self, data: str) -> None:
        if not self._in_style and data.strip():
            self.texts.append(data.strip())


def _html_text(body: str) -> list[str]:
    reader = _HtmlText()
    reader.feed(body)
    return reader.texts


def _element_text(node: Any) -> Iterator[str]:
    proto = getattr(node, "proto", None)
    kind = getattr(node, "type", "")
    if kind in {"dataframe", "table"} and hasattr(node, "value"):
        yield from _table_text(node.value, list(getattr(proto, "column_order", [])))
        return
    if kind == "html" and proto is not None:
        yield from _html_text(proto.body)
        return
    if kind == "plotly_chart" and proto is not None:
        yield from _strings(json.loads(proto.spec))
        return
    if proto is None or not hasattr(proto, "ListFields"):
        return
    for field, value in proto.ListFields():
        if field.name in VISIBLE_FIELDS:
            if isinstance(value, str):
                yield value
            elif not isinstance(value, int | float | bool | bytes) and hasattr(value, "__iter__"):
                yield from (v for v in value if isinstance(v, str))
        elif field.message_type is not None and field.name in {"expandable", "tab"}:
            yield from _element_text(type("Block", (), {"proto": value, "type": field.name})())


def page_texts(at: AppTest) -> list[str]:
    """Every text the page shows, in tree order."""
    found: list[str] = []

    def walk(node: Any) -> None:
        found.extend(_element_text(node))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found
