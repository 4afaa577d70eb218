"""The JSON Schema of contract and framework files, generated from the models.

One schema covers both document types, told apart by ``type``.  Editors read it through the
first line of each file (``# yaml-language-server: $schema=../schema/contract.schema.json``).
The schema file is committed; a test regenerates it and fails on drift.  Regenerate with::

    python -m contracts.schema
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from contracts.models import Contract, Framework

SCHEMA_PATH = Path(__file__).parent / "schema" / "contract.schema.json"
REGENERATE = "python -m contracts.schema"

Document = Annotated[Framework | Contract, Field(discriminator="type")]


#: What an editor shows for each part (the models' docstrings are English, for developers).
DESCRIPTIONS: dict[str, str] = {
    "Baseline": "Udgangsniveau for et ændringsmål: værdi, år og kilde.",
    "Change": "Begrundelsen for et ændret, tilføjet eller fjernet mål eller måltal i et udkast.",
    "Contract": "Resultatkontrakt mellem et KKR og et erhvervshus for ét år.",
    "Framework": "Rammeaftale mellem KL og Erhvervsministeriet med de nationale mål.",
    "FrameworkGoal": "Et nationalt mål, som rammeaftalen fastsætter det.",
    "Goal": "Et mål i kontrakten: nationalt (fra rammeaftalen) eller lokalt.",
    "GoalMapping": "Hvor et nationalt mål fra den gamle rammeaftale hører til i den nye.",
    "Measurement": "Hvornår målet måles: perioder (H1, FY) og evt. bestemte år.",
    "Section": "Et afsnit af kontraktens tekst.",
    "StatedResult": "Et resultat fra en måling før kontraktåret, som kilderne oplyser det.",
    "Target": "Et måltal: ét tal eller én forpligtelse, der bedømmes for sig.",
}


def build_schema() -> dict[str, Any]:
    """The schema as a dict: the models' validation schema, ``type`` required, in Danish."""
    generated = TypeAdapter(Document).json_schema()
    for name, definition in generated["$defs"].items():
        definition["description"] = DESCRIPTIONS[name]
        definition.pop("title", None)
        for field in definition.get("properties", {}).values():
            field.pop("title", None)
    for name in ("Framework", "Contract"):
        definition = generated["$defs"][name]
        definition["required"] = ["type", *definition.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Resultatkontrakt eller rammeaftale",
        "description": (
            "En fil i kontraktmappen: 'type: contract' (en resultatkontrakt mellem KKR og et "
            "erhvervshus for ét år) eller 'type: framework' (en rammeaftale mellem KL og "
            "Erhvervsministeriet). Genereret fra contracts/models.py med "
            f"'{REGENERATE}'; ret modellerne, ikke denne fil."
        ),
        **generated,
    }


def schema_text() -> str:
    """The schema file's exact text."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"skrev {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
