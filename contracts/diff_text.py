"""A contract diff in Danish words, one line per change: for the command line and the page.

``entry_summary`` says what happened to one goal or target (numbers in Danish format, the
old and new wording where it changed); ``reason_text`` gives its reason, or says that the
change follows from the new year or framework, or that the reason is missing.
"""

from __future__ import annotations

from contracts import wording
from contracts.diff import STATUS_LABELS, ContractDiff, Entry, Status
from contracts.models import Goal, Target

ORDER: tuple[Status, ...] = ("added", "removed", "changed", "unchanged")
MISSING_REASON = "mangler begrundelse"


def _requirement(target: Target) -> str:
    """The måltal in words; for a milestone or an assessment, its kind."""
    return wording.requirement(target) or wording.KIND_LABELS[target.kind]


def entry_name(entry: Entry) -> str:
    """``"8a (mål 8)"``, ``"mål 12 – Den opsøgende indsats"``, ``"mål 1 → mål 2 – …"``."""
    if entry.subject == "goal":
        goal = entry.new if isinstance(entry.new, Goal) else entry.old
        assert isinstance(goal, Goal)
        moved = (
            f"mål {entry.old_goal} → mål {entry.id}"
            if entry.old_goal and entry.old_goal != entry.id
            else f"mål {entry.id}"
        )
        return f"{moved} – {goal.title}"
    goal_number = entry.new_goal or entry.old_goal
    return f"{entry.label} (mål {goal_number})"


def entry_summary(entry: Entry) -> str:
    """What the draft does to the goal or target, without its reason."""
    name = entry_name(entry)
    if entry.subject == "goal":
        if entry.status == "changed" and entry.fields:
            return f"{name}: {', '.join(entry.fields)} ændret"
        return name
    old, new = entry.old, entry.new
    if entry.status == "added" and isinstance(new, Target):
        return f"{name}: »{new.text}« ({_requirement(new)})"
    if entry.status == "removed" and isinstance(old, Target):
        return f"{name}: »{old.text}« ({_requirement(old)})"
    if entry.status == "changed" and isinstance(old, Target) and isinstance(new, Target):
        parts = []
        if _requirement(old) != _requirement(new):
            parts.append(f"{_requirement(old)} → {_requirement(new)}")
        others = [f for f in entry.fields if f not in ("måltal", "ordlyd")]
        if others:
            parts.append(f"{', '.join(others)} ændret")
        if old.text != new.text:
            parts.append(f"ordlyd »{old.text}« → »{new.text}«")
        return f"{name}: {'; '.join(parts)}" if parts else name
    return name


def reason_text(entry: Entry) -> str | None:
    """The drafter's reason, that it is missing, or (added or removed with its goal) the
    goal's; None where the change needs none."""
    if entry.status == "unchanged":
        return None
    if entry.with_goal:
        return f"se mål {entry.old_goal or entry.new_goal}"
    if entry.reason:
        return entry.reason
    return MISSING_REASON if entry.needs_reason else None


def automatic_text(entry: Entry) -> str | None:
    """What follows from the new year or framework by itself (needs no reason)."""
    return "; ".join(entry.automatic) if entry.automatic else None


def diff_lines(diff: ContractDiff, title: str) -> list[str]:
    """The whole diff as text: a heading, then added, removed, changed and unchanged."""
    lines = [title]
    for status in ORDER:
        entries = diff.of(status)
        lines.append("")
        lines.append(f"{STATUS_LABELS[status]} ({len(entries)})")
        if status == "unchanged":
            if entries:
                lines.append("  " + ", ".join(e.label for e in entries))
            continue
        for entry in entries:
            lines.append(f"  {entry_summary(entry)}")
            reason = reason_text(entry)
            if reason == MISSING_REASON:
                lines.append("      Mangler begrundelse")
            elif reason:
                lines.append(f"      Begrundelse: {reason}")
            automatic = automatic_text(entry)
            if automatic:
                lines.append(f"      Følger af det nye år eller den nye rammeaftale: {automatic}")
    return lines
