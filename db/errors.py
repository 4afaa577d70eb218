"""Errors a user can cause and understand, shown as one Danish line (never a traceback).

UserError                 base: printed by the CLI, st.error() on a page
├── NotFound              unknown erhvervshus, year, contract or target
├── ValidationFailed      a file or value breaks the rules (lists every problem)
│   └── DemoInRound       real values for a round that holds demo data (remove it first)
├── Conflict              someone else changed a value since it was read
├── RoundLocked           the report round is indsendt or godkendt
├── Unconfirmed           an act that asks for the person's confirmation first (names why)
├── Forbidden             the acting person's role does not allow this act here (names the act
│                         and the house; docs/roles.md)
├── LoginFailed           a login refused: one message for unknown user, wrong password and
│                         locked account alike
└── StoreUnavailable      the database cannot be reached, read or written just now (it is
                          stopped, read-only, full, or held locked by another writer); raised
                          for the first connection and for every read and write alike
                          (``db/faults.py``); nothing was changed, and trying again once the
                          database is back works without restarting anything
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


class Forbidden(UserError):
    pass


class LoginFailed(UserError):
    pass


class StoreUnavailable(UserError):
    """The database failed under us; ``kind`` says how (see ``db/faults.py``).

    Exit code 3, so that a script can tell "try again later" from "the input is wrong" (1).
    """

    exit_code = 3

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind
