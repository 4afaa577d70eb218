"""A contract or framework as the YAML a person would write: the inverse of the loader.

The schema comment comes first, then the fields in model order, without defaults (but
always with ``type`` and a contract's ``status``): dates as ISO dates, whole numbers without
``.0``, lists of plain values on one line, Danish text as UTF-8, text of several lines as a
``|`` block.  Loading the text back gives an equal model.
"""

from __future__ import annotations

from typing import Any

import yaml

from contracts.models import Contract, Framework

#: For a contract in the contracts folder.
SCHEMA_REF = "../schema/contract.schema.json"
#: For a file one folder further down: a draft in ``udkast/``, a framework in ``rammeaftaler/``.
NESTED_SCHEMA_REF = "../../schema/contract.schema.json"
SCHEMA_COMMENT = "# yaml-language-server: $schema={ref}\n"
ALWAYS_WRITTEN = ("type", "status")


class _Dumper(yaml.SafeDumper):
    """Lists of mappings indented under their key, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Short lists of plain values on one line: ``parts: [8b, 8c]``."""
    flat = all(isinstance(item, str | int | float) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


def _plain(value: Any) -> Any:
    """Tuples as lists and whole floats as ints, so the YAML reads like a person wrote it."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _data(model: Contract | Framework) -> dict[str, Any]:
    data = model.model_dump(mode="python", exclude_defaults=True)
    for name in ALWAYS_WRITTEN:
        if name in type(model).model_fields:
            data[name] = getattr(model, name)
    ordered = {name: data[name] for name in type(model).model_fields if name in data}
    return _plain(ordered)


def data_of(model: Contract | Framework) -> dict[str, Any]:
    """The plain data a file of ``model`` holds (what ``to_yaml`` writes), to edit and dump."""
    return _data(model)


def data_to_yaml(data: dict[str, Any], *, schema_ref: str = NESTED_SCHEMA_REF) -> str:
    """YAML text of plain data as ``data_of`` gives it (edited, perhaps no longer valid)."""
    body = yaml.dump(
        _plain(data),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return SCHEMA_COMMENT.format(ref=schema_ref) + body


def to_yaml(model: Contract | Framework, *, schema_ref: str | None = None) -> str:
    """The YAML text of a contract or framework, schema comment first.

    ``schema_ref`` defaults to the path that fits where the file goes: the contracts folder
    for a godkendt contract, ``udkast/`` for a draft, ``rammeaftaler/`` for a framework."""
    if schema_ref is None:
        nested = isinstance(model, Framework) or model.status == "udkast"
        schema_ref = NESTED_SCHEMA_REF if nested else SCHEMA_REF
    return data_to_yaml(_data(model), schema_ref=schema_ref)


def contract_to_yaml(contract: Contract, *, schema_ref: str | None = None) -> str:
    return to_yaml(contract, schema_ref=schema_ref)


def framework_to_yaml(framework: Framework, *, schema_ref: str | None = None) -> str:
    return to_yaml(framework, schema_ref=schema_ref)
