"""One target on the Indberetning page: its name, sentence and måltal, the inputs its kind
takes (``services.entry_form``), its comment, and slots for its live status and help.

The texts typed are returned as the target's part of the draft; the page fills the slots once
every target is drawn and the round is judged with them (``services.entry_live``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from services.entry_form import CHOICES, TargetForm
from services.entry_live import LiveTarget
from ui.contract_view import md, md_inline
from ui.entry import kommuner
from ui.entry.state import widget_key
from ui.results import BADGE_COLORS

Texts = dict[str, str]
HELP = "Tal skrives på dansk: 1.680 (tusinder med punktum) og 50,5 (komma før decimaler)."
NOT_GIVEN = ""
NOT_GIVEN_LABEL = "Ikke angivet"
#: Relative widths of a target's number inputs and its comment, per number of inputs.
WIDTHS: dict[int, list[float]] = {0: [1], 1: [2, 5], 3: [1, 1, 1.3, 3.7], 4: [1, 1, 1, 1, 3]}


@dataclass(frozen=True)
class Slots:
    """Where a target's live status, its help and its problems go once the round is judged."""

    status: st.delta_generator.DeltaGenerator
    help: st.delta_generator.DeltaGenerator
    #: Beside a per-kommune target's grid: the live total of its rows.
    kommune_total: st.delta_generator.DeltaGenerator | None = None


def render_target(
    form: TargetForm, start: Mapping[tuple[str, str], Mapping[str, str]], *, locked: bool
) -> tuple[dict[tuple[str, str], Texts], Slots]:
    """Draw the target; its texts by place (total and, per kommune, each kommune)."""
    with st.container(border=True, key=f"boks-{form.anchor}"):
        # The status goes under the heading, not in a column beside it: two columns per target
        # were a sixth of the form's elements, and every element is drawn on every run.
        st.markdown(_heading(form), unsafe_allow_html=True)
        st.caption(md(form.text))
        status_slot = st.container()
        texts = {(form.key, ""): _inputs(form, start.get((form.key, ""), {}), locked)}
        total_slot = None
        if form.per_kommune:
            rows, total_slot = kommuner.render_kommuner(form, start, locked=locked)
            texts.update(rows)
        help_slot = st.container()
    return texts, Slots(status_slot, help_slot, total_slot)


def _heading(form: TargetForm) -> str:
    """The target's name as a heading (with the anchor the list of what is missing links to),
    its kind and måltal."""
    anchor = f'<span id="{form.anchor}"></span>'
    return f"##### {anchor}**{md_inline(form.name)}** · {md_inline(form.kind_label)} · mål: " + (
        md_inline(form.level)
    )


def _inputs(form: TargetForm, start: Mapping[str, str], locked: bool) -> Texts:
    widths = WIDTHS[len(form.fields)] if form.shape not in CHOICES else [3, 4]
    columns = st.columns(widths, vertical_alignment="top")
    texts: Texts = {}
    for column, field in zip(columns, form.fields, strict=False):
        key = widget_key(form.key, "", field.column)
        with column:
            if form.shape in CHOICES:
                texts[field.column] = _choice(form, field.label, key, start, locked)
            else:
                _seed(key, start.get(field.column, ""))
                texts[field.column] = st.text_input(
                    field.label,
                    key=key,
                    placeholder=field.placeholder,
                    help=HELP,
                    disabled=locked,
                ).strip()
    with columns[-1]:
        key = widget_key(form.key, "", "kommentar")
        _seed(key, start.get("kommentar", ""))
        texts["kommentar"] = st.text_area(form.comment_label, key=key, height=68, disabled=locked)
    return texts


def texts_in_state(
    form: TargetForm, start: Mapping[tuple[str, str], Mapping[str, str]]
) -> dict[tuple[str, str], Texts]:
    """The texts ``render_target`` returns, read from the session before any input is drawn
    (a save runs first and, when it works, the page starts again without drawing the form)."""
    total = start.get((form.key, ""), {})
    texts: Texts = {}
    for field in form.fields:
        key = widget_key(form.key, "", field.column)
        if form.shape in CHOICES:
            default = _choice_start(form, total)
            texts[field.column] = str(st.session_state.get(key, default) or NOT_GIVEN)
        else:
            texts[field.column] = str(st.session_state.get(key, total.get(field.column, "")))
            texts[field.column] = texts[field.column].strip()
    comment = widget_key(form.key, "", "kommentar")
    texts["kommentar"] = str(st.session_state.get(comment, total.get("kommentar", "")))
    found = {(form.key, ""): texts}
    if form.per_kommune:
        found.update(kommuner.texts_in_state(form, start))
    return found


def _choice(form: TargetForm, label: str, key: str, start: Mapping[str, str], locked: bool) -> str:
    choices = CHOICES[form.shape]
    _seed(key, _choice_start(form, start))
    options = [NOT_GIVEN, *choices]
    picked = st.radio(
        label,
        options,
        key=key,
        horizontal=True,
        format_func=lambda v: choices.get(v, NOT_GIVEN_LABEL),
        disabled=locked,
    )
    return str(picked or NOT_GIVEN)


def _choice_start(form: TargetForm, start: Mapping[str, str]) -> str:
    """The choice an input starts from: the stored one, else "Ikke angivet"."""
    current = start.get("værdi", "")
    return current if current in CHOICES[form.shape] else NOT_GIVEN


def _seed(key: str, text: str) -> None:
    """An input's start value, set once for its key (a value passed on every run would fight
    with what the person types)."""
    if key not in st.session_state:
        st.session_state[key] = text


def fill_status(
    slots: Slots, live: LiveTarget | None, *, changed: bool, warning: str | None
) -> None:
    """The status the target would have if the form were saved now, in words and colour."""
    if live is None:
        return
    with slots.status:
        color = BADGE_COLORS.get(live.status, "gray")
        prefix = "Når du gemmer: " if changed else ""
        st.markdown(f"{md_inline(prefix)}:{color}-badge[{md_inline(live.label)}]")
        st.caption(md(live.result))
        if warning:
            st.markdown(f":orange[**Advarsel:** {md_inline(warning)}]")


def fill_help(slots: Slots, hints: list[str], problems: list[str]) -> None:
    """Help for a number typed another way, and a failed save's problems, beside the inputs."""
    with slots.help:
        for problem in problems:
            st.error(problem)
        for hint in hints:
            st.warning(hint)
