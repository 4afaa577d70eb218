"""The "Næste års kontrakt" page: evidence, suggestion, reasons, save with conflicts, the
saved draft marked Udkast elsewhere, framework mapping, approval. Numbers are literal."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pages_support import open_app
from streamlit.testing.v1 import AppTest

from db import Store, ValueKey, ValueRow
from ui.contract_view import DRAFT_NOTICE

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drafting"))
from contract_texts import write_files
from drafting_support import SJAELLAND_2022, small_folder

PAGE = "app_pages/naeste_aar.py"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str) -> Path:
    root = small_folder(tmp_path / "kontrakter")
    monkeypatch.setenv("CONTRACTS_DIR", str(root))
    monkeypatch.setenv("APP_USER", "anna")
    return root


def save_values(url: str, rows: list[ValueRow], *, demo: bool = False) -> None:
    store = Store(url)
    store.upgrade()
    store.save(rows, user="tester", demo=demo)
    store.dispose()


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def widget(items: object, label: str):  # type: ignore[no-untyped-def]
    found = [w for w in items if w.label == label]  # type: ignore[attr-defined]
    assert len(found) == 1, f"{label!r} findes {len(found)} gange"
    return found[0]


def markdowns(at: AppTest) -> list[str]:
    return [str(m.value) for m in at.main.markdown]


def drafting_page() -> AppTest:
    return run(open_app(PAGE))


def test_the_page_shows_evidence_and_a_suggestion_from_real_values(
    folder: Path, database_url: str
) -> None:
    save_values(database_url, [ValueRow(ValueKey("sjaelland", 2022, "H1", "8a"), value=900)])
    at = drafting_page()
    assert at.title.values == ["Næste års kontrakt"]
    assert at.selectbox(key="aar").value == "2023"
    texts = markdowns(at)
    assert (
        "Helår: ingen resultater i databasen.  \n"
        "1\\. halvår 2022: 900 forløb (mål: mindst 1.680 forløb) – På vej, 54 %; fremskrevet til helår: "
        "1.800 forløb  \n"
        "Forslag: mindst 1.680 forløb – ingen historik"
    ) in texts
    assert widget(at.text_input, "Nyt måltal for 8a (forløb)").value == "1.680"
    assert any("Udkast" in t for t in texts)


def test_a_changed_number_needs_a_reason_before_it_can_be_saved(
    folder: Path, database_url: str
) -> None:
    at = drafting_page()
    widget(at.text_input, "Nyt måltal for 8a (forløb)").set_value("1.750")
    run(at)
    assert "Fejl: Måltallet 8a er ændret (måltal) og mangler en begrundelse" in [
        e.value for e in at.error
    ]
    assert widget(at.button, "Gem udkastet").disabled
    widget(at.text_input, "Begrundelse for 8a").set_value("Flere driftsmidler.")
    run(at)
    assert not widget(at.button, "Gem udkastet").disabled
    widget(at.button, "Gem udkastet").click()
    run(at)
    assert next(s.value for s in at.success) == "Udkastet er gemt som udkast/sjaelland-2023.yaml."
    saved = (folder / "udkast" / "sjaelland-2023.yaml").read_text(encoding="utf-8")
    assert "value: 1750" in saved
    assert "reason: Flere driftsmidler." in saved


def test_taking_the_corrected_sentence_removes_the_flag_and_shows_in_the_diff(
    folder: Path, database_url: str
) -> None:
    at = drafting_page()
    flagged = [w.value for w in at.warning if str(w.value).startswith("8a (ordlyd)")]
    assert flagged == [
        "8a (ordlyd) nævner 2022, året for kontrakten, udkastet bygger på:  \n"
        "»Samlet set skal Erhvervshus Sjælland gennemføre 1.680 forløb i 2023.«"
    ]
    buttons = [b for b in at.button if b.label == "Brug den rettede tekst"]
    before = len(buttons)
    buttons[1].click()  # the title's comes first, then 8a's
    run(at)
    assert len([b for b in at.button if b.label == "Brug den rettede tekst"]) == before - 1
    assert "Ordlyden ovenfor er den rettede." in [c.value for c in at.caption]
    assert (
        "**8a** · Samlet set skal Erhvervshus Sjælland gennemføre 1.680 forløb i 2023."
        in markdowns(at)
    )


def test_a_second_save_from_a_stale_read_is_a_conflict_naming_who_saved_since(
    folder: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = drafting_page()
    widget(first.button, "Gem udkastet").click()
    run(first)
    anna = drafting_page()
    monkeypatch.setenv("APP_USER", "bent")
    bent = drafting_page()
    widget(bent.text_input, "Nyt måltal for 8a (forløb)").set_value("1.700")
    run(bent)
    widget(bent.text_input, "Begrundelse for 8a").set_value("Bents grund.")
    run(bent)
    widget(bent.button, "Gem udkastet").click()
    run(bent)
    monkeypatch.setenv("APP_USER", "anna")
    widget(anna.text_input, "Nyt måltal for 8a (forløb)").set_value("1.600")
    run(anna)
    widget(anna.text_input, "Begrundelse for 8a").set_value("Annas grund.")
    run(anna)
    widget(anna.button, "Gem udkastet").click()
    run(anna)
    errors = [str(e.value) for e in anna.error]
    assert any(
        e.startswith("Udkastet til Erhvervshus Sjælland 2023 er gemt af bent ") for e in errors
    )
    assert "value: 1700" in (folder / "udkast" / "sjaelland-2023.yaml").read_text()


def test_a_saved_draft_is_udkast_on_kontrakter_and_overblik_and_replaces_the_demo_contract(
    folder: Path, database_url: str
) -> None:
    save_values(
        database_url, [ValueRow(ValueKey("sjaelland", 2023, "H1", "8a"), value=801)], demo=True
    )
    demo = open_app("app_pages/kontrakter.py")
    demo.query_params["hus"], demo.query_params["aar"] = "sjaelland", "2023"
    run(demo)
    assert demo.title.values == ["Resultatkontrakt 2023 – Erhvervshus Sjælland (demo)"]
    page = drafting_page()
    widget(page.button, "Gem udkastet").click()
    run(page)
    contracts = open_app("app_pages/kontrakter.py")
    contracts.query_params["hus"], contracts.query_params["aar"] = "sjaelland", "2023"
    run(contracts)
    assert contracts.title.values == ["Resultatkontrakt 2022 for Erhvervshus Sjælland"]
    assert DRAFT_NOTICE in [w.value for w in contracts.warning]
    assert "Demokontrakt: opdigtet til demonstration, ikke en rigtig kontrakt." not in [
        w.value for w in contracts.warning
    ]
    overview = open_app()
    for name, value in {"hus": "sjaelland", "aar": "2023", "periode": "H1"}.items():
        overview.query_params[name] = value
    run(overview)
    assert overview.title.values == ["Overblik: Erhvervshus Sjælland 2023"]
    assert DRAFT_NOTICE in [w.value for w in overview.warning]


def test_a_2024_draft_under_the_new_framework_waits_for_the_mapping(
    folder: Path, database_url: str
) -> None:
    godkendt_2023 = SJAELLAND_2022.replace("year: 2022", "year: 2023").replace(
        "deadline: 2022-03-31", "deadline: 2023-03-31"
    )
    write_files(folder, {"sjaelland-2023.yaml": godkendt_2023})
    at = drafting_page()
    assert at.selectbox(key="aar").value == "2024"
    assert "Ny rammeaftale" in at.header.values
    assert at.info.values[-1].startswith(
        "Vælg for hvert nationalt mål, hvor det hører til, før udkastet kan vises (mangler: mål 1, 2)"
    )
    widget(
        at.selectbox, "Mål 1 – Virksomhedernes kendskab til erhvervshusene (2 måltal)"
    ).set_value("2")
    widget(at.selectbox, "Mål 2 – Bred geografisk spredning (1 måltal)").set_value(
        "Videreføres ikke"
    )
    run(at)
    assert "Måltal, der ikke føres videre: 2a" in [c.value for c in at.caption]
    assert "Fejl: Mål 2 er fjernet og mangler en begrundelse" in [e.value for e in at.error]
    widget(at.text_input, "Begrundelse for ikke at videreføre mål 2").set_value("Indgår i mål 8.")
    run(at)
    assert not [e.value for e in at.error]
    assert "Mål 2 – Virksomhedernes kendskab til Erhvervshusene (øget)" in at.subheader.values


def test_approval_on_the_page_turns_the_draft_godkendt_and_lists_orphaned_values(
    folder: Path, database_url: str
) -> None:
    save_values(database_url, [ValueRow(ValueKey("sjaelland", 2023, "H1", "16a"), value=1)])
    at = drafting_page()
    widget(at.checkbox, "Fjern mål 16").check()
    run(at)
    widget(at.text_input, "Begrundelse for mål 16").set_value("Indgår i mål 8.")
    run(at)
    widget(at.button, "Gem udkastet").click()
    run(at)
    widget(at.text_input, "KKR-mødet").set_value("KKR Sjælland")
    widget(at.button, "Registrér KKR's godkendelse").click()
    run(at)
    assert [s.value for s in at.success] == [
        "Kontrakten for Erhvervshus Sjælland 2023 er godkendt og gemt som sjaelland-2023.yaml. "
        "Gemte værdier uden måltal i den godkendte kontrakt (de er bevaret):\n"
        "- 16a, 1. halvår 2023: 1 værdi"
    ]
    assert (folder / "sjaelland-2023.yaml").exists()


@pytest.mark.parametrize(
    "page",
    [
        "app_pages/overblik.py",
        "app_pages/maal.py",
        "app_pages/kommuner.py",
        "app_pages/indberetning.py",
        "app_pages/kontrakter.py",
    ],
)
def test_every_page_showing_a_draft_marks_it_udkast(
    folder: Path, database_url: str, page: str
) -> None:
    drafted = drafting_page()
    widget(drafted.button, "Gem udkastet").click()
    run(drafted)
    at = open_app(page)
    for name, value in {"hus": "sjaelland", "aar": "2023", "periode": "H1"}.items():
        at.query_params[name] = value
    run(at)
    assert DRAFT_NOTICE in [w.value for w in at.warning]


def test_hele_landet_marks_the_houses_whose_contract_is_a_draft(
    folder: Path, database_url: str
) -> None:
    drafted = drafting_page()
    widget(drafted.button, "Gem udkastet").click()
    run(drafted)
    at = open_app("app_pages/landet.py")
    at.query_params["aar"], at.query_params["periode"] = "2023", "FY"
    run(at)
    assert (
        "Udkast: Erhvervshus Sjælland har for 2023 kun et udkast, som KKR ikke har godkendt "
        "endnu; deres kolonner er mærket »udkast«."
    ) in [w.value for w in at.warning]
    assert list(at.table[0].value.columns) == ["Sjælland (udkast)"]


def test_all_corrected_texts_can_be_taken_at_once_and_each_undone(
    folder: Path, database_url: str
) -> None:
    at = drafting_page()
    assert (
        "At se efter: 5 tekster med det gamle årstal eller måltal · 1 måltal målt uden for 2023 "
        "· 0 ændringer uden begrundelse · 0 fejl."
    ) in markdowns(at)
    widget(at.button, "Brug alle 5 rettede tekster").click()
    run(at)
    assert not [b for b in at.button if b.label == "Brug den rettede tekst"]
    assert len([b for b in at.button if b.label == "Fortryd rettelsen"]) == 5
    assert at.title.values == ["Næste års kontrakt"]
    badge = ":orange-badge[Ændret: årstallet i ordlyden er rettet fra 2022 til 2023]"
    assert markdowns(at).count(badge) == 3  # 8a, 12a and 16a; 11f's deadline moved as well


def test_a_number_that_cannot_be_read_is_named_and_stops_the_save(
    folder: Path, database_url: str
) -> None:
    at = drafting_page()
    widget(at.text_input, "Nyt måltal for 8a (forløb)").set_value("1,680.5")
    run(at)
    assert "8a: »1,680.5« er ikke et tal; skriv fx 1.750 eller 2,5" in [e.value for e in at.error]
    assert widget(at.button, "Gem udkastet").disabled
    # The summary at the top counts it among the errors: it stops the save as they do.
    assert any(text.endswith("· 1 fejl.") for text in markdowns(at))
