"""What a draft changes against the contract it is built on: added, removed, changed, unchanged.

Targets are paired by key, goals by number (under a new framework: through the draft's
``goal_mapping``). A change that only follows the new year (a year in a text moved from the
base year to the contract year, a deadline moved by the same number of years) or the
drafter's framework mapping is *automatic*: it is shown with its explanation and needs no
reason. Every other change, and every added or removed target or goal, needs a reason in the
draft's ``changes``; a target added or removed with its goal is covered by the goal's reason
(docs/drafting.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from contracts import danish
from contracts.draft import GOAL_TEXT_FIELDS, goal_years, shift_year, target_years
from contracts.models import Contract, Target

Status = Literal["added", "removed", "changed", "unchanged"]
STATUS_LABELS: dict[str, str] = {
    "added": "Tilføjet",
    "removed": "Fjernet",
    "changed": "Ændret",
    "unchanged": "Uændret",
}
#: Fields of a target in the order a reader meets them, with their Danish names.
TARGET_FIELDS: dict[str, str] = {
    "text": "ordlyd",
    "kind": "type",
    "direction": "retning",
    "value": "måltal",
    "upper": "øvre grænse",
    "value_stated": "oplyst måltal",
    "unit": "enhed",
    "baseline": "udgangsniveau",
    "segment": "segment",
    "per_kommune": "pr. kommune",
    "measured": "måletidspunkt",
    "h1_share": "andel ved 1. halvår",
    "cumulative": "opbygges over året",
    "deadline": "frist",
    "source_target": "fordeling af",
    "minimum_per_kommune": "minimum pr. kommune",
    "parts": "dele",
    "note": "note",
}
GOAL_FIELDS: dict[str, str] = {
    "title": "titel",
    "scope": "nationalt/lokalt",
    "framework_goal": "rammeaftalens mål",
    "under": "hører under",
    "purpose": "formål",
    "method": "metode",
    "data_source": "datakilde",
    "reporting": "afrapportering",
    "strategic_goals": "strategiske mål",
    "note": "note",
}
_TEXT_FIELDS = frozenset({*GOAL_TEXT_FIELDS, "text", "note"})


@dataclass(frozen=True)
class Entry:
    """One target (``subject == "target"``) or goal and how the draft treats it."""

    subject: Literal["goal", "target"]
    id: str
    status: Status
    old: Any = None
    new: Any = None
    #: Danish names of the fields changed by the drafter (these need a reason).
    fields: tuple[str, ...] = ()
    #: Danish explanations of changes that follow from the new year or the mapping.
    automatic: tuple[str, ...] = ()
    reason: str | None = None
    #: Added or removed together with its goal, whose reason covers it.
    with_goal: bool = False
    #: The goal it sits in (targets), old and new.
    old_goal: str | None = None
    new_goal: str | None = None

    @property
    def needs_reason(self) -> bool:
        if self.status in ("added", "removed"):
            return not self.with_goal and not self.automatic
        return self.status == "changed" and bool(self.fields)

    @property
    def label(self) -> str:
        """``"mål 12"`` or the target's name (``"8c – vækstplaner"``), as people write it."""
        if self.subject == "goal":
            return f"mål {self.id}"
        target = self.new if self.new is not None else self.old
        return target.name if isinstance(target, Target) else self.id


@dataclass(frozen=True)
class ContractDiff:
    base_year: int
    year: int
    goals: tuple[Entry, ...]
    targets: tuple[Entry, ...]

    def entries(self) -> tuple[Entry, ...]:
        return (*self.goals, *self.targets)

    def of(self, status: Status) -> list[Entry]:
        return [e for e in self.entries() if e.status == status]

    def missing_reasons(self) -> list[Entry]:
        return [e for e in self.entries() if e.needs_reason and not e.reason]


def _dumped(model: Any, name: str) -> Any:
    value = getattr(model, name)
    return value.model_dump() if hasattr(value, "model_dump") else value


