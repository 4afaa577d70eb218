"""Raw rows × the contracts → validated entries, or every problem by row and column.

Each row is checked on its own (house, year, contract, period, target, kommune, which value
columns and their ranges by kind); then the rows are checked together (duplicates, kommune
rows against their total).  Where only kommune rows are given, a total entry is derived as
their sum.  A total row with empty value columns and a comment is a comment on the target (an
entry without numbers); a value row for a computed target (a spread) is refused.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from contracts.loader import Catalog
from contracts.models import HOUSE_KEYS, PERIODS, Target
from contracts.reference import house_name, kommuner
from contracts.reported import VALUE_PARTS
from services.values_io.limits import MAX_PROBLEMS
from services.values_io.numbers import danish_number
from services.values_io.parse import NUMBER_COLUMNS, ParsedFile, RawRow, parse_number
from services.values_io.text import clean_text, shown
from services.values_io.totals import ADDITIVE_KINDS

PERCENT_KINDS = frozenset({"percentage", "change_pp"})
PARTS = {
    "værdi": ("værdi",),
    "tæller": ("tæller", "nævner"),
    "promotorer": ("promotorer", "passive", "kritikere"),
}
#: The import's column → the part of a value it holds ("tæller" → "numerator").
FIELD_OF = dict(zip(NUMBER_COLUMNS, VALUE_PARTS, strict=True))
Key = tuple[str, int, str, str, str]
#: A year as a spreadsheet holds it: four ASCII digits (not "0", "00" or 5.000 digits).
_YEAR = re.compile(r"[0-9]{4}")


@dataclass(frozen=True)
class Entry:
    """One value to store: its key, exactly one form of numbers (or none: a comment on the
    target), comment and file row(s)."""

    rows: tuple[int, ...]
    house: str
    year: int
    period: str
    target: str
    kommune: str
    numbers: dict[str, float]
    comment: str | None
    derived: bool = False

    @property
    def key(self) -> Key:
        return (self.house, self.year, self.period, self.target, self.kommune)


@dataclass(frozen=True)
class Skipped:
    row: int
    key: Key


@dataclass(frozen=True)
class Checked:
    entries: tuple[Entry, ...]
    skipped: tuple[Skipped, ...]
    #: The first ``MAX_PROBLEMS`` problems; ``more`` counts the rest.
    problems: tuple[str, ...]
    more: int = 0

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.more


def check_file(parsed: ParsedFile, catalog: Catalog) -> Checked:
    problems: list[str] = []
    more = 0
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    seen: dict[Key, int] = {}
    targets: dict[Key, Target] = {}
    for row in parsed.rows:
        if len(problems) > MAX_PROBLEMS:  # a hostile file must not fill the memory
            more += len(problems) - MAX_PROBLEMS
            del problems[MAX_PROBLEMS:]
        found, row_problems, target = _check_row(row, parsed, catalog)
        problems += row_problems
        if isinstance(found, Entry | Skipped):
            key = found.key
            if key in seen:
                problems.append(
                    f"Række {row.number}, kolonne 'måltal': samme erhvervshus, år, periode, "
                    f"måltal og kommunekode som række {seen[key]}"
                )
                continue
            seen[key] = row.number
            if isinstance(found, Skipped):
                skipped.append(found)
            elif not row_problems and target is not None:
                entries.append(found)
                targets[key] = target
    entries, sum_problems = _totals(entries, targets)
    problems += sum_problems
    more += max(0, len(problems) - MAX_PROBLEMS)
    return Checked(tuple(entries), tuple(skipped), tuple(problems[:MAX_PROBLEMS]), more)


def _check_row(
    row: RawRow, parsed: ParsedFile, catalog: Catalog
) -> tuple[Entry | Skipped | None, list[str], Target | None]:
    problems: list[str] = []

    def problem(column: str, text: str) -> None:
        problems.append(f"Række {row.number}, kolonne '{column}': {text}")

    numbers: dict[str, float] = {}
    for column in NUMBER_COLUMNS:
        try:
            number = parse_number(row.cells.get(column), parsed.dialect)
        except ValueError as exc:
            problem(column, str(exc))
            numbers[column] = float("nan")
            continue
        if number is not None:
            numbers[column] = number

    house = row.text("erhvervshus").casefold()
    if not house:
        problem("erhvervshus", "mangler")
    elif house not in HOUSE_KEYS:
        problem(
            "erhvervshus",
            f"'{shown(row.text('erhvervshus'))}' er ikke et erhvervshus "
            f"(brug {', '.join(HOUSE_KEYS)})",
        )
    year_text = row.text("år")
    year = int(year_text) if _YEAR.fullmatch(year_text) and year_text[0] != "0" else None
    if year is None:
        problem("år", f"'{shown(year_text)}' er ikke et år" if year_text else "mangler")
    period = row.text("periode").upper()
    if period not in PERIODS:
        text = row.text("periode")
        problem(
            "periode",
            f"'{shown(text)}' er ikke en periode (brug H1 eller FY)" if text else "mangler",
        )
    contract = catalog.contract(house, year) if house in HOUSE_KEYS and year else None
    if house in HOUSE_KEYS and year and contract is None:
        problem("år", f"{house_name(house)} har ingen resultatkontrakt for {year}")
    key_text = row.text("måltal")
    target = contract.target(key_text) if contract else None
    if not key_text:
        problem("måltal", "mangler")
    elif contract and target is None:
        problem(
            "måltal",
            f"'{shown(key_text)}' er ikke et måltal i kontrakten for {house_name(house)} {year}",
        )
    kommune = row.text("kommunekode")
    if kommune and target is not None and contract is not None:
        if not target.per_kommune:
            problem(
                "kommunekode",
                f"måltal '{target.key}' afrapporteres ikke pr. kommune; lad kommunekode være tom",
            )
        elif kommune != "0" and kommune not in kommuner():
            problem("kommunekode", f"'{shown(kommune)}' er ikke en kommunekode")
        elif kommune != "0" and kommune not in (contract.geography or ()):
            problem(
                "kommunekode",
                f"'{kommune}' ({kommuner()[kommune].name}) ligger ikke i kontraktens geografi "
                "(brug 0 for det, der ligger uden for)",
            )
    comment = _comment(row, problem)
    if year is None or target is None or period not in PERIODS:
        return None, problems, None
    key: Key = (house, year, period, target.key, kommune)
    if not numbers:
        if comment is None:
            return Skipped(row.number, key), problems, target
        if kommune:
            problem(
                "kommentar",
                "en kommentar uden tal hører til måltallet; lad kommunekode være tom",
            )
        entry = Entry((row.number,), house, year, period, target.key, kommune, {}, comment)
        return entry, problems, target
    if target.is_computed:
        problem(
            "værdi",
            f"måltal '{target.key}' beregnes af kommunetallene for {target.source_target} og "
            "tager ingen værdi; skriv kun en kommentar",
        )
        return None, problems, target
    check_numbers(numbers, target, problem)
    fields = {FIELD_OF[c]: v for c, v in numbers.items()}
    entry = Entry((row.number,), house, year, period, target.key, kommune, fields, comment)
    return entry, problems, target


def _comment(row: RawRow, problem: Callable[[str, str], None]) -> str | None:
    try:
        return clean_text(row.text("kommentar")) or None
    except ValueError as exc:
        problem("kommentar", str(exc))
        return None


def check_numbers(
    numbers: dict[str, float], target: Target, report: Callable[[str, str], None]
) -> None:
    forms = [first for first, columns in PARTS.items() if any(c in numbers for c in columns)]
    if len(forms) > 1:
        report(
            forms[1] if forms[0] == "værdi" else forms[0],
            "angiv kun én af værdi, tæller og nævner, eller promotorer, passive og kritikere",
        )
        return
    form = forms[0]
    for column in PARTS[form]:
        if column not in numbers:
            together = ", ".join(PARTS[form][:-1]) + " og " + PARTS[form][-1]
            report(column, f"mangler ({together} angives sammen)")
            return
    if any(number != number for number in numbers.values()):
        return  # a NaN marks a cell already reported as not a number
    kind = target.kind
    if form == "tæller":
        if kind not in PERCENT_KINDS:
            report("tæller", f"måltal '{target.key}' er ikke en procentdel; brug kolonnen værdi")
        elif numbers["nævner"] <= 0:
            report("nævner", f"skal være større end 0 (er {danish_number(numbers['nævner'])})")
        elif numbers["tæller"] < 0:
            report("tæller", f"må ikke være negativ (er {danish_number(numbers['tæller'])})")
        elif numbers["tæller"] > numbers["nævner"]:
            report(
                "tæller",
                f"{danish_number(numbers['tæller'])} er større end nævneren "
                f"{danish_number(numbers['nævner'])}",
            )
        return
    if form == "promotorer":
        if kind != "nps":
            report("promotorer", f"måltal '{target.key}' er ikke en NPS; brug kolonnen værdi")
            return
        negative = [c for c in PARTS["promotorer"] if numbers[c] < 0]
        for column in negative:
            report(column, f"må ikke være negativ (er {danish_number(numbers[column])})")
        if not negative and sum(numbers[c] for c in PARTS["promotorer"]) <= 0:
            report("promotorer", "promotorer, passive og kritikere er tilsammen 0")
        return
    value = numbers["værdi"]
    reason = _value_problem(kind, value)
    if reason:
        report("værdi", f"{reason} (er {danish_number(value)})")


def _value_problem(kind: str, value: float) -> str | None:
    if kind in PERCENT_KINDS and not 0 <= value <= 100:
        return "en procentdel skal ligge mellem 0 og 100"
    if kind == "nps" and not -100 <= value <= 100:
        return "en NPS skal ligge mellem -100 og 100"
    if kind in {"count", "coverage"} and (value < 0 or not value.is_integer()):
        return "et antal skal være et helt tal ≥ 0"
    if kind == "amount" and value < 0:
        return "et beløb må ikke være negativt"
    if kind == "ratio" and value < 0:
        return "en faktor må ikke være negativ"
    if kind == "milestone" and value not in (0, 1):
        return "en milepæl angives som 1 (nået) eller 0 (ikke nået)"
    if kind == "assessment" and value not in (0, 1):
        return "en vurdering angives som 1 (opfyldt) eller 0 (ikke opfyldt)"
    return None


def _totals(entries: list[Entry], targets: dict[Key, Target]) -> tuple[list[Entry], list[str]]:
    """Check kommune rows against a given total; derive the total where none is given."""
    groups: dict[Key, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.kommune:
            groups[(*entry.key[:4], "")].append(entry)
    totals = {entry.key: entry for entry in entries if not entry.kommune and entry.numbers}
    problems: list[str] = []
    derived: list[Entry] = []
    for total_key, parts in groups.items():
        fields = set(parts[0].numbers)
        target = targets[parts[0].key]
        if any(set(p.numbers) != fields for p in parts) or (
            fields == {"value"} and target.kind not in ADDITIVE_KINDS
        ):
            continue  # kommune rows of a share or a mix of forms do not add up to a total
        sums = {f: sum(p.numbers[f] for p in parts) for f in sorted(fields)}
        rows = ", ".join(str(p.rows[0]) for p in parts)
        total = totals.get(total_key)
        if total is None:
            # Only a comment on the total (or nothing): the rows give its numbers.
            note = next((e for e in entries if e.key == total_key), None)
            first = replace(parts[0], rows=tuple(p.rows[0] for p in parts))
            comment = note.comment if note is not None else None
            derived.append(replace(first, kommune="", numbers=sums, comment=comment, derived=True))
            continue
        if set(total.numbers) != fields:
            continue
        for field, summed in sums.items():
            given = total.numbers[field]
            if abs(summed - given) > 1e-9 * max(1.0, abs(given)):
                column = next(c for c, f in FIELD_OF.items() if f == field)
                problems.append(
                    f"Række {total.rows[0]}, kolonne '{column}': totalen {danish_number(given)} "
                    f"er ikke summen af kommunerækkerne (række {rows} giver "
                    f"{danish_number(summed)})"
                )
    replaced = {entry.key for entry in derived}
    kept = [e for e in entries if e.kommune or e.numbers or e.key not in replaced]
    return kept + derived, problems
