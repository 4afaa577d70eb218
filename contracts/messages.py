"""pydantic's validation errors in Danish, with the path the error is about.

``danish(error)`` turns one entry of ``ValidationError.errors()`` into the message a user
reads; ``error_loc(error)`` is its location, extended by the field a model validator named
(:class:`contracts.models.RuleError`) so the line points at ``value:``, not at the target.
An error type without a translation keeps pydantic's English text rather than hiding it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic_core import ErrorDetails

from contracts.models import (
    FRAMEWORK_ID_PATTERN,
    GOAL_NUMBER_PATTERN,
    KOMMUNEKODE_PATTERN,
    TARGET_KEY_PATTERN,
    RuleError,
)
from contracts.yaml_source import Step, describe

_PATTERNS: dict[str, str] = {
    TARGET_KEY_PATTERN: "en målnøgle som '8a', '3a.drift' eller '8c.handlingsplaner'",
    KOMMUNEKODE_PATTERN: "en kommunekode med tre cifre som '259'",
    GOAL_NUMBER_PATTERN: "et målnummer som '8' eller '2r'",
    FRAMEWORK_ID_PATTERN: "et id som '2021-2023'",
}


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _got(error: ErrorDetails) -> str:
    return f"(fik {describe(error.get('input'))})"


def _choices(error: ErrorDetails) -> str:
    expected = str(error.get("ctx", {}).get("expected", ""))
    names = re.findall(r"'([^']*)'", expected) or [expected]
    return f"skal være en af: {', '.join(names)} {_got(error)}"


def _pattern(error: ErrorDetails) -> str:
    pattern = str(error.get("ctx", {}).get("pattern", ""))
    wanted = _PATTERNS.get(pattern)
    if wanted is None:
        return f"har ikke den rigtige form (mønster {pattern}) {_got(error)}"
    return f"skal være {wanted} {_got(error)}"


def _rule(error: ErrorDetails) -> str:
    cause = error.get("ctx", {}).get("error")
    if cause is not None:
        return str(cause)
    return str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")


def _too_short(error: ErrorDetails) -> str:
    least = error.get("ctx", {}).get("min_length", 1)
    if least == 1:
        return "må ikke være en tom liste"
    return f"skal have mindst {least} elementer"


def _bound(text: str, key: str) -> Callable[[ErrorDetails], str]:
    def message(error: ErrorDetails) -> str:
        return f"{text} {_number(error.get('ctx', {}).get(key))} {_got(error)}"

    return message


def _fixed(text: str, *, show_input: bool = True) -> Callable[[ErrorDetails], str]:
    def message(error: ErrorDetails) -> str:
        return f"{text} {_got(error)}" if show_input else text

    return message


def _extra(error: ErrorDetails) -> str:
    return f"ukendt felt '{error['loc'][-1]}'"


_MESSAGES: dict[str, Callable[[ErrorDetails], str]] = {
    "missing": _fixed("mangler", show_input=False),
    "extra_forbidden": _extra,
    "float_parsing": _fixed("skal være et tal"),
    "float_type": _fixed("skal være et tal"),
    "finite_number": _fixed("skal være et endeligt tal"),
    "int_parsing": _fixed("skal være et helt tal"),
    "int_type": _fixed("skal være et helt tal"),
    "int_from_float": _fixed("skal være et helt tal"),
    "int_parsing_size": _fixed("skal være et helt tal af en rimelig størrelse (for mange cifre)"),
    "bool_parsing": _fixed("skal være true eller false"),
    "bool_type": _fixed("skal være true eller false"),
    "string_type": _fixed("skal være tekst"),
    "literal_error": _choices,
    "date_parsing": _fixed("skal være en dato som 2022-03-31"),
    "date_type": _fixed("skal være en dato som 2022-03-31"),
    "date_from_datetime_parsing": _fixed("skal være en dato som 2022-03-31"),
    "date_from_datetime_inexact": _fixed("skal være en dato uden klokkeslæt"),
    "string_pattern_mismatch": _pattern,
    "string_too_short": _fixed("må ikke være tom", show_input=False),
    "too_short": _too_short,
    "greater_than": _bound("skal være større end", "gt"),
    "greater_than_equal": _bound("skal være mindst", "ge"),
    "less_than": _bound("skal være mindre end", "lt"),
    "less_than_equal": _bound("må højst være", "le"),
    "dict_type": _fixed("skal være en samling af nøgler og værdier"),
    "model_type": _fixed("skal være en samling af felter"),
    "model_attributes_type": _fixed("skal være en samling af felter"),
    "tuple_type": _fixed("skal være en liste"),
    "list_type": _fixed("skal være en liste"),
    "iterable_type": _fixed("skal være en liste"),
    "value_error": _rule,
    "assertion_error": _rule,
}


def danish(error: ErrorDetails) -> str:
    """The Danish message for one pydantic error."""
    translate = _MESSAGES.get(error["type"])
    return translate(error) if translate else str(error["msg"])


def relevant(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Leave out what follows from another error: a list 'too short' because its items failed."""

    def inside(error: ErrorDetails) -> bool:
        loc = tuple(error["loc"])
        return any(
            len(other["loc"]) > len(loc) and other["loc"][: len(loc)] == loc for other in errors
        )

    return [e for e in errors if not (e["type"] == "too_short" and inside(e))]


def error_loc(error: ErrorDetails) -> tuple[Step, ...]:
    """Where the error is: pydantic's ``loc``, plus the field a :class:`RuleError` names."""
    loc: tuple[Step, ...] = tuple(error["loc"])
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, RuleError) and cause.field:
        loc += tuple(cause.field.split("."))
    return loc