def _shift_date(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _compare(
    old: Any, new: Any, names: dict[str, str], keep: frozenset[int], base: int, year: int
) -> tuple[list[str], list[str]]:
    """(fields the drafter changed, automatic changes) between two goals or two targets."""
    fields: list[str] = []
    automatic: list[str] = []
    for name, label in names.items():
        before, after = _dumped(old, name), _dumped(new, name)
        if before == after:
            continue
        if (
            name in _TEXT_FIELDS
            and before
            and after
            and shift_year(before, base, year, keep) == after
        ):
            automatic.append(f"årstallet i {label}en er rettet fra {base} til {year}")
        elif name == "deadline" and before and after and _shift_date(before, year - base) == after:
            automatic.append(f"fristen er flyttet med kontraktåret til {danish.date(after)}")
        else:
            fields.append(label)
    return fields, automatic


Reasons = dict[tuple[str, str, str], str]


def reasons_of(draft: Contract) -> Reasons:
    """The draft's reasons by (subject, id, change): ``("target", "8a", "changed")``."""
    found: Reasons = {}
    for change in draft.changes:
        if change.target is not None:
            found.setdefault(("target", change.target, change.change), change.reason)
        else:
            found.setdefault(("goal", str(change.goal), change.change), change.reason)
    return found


def _goal_pairs(base: Contract, draft: Contract) -> tuple[dict[str, str | None], set[str]]:
    """Base goal number → draft goal number (None: not carried on); draft goals that the
    framework mapping filled (automatic)."""
    pairs: dict[str, str | None] = {}
    drafted = {g.number for g in draft.goals}
    mapping = {m.old: m.new for m in draft.goal_mapping}
    by_framework = {g.framework_goal: g.number for g in draft.goals if g.scope == "national"}
    mapped: set[str] = set()
    for goal in base.goals:
        if mapping and goal.scope == "national" and goal.framework_goal is not None:
            new = mapping.get(goal.framework_goal)
            number = by_framework.get(new) if new is not None else None
            pairs[goal.number] = number
            if number is not None:
                mapped.add(number)
        else:
            pairs[goal.number] = goal.number if goal.number in drafted else None
    return pairs, mapped


def contract_diff(base: Contract, draft: Contract) -> ContractDiff:
    """Every goal and target of ``base`` and ``draft`` with what the draft does to it."""
    reasons = reasons_of(draft)
    pairs, mapped = _goal_pairs(base, draft)
    goals = _goal_entries(base, draft, pairs, mapped, reasons)
    added_goals = {e.id for e in goals if e.status == "added"}
    removed_goals = {e.id for e in goals if e.status == "removed"}
    automatic_goals = {e.id for e in goals if e.status == "added" and e.automatic}
    targets: list[Entry] = []
    old_goal = {t.key: g.number for g, t in base.targets()}
    for goal, target in draft.targets():
        old = base.target(target.key)
        if old is None:
            covered = goal.number in added_goals
            follows = ("følger rammeaftalen",) if goal.number in automatic_goals else ()
            targets.append(
                Entry(
                    "target",
                    target.key,
                    "added",
                    new=target,
                    automatic=follows,
                    reason=reasons.get(("target", target.key, "added")),
                    with_goal=covered,
                    new_goal=goal.number,
                )
            )
            continue
        keep = target_years(old)
        fields, automatic = _compare(old, target, TARGET_FIELDS, keep, base.year, draft.year)
        was = old_goal[target.key]
        if pairs.get(was) != goal.number:
            fields.append(f"mål (fra mål {was} til mål {goal.number})")
        elif was != goal.number:
            automatic.append(f"ført med mål {was} til mål {goal.number} i den nye rammeaftale")
        status: Status = "changed" if fields or automatic else "unchanged"
        targets.append(
            Entry(
                "target",
                target.key,
                status,
                old,
                target,
                tuple(fields),
                tuple(automatic),
                reasons.get(("target", target.key, status)),
                old_goal=was,
                new_goal=goal.number,
            )
        )
    for goal, target in base.targets():
        if draft.target(target.key) is None:
            targets.append(
                Entry(
                    "target",
                    target.key,
                    "removed",
                    old=target,
                    reason=reasons.get(("target", target.key, "removed")),
                    with_goal=goal.number in removed_goals,
                    old_goal=goal.number,
                )
            )
    return ContractDiff(base.year, draft.year, tuple(goals), tuple(targets))


def _goal_entries(
    base: Contract,
    draft: Contract,
    pairs: dict[str, str | None],
    mapped: set[str],
    reasons: Reasons,
) -> list[Entry]:
    entries: list[Entry] = []
    paired_new: set[str] = set()
    for old in base.goals:
        number = pairs[old.number]
        if number is None:
            entries.append(
                Entry(
                    "goal",
                    old.number,
                    "removed",
                    old=old,
                    reason=reasons.get(("goal", old.number, "removed")),
                )
            )
            continue
        new = draft.goal(number)
        assert new is not None
        if number in paired_new:
            automatic = [f"slået sammen med et andet mål under rammeaftalens mål {number}"]
            entries.append(
                Entry(
                    "goal", number, "changed", old, new, (), tuple(automatic), old_goal=old.number
                )
            )
            continue
        paired_new.add(number)
        keep = goal_years(old)
        names = GOAL_FIELDS
        automatic_list: list[str] = []
        if number in mapped:
            names = {k: v for k, v in GOAL_FIELDS.items() if k not in ("title", "framework_goal")}
            if old.framework_goal != new.framework_goal or old.title != new.title:
                automatic_list.append(
                    f"ført videre som rammeaftalens mål {new.framework_goal} ({new.title})"
                )
        if old.under is not None and new.under != old.under and draft.goal_mapping:
            mapping = {m.old: m.new for m in draft.goal_mapping}
            if mapping.get(old.under) == new.under:
                names = {k: v for k, v in names.items() if k != "under"}
                automatic_list.append(
                    f"hører nu under mål {new.under}"
                    if new.under is not None
                    else "hører ikke længere under et nationalt mål"
                )
        fields, automatic = _compare(old, new, names, keep, base.year, draft.year)
        status: Status = "changed" if fields or automatic or automatic_list else "unchanged"
        entries.append(
            Entry(
                "goal",
                number,
                status,
                old,
                new,
                tuple(fields),
                tuple(automatic_list + automatic),
                reasons.get(("goal", number, status)),
                old_goal=old.number,
            )
        )
    for new in draft.goals:
        if new.number not in paired_new:
            framework_goal: tuple[str, ...] = ()
            if draft.goal_mapping and new.scope == "national":
                framework_goal = (f"nyt mål i rammeaftalen {draft.framework}",)
            entries.append(
                Entry(
                    "goal",
                    new.number,
                    "added",
                    new=new,
                    automatic=framework_goal,
                    reason=reasons.get(("goal", new.number, "added")),
                )
            )
    return entries
