"""What a civil servant reads on the command line: `show` for every shipped contract and
`status --format table` name targets as people write them and cite sources by document —
no reference into the source files ("F3:788"), no dotted key ("8c.handlingsplaner")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from voice_patterns import unreadable

import cli
from contracts.loader import DEFAULT_CONTRACTS_DIR, load_folder
from db import Store
from services.prepare import prepare

SHIPPED = sorted((c.erhvervshus, c.year) for c in load_folder(DEFAULT_CONTRACTS_DIR).contracts)


def output(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert cli.main(list(args)) == 0
    return capsys.readouterr().out.splitlines()


def test_the_shipped_contracts_are_the_three_of_the_sources() -> None:
    assert SHIPPED == [("hovedstaden", 2023), ("hovedstaden", 2026), ("sjaelland", 2022)]


@pytest.mark.parametrize(("house", "year"), SHIPPED)
def test_show_never_prints_a_source_line_or_a_dotted_key(
    house: str, year: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    lines = output(capsys, "show", house, str(year), "--format", "text")
    assert len(lines) > 20
    assert unreadable(lines) == []


def test_show_names_dotted_targets_by_label_and_gives_interpretations_apart(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    lines = output(capsys, "show", "sjaelland", "2022")
    assert any(line.startswith("  8c – vækstplaner  Erhvervshus Sjælland") for line in lines)
    assert any(line.startswith("  14b – Sjælland  Erhvervshus Sjælland yder") for line in lines)
    assert "      Måltal: mindst 17 kommuner med mindst 1 case" in lines
    assert "      Måltal: mindst 1 strategisk indsats" in lines
    assert (
        '      Fortolkning: "Maks. 10%" er læst som 10 procentpoint mellem gruppens andel af '
        "forløbene og dens andel af befolkningen. Alle forløb (8a's kommunetal) fordeles. "
        "By/land er en pladsholder (Danmarks Statistiks landkommuner), indtil bilag 1 "
        "foreligger."
    ) in lines
    assert (
        "- KKR Sjælland, bilag til mødet 13. oktober 2021 (datoen er udledt), pkt. 2.4 "
        "Beslutningssag: Resultatkontrakt 2022 mellem KKR Sjælland og Erhvervshus Sjælland"
    ) in lines


@pytest.fixture
def prepared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'prepared.sqlite'}")
    store = Store(f"sqlite:///{tmp_path / 'prepared.sqlite'}")
    prepare(store, as_of=dt.date(2026, 11, 23))
    return store


@pytest.mark.parametrize(
    ("house", "year", "period"),
    [
        ("sjaelland", "2022", "H1"),
        ("sjaelland", "2022", "FY"),
        ("hovedstaden", "2023", "FY"),
        ("fyn", "2023", "FY"),  # a demo contract from the 2021-2023 framework
    ],
)
@pytest.mark.usefixtures("prepared")
def test_status_table_names_targets_by_label(
    house: str, year: str, period: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = output(capsys, "status", house, year, period, "--format", "table")
    assert unreadable(lines) == []
    names = [re.split(r"\s{2,}", line)[1] for line in lines[4:] if line[:1].isdigit()]
    if house != "hovedstaden":
        assert {"3a – driftssegmentet", "3b – vækstsegmentet"} <= set(names)
