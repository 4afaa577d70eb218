"""Load a folder of contract YAML files into validated models plus a list of issues.

Minimal first version: parses and validates each file; cross-file rules and line numbers
are added in ``contracts.rules`` / ``contracts.yaml_lines``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import ValidationError

from contracts.models import Contract, Framework
from contracts.reference import default_classification, default_geography

DEFAULT_CONTRACTS_DIR = Path(__file__).parent / "data"
DRAFTS_SUBDIR = "udkast"


def contracts_dir() -> Path:
    """The contracts folder: ``CONTRACTS_DIR`` or the one shipped in ``contracts/data``."""
    return Path(os.environ.get("CONTRACTS_DIR") or DEFAULT_CONTRACTS_DIR)


@dataclass(frozen=True)
class Issue:
    file: str
    line: int | None
    path: str
    message: str
    severity: Literal["fejl", "advarsel"] = "fejl"

    def __str__(self) -> str:
        line = self.line if self.line is not None else "?"
        return f"{self.file}:{line}: {self.path}: {self.message}"


@dataclass(frozen=True)
class Catalog:
    frameworks: dict[str, Framework] = field(default_factory=dict)
    contracts: tuple[Contract, ...] = ()
    issues: tuple[Issue, ...] = ()

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "fejl"]

    def contract(self, house: str, year: int, *, draft: bool = False) -> Contract | None:
        """The godkendt contract for house and year, or the draft where only a draft exists.

        With ``draft=True`` the draft is preferred."""
        found = [c for c in self.contracts if c.erhvervshus == house and c.year == year]
        if not found:
            return None
        preferred = "udkast" if draft else "godkendt"
        for contract in found:
            if contract.status == preferred:
                return contract
        return found[0]


def resolve_defaults(contract: Contract) -> Contract:
    """Fill geography and by/land classification from the reference data where absent."""
    geography = contract.geography or default_geography(contract.erhvervshus)
    update: dict[str, object] = {"geography": geography}
    if contract.classification is None:
        update["classification"] = default_classification(geography)
    return contract.model_copy(update=update)


def load_folder(path: Path | None = None) -> Catalog:
    root = path or contracts_dir()
    frameworks: dict[str, Framework] = {}
    contracts: list[Contract] = []
    issues: list[Issue] = []
    for file in sorted(root.rglob("*.yaml")):
        name = str(file.relative_to(root))
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            issues.append(Issue(name, None, "", f"ugyldig YAML: {exc}"))
            continue
        try:
            if isinstance(data, dict) and data.get("type") == "framework":
                fw = Framework.model_validate(data)
                frameworks[fw.id] = fw
            else:
                contracts.append(resolve_defaults(Contract.model_validate(data)))
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"])
                issues.append(Issue(name, None, loc, err["msg"]))
    return Catalog(frameworks, tuple(contracts), tuple(issues))
