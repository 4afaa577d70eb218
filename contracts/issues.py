"""Issues found in contract files, and where a validated document came from.

An :class:`Issue` reads ``file:line: path: message``, in Danish.  A :class:`Located` model
keeps its :class:`Source` (file name and where each part of the YAML starts), so a rule that runs after
validation can still name the line of ``goals[1].targets[0].key``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from contracts.yaml_source import Lines, Loc, format_path, line_of

Severity = Literal["fejl", "advarsel"]
#: The path shown for a problem with the file as a whole.
FILE_PATH = "(fil)"


@dataclass(frozen=True)
class Issue:
    file: str
    line: int | None
    path: str
    message: str
    severity: Severity = "fejl"

    def __str__(self) -> str:
        line = self.line if self.line is not None else "?"
        return f"{self.file}:{line}: {self.path}: {self.message}"


@dataclass(frozen=True)
class Source:
    """A file as loaded: its name as shown, and where each part of it starts (``Lines``;
    None for an empty file)."""

    file: str
    lines: Lines | None = None
    in_drafts: bool = False

    def line(self, loc: Loc) -> int | None:
        return line_of(self.lines, loc)

    def where(self, loc: Loc) -> str:
        """``file:line``, for naming the other place in a message."""
        line = self.line(loc)
        return f"{self.file}:{line if line is not None else '?'}"

    def issue(self, loc: Loc, message: str, severity: Severity = "fejl") -> Issue:
        return Issue(self.file, self.line(loc), format_path(loc) or FILE_PATH, message, severity)


M = TypeVar("M")


@dataclass(frozen=True)
class Located(Generic[M]):
    """A validated framework or contract with the file it came from."""

    model: M
    source: Source
