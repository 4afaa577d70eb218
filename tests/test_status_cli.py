"""``python cli.py status``: JSON, CSV and a Danish table from a SQLite store in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from status_support import contract_store

import cli
from db import Store, ValueKey, ValueRow


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    created = contract_store(tmp_path, monkeypatch)
    created.save(
        [
            ValueRow(ValueKey("sjaelland", 2022, "H1", "8a"), value=800, comment="Sen start"),
            ValueRow(ValueKey("sjaelland", 2022, "H1", "12a"), numerator=57, denominator=100),
            ValueRow(ValueKey("sjaelland", 2022, "H1", "2a"), value=1),
        ],
        user="test",
    )
    yield created
    created.dispose()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_every_target_with_unrounded_numbers_and_nulls(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "status", "sjaelland", "2022", "H1", "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {"target": "8a", "goal": "8", "kind": "count", "period": "H1", "actual": 800.0,
         "target_value": 1680.0, "expected": 840.0, "fulfilment": 100 * 800 / 1680,
         "status": "i_risiko"},
        {"target": "12a", "goal": "8", "kind": "percentage", "period": "H1", "actual": 57.0,
         "target_value": 50.0, "expected": None, "fulfilment": 114.0, "status": "paa_vej"},
        {"target": "2a", "goal": "2", "kind": "assessment", "period": "H1", "actual": 1.0,
         "target_value": None, "expected": None, "fulfilment": None, "status": "paa_vej"},
        {"target": "3a", "goal": "2", "kind": "percentage", "period": "H1", "actual": None,
         "target_value": 80.0, "expected": None, "fulfilment": None, "status": "maales_senere"},
    ]  # fmt: skip


def test_csv_has_the_machine_columns_unrounded(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "status", "sjaelland", "2022", "h1", "--format", "csv")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "target,goal,kind,period,actual,target_value,expected,fulfilment,status"
    assert lines[1] == f"8a,8,count,H1,800.0,1680.0,840.0,{100 * 800 / 1680!r},i_risiko"
    assert lines[4] == "3a,2,percentage,H1,,80.0,,,maales_senere"


def test_table_is_danish(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "sjaelland", "2022", "H1")
    assert code == 0
    assert out.splitlines()[0] == "Erhvervshus Sjælland: status 1. halvår 2022"
    row_8a = next(line for line in out.splitlines() if line.split()[1:2] == ["8a"])
    assert row_8a.split() == [
        "8",
        "8a",
        "800",
        "forløb",
        "mindst",
        "1.680",
        "forløb",
        "840",
        "forløb",
        "48",
        "%",
        "I",
        "risiko",
    ]
    assert "57,0 % " in out and "Måles senere" in out
    assert out.rstrip().endswith("I alt 4 måltal: 1 i risiko, 2 på vej og 1 måles senere.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fyn", "2022", "H1"], "fejl: Erhvervshus Fyn har ingen resultatkontrakt for 2022.\n"),
        (["odense", "2022", "H1"], "fejl: Ukendt erhvervshus 'odense'. Brug en af: hovedstaden, "
         "sjaelland, fyn, sydjylland, midtjylland, nordjylland.\n"),
        (["sjaelland", "2022", "Q3"], "fejl: Ukendt periode 'Q3'. Brug H1 (1. halvår) eller FY (helår).\n"),
    ],
)  # fmt: skip
def test_errors_are_one_danish_line_and_non_zero_exit(
    store: Store, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "status", *args)
    assert (code, out, err) == (1, "", message)


def test_json_keeps_its_keys_and_gives_maalt_tidligere_for_a_measurement_before_the_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)  # the shipped contracts
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'status.sqlite'}")
    code, out, _ = run(capsys, "status", "sjaelland", "2022", "FY", "--format", "json")
    records = {r["target"]: r for r in json.loads(out)}
    assert code == 0
    assert {tuple(r) for r in records.values()} == {
        ("target", "goal", "kind", "period", "actual", "target_value", "expected",
         "fulfilment", "status"),
    }  # fmt: skip
    assert records["1a"] == {
        "target": "1a", "goal": "1", "kind": "change_pp", "period": "FY", "actual": None,
        "target_value": 39.0, "expected": None, "fulfilment": None, "status": "maalt_tidligere",
    }  # fmt: skip
    assert records["4a"]["status"] == "mangler_data"  # measured in the contract year


def test_table_marks_a_preliminary_figure_and_the_year_of_an_earlier_measurement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CONTRACTS_DIR", raising=False)
    url = f"sqlite:///{tmp_path / 'status.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = Store(url)
    store.upgrade()
    store.save(
        [
            ValueRow(ValueKey("sjaelland", 2022, "H1", "15a"), value=2.0),
            ValueRow(ValueKey("sjaelland", 2022, "H1", "16a"), value=0.0),
        ],
        user="test",
    )
    store.dispose()
    code, out, _ = run(capsys, "status", "sjaelland", "2022", "H1")
    rows = {line.split()[1]: line for line in out.splitlines()[3:-2] if line.strip()}
    assert code == 0
    assert rows["15a"].endswith("I risiko (foreløbigt tal)")
    assert rows["1a"].endswith("Målt tidligere (2021)")
    assert "  0,5 strategiske indsatser  " in rows["16a"]  # never rounded to 0 or 1
