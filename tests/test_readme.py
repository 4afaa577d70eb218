"""Docs that cannot rot: every setting the code reads is in the README and vice versa."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE_DIRS = ("contracts", "db", "metrics", "services", "app_pages", "commands", "ui")


def documented_settings() -> set[str]:
    section = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z_]+)` \|", section, flags=re.MULTILINE))


def settings_read_by_code() -> set[str]:
    names: set[str] = set()
    files = [ROOT / "app.py", ROOT / "cli.py"]
    for folder in CODE_DIRS:
        files.extend((ROOT / folder).rglob("*.py"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        names.update(re.findall(r"environ(?:\.get)?\(\s*\"([A-Z_]+)\"", text))
        names.update(re.findall(r"environ\[\"([A-Z_]+)\"\]", text))
        names.update(re.findall(r"getenv\(\s*\"([A-Z_]+)\"", text))
    return names


def make_variables() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Z_]+) \?=", makefile, flags=re.MULTILINE))


def test_every_setting_the_code_reads_is_documented_in_the_readme() -> None:
    assert settings_read_by_code() - documented_settings() == set()


def test_every_documented_setting_is_read_by_the_code_or_the_makefile() -> None:
    assert documented_settings() - settings_read_by_code() - make_variables() == set()


def test_the_readme_gives_exactly_the_two_make_commands_and_the_makefile_has_them() -> None:
    block = README.split("## Two commands", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, flags=re.MULTILINE)
    assert re.search(r"^test:", makefile, flags=re.MULTILINE)


def test_ci_runs_the_readmes_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", script, flags=re.MULTILINE)


def test_every_cli_command_in_the_readme_exists() -> None:
    import cli

    parser = cli.build_parser()
    known = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    used = set(re.findall(r"^python cli\.py (\w+)", README, flags=re.MULTILINE))
    assert used and used <= known
