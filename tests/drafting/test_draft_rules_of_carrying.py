"""Carrying a contract forward: status, approval, years, deadlines, measurements, mapping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from drafting_support import small_folder

from contracts.diff import contract_diff
from contracts.draft import DraftError, carry_forward, shift_year
from contracts.draft_flags import flags
from contracts.edits import Edits, build
from contracts.loader import Catalog, load_folder


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    return load_folder(small_folder(tmp_path))


def test_a_carried_draft_is_udkast_without_approval_and_names_its_base(catalog: Catalog) -> None:
    base = catalog.contract("sjaelland", 2022)
    draft = carry_forward(base, 2023)
    assert (draft.year, draft.status, draft.approved, draft.approval_note) == (
        2023,
        "udkast",
        None,
        None,
    )
    assert (draft.based_on, draft.sources, draft.changes) == (2022, (), ())
    assert [t.key for _g, t in draft.targets()] == [t.key for _g, t in base.targets()]


def test_a_deadline_moves_with_the_year_and_a_fixed_measurement_keeps_its_year(
    catalog: Catalog,
) -> None:
    draft = carry_forward(catalog.contract("sjaelland", 2022), 2024)
    assert draft.target("11f").deadline == dt.date(2024, 3, 31)
    assert draft.target("1c").measured.years == (2023,)
    assert draft.target("1a").measured.years == (2021,)


def test_a_measurement_outside_the_new_year_is_flagged_before_or_after(catalog: Catalog) -> None:
    base = catalog.contract("sjaelland", 2022)
    found = [
        (f.kind, f.place.id)
        for f in flags(carry_forward(base, 2024), base)
        if f.kind.startswith("measured")
    ]
    assert found == [("measured_before", "1a"), ("measured_before", "1c")]


@pytest.mark.parametrize(
    ("text", "keep", "expected"),
    [
        (
            "I 2022 skal erhvervshuset gennemføre 1.680 forløb.",
            set(),
            "I 2023 skal erhvervshuset gennemføre 1.680 forløb.",
        ),
        (
            "I 2020 modtog Innovationsfonden 108 ansøgninger.",
            set(),
            "I 2020 modtog Innovationsfonden 108 ansøgninger.",
        ),
        ("I 2022 modtog fonden 120 ansøgninger.", {2022}, "I 2022 modtog fonden 120 ansøgninger."),
        ("Rammeaftalen 2021-2022 gælder.", set(), "Rammeaftalen 2021-2022 gælder."),
        ("Beløbet var 20225 kr. i 2022.", set(), "Beløbet var 20225 kr. i 2023."),
    ],
)
def test_only_the_base_year_on_its_own_is_moved_and_a_baseline_year_is_kept(
    text: str, keep: set[int], expected: str
) -> None:
    assert shift_year(text, 2022, 2023, frozenset(keep)) == expected


def test_texts_naming_the_base_year_are_flagged_with_the_correction_and_not_rewritten(
    catalog: Catalog,
) -> None:
    base = catalog.contract("sjaelland", 2022)
    draft = carry_forward(base, 2023)
    year_flags = [f for f in flags(draft, base) if f.kind == "year_in_text"]
    assert [(f.place.label(), f.corrected) for f in year_flags] == [
        ("kontraktens titel", "Resultatkontrakt 2023 for Erhvervshus Sjælland"),
        ("8a (ordlyd)", "Samlet set skal Erhvervshus Sjælland gennemføre 1.680 forløb i 2023."),
        ("11f (ordlyd)", "Sjællandsmodellen færdiggøres i 1. kvartal 2023."),
        ("12a (ordlyd)", "50 % af de handlingsplaner, der laves i 2023, er til nye kunder."),
        ("16a (ordlyd)", "Målet er, at der i 2023 minimum laves én strategisk indsats."),
    ]
    assert draft.target("8a").text == base.target("8a").text


def test_a_changed_number_whose_sentence_keeps_the_old_number_is_flagged(
    catalog: Catalog,
) -> None:
    base = catalog.contract("sjaelland", 2022)
    built = build(carry_forward(base, 2023), Edits(values={"8a": 1750}), base=base)
    number_flags = [f for f in flags(built.contract, base) if f.kind == "old_number_in_text"]
    assert [(f.message, f.corrected) for f in number_flags] == [
        (
            "8a: ordlyden nævner stadig det gamle måltal 1.680; det nye er 1.750, og den "
            "nævner 2022",
            "Samlet set skal Erhvervshus Sjælland gennemføre 1.750 forløb i 2023.",
        )
    ]


def test_under_a_new_framework_every_old_national_goal_must_be_mapped(catalog: Catalog) -> None:
    base = catalog.contract("sjaelland", 2022)
    framework = catalog.frameworks["2024-2027"]
    with pytest.raises(DraftError) as raised:
        carry_forward(base, 2024, framework=framework, mapping={1: 2})
    assert str(raised.value) == (
        "rammeaftalen skifter fra 2021-2023 til 2024-2027: vælg for hvert nationalt mål, hvor "
        "det hører til (mangler: mål 2)"
    )
    with pytest.raises(DraftError, match="rammeaftalen 2024-2027 har intet mål 9"):
        carry_forward(base, 2024, framework=framework, mapping={1: 9, 2: None})


def test_a_2024_draft_under_the_new_framework_follows_the_drafters_mapping(
    catalog: Catalog,
) -> None:
    base = catalog.contract("sjaelland", 2022)
    framework = catalog.frameworks["2024-2027"]
    draft = carry_forward(base, 2024, framework=framework, mapping={1: 2, 2: None})
    assert draft.framework == "2024-2027"
    assert [
        (g.number, g.scope, g.framework_goal, [t.key for t in g.targets]) for g in draft.goals
    ] == [
        ("1", "national", 1, []),
        ("2", "national", 2, ["1a", "1c"]),
        ("8", "local", None, ["8a", "11f"]),
        ("12", "local", None, ["12a"]),
        ("16", "local", None, ["16a"]),
    ]
    assert draft.goal("2").title == "Virksomhedernes kendskab til Erhvervshusene (øget)"
    assert [(m.old, m.new) for m in draft.goal_mapping] == [(1, 2), (2, None)]
    diff = contract_diff(base, draft)
    summary = [
        (e.subject, e.id, e.status, e.needs_reason)
        for e in diff.entries()
        if e.status != "unchanged"
    ]
    assert summary == [
        ("goal", "2", "changed", False),
        ("goal", "2", "removed", True),
        ("goal", "1", "added", False),
        ("target", "1a", "changed", False),
        ("target", "1c", "changed", False),
        ("target", "11f", "changed", False),
        ("target", "2a", "removed", False),
    ]
    assert diff.goals[0].automatic == (
        "ført videre som rammeaftalens mål 2 (Virksomhedernes kendskab til Erhvervshusene (øget))",
    )


def test_a_goal_not_carried_on_needs_a_reason_and_its_targets_are_listed_as_removed(
    catalog: Catalog,
) -> None:
    base = catalog.contract("sjaelland", 2022)
    framework = catalog.frameworks["2024-2027"]
    start = carry_forward(base, 2024, framework=framework, mapping={1: 2, 2: None})
    frameworks = catalog.frameworks.values()
    missing = build(start, Edits(), base=base, frameworks=frameworks)
    assert [i.message for i in missing.errors] == ["mål 2 er fjernet og mangler en begrundelse"]
    removed = [e.id for e in missing.diff.of("removed") if e.subject == "target"]
    assert removed == ["2a"]
    reasons = {("goal", "2"): "Spredningen følges nu i mål 8's kommunetal."}
    done = build(start, Edits(reasons=reasons), base=base, frameworks=frameworks)
    assert done.errors == []
    assert [(c.change, c.goal, c.reason) for c in done.contract.changes] == [
        ("removed", "2", "Spredningen følges nu i mål 8's kommunetal.")
    ]
