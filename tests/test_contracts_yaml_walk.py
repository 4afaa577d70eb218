"""The one walk over a YAML node tree (``contracts/yaml_tree.py``) gives what PyYAML's
constructor, ``check_shape`` and ``duplicate_keys`` give, or steps aside for them.

Each document is composed once; the one walk's data and duplicate keys are compared with
``construct_document`` and ``duplicate_keys`` on the same tree, and a document the one walk
declines is one ``check_shape`` refuses or that holds more than plain YAML.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
import yaml

from contracts.yaml_source import _Loader, parse
from contracts.yaml_tree import (
    MAX_DEPTH,
    MAX_EXPANDED,
    YamlProblem,
    check_shape,
    construct_checked,
    duplicate_keys,
)


def nested(levels: int) -> str:
    return "x: " + "[" * levels + "]" * levels + "\n"


def alias_chain(copies: int, levels: int) -> str:
    """``a0`` holds ``copies`` values; each ``aN`` holds ``copies`` aliases of ``aN-1``."""
    lines = [f"a0: &a0 [{', '.join(['x'] * copies)}]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * copies)}]")
    return "\n".join(lines) + "\n"


ORDINARY = {
    "scalars of every core tag": (
        "s: tekst\ni: 12\nu: 1_000\nh: 0x1F\nf: 50.5\ninf: .inf\nb: yes\nn: ~\ne:\n"
        "d: 2022-10-13\nt: 2022-10-13 12:30:00\nq: '12'\nk: !!str 12\n"
    ),
    "leniently kept text": "impossible: 2022-13-45\nlong: " + "9" * 5000 + "\n",
    "numbers as keys": "kommuner:\n  101: 5\n  '147': 6\n  2022-01-01: x\n  true: y\n  1.5: z\n",
    "keys written twice, nested": (
        "a: 1\nb:\n  c: 1\n  d: [{e: 1, e: 2}]\n  c: 2\na: 2\nf: {g: 1}\na: 3\n"
    ),
    "a key twice in text, once as a value": "1: a\n01: b\n'1': c\n",
    "anchors used as intended": (
        "yearly: &yearly {periods: [FY], years: [2022]}\n"
        "targets:\n  - {key: 1a, measured: *yearly}\n  - {key: 1b, measured: *yearly}\n"
    ),
    "an alias of a mapping with a key written twice": "a: &x {k: 1, k: 2}\nb: *x\nc: {k: 1, k: 3}\n",
    "an alias of a scalar": "a: &s tekst\nb: *s\nc: [*s, *s]\n",
    "a list at the top": "- 1\n- {a: 1, a: 2}\n",
    "a scalar at the top": "bare tekst\n",
    "the deepest allowed": nested(MAX_DEPTH - 1),
    "aliases within the bound": alias_chain(10, 4),
    "aliases as deep as allowed": alias_chain(1, MAX_DEPTH - 2),
}

DECLINED = {
    "a merge key": "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
    "a set": "a: !!set {x, y}\n",
    "an ordered map": "a: !!omap [x: 1]\n",
    "binary": "a: !!binary aGVq\n",
    "a tag of one's own": "a: !mine x\n",
    "a bool that is not one": "a: !!bool måske\n",
    "a list as a key": "? [a]\n: 1\n",
    "too deep": nested(MAX_DEPTH),
    "too deep through aliases": alias_chain(1, MAX_DEPTH),
    "a billion laughs": alias_chain(10, 9),
    "an alias inside what it names": "a: &a [*a]\n",
}


def composed(text: str) -> tuple[yaml.SafeLoader, yaml.Node]:
    loader = _Loader(text)
    root = loader.get_single_node()
    assert root is not None
    return loader, root


def same(left: object, right: object) -> bool:
    """Equal, with NaN equal to itself."""
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left):
        return math.isnan(right)
    return left == right


@pytest.mark.parametrize("text", ORDINARY.values(), ids=ORDINARY.keys())
def test_the_one_walk_gives_pyyamls_data_and_duplicate_keys(text: str) -> None:
    loader, root = composed(text)
    checked = construct_checked(loader, root)
    assert checked is not None
    check_shape(root)
    assert same(checked.data, loader.construct_document(root))
    assert checked.duplicates == tuple(duplicate_keys(root))


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_the_one_walk_leaves_anything_unusual_to_pyyaml(text: str) -> None:
    loader, root = composed(text)
    assert construct_checked(loader, root) is None


def test_keys_written_twice_are_listed_in_document_order_with_both_lines() -> None:
    parsed = parse("a: 1\nb:\n  c: 1\n  c: 2\na: 2\n")
    assert [(d.loc, d.line, d.first_line) for d in parsed.duplicates] == [
        (("b", "c"), 4, 3),
        (("a",), 5, 1),
    ]
    assert parsed.data == {"a": 2, "b": {"c": 2}}


def test_an_alias_is_the_same_object_as_its_anchor() -> None:
    data = parse(ORDINARY["anchors used as intended"]).data
    first, second = data["targets"]
    assert first["measured"] is second["measured"] is data["yearly"]
    assert data["yearly"] == {"periods": ["FY"], "years": [2022]}


def test_values_are_read_as_yaml_1_1_reads_them() -> None:
    data = parse(ORDINARY["scalars of every core tag"]).data
    assert data == {
        "s": "tekst",
        "i": 12,
        "u": 1000,
        "h": 31,
        "f": 50.5,
        "inf": math.inf,
        "b": True,
        "n": None,
        "e": None,
        "d": dt.date(2022, 10, 13),
        "t": dt.datetime(2022, 10, 13, 12, 30),
        "q": "12",
        "k": "12",
    }


@pytest.mark.parametrize(
    ("text", "line", "start"),
    [
        (alias_chain(10, 9), 5, "ugyldig YAML: aliasserne (*navn) gør dokumentet til mere end 50"),
        (nested(MAX_DEPTH), 1, "ugyldig YAML: lister og samlinger står mere end 64 niveauer"),
        ("type: contract\nyear: &a [*a]\n", 2, "ugyldig YAML: et alias (*navn) henviser til"),
    ],
    ids=["expands too far", "too deep", "holds itself"],
)
def test_a_declined_document_gets_check_shapes_danish_problem_at_its_line(
    text: str, line: int, start: str
) -> None:
    with pytest.raises(YamlProblem) as raised:
        parse(text)
    assert raised.value.line == line
    assert raised.value.message.startswith(start)


def bounded(n_items_of_c: int) -> str:
    """A document of 49.906 + ``n_items_of_c`` values when every alias is counted as a copy:
    the mapping, its three keys, ``a`` (a list of 99), ``b`` (a list of 498 aliases of ``a``,
    100 values each) and ``c`` (a list)."""
    a = ", ".join(["x"] * 99)
    b = ", ".join(["*a"] * 498)
    c = ", ".join(["x"] * n_items_of_c)
    return f"a: &a [{a}]\nb: [{b}]\nc: [{c}]\n"


def test_exactly_the_expansion_bound_loads_and_one_value_more_is_refused() -> None:
    assert MAX_EXPANDED == 50_000
    loader, root = composed(bounded(94))
    assert construct_checked(loader, root) is not None
    assert len(parse(bounded(94)).data["b"]) == 498
    with pytest.raises(YamlProblem) as raised:
        parse(bounded(95))
    assert raised.value.line == 1
    assert "mere end 50.000 værdier" in raised.value.message
