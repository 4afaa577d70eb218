"""Errors a user can cause and understand, shown as one Danish line (never a traceback).

UserError                 base: printed by the CLI, st.error() on a page
├── NotFound              unknown erhvervshus, year, contract or target
├── ValidationFailed      a file or value breaks the rules (lists every problem)
│   └── DemoInRound       real values for a round that holds demo data (remove it first)
├── Conflict              someone else changed a value since it was read
├── RoundLocked           the report round is indsendt or godkendt
└── Unconfirmed           an act that asks for the person's confirmation first (names why)
"""

from __future__ import annotations


class UserError(Exception):
    exit_code = 1

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []

    def __str__(self) -> str:
        head = super().__str__()
        return "\n".join([head, *self.problems]) if self.problems else head


class NotFound(UserError):
    pass


class ValidationFailed(UserError):
    pass


class DemoInRound(ValidationFailed):
    pass


class Conflict(UserError):
    pass


class RoundLocked(UserError):
    pass


class Unconfirmed(UserError):
    pass
