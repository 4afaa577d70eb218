"""A contract as Danish text (contracts.describe): target details, names, notes apart from
interpretations, approval, and the page's markdown escaping."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from contracts import describe
from contracts.models import Contract, Target
from ui.contract_view import md, md_inline


def target(**fields: Any) -> Target:
    return Target.model_validate({"key": "1a", "text": "x", **fields})


def test_details_list_deadline_segment_share_note_and_interpretation_in_order() -> None:
    details = describe.target_details(
        target(
            kind="count",
            value=80,
            unit="forløb",
            segment="vækst",
            h1_share=0.4,
            deadline=dt.date(2022, 3, 31),
            note="Kilden nævner 10 % af de aftalte forløb.",
            interpretation="Læst som 10 % af 800.",
        )
    )
    assert details == [
        ("Type", "antal"),
        ("Måltal", "mindst 80 forløb"),
        ("Måles", "1. halvår og helår"),
        ("Forventet ved 1. halvår", "40 % af årsmålet"),
        ("Segment", "vækst"),
        ("Frist", "senest 31. marts 2022"),
        ("Note", "Kilden nævner 10 % af de aftalte forløb."),
        ("Fortolkning", "Læst som 10 % af 800."),
    ]


CONTRACT = Contract.model_validate(
    {
        "erhvervshus": "sjaelland",
        "kkr": "sjaelland",
        "year": 2022,
        "goals": [
            {
                "number": "8",
                "title": "Forløb",
                "scope": "local",
                "targets": [
                    {"key": "8a", "text": "a", "kind": "count", "value": 1680, "per_kommune": True},
                    {
                        "key": "8c",
                        "text": "c",
                        "kind": "count",
                        "value": 800,
                        "parts": ["8c.handlingsplaner", "8c.vaekstplaner"],
                    },
                    {
                        "key": "8c.handlingsplaner",
                        "label": "8c – handlingsplaner",
                        "text": "c",
                        "kind": "count",
                        "value": 485,
                    },
                    {
                        "key": "8c.vaekstplaner",
                        "label": "8c – vækstplaner",
                        "text": "c",
                        "kind": "count",
                        "value": 315,
                    },
                ],
            },
            {
                "number": "9",
                "title": "Spredning",
                "scope": "local",
                "targets": [
                    {
                        "key": "9a",
                        "text": "s",
                        "kind": "spread",
                        "value": 10,
                        "direction": "at_most",
                        "source_target": "8a",
                    }
                ],
            },
        ],
    }
)


def test_parts_and_sources_are_named_by_their_labels() -> None:
    parts = dict(describe.target_details(CONTRACT.target("8c"), CONTRACT))  # type: ignore[arg-type]
    assert parts["Består af"] == "8c – handlingsplaner og 8c – vækstplaner"
    spread = dict(describe.target_details(CONTRACT.target("9a"), CONTRACT))  # type: ignore[arg-type]
    assert spread["Fordeling af"] == "målet 8a"


def test_show_names_targets_by_label_and_words_them_as_the_pages_do() -> None:
    text = describe.contract_text(CONTRACT)
    assert "  8c – vækstplaner  c\n      Type: antal\n      Måltal: mindst 315\n" in text
    assert "8c.vaekstplaner" not in text


def test_a_dotted_key_needs_a_label_and_an_undotted_key_is_its_own_name() -> None:
    with pytest.raises(ValidationError, match="skal have en label"):
        Target.model_validate({"key": "8c.vaekstplaner", "text": "x", "kind": "count", "value": 1})
    assert target(kind="count", value=1).name == "1a"
    assert target(kind="count", value=1, label="1a – kendskab").name == "1a – kendskab"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"approved": "2025-10-24"}, "Godkendt af KKR 24. oktober 2025"),
        (
            {"status": "udkast", "approved": "2025-10-24"},
            "Udkast, godkendt af KKR 24. oktober 2025",
        ),
        (
            {"approval_note": "Godkendt af KKR Sjælland, sandsynligvis 13. oktober 2021."},
            "Godkendt af KKR Sjælland, sandsynligvis 13. oktober 2021.",
        ),
        ({"status": "udkast", "approval_note": "Til behandling."}, "Udkast. Til behandling."),
        ({"status": "udkast"}, "Udkast"),
    ],
)
def test_approval_text(fields: dict[str, Any], expected: str) -> None:
    contract = Contract.model_validate(
        {"erhvervshus": "sjaelland", "kkr": "sjaelland", "year": 2022, **fields}
    )
    assert describe.approval_text(contract) == expected


def test_classification_note_states_the_placeholder_when_the_contract_gives_none() -> None:
    contract = Contract.model_validate(
        {
            "erhvervshus": "sjaelland",
            "kkr": "sjaelland",
            "year": 2022,
            "classification": {"259": "by", "360": "land"},
        }
    )
    assert describe.classification_text(contract) == (
        f"By/land: 1 bykommune og 1 landkommune. {describe.PLACEHOLDER_CLASSIFICATION}"
    )


@pytest.mark.parametrize(
    ("text", "whole", "inline"),
    [
        ("1. halvår 2022", "1\\. halvår 2022", "1. halvår 2022"),
        ("Målopfyldelse 1.680", "Målopfyldelse 1.680", "Målopfyldelse 1.680"),
        ("pris $5 og *vigtigt*", "pris \\$5 og \\*vigtigt\\*", "pris \\$5 og \\*vigtigt\\*"),
    ],
)
def test_contract_text_is_escaped_for_markdown(text: str, whole: str, inline: str) -> None:
    assert (md(text), md_inline(text)) == (whole, inline)


@pytest.mark.parametrize(
    ("kkr", "shown"), [("syddanmark", "KKR: KKR Syddanmark"), ("sjaelland", "KKR: KKR Sjælland")]
)
def test_the_contract_text_names_its_kkr_by_its_danish_name_not_its_key(
    kkr: str, shown: str
) -> None:
    contract = Contract.model_validate({"erhvervshus": "fyn", "kkr": kkr, "year": 2022})
    assert shown in describe.contract_text(contract).splitlines()
