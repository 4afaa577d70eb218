"""What the drafting page keeps between reruns: the draft as read, and the drafter's edits.

The saved draft is read once per house and year and frozen in the session with the hash of
its bytes, so a save states what the drafter actually saw: a draft someone else saved since
is a conflict, never overwritten (docs/drafting.md). Widget keys carry a prefix made of the
choice and that read, so a reload or a save starts the widgets afresh.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import streamlit as st

from contracts.draft import Place
from contracts.edits import Edits
from contracts.models import Contract
from services.drafts import DraftFile
from services.session import Session

READ_KEY = "naeste_aar_laest"
GENERATION_KEY = "naeste_aar_generation"
MESSAGE_KEY = "naeste_aar_besked"


@dataclass(frozen=True)
class DraftSession:
    house: str
    year: int
    #: The saved draft as read (None: there was none), and whether to start over anyway.
    read: DraftFile | None
    fresh: bool
    prefix: str

    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))


def _generation() -> int:
    return int(st.session_state.get(GENERATION_KEY, 0))


def draft_session(session: Session, house: str, year: int, base_year: int | None) -> DraftSession:
    """The draft of house and year as first read in this session (read now if not yet)."""
    kept = st.session_state.get(READ_KEY)
    if kept is None or kept[0] != (house, year):
        kept = ((house, year), session.read_draft(house, year), False)
        st.session_state[READ_KEY] = kept
    _ident, read, fresh = kept
    origin = "ny" if read is None or fresh else read.content_hash[:12]
    text = f"{_generation()}|{house}|{year}|{base_year}|{origin}"
    prefix = "na_" + hashlib.sha1(text.encode()).hexdigest()[:10]
    return DraftSession(house, year, read, fresh, prefix)


def reload() -> None:
    """Read the saved draft again (dropping unsaved edits)."""
    st.session_state.pop(READ_KEY, None)
    st.session_state[GENERATION_KEY] = _generation() + 1


def start_over(current: DraftSession) -> None:
    st.session_state[READ_KEY] = ((current.house, current.year), current.read, True)
    st.session_state[GENERATION_KEY] = _generation() + 1


def saved(current: DraftSession, draft: DraftFile | None) -> None:
    """After the drafter's own save (or approval): that is now what was read."""
    st.session_state[READ_KEY] = ((current.house, current.year), draft, False)
    st.session_state[GENERATION_KEY] = _generation() + 1


def flash(kind: str, text: str, lines: list[str] | None = None) -> None:
    st.session_state[MESSAGE_KEY] = (kind, text, lines or [])


def pop_flash() -> tuple[str, str, list[str]] | None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    return message if message is None else (message[0], message[1], list(message[2]))


def place_id(place: Place) -> str:
    return f"{place.scope}|{place.id}|{place.field}"


def _place(text: str) -> Place:
    scope, ident, field = text.split("|", 2)
    return Place(scope, ident, field)  # type: ignore[arg-type]


def store_of(current: DraftSession, name: str, default: Any) -> Any:
    """A value of the drafter's own (not a widget's), kept while the prefix lasts."""
    return st.session_state.setdefault(current.key(name), default)


def accepted_texts(current: DraftSession) -> dict[str, str]:
    texts: dict[str, str] = store_of(current, "rettet", {})
    return texts


def added_targets(current: DraftSession) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = store_of(current, "nye_maaltal", [])
    return items


def added_goals(current: DraftSession) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = store_of(current, "nye_maal", [])
    return items


def parse_number(text: str) -> float:
    """A number as a Dane types it: ``1.750``, ``2,5``, ``-3``; ValueError in Danish."""
    cleaned = text.strip().replace(" ", "")
    whole, _, decimals = cleaned.partition(",")
    groups = whole.lstrip("-").split(".")
    grouped = len(groups) > 1
    if (
        not cleaned
        or (grouped and any(len(g) != 3 for g in groups[1:]))
        or not all(g.isdigit() for g in groups)
        or (decimals and not decimals.isdigit())
    ):
        raise ValueError(f"»{text}« er ikke et tal; skriv fx 1.750 eller 2,5")
    number = float(whole.replace(".", "") + ("." + decimals if decimals else ""))
    return number


def edits(
    current: DraftSession, draft: Contract, mapping_reasons: dict[str, str] | None = None
) -> tuple[Edits, dict[str, str]]:
    """The edits the widgets hold now, and the numbers that could not be read (key → message).

    ``mapping_reasons`` are the reasons for old national goals not carried on (by number)."""
    state = st.session_state
    values: dict[str, float | None] = {}
    problems: dict[str, str] = {}
    removed_goals = frozenset(
        g.number for g in draft.goals if state.get(current.key("fjern", "g", g.number))
    )
    removed_targets = frozenset(
        t.key for _g, t in draft.targets() if state.get(current.key("fjern", "t", t.key))
    )
    reasons: dict[tuple[str, str], str] = {}
    for goal in draft.goals:
        text = state.get(current.key("grund", "g", goal.number))
        if text and text.strip():
            reasons[("goal", goal.number)] = text.strip()
    for _goal, target in draft.targets():
        typed = state.get(current.key("tal", target.key))
        if typed is not None:
            try:
                values[target.key] = parse_number(typed)
            except ValueError as exc:
                problems[target.key] = str(exc)
        text = state.get(current.key("grund", "t", target.key))
        if text and text.strip():
            reasons[("target", target.key)] = text.strip()
    for old, reason in (mapping_reasons or {}).items():
        if reason.strip():
            reasons[("goal", old)] = reason.strip()
    new_targets = added_targets(current)
    for item in new_targets:
        reasons[("target", str(item["data"]["key"]))] = item["reason"]
    new_goals = added_goals(current)
    for item in new_goals:
        reasons[("goal", str(item["data"]["number"]))] = item["reason"]
    return (
        Edits(
            values=values,
            texts={_place(k): v for k, v in accepted_texts(current).items()},
            removed_goals=removed_goals,
            removed_targets=removed_targets,
            added_goals=tuple(item["data"] for item in new_goals),
            added_targets=tuple((item["goal"], item["data"]) for item in new_targets),
            reasons=reasons,
        ),
        problems,
    )
