"""Adding a target to a goal, or a local goal, each with the reason the change needs."""

from __future__ import annotations

import streamlit as st

from contracts.models import BINARY_KINDS, TARGET_KINDS, Contract
from contracts.wording import KIND_LABELS
from ui.contract_view import md
from ui.drafting.state import DraftSession, added_goals, added_targets, parse_number


def _drop(items: list[dict[str, object]], index: int) -> None:
    items.pop(index)


def render_added(current: DraftSession) -> None:
    """What the drafter added so far, each with a way to take it out again."""
    goals, targets = added_goals(current), added_targets(current)
    for index, item in enumerate(goals):
        data = item["data"]
        st.markdown(
            md(f"Nyt mål {data['number']} – {data['title']}. Begrundelse: {item['reason']}")
        )
        st.button(
            "Fjern det nye mål",
            key=current.key("drop", "g", str(index)),
            on_click=_drop,
            args=(goals, index),
        )
    for index, item in enumerate(targets):
        data = item["data"]
        st.markdown(
            md(
                f"Nyt måltal {data['key']} under mål {item['goal']}: »{data['text']}«. "
                f"Begrundelse: {item['reason']}"
            )
        )
        st.button(
            "Fjern det nye måltal",
            key=current.key("drop", "t", str(index)),
            on_click=_drop,
            args=(targets, index),
        )


def render_add_target(current: DraftSession, draft: Contract) -> None:
    goals = [g.number for g in draft.goals] + [
        str(item["data"]["number"]) for item in added_goals(current)
    ]
    with st.form(current.key("form", "maaltal"), clear_on_submit=True):
        st.subheader("Tilføj et måltal")
        first, second, third = st.columns(3)
        goal = first.selectbox("Under mål", goals)
        key = second.text_input("Målnøgle (fx 8d)")
        kind = third.selectbox("Type", TARGET_KINDS, format_func=KIND_LABELS.__getitem__)
        text = st.text_area("Ordlyd")
        number_col, unit_col = st.columns(2)
        number = number_col.text_input("Måltal (tomt for milepæl og vurdering)")
        unit = unit_col.text_input("Enhed (fx forløb)")
        reason = st.text_input("Begrundelse for det nye måltal")
        if st.form_submit_button("Tilføj måltallet"):
            data: dict[str, object] = {"key": key.strip(), "text": text.strip(), "kind": kind}
            problems = []
            if number.strip():
                try:
                    data["value"] = parse_number(number)
                except ValueError as exc:
                    problems.append(str(exc))
            elif kind not in BINARY_KINDS:
                problems.append("et måltal af denne type skal have et tal")
            if unit.strip():
                data["unit"] = unit.strip()
            if not key.strip() or not text.strip():
                problems.append("målnøgle og ordlyd skal udfyldes")
            if not reason.strip():
                problems.append("et nyt måltal skal have en begrundelse")
            if problems:
                st.error(md("Måltallet er ikke tilføjet: " + "; ".join(problems) + "."))
            else:
                added_targets(current).append(
                    {"goal": goal, "data": data, "reason": reason.strip()}
                )
                st.rerun()


def render_add_goal(current: DraftSession) -> None:
    with st.form(current.key("form", "maal"), clear_on_submit=True):
        st.subheader("Tilføj et lokalt mål")
        number_col, title_col = st.columns([1, 3])
        number = number_col.text_input("Nummer (fx 18)")
        title = title_col.text_input("Titel")
        method = st.text_input("Metode")
        source = st.text_input("Datakilde")
        reason = st.text_input("Begrundelse for det nye mål")
        if st.form_submit_button("Tilføj målet"):
            if not (number.strip() and title.strip() and reason.strip()):
                st.error("Målet er ikke tilføjet: nummer, titel og begrundelse skal udfyldes.")
                return
            data: dict[str, object] = {
                "number": number.strip(),
                "title": title.strip(),
                "scope": "local",
            }
            if method.strip():
                data["method"] = method.strip()
            if source.strip():
                data["data_source"] = source.strip()
            added_goals(current).append({"data": data, "reason": reason.strip()})
            st.rerun()
