"""A drafter's edits applied to a draft, checked by the loader's own rules.

The page and the command line collect edits (new numbers, accepted or typed texts, removed
and added targets and goals, reasons) as plain data: a number typed on the page may break a
rule, and the drafter must see the loader's Danish message for it, not a crash. ``build``
applies the edits to the draft's data, loads the result as YAML exactly as a file in
``udkast/`` is loaded, compares it with the base contract and records the reasons given for
the changes that need one (docs/drafting.md).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from contracts.diff import ContractDiff, Entry, contract_diff, reasons_of
from contracts.draft import Place
from contracts.dump import data_of, data_to_yaml
from contracts.issues import Issue
from contracts.loader import load_text, unresolve_defaults
from contracts.models import Change, Contract, Framework

#: How a draft being edited is named in its issues.
DRAFT_NAME = "udkast.yaml"


@dataclass(frozen=True)
class Edits:
    #: Target key → new number (None: no number).
    values: Mapping[str, float | None] = field(default_factory=dict)
    #: Any text of the draft → its new wording (an accepted correction or a typed one).
    texts: Mapping[Place, str] = field(default_factory=dict)
    removed_goals: frozenset[str] = frozenset()
    removed_targets: frozenset[str] = frozenset()
    #: Goals to add, as a file would hold them (``number``, ``title``, ``scope``, ...).
    added_goals: tuple[Mapping[str, Any], ...] = ()
    #: (goal number, target data) for each target to add to an existing goal.
    added_targets: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    #: ("target", "8a") or ("goal", "12") → the reason for what the draft does to it.
    reasons: Mapping[tuple[str, str], str] = field(default_factory=dict)


@dataclass(frozen=True)
class Built:
    """A draft after the edits: its text, the loader's issues, and (when valid) the contract
    and its diff against the base."""

    text: str
    issues: tuple[Issue, ...]
    contract: Contract | None = None
    diff: ContractDiff | None = None

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "fejl"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "advarsel"]


def _set_text(data: dict[str, Any], place: Place, text: str) -> None:
    if place.scope == "contract":
        data[place.field] = text
    elif place.scope == "section":
        data["sections"][int(place.id)][place.field] = text
    elif place.scope == "goal":
        for goal in data.get("goals", []):
            if str(goal["number"]) == place.id:
                goal[place.field] = text
    else:
        for goal in data.get("goals", []):
            for target in goal.get("targets", []):
                if str(target["key"]) == place.id:
                    target[place.field] = text


def apply(start: Contract, edits: Edits) -> dict[str, Any]:
    """The data of ``start`` with ``edits`` applied (not validated)."""
    data = copy.deepcopy(data_of(unresolve_defaults(start)))
    for place, text in edits.texts.items():
        _set_text(data, place, text)
    goals = []
    for goal in data.get("goals", []):
        if str(goal["number"]) in edits.removed_goals:
            continue
        targets = []
        for target in goal.get("targets", []):
            key = str(target["key"])
            if key in edits.removed_targets:
                continue
            if key in edits.values:
                number = edits.values[key]
                target.pop("value", None)
                if number is not None:
                    target["value"] = number
            targets.append(target)
        goal["targets"] = targets
        goals.append(goal)
    goals += [dict(goal) for goal in edits.added_goals]
    for goal_number, added in edits.added_targets:
        for goal in goals:
            if str(goal["number"]) == goal_number:
                goal["targets"] = [*goal.get("targets", []), dict(added)]
    for goal in goals:
        if not goal.get("targets"):
            goal.pop("targets", None)
    data["goals"] = goals
    data.pop("changes", None)
    return data


def _key(entry: Entry) -> tuple[str, str]:
    return (entry.subject, entry.id)


def build(
    start: Contract,
    edits: Edits,
    *,
    base: Contract,
    frameworks: Iterable[Framework] = (),
) -> Built:
    """``start`` (the carried-forward or saved draft) with ``edits``, checked and compared.

    Reasons come from ``edits`` first, then from ``start``'s own ``changes``; a change that
    needs a reason and has none stays an error of the result, never a silent pass."""
    frameworks = tuple(frameworks)
    first = load_text(data_to_yaml(apply(start, edits)), DRAFT_NAME, frameworks=frameworks)
    loaded = first.contracts[0] if first.contracts else None
    if loaded is None:
        return Built(data_to_yaml(apply(start, edits)), first.issues)
    diff = contract_diff(base, loaded)
    kept = reasons_of(start)
    changes = []
    for entry in diff.entries():
        if not entry.needs_reason:
            continue
        reason = (edits.reasons.get(_key(entry)) or "").strip() or kept.get(
            (entry.subject, entry.id, entry.status), ""
        )
        if reason:
            subject = {"target": entry.id} if entry.subject == "target" else {"goal": entry.id}
            changes.append(Change(change=entry.status, reason=reason, **subject))  # type: ignore[arg-type]
    contract = loaded.model_copy(update={"changes": tuple(changes)})
    text = data_to_yaml(data_of(unresolve_defaults(contract)))
    checked = load_text(text, DRAFT_NAME, frameworks=frameworks, bases=(base,))
    final = checked.contracts[0] if checked.contracts else None
    return Built(
        text,
        checked.issues,
        final,
        contract_diff(base, final) if final is not None else None,
    )
