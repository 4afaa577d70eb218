"""The JSON Schema that editors use: generated from the models, committed, never stale."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
import yaml
from contract_texts import CONTRACT, FRAMEWORK

from contracts.schema import REGENERATE, SCHEMA_PATH, build_schema, schema_text


def test_the_committed_schema_is_the_one_the_models_generate() -> None:
    committed = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
    assert committed == schema_text(), (
        f"{SCHEMA_PATH.name} passer ikke med contracts/models.py: kør '{REGENERATE}' "
        "og commit filen"
    )


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def as_json(text: str) -> Any:
    """YAML as the editor's language server sees it: dates are text."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


@pytest.mark.parametrize("text", [CONTRACT, FRAMEWORK], ids=["contract", "framework"])
def test_the_schema_accepts_valid_files(
    validator: jsonschema.Draft202012Validator, text: str
) -> None:
    assert [e.message for e in validator.iter_errors(as_json(text))] == []


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (CONTRACT.replace("value: 1680", "traget: 1680"), "unknown target key"),
        (CONTRACT.replace("kind: count", "kind: antal"), "unknown kind"),
        (CONTRACT.replace("erhvervshus: sjaelland", "erhvervshus: sjælland"), "house"),
        (CONTRACT.replace("type: contract\n", ""), "no type"),
        (CONTRACT.replace("year: 2022", "year: toogtyve"), "year as text"),
        (CONTRACT.replace("key: 8a", "key: 8A"), "target key pattern"),
        (CONTRACT.replace("periods: [FY]", "periods: [Q1]"), "unknown period"),
        (CONTRACT + "start_year: 2021\n", "a framework's field in a contract"),
        (FRAMEWORK.replace("type: framework", "type: contract"), "framework as a contract"),
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(
    validator: jsonschema.Draft202012Validator, text: str, why: str
) -> None:
    assert list(validator.iter_errors(as_json(text))), why


def test_both_document_types_require_their_type() -> None:
    definitions = build_schema()["$defs"]
    assert definitions["Contract"]["required"][0] == "type"
    assert definitions["Framework"]["required"][0] == "type"


def test_what_an_editor_shows_is_danish() -> None:
    definitions = build_schema()["$defs"]
    assert definitions["Target"]["description"].startswith("Et måltal")
    assert definitions["Target"]["properties"]["key"]["description"].startswith("Målnøgle")
