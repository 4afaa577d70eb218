"""The command line asks for the same confirmations as the pages: replacing demo data on
import (``--erstat-demodata``) and submitting with targets still without data
(``--trods-manglende``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from status_support import contract_store

import cli
from db import Store, ValueKey, ValueRow

CONTRACTS = Path(__file__).parent / "files" / "import" / "contracts"
HEADER = (
    "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,"
    "kritikere,kommentar"
)


def test_an_import_into_a_demo_round_needs_the_flag_and_says_what_it_removes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("CONTRACTS_DIR", str(CONTRACTS))
    store = Store(url)
    store.upgrade()
    demo = ValueRow(ValueKey("sjaelland", 2022, "H1", "8b"), value=300)
    store.save([demo], user="demo", demo=True)
    file = tmp_path / "tal.csv"
    file.write_text(HEADER + "\nsjaelland,2022,H1,8b,,470,,,,,,\n", encoding="utf-8")

    assert cli.main(["import", str(file), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "Prøvekørsel af 'tal.csv': 1 indsættes, 0 ændres, 0 uændrede, 0 ikke udfyldt; "
        "erstatter demodata i Erhvervshus Sjælland 1. halvår 2022 (1 demoværdier fjernes)."
    )
    assert cli.main(["import", str(file)]) == 1
    assert capsys.readouterr().err.startswith(
        "fejl: Filen 'tal.csv' erstatter demodata i Erhvervshus Sjælland 1. halvår 2022 "
        "(1 demoværdier fjernes). Intet er importeret: bekræft, at demodata skal fjernes "
        "(på kommandolinjen: --erstat-demodata)."
    )
    assert cli.main(["import", str(file), "--erstat-demodata"]) == 0
    assert capsys.readouterr().out == (
        "Importeret 'tal.csv': 1 indsat, 0 ændret, 0 uændrede, 0 ikke udfyldt. "
        "1 demoværdier er fjernet først.\n"
    )
    stored = store.values()
    assert stored[["target", "value", "is_demo"]].values.tolist() == [["8b", 470.0, False]]
    store.dispose()


def test_submit_with_missing_data_names_the_targets_and_needs_the_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = contract_store(tmp_path, monkeypatch)
    store.save(
        [
            ValueRow(ValueKey("sjaelland", 2022, "H1", "8a"), value=900),
            # 2a, an assessment not yet made, explained by a comment alone; 12a has nothing.
            ValueRow(ValueKey("sjaelland", 2022, "H1", "2a"), comment="Vurderes i august"),
        ],
        user="anne",
    )

    assert cli.main(["round", "sjaelland", "2022", "H1", "submit"]) == 1
    assert capsys.readouterr().err == (
        "fejl: 2 måltal i indberetningen for Erhvervshus Sjælland 1. halvår 2022 har stadig "
        "status »Mangler data«: 12a, 2a. Bekræft, at indberetningen skal indsendes uden dem.\n"
    )
    assert store.round("sjaelland", 2022, "H1").status == "åben"  # type: ignore[union-attr]
    assert cli.main(["round", "sjaelland", "2022", "H1", "submit", "--trods-manglende"]) == 0
    assert store.round("sjaelland", 2022, "H1").status == "indsendt"  # type: ignore[union-attr]
    store.dispose()
