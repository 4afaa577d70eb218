"""Walks over a composed YAML node tree: its bounds, its duplicate keys, and its data.

``check_shape`` refuses a tree too deep or whose aliases expand too far, ``duplicate_keys``
finds keys written twice, and PyYAML's ``construct_document`` makes the data: three walks.
``construct_checked`` does all three in one walk for an ordinary document and answers None
for anything else (docs/import-format.md, "Contract files"), so the three walks stay the
answer, message for message, wherever a document is unusual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

#: One step of a path: a mapping key or a list index (pydantic's ``loc`` elements).
Step = str | int
Loc = Sequence[Step]


class YamlProblem(Exception):
    """A file that is not valid YAML: the line (1-based) and a Danish message."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


#: Levels of lists and mappings inside each other; a contract needs about eight.
MAX_DEPTH = 64
#: Values in a document once every alias is counted as a copy of what it names: generous
#: for a contract (the largest shipped one holds about 1.400), small enough that a
#: "billion laughs" of nested aliases is refused at once instead of expanded.
MAX_EXPANDED = 50_000
TOO_DEEP = (
    f"ugyldig YAML: lister og samlinger står mere end {MAX_DEPTH} niveauer inde i hinanden "
    "(mangler en ] eller }?)"
)


def node_line(node: yaml.Node) -> int:
    """The 1-based line where ``node`` starts."""
    return int(node.start_mark.line) + 1


