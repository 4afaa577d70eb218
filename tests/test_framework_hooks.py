"""The two places the product leans on a framework's internals, tested so that an upgrade
that breaks one fails here rather than putting English in front of a user:

- ``commands/danish_argparse.py`` replaces argparse's module-level ``_`` (its gettext hook);
- ``ui/danish_widgets.py`` styles Streamlit's file uploader by its DOM test ids.
"""

from __future__ import annotations

import argparse
import inspect
import re
from pathlib import Path

import pytest
import streamlit

import cli
from commands.danish_argparse import DANISH
from ui.danish_widgets import _UPLOADER_CSS


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        cli.main(list(args))
    out, err = capsys.readouterr()
    return int(stopped.value.code or 0), out, err


def test_argparse_help_is_danish(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("brug: python cli.py [-h] KOMMANDO ...")
    assert "\nargumenter:\n" in out
    assert "\ntilvalg:\n  -h, --help  vis denne hjælp og afslut\n" in out


@pytest.mark.parametrize(
    ("args", "last_line"),
    [
        ([], "python cli.py: fejl: disse argumenter mangler: KOMMANDO"),
        (
            ["status", "sjaelland"],
            "python cli.py status: fejl: disse argumenter mangler: ÅR, PERIODE",
        ),
        (["show", "fyn", "2022", "--ekstra"], "python cli.py: fejl: ukendte argumenter: --ekstra"),
        (
            ["status", "fyn", "2022", "H1", "--format", "pdf"],
            "python cli.py status: fejl: argument --format: ugyldigt valg: 'pdf' "
            "(vælg mellem 'table', 'json', 'csv')",
        ),
        (
            ["status", "fyn", "toogtyve", "H1"],
            "python cli.py status: fejl: argument ÅR: ugyldig værdi: 'toogtyve'",
        ),
        (
            ["show", "fyn", "2022", "--format"],
            "python cli.py show: fejl: argument --format: forventede én værdi",
        ),
    ],
)
def test_argparse_parse_errors_are_danish(
    capsys: pytest.CaptureFixture[str], args: list[str], last_line: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.splitlines()[0].startswith("brug: python cli.py")
    assert err.splitlines()[-1] == last_line


def test_every_danish_text_is_one_argparse_still_looks_up() -> None:
    # A text argparse no longer asks for would never be shown: the translation has gone stale.
    asked = set(re.findall(r"""_\((['"])(.+?)\1\)""", inspect.getsource(argparse)))
    assert sorted(set(DANISH) - {text.replace("\\n", "\n") for _, text in asked}) == []


def _streamlit_frontend() -> str:
    folder = Path(streamlit.__file__).parent / "static" / "static" / "js"
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.js")))


def test_the_uploader_styles_name_test_ids_the_installed_streamlit_renders() -> None:
    test_ids = sorted(set(re.findall(r'data-testid="([A-Za-z]+)"', _UPLOADER_CSS)))
    assert test_ids == [
        "stFileChip",
        "stFileUploaderDropzone",
        "stFileUploaderDropzoneInstructions",
        "stMarkdownContainer",
    ]
    frontend = _streamlit_frontend()
    missing = [i for i in test_ids if not re.search(rf"[`\"']{i}[`\"']", frontend)]
    assert missing == []


def test_a_refused_file_chip_is_still_marked_invalid_with_an_alert() -> None:
    # The Danish sentence for a refused file hangs on the chip's aria-invalid and its alert.
    frontend = _streamlit_frontend()
    chip = frontend[frontend.index("`stFileChip`") - 2000 : frontend.index("`stFileChip`") + 2000]
    assert '"aria-invalid"' in chip
    assert "role:`alert`" in chip
