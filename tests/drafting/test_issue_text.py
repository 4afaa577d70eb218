"""The loader's findings on a draft, named by goal and target for the page."""

from __future__ import annotations

import pytest

from contracts.issues import Issue
from ui.drafting.issue_text import issue_line

TEXT = """\
type: contract
goals:
  - number: '8'
    title: Forløb
    targets:
      - key: 8a
        value: 2.5
  - number: '12'
    title: Opsøgende indsats
"""


@pytest.mark.parametrize(
    ("path", "message", "line"),
    [
        (
            "goals[0].targets[0].value",
            "et antal skal være et helt tal ≥ 0 (value er 2.5)",
            "8a (måltal): et antal skal være et helt tal ≥ 0 (value er 2.5)",
        ),
        (
            "goals[1]",
            "mål 12 har ingen metode; rammeaftalen kræver målbare mål med metode og datakilde",
            "Mål 12 har ingen metode; rammeaftalen kræver målbare mål med metode og datakilde",
        ),
        ("goals[1].title", "må ikke være tom", "Mål 12 (titel): må ikke være tom"),
        (
            "changes",
            "måltallet 8a er ændret (måltal) og mangler en begrundelse",
            "Måltallet 8a er ændret (måltal) og mangler en begrundelse",
        ),
    ],
)
def test_a_finding_is_named_by_its_goal_and_target(path: str, message: str, line: str) -> None:
    assert issue_line(Issue("udkast.yaml", 7, path, message), TEXT) == line
