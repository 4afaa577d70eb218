"""Danish texts for argparse's own messages (usage, help headings and parse errors).

Why a patch: argparse looks every message up through its module-level gettext ``_`` at call
time and offers no public way to translate them; ``tests/test_framework_hooks.py`` fails if
a Python upgrade stops asking for one of these texts or stops using the hook.
"""

from __future__ import annotations

import argparse

DANISH: dict[str, str] = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "forventede én værdi",
    "expected at least one argument": "forventede mindst én værdi",
    "expected at most one argument": "forventede højst én værdi",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydigt tilvalg: %(option)s kan betyde %(matches)s"
    ),
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
}


def _danish(text: str) -> str:
    return DANISH.get(text, text)


def install() -> None:
    """Make argparse speak Danish: it looks up its module-level ``_`` at call time."""
    argparse._ = _danish  # type: ignore[attr-defined]