def check_shape(root: yaml.Node) -> None:
    """Refuse a node tree too deep, or whose aliases expand too far, or that holds itself.

    Walks each distinct node once (aliases share their node), without recursion, and
    computes for each the number of values and the depth it stands for when expanded."""
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            kids = _children(node)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            height[key] = 1 + max((height[id(k)] for k in kids), default=0)
            if height[key] > MAX_DEPTH:
                raise YamlProblem(node_line(node), TOO_DEEP)
            if size[key] > MAX_EXPANDED:
                raise YamlProblem(
                    node_line(node),
                    "ugyldig YAML: aliasserne (*navn) gør dokumentet til mere end "
                    f"{f'{MAX_EXPANDED:,}'.replace(',', '.')} værdier; brug færre eller mindre "
                    "aliasser",
                )
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise YamlProblem(
                node_line(node), "ugyldig YAML: et alias (*navn) henviser til sig selv"
            )
        open_nodes.add(key)
        stack.append((node, True))
        if len(open_nodes) > MAX_DEPTH:
            raise YamlProblem(node_line(node), TOO_DEEP)
        stack.extend((child, False) for child in _children(node) if id(child) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


@dataclass(frozen=True)
class DuplicateKey:
    loc: tuple[Step, ...]
    line: int
    first_line: int


def duplicate_keys(root: yaml.Node | None) -> Iterator[DuplicateKey]:
    """Keys written twice in one mapping (YAML keeps the last silently).

    Each node is visited once: an alias names a node already walked where its anchor stands,
    so a billion laughs costs no more than its text."""
    yield from _duplicates(root, (), set())


def _duplicates(
    node: yaml.Node | None, loc: tuple[Step, ...], visited: set[int]
) -> Iterator[DuplicateKey]:
    if not isinstance(node, yaml.MappingNode | yaml.SequenceNode) or id(node) in visited:
        return
    visited.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else None
            if name is not None:
                if name in seen:
                    yield DuplicateKey((*loc, name), node_line(key), seen[name])
                else:
                    seen[name] = node_line(key)
            yield from _duplicates(value, (*loc, name) if name is not None else loc, visited)
    else:
        for index, item in enumerate(node.value):
            yield from _duplicates(item, (*loc, index), visited)


_TAG = "tag:yaml.org,2002:"
#: The scalars of an ordinary document; any other tag (``!!binary``, ``!!set``, a merge key
#: ``<<``, a tag of one's own) is left to PyYAML's constructor.
_QUICK_SCALARS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"


@dataclass(frozen=True)
class Checked:
    """What the one walk found: the data, and the keys written twice (in document order)."""

    data: Any
    duplicates: tuple[DuplicateKey, ...]


_Scalar = Callable[[ScalarNode], Any]


class _Unusual(Exception):
    """The document needs the three general walks (or has a problem they name exactly)."""


def construct_checked(loader: yaml.SafeLoader, root: yaml.Node) -> Checked | None:
    """The data of ``root`` as ``construct_document`` makes it and the keys ``duplicate_keys``
    finds, in one walk, when ``check_shape`` would pass; None when it would not, or when the
    document holds anything beyond plain mappings, lists and scalars of the core tags.

    An alias to a node already built stands for its size and depth without being walked
    again (and is the same object, as PyYAML makes it), so this walk too costs no more than
    the document's text."""
    try:
        return _walk(loader, root)
    except _Unusual:
        return None


def _walk(loader: yaml.SafeLoader, root: yaml.Node) -> Checked:
    scalar = _scalar_maker(loader)
    built: dict[int, Any] = {}  # containers: the object made for each node
    shape: dict[int, tuple[int, int]] = {}  # finished containers: expanded size, height
    duplicates: list[DuplicateKey] = []
    holder: list[Any] = []
    count = deepest = 0  # values so far counting aliases as copies; the deepest level so far
    # A task is a value to place (node, where, key, path, level) or a finished container
    # (node, None, (values before it, deepest before it), None, level).
    stack: list[tuple[Any, Any, Any, Any, int]] = [(root, holder, None, (), 1)]
    while stack:
        node, into, key, loc, level = stack.pop()
        if into is None:  # every value inside ``node`` is placed
            before, deepest_before = key
            shape[id(node)] = (count - before, deepest - level + 1)
            deepest = max(deepest, deepest_before)
            continue
        kind = type(node)
        if kind is ScalarNode:
            value, count, deepest = scalar(node), count + 1, max(deepest, level)
        elif id(node) in shape:  # an alias of a finished list or mapping
            value = built[id(node)]
            size, height = shape[id(node)]
            count, deepest = count + size, max(deepest, level + height - 1)
        elif id(node) in built or not (kind is MappingNode or kind is SequenceNode):
            raise _Unusual  # an alias inside what it names, or a node of another kind
        else:
            value = _open(node, level, loc, stack, (count, deepest), scalar)
            built[id(node)] = value
            keys = len(node.value) if kind is MappingNode else 0  # each key is a value too
            count, deepest = count + 1 + keys, level
        if count > MAX_EXPANDED or deepest > MAX_DEPTH:
            raise _Unusual  # check_shape names the node and the problem
        if isinstance(into, list):
            into.append(value)
        else:
            made_key, line, first_line = key
            name = loc[-1]
            if name in first_line:
                duplicates.append(DuplicateKey(loc, line, first_line[name]))
            else:
                first_line[name] = line
            into[made_key] = value
    return Checked(holder[0], tuple(duplicates))


def _open(
    node: MappingNode | SequenceNode,
    level: int,
    loc: tuple[Step, ...],
    stack: list[tuple[Any, Any, Any, Any, int]],
    before: tuple[int, int],
    scalar: _Scalar,
) -> list[Any] | dict[Any, Any]:
    """An empty list or dict for ``node``, its values queued to be placed in order."""
    stack.append((node, None, before, None, level))
    inner = level + 1
    if node.tag == _SEQ and type(node) is SequenceNode:
        items: list[Any] = []
        for index in range(len(node.value) - 1, -1, -1):
            stack.append((node.value[index], items, None, (*loc, index), inner))
        return items
    if node.tag != _MAP or type(node) is not MappingNode:
        raise _Unusual
    mapping: dict[Any, Any] = {}
    first_line: dict[str, int] = {}
    queued = []
    for key_node, value_node in node.value:
        if type(key_node) is not ScalarNode:
            raise _Unusual
        made_key = (scalar(key_node), node_line(key_node), first_line)
        queued.append((value_node, mapping, made_key, (*loc, str(key_node.value)), inner))
    stack.extend(reversed(queued))
    return mapping


def _scalar_maker(loader: yaml.SafeLoader) -> _Scalar:
    constructors = loader.yaml_constructors

    def scalar(node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _QUICK_SCALARS:
            raise _Unusual
        try:
            return constructors[tag](loader, node)
        except Exception as exc:  # PyYAML's own walk raises it, after check_shape
            raise _Unusual from exc

    return scalar
