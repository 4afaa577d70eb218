"""The loader's findings on a draft, placed by goal and target instead of a YAML path.

``goals[7].targets[0].value`` reads "8a (måltal)" when the draft's eighth goal's first
target is 8a. Pure: the draft's text and an issue in, a Danish line out.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from contracts.diff import GOAL_FIELDS, TARGET_FIELDS
from contracts.issues import Issue

_GOAL = re.compile(r"^goals\[(\d+)\](?:\.targets\[(\d+)\])?(?:\.([a-z_]+))?")


def _data(text: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def issue_line(issue: Issue, text: str) -> str:
    """``"8a (måltal): et antal skal være et helt tal ≥ 0 (value er 2,5)"``."""
    found = _GOAL.match(issue.path)
    if found is None:
        return issue.message[:1].upper() + issue.message[1:]
    goals = _data(text).get("goals") or []
    g, t, field = int(found.group(1)), found.group(2), found.group(3)
    goal = goals[g] if g < len(goals) and isinstance(goals[g], dict) else {}
    if t is not None:
        targets = goal.get("targets") or []
        target = targets[int(t)] if int(t) < len(targets) else {}
        fallback = f"måltal {int(t) + 1} i mål {goal.get('number', '?')}"
        name = str(target.get("label") or target.get("key", fallback))
        label = TARGET_FIELDS.get(field or "", field)
    else:
        number = goal.get("number", g + 1)
        if issue.message.startswith(f"mål {number} "):
            return issue.message[:1].upper() + issue.message[1:]
        name = f"Mål {number}"
        label = GOAL_FIELDS.get(field or "", field)
    where = f"{name} ({label})" if label else name
    return f"{where}: {issue.message}"
