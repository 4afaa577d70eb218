"""Hostile contract files: bounded, Danish, and never hiding the other files.

A billion laughs of aliases, 100.000 nested brackets, a 5.000-digit number, an alias that
holds itself, an oversized file: each gives one Danish issue with its line, quickly (a
generous alarm guards against a hang), while the good files beside it load and the shipped
contracts, which use anchors such as ``*yearly``, keep loading.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from contract_texts import FRAMEWORK
from hostile_files import hang_guard

import cli
from contracts.loader import DEFAULT_CONTRACTS_DIR, load_folder


def billion_laughs() -> str:
    lines = ["type: contract", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def aliases_in_goals() -> str:
    """Legitimate-looking anchors used many times: within the bound, so validated as usual."""
    return (
        "type: contract\nerhvervshus: fyn\nyear: 2024\ntitle: T\nframework: 2021-2023\nkkr: syddanmark\n"
        "x: &goal {number: 1, title: Kendskab}\ngoals: [*goal, *goal]\n"
    )


TOO_DEEP = (
    "ugyldig YAML: lister og samlinger står mere end 64 niveauer inde i hinanden (mangler en ] "
    "eller }?)"
)
CASES: list[tuple[str, str, list[str]]] = [
    ("billion-laughs", billion_laughs(), [
        "billion-laughs.yaml:6: (fil): ugyldig YAML: aliasserne (*navn) gør dokumentet til mere "
        "end 50.000 værdier; brug færre eller mindre aliasser",
    ]),
    ("nested-brackets", "type: contract\nyear: " + "[" * 100_000 + "]" * 100_000 + "\n", [
        f"nested-brackets.yaml:2: (fil): {TOO_DEEP}",
    ]),
    ("nested-lists-below-libyamls-limit", "type: contract\nyear: " + "[" * 900 + "]" * 900 + "\n", [
        f"nested-lists-below-libyamls-limit.yaml:2: (fil): {TOO_DEEP}",
    ]),
    ("nested-block-lists", "type: contract\nyear:\n" + "- " * 5_000 + "x\n", [
        f"nested-block-lists.yaml:3: (fil): {TOO_DEEP}",
    ]),
    ("alias-holding-itself", "type: contract\nyear: &a [*a]\n", [
        "alias-holding-itself.yaml:2: (fil): ugyldig YAML: et alias (*navn) henviser til sig selv",
    ]),
    ("5000-digit-year", "type: contract\nerhvervshus: fyn\nyear: " + "9" * 5000 + "\nkkr: syddanmark\n", [
        "5000-digit-year.yaml:3: year: skal være et helt tal af en rimelig størrelse (for mange "
        "cifre) (fik '" + "9" * 39 + "…')",
    ]),
    ("oversized", "type: contract\nnote: '" + "x" * (2 * 1024 * 1024) + "'\n", [
        "oversized.yaml:?: (fil): filen fylder 2,0 MB; en kontraktfil må højst fylde 2 MB",
    ]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "issues"),
    [(name, text, issues) for name, text, issues in CASES],
    ids=[name for name, _text, _issues in CASES],
)
def test_a_hostile_contract_file_is_one_danish_issue_and_the_good_file_beside_it_loads(
    tmp_path: Path, name: str, text: str, issues: list[str]
) -> None:
    (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "rammeaftale.yaml").write_text(FRAMEWORK, encoding="utf-8")
    with hang_guard(120):
        catalog = load_folder(tmp_path)
    mine = [str(issue) for issue in catalog.issues if issue.file == f"{name}.yaml"]
    assert mine[: len(issues)] == issues
    assert list(catalog.frameworks) == ["2021-2023"]


def test_validate_reports_a_billion_laughs_and_exits_1_without_hanging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "lol.yaml"
    file.write_text(billion_laughs(), encoding="utf-8")
    with hang_guard(120):
        code = cli.main(["validate", str(file)])
    assert code == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{file}:6: (fil): ugyldig YAML: aliasserne (*navn) gør dokumentet til mere end 50.000 "
        "værdier; brug færre eller mindre aliasser"
    )


def test_anchors_used_within_the_bound_are_validated_as_usual(tmp_path: Path) -> None:
    (tmp_path / "aliases.yaml").write_text(aliases_in_goals(), encoding="utf-8")
    (tmp_path / "rammeaftale.yaml").write_text(FRAMEWORK, encoding="utf-8")
    issues = [str(i) for i in load_folder(tmp_path).issues if i.file == "aliases.yaml"]
    assert issues == [
        "aliases.yaml:7: goals[0].scope: mangler",
        "aliases.yaml:7: goals[1].scope: mangler",
        "aliases.yaml:7: x: ukendt felt 'x'",
    ]


def test_the_shipped_contracts_with_their_anchors_still_load_without_errors() -> None:
    shipped = DEFAULT_CONTRACTS_DIR / "sjaelland-2022.yaml"
    assert "*yearly" in shipped.read_text(encoding="utf-8")
    catalog = load_folder(DEFAULT_CONTRACTS_DIR)
    assert catalog.errors == []
    assert catalog.contract("sjaelland", 2022) is not None
