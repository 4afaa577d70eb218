"""The contract as a document: per goal Mål, Metode and Afrapportering; a draft adds its
changes against the contract of the year before."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from contracts.dump import contract_to_yaml
from contracts.loader import DEFAULT_CONTRACTS_DIR, load_folder
from contracts.models import Change, Target
from services.report import contract_file
from services.report.contract_doc import contract_document


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The shipped contracts plus a Sjælland 2023 draft built on 2022: 8a raised, 8b gone and
    18a new, each with its reason (deadlines moved into 2023)."""
    root = tmp_path / "kontrakter"
    shutil.copytree(DEFAULT_CONTRACTS_DIR, root)
    base = load_folder(root).contract("sjaelland", 2022)
    assert base is not None
    goals = []
    for goal in base.goals:
        targets = tuple(
            t.model_copy(update={"value": 1800, "parts": ("8c",)})
            if t.key == "8a"
            else t.model_copy(update={"deadline": t.deadline.replace(year=2023)})
            if t.deadline
            else t
            for t in goal.targets
            if t.key != "8b"
        )
        goals.append(goal.model_copy(update={"targets": targets}))
    new = Target(key="18a", text="Erhvervshuset afholder 4 netværksmøder.", kind="count", value=4)
    last = goals[-1]
    goals[-1] = last.model_copy(update={"targets": (*last.targets, new)})
    reasons = (
        Change(change="changed", target="8a", reason="Flere rådgivningsmidler i 2023"),
        Change(change="removed", target="8b", reason="Korte forløb tælles nu under 8a"),
        Change(change="added", target="18a", reason="Netværket er KKR's ønske for 2023"),
    )
    draft = base.model_copy(
        update={
            "year": 2023,
            "status": "udkast",
            "approval_note": None,
            "based_on": 2022,
            "changes": reasons,
            "goals": tuple(goals),
        }
    )
    (root / "udkast").mkdir()
    (root / "udkast" / "sjaelland-2023.yaml").write_text(contract_to_yaml(draft), encoding="utf-8")
    return root


def test_a_draft_lists_its_changes_with_their_reasons(folder: Path) -> None:
    catalog = load_folder(folder)
    doc = contract_document(catalog, "sjaelland", 2023, draft=True)

    assert catalog.errors == []
    assert doc.changes_heading == "Ændringer i forhold til kontrakten for 2022"
    assert doc.changes == (
        "Tilføjet: 18a (mål 17): »Erhvervshuset afholder 4 netværksmøder.« (mindst 4). "
        "Begrundelse: Netværket er KKR's ønske for 2023",
        "Fjernet: 8b (mål 8): »Erhvervshus Sjælland gennemfører 880 korte forløb i 2022« "
        "(mindst 880 forløb). Begrundelse: Korte forløb tælles nu under 8a",
        "Ændret: 8a (mål 8): mindst 1.680 forløb → mindst 1.800 forløb; dele ændret. "
        "Begrundelse: Flere rådgivningsmidler i 2023",
        "Ændret: 11f (mål 11). Følger af det nye år eller den nye rammeaftale: fristen er "
        "flyttet med kontraktåret til 31. marts 2023",
    )
    assert doc.front.provisional == "Udkast: kontrakten er ikke godkendt af KKR"
    assert ("KKR", "KKR Sjælland") in doc.front.facts


def test_an_approved_contract_has_no_list_of_changes(folder: Path) -> None:
    doc = contract_document(load_folder(folder), "sjaelland", 2022)

    assert (doc.changes_heading, doc.changes) == (None, ())
    assert [g.heading for g in doc.goals][:2] == [
        "Mål 1 – Virksomhedernes kendskab til erhvervshusene",
        "Mål 2 – Bred geografisk spredning",
    ]


def test_the_draft_as_word_has_its_changes_and_each_goals_three_parts(folder: Path) -> None:
    data = contract_file(load_folder(folder), "sjaelland", 2023, "docx", draft=True)
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]

    assert "Ændringer i forhold til kontrakten for 2022" in headings
    assert texts[texts.index("Ændringer i forhold til kontrakten for 2022") + 1].startswith(
        "Tilføjet: 18a (mål 17)"
    )
    assert headings.count("Metode") == headings.count("Afrapportering") == 17
    assert document.core_properties.title == "Resultatkontrakt 2023: Erhvervshus Sjælland"
