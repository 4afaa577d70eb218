"""The "Næste års kontrakt" page put together: choice, mapping, goals, checks, diff, save.

Each rerun first reads the drafter's edits from the session, builds the draft with them
(``services.drafting.build_draft``: the loader's own rules), and then draws every part from
that one result, so flags, evidence, diff and checks always agree (docs/drafting.md).
"""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from contracts.draft_flags import Flag, flags
from contracts.edits import Built
from contracts.loader import Catalog
from contracts.reference import house_name
from services.drafting import Start, build_draft, start_draft
from services.errors import UserError
from services.evidence import evidence
from services.session import Session
from ui.contract_view import md
from ui.drafting import additions, choose, goals_view, review_view, state
from ui.entry.state import bulleted

TITLE = "Næste års kontrakt"


def _show_flash() -> None:
    message = state.pop_flash()
    if message is not None:
        kind, text, lines = message
        show = st.success if kind == "success" else st.error
        show(bulleted(text, lines))


def _start(catalog: Catalog, current: state.DraftSession, choice: choose.Choice) -> Start | None:
    saved = current.read if current.read is not None and not current.fresh else None
    if saved is not None:
        return start_draft(catalog, choice.house, choice.year, saved=saved)
    first = start_draft(catalog, choice.house, choice.year, base_year=choice.base_year)
    if not first.new_framework or first.framework is None:
        return first
    mapping, reasons = choose.choose_mapping(current, first.base, first.framework)
    st.session_state[current.key("kort_grunde")] = reasons
    started = start_draft(
        catalog, choice.house, choice.year, base_year=choice.base_year, mapping=mapping
    )
    if started.unmapped:
        st.info(
            "Vælg for hvert nationalt mål, hvor det hører til, før udkastet kan vises "
            f"(mangler: mål {', '.join(str(n) for n in started.unmapped)})."
        )
        return None
    return started


def render(session: Session, catalog: Catalog) -> None:
    st.title(TITLE)
    _show_flash()
    choice = choose.choose(catalog)
    if choice is None:
        st.info("Der er ingen rigtige kontrakter at bygge et udkast på.")
        return
    if choice.base_year is None:
        st.info(f"{house_name(choice.house)} har ingen kontrakt før {choice.year} at bygge på.")
        return
    current = state.draft_session(session, choice.house, choice.year, choice.base_year)
    try:
        start = _start(catalog, current, choice)
    except UserError as exc:
        st.error(md(str(exc)))
        saved = current.read is not None and not current.fresh
        if saved and st.button("Begynd forfra fra kontrakten", key=current.key("forfra_fejl")):
            state.start_over(current)
            st.rerun()
        return
    if start is None or start.draft is None:
        return
    _intro(current, start)
    reasons = st.session_state.get(current.key("kort_grunde"), {})
    edits, problems = state.edits(current, start.draft, reasons)
    built = build_draft(catalog, start, edits)
    entries = {(e.subject, e.id): e for e in built.diff.entries()} if built.diff else {}
    found = flags(built.contract or start.draft, start.base)
    by_place: dict[tuple[str, str], list[Flag]] = defaultdict(list)
    for flag in found:
        by_place[(flag.place.scope, flag.place.id)].append(flag)
    _summary(current, found, built, problems)
    _contract_flags(current, by_place)
    proof = evidence(catalog, session.values(house=choice.house), start.base, choice.year)
    goals_view.render_goals(
        current, start.draft, proof, entries, by_place, problems, built.contract
    )
    st.header("Nyt i udkastet")
    additions.render_added(current)
    additions.render_add_target(current, start.draft)
    additions.render_add_goal(current)
    review_view.render_checks(built, problems)
    review_view.render_diff(built.diff)
    review_view.render_save(current, session, catalog, built, problems)
    review_view.render_approval(current, session, built)


def _intro(current: state.DraftSession, start: Start) -> None:
    base = start.base
    framework = start.framework.id if start.framework else "ingen rammeaftale"
    st.markdown(
        md(
            f"Udkast til {house_name(current.house)} {current.year}, bygget på kontrakten for "
            f"{base.year} ({'godkendt' if base.status == 'godkendt' else 'udkast'}); "
            f"rammeaftale {framework}."
        )
    )
    st.badge("Udkast", color="orange")
    if current.read is not None and not current.fresh:
        st.info("Der er et gemt udkast; du arbejder videre på det.")
        if st.button("Begynd forfra fra kontrakten", key=current.key("forfra")):
            state.start_over(current)
            st.rerun()
    st.caption(
        "Et ændret måltal og et tilføjet eller fjernet mål eller måltal skal have en "
        "begrundelse. Årstal og frister, der følger kontraktåret, rettes ikke af sig selv: "
        "teksterne, der nævner det gamle år, er markeret med den rettede tekst."
    )


def _accept_all(current: state.DraftSession, found: list[Flag]) -> None:
    accepted = state.accepted_texts(current)
    for flag in found:
        if flag.corrected is not None:
            accepted[state.place_id(flag.place)] = flag.corrected


def _summary(
    current: state.DraftSession, found: list[Flag], built: Built, problems: dict[str, str]
) -> None:
    """What needs the drafter's eye, counted, with one button for every year correction. The
    errors count the numbers that cannot be read too: both stop a save."""
    texts = [f for f in found if f.corrected is not None]
    timing = [f for f in found if f.corrected is None]
    missing = built.diff.missing_reasons() if built.diff else []
    parts = [
        f"{len(texts)} tekster med det gamle årstal eller måltal",
        f"{len(timing)} måltal målt uden for {current.year}",
        f"{len(missing)} ændringer uden begrundelse",
        f"{len(built.errors) + len(problems)} fejl",
    ]
    st.markdown(md("At se efter: " + " · ".join(parts) + "."))
    if texts:
        st.button(
            f"Brug alle {len(texts)} rettede tekster",
            key=current.key("ret_alle"),
            on_click=_accept_all,
            args=(current, texts),
            help="Hver rettet tekst kan fortrydes ved sit mål eller måltal.",
        )


def _contract_flags(
    current: state.DraftSession, by_place: dict[tuple[str, str], list[Flag]]
) -> None:
    top = by_place.get(("contract", ""), [])
    sections = [f for (scope, _i), items in by_place.items() if scope == "section" for f in items]
    if top or sections:
        st.header("Kontraktens tekster")
        goals_view.render_flags(current, [*top, *sections])
    goals_view.render_accepted(current, "contract", "")
