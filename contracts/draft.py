"""Next year's contract from this year's: goals and targets carried forward, years flagged.

The rules are explained in docs/drafting.md. In short: a draft is the base contract with
status ``udkast``, no approval and ``based_on`` set; a deadline moves with the contract year;
a measurement in a fixed year keeps its year and is flagged when it falls outside the new
contract; a text that names the base year is flagged with the corrected text offered, never
rewritten here; a year that is a target's baseline or measurement year is left alone. Under a
new framework each old national goal goes where the drafter's ``mapping`` says, or nowhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from contracts.models import Contract, Framework, Goal, GoalMapping, Target

#: A year on its own: not part of a longer number, nor of a span like "2021-2023".
_YEAR = re.compile(r"(?<![\d–-])(\d{4})(?![\d–-])")
#: The text fields of a goal that may name a year, in the order a reader meets them.
GOAL_TEXT_FIELDS: tuple[str, ...] = ("title", "purpose", "method", "data_source", "reporting")
FIELD_LABELS: dict[str, str] = {
    "title": "titel",
    "text": "ordlyd",
    "purpose": "formål",
    "method": "metode",
    "data_source": "datakilde",
    "reporting": "afrapportering",
    "note": "note",
}


class DraftError(ValueError):
    """A draft that cannot be built as asked (Danish message)."""


@dataclass(frozen=True)
class Place:
    """Where a text sits: the contract's title, a section, a goal's field or a target's."""

    scope: Literal["contract", "section", "goal", "target"]
    id: str
    field: str

    def label(self, names: Mapping[str, str] | None = None) -> str:
        """In words; a target by its name in ``names`` (key → name), never a dotted key."""
        field = FIELD_LABELS.get(self.field, self.field)
        if self.scope == "contract":
            return f"kontraktens {field}"
        if self.scope == "section":
            return f"afsnit {int(self.id) + 1} ({field})"
        if self.scope == "goal":
            return f"mål {self.id} ({field})"
        return f"{(names or {}).get(self.id, self.id)} ({field})"


def shift_year(text: str, old: int, new: int, keep: frozenset[int] = frozenset()) -> str:
    """``text`` with the year ``old`` written as ``new`` (unless ``old`` is in ``keep``)."""
    if old in keep:
        return text
    return _YEAR.sub(lambda m: str(new) if int(m.group(1)) == old else m.group(1), text)


def target_years(target: Target) -> frozenset[int]:
    """The years a target's own facts fix: its baseline year and measurement years."""
    years = set(target.measured.years or ())
    if target.baseline is not None:
        years.add(target.baseline.year)
    return frozenset(years)


def goal_years(goal: Goal) -> frozenset[int]:
    return frozenset(year for target in goal.targets for year in target_years(target))


def texts(contract: Contract) -> Iterator[tuple[Place, str, frozenset[int]]]:
    """Every text of the contract that may name a year, with the years it must keep."""
    if contract.title:
        yield Place("contract", "", "title"), contract.title, frozenset()
    for s, section in enumerate(contract.sections):
        yield Place("section", str(s), "title"), section.title, frozenset()
        yield Place("section", str(s), "text"), section.text, frozenset()
    for goal in contract.goals:
        keep = goal_years(goal)
        for name in (*GOAL_TEXT_FIELDS, "note"):
            value = getattr(goal, name)
            if value:
                yield Place("goal", goal.number, name), value, keep
        for target in goal.targets:
            keep_target = target_years(target)
            yield Place("target", target.key, "text"), target.text, keep_target
            if target.note:
                yield Place("target", target.key, "note"), target.note, keep_target


