"""Checks on rows before a save touches the database: what the caller should have caught.

All problems are listed at once, in Danish; the lengths match the columns in ``models``.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import replace

from contracts.models import HOUSE_KEYS, PERIODS
from db.errors import ValidationFailed
from db.records import ValueKey, ValueRow

MAX_LENGTHS = {"target": 40, "kommune": 4, "source": 255, "user": 100}


def check_input(rows: list[ValueRow], deletes: list[tuple[ValueKey, int]], user: str) -> None:
    """Problems the caller should have caught; listed all at once, in Danish."""
    problems: list[str] = []
    if not user.strip():
        problems.append("Der mangler en bruger til revisionssporet.")
    if len(user) > MAX_LENGTHS["user"]:
        problems.append(f"Brugernavnet er for langt (højst {MAX_LENGTHS['user']} tegn).")
    seen: set[ValueKey] = set()
    for key in [row.key for row in rows] + [key for key, _ in deletes]:
        if key in seen:
            problems.append(f"{key.describe()}: står flere gange.")
        seen.add(key)
        if key.house not in HOUSE_KEYS:
            problems.append(f"{key.target}: ukendt erhvervshus '{key.house}'.")
        if key.period not in PERIODS:
            problems.append(f"{key.target}: ukendt periode '{key.period}' (brug H1 eller FY).")
        if not key.target or len(key.target) > MAX_LENGTHS["target"]:
            problems.append(f"Ugyldig måltalsnøgle '{key.target}'.")
        if len(key.kommune) > MAX_LENGTHS["kommune"] or not (
            key.kommune == "" or key.kommune.isdigit()
        ):
            problems.append(f"{key.target}: ugyldig kommunekode '{key.kommune}'.")
    for row in rows:
        if all(number is None for number in row.parts().values()):
            if row.key.kommune:
                problems.append(f"{row.key.describe()}: en kommunerække skal have et tal.")
            elif not (row.comment or "").strip():
                problems.append(f"{row.key.describe()}: hverken tal eller kommentar.")
        for name, number in row.parts().items():
            if number is None:
                continue
            if not isinstance(number, numbers.Real) or isinstance(number, bool):
                problems.append(f"{row.key.describe()}: {name} er ikke et tal ({number!r}).")
            elif not math.isfinite(number):
                problems.append(f"{row.key.describe()}: {name} er ikke et endeligt tal.")
        if len(row.source) > MAX_LENGTHS["source"] or not row.source.strip():
            problems.append(f"{row.key.describe()}: ugyldig kilde.")
    if problems:
        raise ValidationFailed("Værdierne kan ikke gemmes:", problems)


def plain(
    rows: list[ValueRow], deletes: list[tuple[ValueKey, int]]
) -> tuple[list[ValueRow], list[tuple[ValueKey, int]]]:
    """Keys and versions as built-in types: callers often hand over numpy scalars from a
    DataFrame, which the database drivers cannot bind."""
    try:
        return (
            [
                replace(
                    row,
                    key=_plain_key(row.key),
                    expected_version=None
                    if row.expected_version is None
                    else int(row.expected_version),
                )
                for row in rows
            ],
            [(_plain_key(key), int(version)) for key, version in deletes],
        )
    except (TypeError, ValueError) as exc:
        raise ValidationFailed(
            f"Værdierne kan ikke gemmes: ugyldig nøgle eller version ({exc})."
        ) from exc


def _plain_key(key: ValueKey) -> ValueKey:
    year = int(key.year)
    if year != key.year:
        raise ValueError(f"årstal {key.year!r}")
    return ValueKey(str(key.house), year, str(key.period), str(key.target), str(key.kommune))
