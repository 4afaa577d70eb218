"""Submitting a report round: comments on misses and assessments first (docs/rules.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from status_support import contract_store

import cli
from contracts.loader import load_folder
from contracts.models import Contract
from db import Store, ValueKey, ValueRow
from db.errors import NotFound, ValidationFailed
from metrics import fulfilment
from metrics.values import values_frame
from services.rounds import approve_round, missing_comments, reopen_round, submit_round


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("APP_USER", "anne")
    created = contract_store(tmp_path, monkeypatch)
    created.save(
        [
            ValueRow(ValueKey("sjaelland", 2022, "H1", "8a"), value=800, expected_version=0),
            ValueRow(ValueKey("sjaelland", 2022, "H1", "12a"), value=40, expected_version=0),
            ValueRow(ValueKey("sjaelland", 2022, "H1", "2a"), value=1, expected_version=0),
        ],
        user="anne",
    )
    yield created
    created.dispose()


def comment(store: Store, target: str, text: str) -> None:
    values = store.values("sjaelland", 2022, "H1").set_index("target")
    key = ValueKey("sjaelland", 2022, "H1", target)
    row = values.loc[target]
    store.save(
        [ValueRow(key, value=row["value"], comment=text, expected_version=int(row["version"]))],
        user="anne",
    )


def submit(store: Store) -> None:
    submit_round(load_folder(), store, "sjaelland", 2022, "H1", user="anne")


def test_submit_is_refused_listing_every_target_without_a_comment(store: Store) -> None:
    with pytest.raises(ValidationFailed) as caught:
        submit(store)
    assert str(caught.value).splitlines() == [
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 kan ikke indsendes: "
        "3 måltal mangler en kommentar.",
        "8a: er i risiko og mangler en kommentar.",
        "12a: er i risiko og mangler en kommentar.",
        "2a: er en vurdering og mangler en begrundelse.",
    ]
    assert store.round("sjaelland", 2022, "H1").status == "åben"


def test_submit_succeeds_once_misses_and_assessments_are_explained(store: Store) -> None:
    for target in ("8a", "12a", "2a"):
        comment(store, target, "Forklaring")
    submit(store)
    assert store.round("sjaelland", 2022, "H1").status == "indsendt"


def test_whitespace_is_not_a_comment(store: Store) -> None:
    for target, text in (("8a", "Forklaring"), ("12a", "   "), ("2a", "Forklaring")):
        comment(store, target, text)
    with pytest.raises(ValidationFailed, match="1 måltal mangler en kommentar"):
        submit(store)


def test_approve_and_reopen_with_a_reason(store: Store) -> None:
    for target in ("8a", "12a", "2a"):
        comment(store, target, "Forklaring")
    submit(store)
    approve_round(load_folder(), store, "sjaelland", 2022, "H1", user="kkr")
    assert store.round("sjaelland", 2022, "H1").status == "godkendt"
    with pytest.raises(ValidationFailed) as caught:
        reopen_round(store, "sjaelland", 2022, "H1", user="anne", reason=" ")
    assert str(caught.value) == (
        "Skriv en begrundelse for at genåbne indberetningen for "
        "Erhvervshus Sjælland 1. halvår 2022."
    )
    reopen_round(store, "sjaelland", 2022, "H1", user="anne", reason="Rettet tal")
    assert store.round("sjaelland", 2022, "H1").status == "åben"


def test_submitting_twice_says_it_is_already_submitted(store: Store) -> None:
    for target in ("8a", "12a", "2a"):
        comment(store, target, "Forklaring")
    submit(store)
    with pytest.raises(ValidationFailed) as caught:
        submit(store)
    assert (
        str(caught.value)
        == "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er allerede indsendt."
    )


def test_a_round_without_values_cannot_be_submitted(store: Store) -> None:
    with pytest.raises(NotFound) as caught:
        submit_round(load_folder(), store, "sjaelland", 2022, "FY", user="anne")
    assert (
        str(caught.value) == "Der er endnu ingen indberetning for Erhvervshus Sjælland helår 2022."
    )


def test_round_cli_shows_status_and_what_is_missing(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["round", "sjaelland", "2022", "H1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Indberetningen for Erhvervshus Sjælland 1. halvår 2022: Åben; ")
    assert lines[1:] == [
        "Mangler kommentar før indsendelse:",
        "  8a: er i risiko og mangler en kommentar.",
        "  12a: er i risiko og mangler en kommentar.",
        "  2a: er en vurdering og mangler en begrundelse.",
    ]


def test_round_cli_submit_error_is_one_message_and_non_zero(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["round", "sjaelland", "2022", "H1", "submit"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        "fejl: Indberetningen for Erhvervshus Sjælland 1. halvår 2022 kan ikke indsendes"
    )
    assert "  " not in captured.err and "Traceback" not in captured.err


def test_round_cli_submit_approve_reopen(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    for target in ("8a", "12a", "2a"):
        comment(store, target, "Forklaring")
    assert cli.main(["round", "sjaelland", "2022", "H1", "submit"]) == 0
    assert cli.main(["round", "sjaelland", "2022", "H1", "approve"]) == 0
    assert cli.main(["round", "sjaelland", "2022", "H1", "reopen", "--reason", "Fejl i 8a"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er indsendt.",
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er godkendt.",
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er genåbnet.",
    ]
    audit = store.audit("sjaelland", 2022)
    assert "Fejl i 8a" in audit["reason"].tolist()


def test_the_submit_check_names_a_dotted_target_by_its_label() -> None:
    contract = Contract.model_validate(
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
                        {
                            "key": "8c.vaekstplaner",
                            "label": "8c – vækstplaner",
                            "text": "315 vækstplaner",
                            "kind": "count",
                            "value": 315,
                        }
                    ],
                }
            ],
        }
    )
    values = values_frame(
        [
            {
                "house": "sjaelland",
                "year": 2022,
                "period": "H1",
                "target": "8c.vaekstplaner",
                "value": 20,
            }
        ]
    )
    assert missing_comments(fulfilment(contract, values, period="H1")) == [
        "8c – vækstplaner: er i risiko og mangler en kommentar."
    ]