def _shift_date(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year without it
        return day.replace(year=day.year + years, day=28)


def _moved(target: Target, years: int) -> Target:
    if target.deadline is None:
        return target
    return target.model_copy(update={"deadline": _shift_date(target.deadline, years)})


def check_mapping(
    base: Contract, framework: Framework, mapping: Mapping[int, int | None]
) -> list[int]:
    """The base's national goals (framework numbers) that ``mapping`` leaves undecided.

    Raises DraftError for a mapping to a goal the new framework does not have."""
    known = {goal.number for goal in framework.goals}
    wrong = sorted({new for new in mapping.values() if new is not None and new not in known})
    if wrong:
        listed = ", ".join(str(n) for n in sorted(known)) or "ingen"
        raise DraftError(
            f"rammeaftalen {framework.id} har intet mål {', '.join(map(str, wrong))} "
            f"(dens mål: {listed})"
        )
    olds = [g.framework_goal for g in base.goals if g.scope == "national" and g.framework_goal]
    return [number for number in dict.fromkeys(olds) if number not in mapping]


def carry_forward(
    base: Contract,
    year: int,
    *,
    framework: Framework | None = None,
    mapping: Mapping[int, int | None] | None = None,
) -> Contract:
    """The draft for ``year`` built on ``base``, under ``framework`` (default: the base's).

    A change of framework needs ``mapping`` (old national goal → new goal or None) for every
    national goal of the base; goals mapped to the same new goal are merged in base order."""
    if year <= base.year:
        raise DraftError(f"et udkast til {year} kan ikke bygge på kontrakten for {base.year}")
    years = year - base.year
    new_framework = framework is not None and framework.id != base.framework
    if new_framework:
        assert framework is not None
        chosen = dict(mapping or {})
        missing = check_mapping(base, framework, chosen)
        if missing:
            raise DraftError(
                f"rammeaftalen skifter fra {base.framework or 'ingen'} til {framework.id}: "
                "vælg for hvert nationalt mål, hvor det hører til (mangler: mål "
                f"{', '.join(map(str, missing))})"
            )
        goals = _national_goals(base, framework, chosen) + _local_goals(base, framework, chosen)
        goal_mapping = tuple(GoalMapping(old=old, new=new) for old, new in sorted(chosen.items()))
    else:
        goals = list(base.goals)
        goal_mapping = ()
    goals = [
        goal.model_copy(update={"targets": tuple(_moved(t, years) for t in goal.targets)})
        for goal in goals
    ]
    return base.model_copy(
        update={
            "year": year,
            "framework": framework.id if framework is not None else base.framework,
            "status": "udkast",
            "approved": None,
            "approval_meeting": None,
            "approval_note": None,
            "based_on": base.year,
            "goal_mapping": goal_mapping,
            "demo": False,
            "goals": tuple(goals),
            "note": f"Udkast til {year}, bygget på kontrakten for {base.year}.",
            "sources": (),
            "changes": (),
        }
    )


def _national_goals(
    base: Contract, framework: Framework, mapping: Mapping[int, int | None]
) -> list[Goal]:
    by_new: dict[int, list[Goal]] = {}
    for goal in base.goals:
        if goal.scope == "national" and goal.framework_goal is not None:
            new = mapping.get(goal.framework_goal)
            if new is not None:
                by_new.setdefault(new, []).append(goal)
    used = {t.key for goal in base.goals for t in goal.targets}
    result = []
    for fgoal in framework.goals:
        olds = by_new.get(fgoal.number, [])
        if olds:
            targets = tuple(t for goal in olds for t in goal.targets)
            update = {
                "number": str(fgoal.number),
                "title": fgoal.title,
                "framework_goal": fgoal.number,
                "targets": targets,
            }
            result.append(olds[0].model_copy(update=update))
        else:
            own = tuple(t for t in fgoal.targets if t.key not in used)
            result.append(
                Goal(
                    number=str(fgoal.number),
                    title=fgoal.title,
                    scope="national",
                    framework_goal=fgoal.number,
                    purpose=fgoal.purpose,
                    targets=own,
                )
            )
    return result


def _local_goals(
    base: Contract, framework: Framework, mapping: Mapping[int, int | None]
) -> list[Goal]:
    national = {str(goal.number) for goal in framework.goals}
    result = []
    for goal in base.goals:
        if goal.scope != "local":
            continue
        if goal.number in national:
            raise DraftError(
                f"det lokale mål {goal.number} har samme nummer som et nationalt mål i den nye "
                "rammeaftale; giv det et andet nummer i kontrakten, udkastet bygger på"
            )
        under = mapping.get(goal.under) if goal.under is not None else None
        result.append(goal.model_copy(update={"under": under}))
    return result
