"""Where a path of a YAML document stands: the line an issue names (``contracts/yaml_source.py``
keeps each part's line in place of the node tree)."""

from __future__ import annotations

import pytest

from contracts.yaml_source import KEY_STEP, Loc, line_of, parse

DOCUMENT = """\
title: T
goals:
  - number: 1
    targets:
      - key: 1a
        value: ti
      - {key: 1b, value: 5}
  - number: 2
kommuner:
  101: 5
x: &goal {number: 3, title: Kendskab}
more: [*goal]
twice: 1
twice: 2
"""


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        ((), 1),
        (("title",), 1),
        (("goals", 0, "targets", 0, "value"), 6),  # a mapping entry at its key
        (("goals", 0, "targets", 1), 7),  # a list item at its first line
        (("goals", 0, "targets", 1, "value"), 7),
        (("goals", 1, "targets", 0, "value"), 8),  # the deepest part that exists
        (("goals", 5), 2),  # no such item: the list's key
        (("goals", "0"), 2),  # a list is not looked up by name
        (("title", "more"), 1),  # nothing inside a scalar
        (("goals", 0, KEY_STEP), 3),  # a problem with a key: the mapping holding it
        (("kommuner", 101), 10),  # a number key, as pydantic names it
        (("more", 0, "title"), 11),  # through an alias: where its anchor stands
        (("twice",), 14),  # a key written twice: the last, as YAML keeps it
        (("nowhere", "at", "all"), 1),
    ],
)
def test_a_path_names_the_line_of_its_deepest_existing_part(loc: Loc, line: int) -> None:
    assert line_of(parse(DOCUMENT).lines, loc) == line


def test_an_empty_document_has_no_lines() -> None:
    parsed = parse("# bare en kommentar\n")
    assert parsed.lines is None
    assert line_of(parsed.lines, ("title",)) is None


def test_a_document_read_the_general_way_has_the_same_lines() -> None:
    merged = DOCUMENT + "base: &b {z: 1}\nmerged:\n  <<: *b\n  y: 2\n"
    lines = parse(merged).lines
    assert line_of(lines, ("goals", 0, "targets", 0, "value")) == 6
    assert line_of(lines, ("merged", "y")) == 18
