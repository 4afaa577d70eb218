"""YAML with line numbers: parse a document, keep its node tree, find the line of a path.

PyYAML's ``compose`` gives every node a start mark; the loader keeps the root node beside the
constructed data so that an error at ``goals.0.targets.2.value`` can be shown at the line of
``value:`` in that target.  Syntax errors come back as :class:`YamlProblem` with a Danish
message and the line of the problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

#: One step of a path: a mapping key or a list index (pydantic's ``loc`` elements).
Step = str | int
Loc = Sequence[Step]

#: pydantic marks an error in a mapping's key (not its value) with this step.
KEY_STEP = "[key]"


class YamlProblem(Exception):
    """A file that is not valid YAML: the line (1-based) and a Danish message."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """Impossible dates (2022-13-45) stay text for pydantic to reject with a Danish message."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _lenient_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """An integer of more digits than Python reads (4.300) stays text, for pydantic to reject."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


class _Loader(yaml.SafeLoader):
    """The pure-Python loader: its error texts are the ones translated to Danish below."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _lenient_int)

_CSafeLoader: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)
_FastLoader: type[yaml.SafeLoader] | None = None
if _CSafeLoader is not None:
    # libyaml composes about six times faster (a cold catalog load: ~3 s → ~0,6 s at national
    # scale); its error texts differ, so a file it rejects is parsed again by _Loader.
    class _CLoader(_CSafeLoader):  # type: ignore[valid-type,misc]
        pass

    _CLoader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)
    _CLoader.add_constructor("tag:yaml.org,2002:int", _lenient_int)
    _FastLoader = _CLoader


@dataclass(frozen=True)
class Parsed:
    """A parsed document: the plain data and the node tree it came from (None when empty)."""

    data: Any
    root: yaml.Node | None


def _compose(loader_class: type[yaml.SafeLoader], text: str) -> Parsed:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            check_shape(root)  # before anything walks the tree as if aliases were copies
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return Parsed(data, root)


def parse(text: str) -> Parsed:
    """Parse one YAML document; raise :class:`YamlProblem` on a syntax error.

    Bounded: at most ``MAX_DEPTH`` levels of nesting and ``MAX_EXPANDED`` values with every
    alias counted as the copy it stands for (see ``check_shape``)."""
    fast_error: yaml.MarkedYAMLError | None = None
    if _FastLoader is not None:
        try:
            return _compose(_FastLoader, text)
        except yaml.MarkedYAMLError as exc:
            if "maximum nesting depth" in str(exc.problem):  # libyaml stops at 1.000 levels
                raise YamlProblem(_line_of_error(exc), TOO_DEEP) from exc
            fast_error = exc  # parsed again below, for the pure-Python parser's Danish message
        except yaml.YAMLError:
            pass
    try:
        return _compose(_Loader, text)
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_line_of_error(exc), f"ugyldig YAML: {_danish_problem(exc)}") from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(None, f"ugyldig YAML: {exc}") from exc
    except RecursionError as exc:  # the pure-Python composer recurses once per level
        line = _line_of_error(fast_error) if fast_error is not None else None
        raise YamlProblem(line, TOO_DEEP) from exc


def _line_of_error(error: yaml.MarkedYAMLError) -> int | None:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark is not None else None


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
                raise YamlProblem(_line(node), TOO_DEEP)
            if size[key] > MAX_EXPANDED:
                raise YamlProblem(
                    _line(node),
                    "ugyldig YAML: aliasserne (*navn) gør dokumentet til mere end "
                    f"{f'{MAX_EXPANDED:,}'.replace(',', '.')} værdier; brug færre eller mindre "
                    "aliasser",
                )
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise YamlProblem(_line(node), "ugyldig YAML: et alias (*navn) henviser til sig selv")
        open_nodes.add(key)
        stack.append((node, True))
        if len(open_nodes) > MAX_DEPTH:
            raise YamlProblem(_line(node), TOO_DEEP)
        stack.extend((child, False) for child in _children(node) if id(child) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        "found character '\\t' that cannot start any token",
        "tabulator i indrykningen; YAML skal indrykkes med mellemrum",
    ),
    (
        "mapping values are not allowed here",
        "et kolon, hvor det ikke må stå (sæt teksten i anførselstegn, eller ret indrykningen)",
    ),
    ("could not find expected ':'", "mangler ':' efter en nøgle"),
    ("did not find expected key", "forkert indrykning: her ventede en nøgle"),
    ("did not find expected '-' indicator", "forkert indrykning i en liste"),
    ("expected <block end>", "forkert indrykning"),
    ("found unexpected end of stream", "filen slutter midt i en værdi (mangler et anførselstegn?)"),
    (
        "expected the node content, but found '<stream end>'",
        "filen slutter, hvor der mangler en værdi (er en [ eller { ikke lukket?)",
    ),
    ("expected the node content", "her mangler en værdi"),
    ("found undefined alias", "ukendt alias (et navn efter *, som ingen &-markering har)"),
    ("found unhashable key", "en nøgle skal være en enkelt værdi, ikke en liste eller samling"),
    ("but found another document", "filen må kun have ét dokument (fjern '---')"),
    ("found unknown escape character", "ukendt escape-tegn med \\ i en tekst i anførselstegn"),
    ("expected ',' or ']'", "mangler ',' eller ']' i en liste i klammer"),
    ("expected ',' or '}'", "mangler ',' eller '}' i en samling i tuborgklammer"),
)


def _danish_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    for english, danish in _PROBLEMS:
        if problem.startswith(english):
            return danish
    return problem or str(exc)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _entry(node: yaml.MappingNode, step: Step) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key node, value node) of ``step`` in a mapping; the last one if repeated."""
    found = None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == str(step):
            found = (key, value)
    return found


def line_of(root: yaml.Node | None, loc: Loc) -> int | None:
    """The line of ``loc`` in the document, or of the deepest part of it that exists.

    A mapping entry is shown at its key (``value: ti``); a list item at its first line.
    """
    if root is None:
        return None
    node, line = root, _line(root)
    for step in loc:
        if step == KEY_STEP:
            break
        if isinstance(node, yaml.MappingNode):
            entry = _entry(node, step)
            if entry is None:
                break
            key, node = entry
            line = _line(key)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                break
            node = node.value[step]
            line = _line(node)
        else:
            break
    return line


def format_path(loc: Loc) -> str:
    """``("goals", 0, "targets", 2, "value")`` → ``goals[0].targets[2].value``."""
    text = ""
    for step in loc:
        if step == KEY_STEP:
            continue
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else str(step)
    return text


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
                    yield DuplicateKey((*loc, name), _line(key), seen[name])
                else:
                    seen[name] = _line(key)
            yield from _duplicates(value, (*loc, name) if name is not None else loc, visited)
    else:
        for index, item in enumerate(node.value):
            yield from _duplicates(item, (*loc, index), visited)


def describe(value: Any) -> str:
    """A value as the user wrote it, for 'fik ...' in a message."""
    if value is None:
        return "ingen værdi"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return f"'{value.isoformat(sep=' ')}'"
    if isinstance(value, dt.date):
        return f"'{value.isoformat()}'"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return f"'{shown}'"
    if isinstance(value, dict):
        return "en samling af felter"
    if isinstance(value, list | tuple):
        return "en liste"
    return repr(value)
