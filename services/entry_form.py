"""How each target is entered on Indberetning: the inputs its kind takes (docs/entry.md).

A count asks for a whole number; an amount for mio. kr. with a decimal comma; a share for
tæller and nævner, or the share itself; an NPS for its three groups, or the score; a
milestone for done or not; an assessment (and a target whose måltal the sources do not
state, judged like one) for opfyldt or ikke opfyldt with its explanation; a computed target
(a spread of another target's kommune rows) is shown, never typed.

``entry_form`` groups the targets of an entry table by goal, in contract order: the order
never changes after a save, because it is the contract's and not the store's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from contracts import danish, wording
from contracts.describe import goal_heading
from contracts.models import Contract, Target
from services.entry_table import EntryTable, target_text

Shape = Literal["whole", "decimal", "share", "nps", "done", "judged", "computed"]

SHAPES: dict[str, Shape] = {
    "count": "whole",
    "coverage": "whole",
    "amount": "decimal",
    "ratio": "decimal",
    "level": "decimal",
    "change_relative": "decimal",
    "range": "decimal",
    "percentage": "share",
    "change_pp": "share",
    "nps": "nps",
    "milestone": "done",
    "assessment": "judged",
    "spread": "computed",
}
#: The choices of a yes/no target: the text of ``værdi`` → what the person picks.
CHOICES: dict[Shape, dict[str, str]] = {
    "done": {"1": "Gennemført", "0": "Ikke gennemført"},
    "judged": {"1": "Opfyldt", "0": "Ikke opfyldt"},
}
COMMENT_LABELS: dict[Shape, str] = {
    "judged": "Begrundelse for vurderingen",
    "computed": "Kommentar til resultatet",
}
COMMENT_LABEL = "Kommentar"


@dataclass(frozen=True)
class Field:
    """One input of a target: the import column it fills, its label and an example."""

    column: str
    label: str
    placeholder: str = ""


@dataclass(frozen=True)
class TargetForm:
    key: str
    name: str
    text: str
    kind: str
    kind_label: str
    level: str
    shape: Shape
    fields: tuple[Field, ...]
    per_kommune: bool
    anchor: str
    comment_label: str

    @property
    def whole(self) -> bool:
        return self.shape == "whole"


@dataclass(frozen=True)
class GoalForm:
    heading: str
    anchor: str
    targets: tuple[TargetForm, ...]
    number: str  # "8", as the contract numbers it


def shape_of(target: Target) -> Shape:
    if target.is_computed:
        return "computed"
    if target.judged_as_assessment:
        return "judged"
    return SHAPES[target.kind]


def _slug(text: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in text.casefold())


def goal_anchor(number: str) -> str:
    """A goal's anchor on the page: ``maal-8``."""
    return f"maal-{_slug(number)}"


def anchor_of(key: str) -> str:
    """The page anchor of a target's inputs: ``maaltal-8c-vaekstplaner``."""
    return f"maaltal-{_slug(key)}"


def fields_of(target: Target, shape: Shape) -> tuple[Field, ...]:
    """The inputs of a target's kind, in the order a person fills them."""
    unit = target.unit
    if shape == "whole":
        noun = "Antal kommuner" if target.kind == "coverage" else "Antal"
        label = f"{noun} {unit}" if unit and target.kind != "coverage" else noun
        return (Field("værdi", label, "fx 1.680"),)
    if shape == "decimal":
        return (Field("værdi", _decimal_label(target), _decimal_example(target)),)
    if shape == "share":
        return (
            Field("tæller", "Tæller", "fx 140"),
            Field("nævner", "Nævner", "fx 251"),
            Field("værdi", "eller andel i %", "fx 55,8"),
        )
    if shape == "nps":
        return (
            Field("promotorer", "Promotorer", "fx 61"),
            Field("passive", "Passive", "fx 25"),
            Field("kritikere", "Kritikere", "fx 9"),
            Field("værdi", "eller NPS", "fx 54"),
        )
    if shape in CHOICES:
        return (Field("værdi", "Vurdering" if shape == "judged" else "Milepæl"),)
    return ()


def _decimal_label(target: Target) -> str:
    if target.kind == "amount":
        return f"Beløb i {target.unit or 'mio. kr.'}"
    if target.kind == "ratio":
        return "Faktor"
    if target.kind == "level":
        return f"Niveau i {target.unit or wording.POINTS}"
    return f"Antal {target.unit}" if target.unit else "Værdi"


def _decimal_example(target: Target) -> str:
    return {"amount": "fx 27,5", "ratio": "fx 2,45", "level": "fx 4,3"}.get(target.kind, "fx 113")


def level_of(target: Target, shape: Shape) -> str:
    """What the target asks for, in short: "mindst 1.680 forløb", "gennemført senest 31. marts
    2022", "opfyldt efter vurdering", "måltal ikke oplyst"."""
    if not target.value_stated:
        return wording.NOT_STATED
    if shape == "done":
        deadline = f" senest {danish.date(target.deadline)}" if target.deadline else ""
        return f"gennemført{deadline}"
    if shape == "judged":
        return "opfyldt efter vurdering"
    return target_text(target)


def target_form(target: Target) -> TargetForm:
    shape = shape_of(target)
    return TargetForm(
        key=target.key,
        name=target.name,
        text=target.text,
        kind=target.kind,
        kind_label=wording.KIND_LABELS[target.kind],
        level=level_of(target, shape),
        shape=shape,
        fields=fields_of(target, shape),
        per_kommune=target.per_kommune and shape != "computed",
        anchor=anchor_of(target.key),
        comment_label=COMMENT_LABELS.get(shape, COMMENT_LABEL),
    )


def entry_form(contract: Contract, table: EntryTable) -> tuple[GoalForm, ...]:
    """The targets of ``table`` (totals and computed) as forms, grouped by goal in contract
    order; a goal without any of them is left out."""
    shown = {str(key) for frame in (table.totals, table.computed) if frame is not None
             for key in frame["nøgle"]}  # fmt: skip
    goals: list[GoalForm] = []
    for goal in contract.goals:
        forms = tuple(target_form(t) for t in goal.targets if t.key in shown)
        if forms:
            goals.append(GoalForm(goal_heading(goal), goal_anchor(goal.number), forms, goal.number))
    return tuple(goals)
