"""What a civil servant reads: on every page of the store `make run` prepares, no reference
into the source files ("F3:788") and no dotted key ("8c.handlingsplaner"); every moment in
Danish time, in one format, on every page."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pages_support import open_app, shown_cards
from streamlit.testing.v1 import AppTest
from voice_support import page_texts, unreadable

from db import Store, ValueKey, ValueRow
from services.prepare import prepare

OVERBLIK = "app.py"
MAAL = "app_pages/maal.py"
KOMMUNER = "app_pages/kommuner.py"
KONTRAKTER = "app_pages/kontrakter.py"
LANDET = "app_pages/landet.py"
INDBERETNING = "app_pages/indberetning.py"

SJ22 = {"hus": "sjaelland", "aar": "2022"}
HS23 = {"hus": "hovedstaden", "aar": "2023"}
HS26 = {"hus": "hovedstaden", "aar": "2026"}
FYN23 = {"hus": "fyn", "aar": "2023"}  # a demo contract, built from the 2021-2023 framework

PAGES: list[tuple[str, dict[str, str]]] = [
    (OVERBLIK, {**SJ22, "periode": "H1"}),
    (OVERBLIK, {**SJ22, "periode": "FY"}),
    (OVERBLIK, {**HS23, "periode": "FY"}),
    (OVERBLIK, {**HS26, "periode": "FY"}),
    (OVERBLIK, {**FYN23, "periode": "FY"}),
    # Goals with dotted keys, interpretations or citations in their notes.
    *((MAAL, {**SJ22, "periode": "FY", "maal": n}) for n in ("1", "3", "5", "6", "8", "9", "11")),
    *((MAAL, {**SJ22, "periode": "FY", "maal": n}) for n in ("12", "14")),
    (MAAL, {**SJ22, "periode": "H1", "maal": "8"}),
    (MAAL, {**HS23, "periode": "FY", "maal": "1"}),
    (MAAL, {**FYN23, "periode": "FY", "maal": "3"}),
    (MAAL, {**FYN23, "periode": "FY", "maal": "8"}),
    (KOMMUNER, {**SJ22, "periode": "FY", "maaltal": "8a"}),
    (KOMMUNER, {**SJ22, "periode": "H1", "maaltal": "9c"}),
    (KOMMUNER, {**SJ22, "periode": "FY", "maaltal": "11h"}),
    (KOMMUNER, {**FYN23, "periode": "FY", "maaltal": "8a"}),
    (KONTRAKTER, SJ22),
    (KONTRAKTER, HS23),
    (KONTRAKTER, HS26),
    (KONTRAKTER, FYN23),
    (LANDET, {"aar": "2022", "periode": "FY"}),
    (LANDET, {"aar": "2022", "periode": "H1"}),
    (LANDET, {"aar": "2023", "periode": "FY"}),
    (LANDET, {"aar": "2026", "periode": "FY"}),
    (INDBERETNING, {**SJ22, "periode": "H1"}),
    (INDBERETNING, {**SJ22, "periode": "FY"}),
    (INDBERETNING, {**HS23, "periode": "FY"}),
    (INDBERETNING, {**FYN23, "periode": "FY"}),
]


@pytest.fixture(scope="module")
def prepared_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store `make run` prepares (shipped results and demo), made once for the module."""
    path = tmp_path_factory.mktemp("prepared") / "prepared.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("CONTRACTS_DIR", raising=False)
        store = Store(f"sqlite:///{path}")
        prepare(store, as_of=dt.date(2026, 11, 23))
        store.dispose()
    return path


@pytest.fixture
def prepared(database_url: str, prepared_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh copy of the prepared store for each test."""
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    shutil.copyfile(prepared_file, database_url.removeprefix("sqlite:///"))


def run(page: str, params: dict[str, str], *, all_targets: bool = False) -> AppTest:
    at = open_app(page)
    for name, value in params.items():
        at.query_params[name] = value
    if all_targets:
        at.session_state["alle_maaltal"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(("page", "params"), PAGES)
@pytest.mark.usefixtures("prepared")
def test_no_page_shows_a_source_line_or_a_dotted_key(page: str, params: dict[str, str]) -> None:
    texts = page_texts(run(page, params, all_targets=page == INDBERETNING))
    assert len(texts) > 5
    assert unreadable(texts) == []


@pytest.mark.usefixtures("prepared")
def test_targets_are_named_as_people_write_them() -> None:
    names = [
        card.paragraphs[0].split(" · ")[0]
        for card in shown_cards(run(OVERBLIK, {**SJ22, "periode": "FY"}))
    ]
    for name in ("8c – vækstplaner", "3a – driftssegmentet", "14b – Sjælland", "5b – 2021"):
        assert name in names
    contract = "\n".join(page_texts(run(KONTRAKTER, HS23)))
    assert "KKR Hovedstaden, dagsorden 19. april 2024, pkt. 3.4" in contract
    assert "Fortolkning:" in contract


def _save_at(store: Store, moment: dt.datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("db.writes.utcnow", lambda: moment)
    key = ValueKey("sjaelland", 2022, "H1", "8a")
    store.save([ValueRow(key, value=800, comment="CRM")], user="tester")


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (dt.datetime(2026, 1, 15, 12, 40, tzinfo=dt.UTC), "15. januar 2026 kl. 13.40"),
        (dt.datetime(2026, 6, 30, 22, 30, tzinfo=dt.UTC), "1. juli 2026 kl. 00.30"),
    ],
)
@pytest.mark.usefixtures("contracts_folder")
def test_one_moment_reads_the_same_in_danish_time_on_every_page(
    database_url: str, monkeypatch: pytest.MonkeyPatch, moment: dt.datetime, shown: str
) -> None:
    store = Store(database_url)
    store.upgrade()
    _save_at(store, moment, monkeypatch)
    h1 = {**SJ22, "periode": "H1"}

    maal = run(MAAL, {**h1, "maal": "8"})
    assert list(maal.dataframe[0].value["Tidspunkt"]) == [shown]

    entry = run(INDBERETNING, h1)
    assert list(entry.dataframe[-1].value["hvornår"]) == [shown]
    assert f"Senest ændret af tester {shown}." in entry.caption.values

    overview = run(OVERBLIK, h1)
    assert f"(senest ændret af tester {shown})." in overview.info.values[0]
