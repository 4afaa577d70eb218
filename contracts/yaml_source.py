"""YAML with line numbers: parse a document, keep where its parts start, find a path's line.

PyYAML's ``compose`` gives every node a start mark; the loader keeps those lines (not the
node tree) beside the constructed data so that an error at ``goals.0.targets.2.value`` can be
shown at the line of ``value:`` in that target.  Syntax errors come back as :class:`YamlProblem` with a Danish
message and the line of the problem.  The walks over the node tree (its bounds, duplicate
keys, the data) are in ``contracts/yaml_tree.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml

from contracts.yaml_tree import (
    MAX_DEPTH,
    MAX_EXPANDED,
    TOO_DEEP,
    DuplicateKey,
    Loc,
    Step,
    YamlProblem,
    check_shape,
    construct_checked,
    duplicate_keys,
    node_line,
)

__all__ = [
    "KEY_STEP",
    "MAX_DEPTH",
    "MAX_EXPANDED",
    "DuplicateKey",
    "Lines",
    "Loc",
    "Parsed",
    "Step",
    "YamlProblem",
    "describe",
    "format_path",
    "line_of",
    "lines_of",
    "parse",
]

#: pydantic marks an error in a mapping's key (not its value) with this step.
KEY_STEP = "[key]"


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
    """A parsed document: the plain data, where its parts start (None when it is empty),
    whether it is a mapping, and the keys written twice in one mapping, in document order."""

    data: Any
    lines: Lines | None
    mapping: bool = False
    duplicates: tuple[DuplicateKey, ...] = ()


def _compose(loader_class: type[yaml.SafeLoader], text: str) -> Parsed:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return Parsed(None, None)
        checked = construct_checked(loader, root)  # one walk, for an ordinary document
        if checked is not None:
            data, duplicates = checked.data, checked.duplicates
        else:
            check_shape(root)  # before anything walks the tree as if aliases were copies
            data = loader.construct_document(root)
            duplicates = tuple(duplicate_keys(root))
    finally:
        loader.dispose()
    mapping = isinstance(root, yaml.MappingNode)
    return Parsed(data, lines_of(root), mapping, duplicates)


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


#: Where each part of a document starts, kept in place of its node tree: a scalar is its
#: line; a list is ``(line, [part, ...])``; a mapping is ``(line, {key: entry})``, where the
#: entry is the line of the key for a scalar value, else ``(line of the key, part)``. The
#: loader keeps this for each file it has read; a national folder's node trees would be some
#: 300.000 objects, this is 23.000 (docs/import-format.md, "Contract files").
Lines = Any


def lines_of(root: yaml.Node) -> Lines:
    """The :data:`Lines` of a node tree whose shape is checked (no alias inside itself, at
    most ``MAX_DEPTH`` deep); an alias shares the part of the node it names."""
    made: dict[int, Lines] = {}

    def part(node: yaml.Node) -> Lines:
        if isinstance(node, yaml.ScalarNode):
            return node_line(node)
        if id(node) in made:
            return made[id(node)]
        if isinstance(node, yaml.MappingNode):
            entries: dict[str, Lines] = {}
            made[id(node)] = (node_line(node), entries)
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):  # the last of a repeated key, as YAML
                    inner = part(value)
                    line = node_line(key)
                    entries[key.value] = line if isinstance(inner, int) else (line, inner)
        else:
            items: list[Lines] = []
            made[id(node)] = (node_line(node), items)
            items.extend(part(item) for item in node.value)
        return made[id(node)]

    return part(root)


def line_of(lines: Lines | None, loc: Loc) -> int | None:
    """The line of ``loc`` in the document, or of the deepest part of it that exists.

    A mapping entry is shown at its key (``value: ti``); a list item at its first line.
    """
    if lines is None:
        return None
    part, line = lines, lines if isinstance(lines, int) else lines[0]
    for step in loc:
        if step == KEY_STEP or isinstance(part, int):
            break
        inside = part[1]
        if isinstance(inside, dict):
            entry = inside.get(str(step))
            if entry is None:
                break
            line, part = (entry, entry) if isinstance(entry, int) else entry
        elif isinstance(step, int) and 0 <= step < len(inside):
            part = inside[step]
            line = part if isinstance(part, int) else part[0]
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
