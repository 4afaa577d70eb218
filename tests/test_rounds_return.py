"""KKR sends an indsendt round back to the house with a reason (docs/tracker.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from status_support import contract_store

import cli
from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from db.errors import Forbidden, NotFound, ValidationFailed
from services.round_events import round_events
from services.rounds import approve_round, return_round, submit_round
from services.session import Principal, Session

ROUND = ("sjaelland", 2022, "H1")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv("APP_USER", "anne")
    created = contract_store(tmp_path, monkeypatch)
    created.save(
        [
            ValueRow(ValueKey(*ROUND, "8a"), value=800, comment="Forsinket", expected_version=0),
            ValueRow(ValueKey(*ROUND, "12a"), value=40, comment="Lavt", expected_version=0),
            ValueRow(ValueKey(*ROUND, "2a"), value=1, comment="Opfyldt", expected_version=0),
        ],
        user="anne",
    )
    yield created
    created.dispose()


def submitted(store: Store) -> Store:
    submit_round(load_folder(), store, *ROUND, user="anne")
    return store


def test_returning_an_indsendt_round_opens_it_and_audits_who_and_why(store: Store) -> None:
    return_round(submitted(store), *ROUND, user="kkr-syd", reason="  Uddyb kommentaren til 8a ")
    assert store.round(*ROUND).status == "åben"
    latest = store.audit("sjaelland", 2022).iloc[0]
    assert (latest["action"], latest["user"], latest["reason"]) == (
        "sendt tilbage",
        "kkr-syd",
        "Uddyb kommentaren til 8a",
    )
    assert (latest["old"], latest["new"]) == ('{"status": "indsendt"}', '{"status": "åben"}')


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_returning_needs_a_reason(store: Store, reason: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        return_round(submitted(store), *ROUND, user="kkr", reason=reason)
    assert str(caught.value) == (
        "Skriv en begrundelse for at sende indberetningen for Erhvervshus Sjælland 1. halvår "
        "2022 tilbage; erhvervshuset ser den på Indberetning."
    )
    assert store.round(*ROUND).status == "indsendt"


def test_a_reason_with_a_control_character_is_refused_in_danish(store: Store) -> None:
    with pytest.raises(ValidationFailed, match=r"^Begrundelsen indeholder et usynligt styretegn"):
        return_round(submitted(store), *ROUND, user="kkr", reason="Ret\x00 8a")
    assert store.round(*ROUND).status == "indsendt"


def test_an_open_round_cannot_be_returned(store: Store) -> None:
    with pytest.raises(ValidationFailed) as caught:
        return_round(store, *ROUND, user="kkr", reason="Ret 8a")
    assert str(caught.value) == (
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er åben; kun en indsendt "
        "indberetning kan sendes tilbage."
    )


def test_an_approved_round_cannot_be_returned_only_reopened(store: Store) -> None:
    approve_round(load_folder(), submitted(store), *ROUND, user="kkr")
    with pytest.raises(ValidationFailed, match="er godkendt; kun en indsendt indberetning"):
        return_round(store, *ROUND, user="kkr", reason="Ret 8a")
    assert store.round(*ROUND).status == "godkendt"


def test_a_round_that_does_not_exist_cannot_be_returned(store: Store) -> None:
    with pytest.raises(NotFound, match="Der er endnu ingen indberetning for"):
        return_round(store, "sjaelland", 2022, "FY", user="kkr", reason="Ret 8a")


def test_the_return_stands_until_the_house_submits_again(store: Store) -> None:
    kkr = Principal(name="kkr-syd", role="kkr", kkr="sjaelland")
    session = Session(submitted(store), kkr)
    session.return_round(*ROUND, reason="Uddyb 8a")
    standing = round_events(store.audit("sjaelland", 2022))[ROUND].standing_return
    assert standing is not None
    assert (standing.user, standing.reason, standing.label) == (
        "kkr-syd",
        "Uddyb 8a",
        "Sendt tilbage",
    )
    submit_round(load_folder(), store, *ROUND, user="anne")
    events = round_events(store.audit("sjaelland", 2022))[ROUND]
    assert events.standing_return is None
    assert events.submitted is not None and events.decided is None


def test_round_cli_return_with_begrundelse(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    submitted(store)
    args = ["round", "sjaelland", "2022", "H1", "return"]
    assert cli.main([*args, "--begrundelse", "Mangler kilde til 12a"]) == 0
    assert capsys.readouterr().out == (
        "Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er sendt tilbage til "
        "erhvervshuset.\n"
    )
    latest = store.audit("sjaelland", 2022).iloc[0]
    assert (latest["action"], latest["user"], latest["reason"]) == (
        "sendt tilbage",
        "anne",
        "Mangler kilde til 12a",
    )


def test_round_cli_return_without_a_reason_is_one_danish_line(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    submitted(store)
    assert cli.main(["round", "sjaelland", "2022", "H1", "return"]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "fejl: Skriv en begrundelse for at sende indberetningen for Erhvervshus Sjælland "
        "1. halvår 2022 tilbage; erhvervshuset ser den på Indberetning.\n"
    )
    assert store.round(*ROUND).status == "indsendt"


@pytest.mark.parametrize(
    "principal",
    [
        Principal(name="ib", role="erhvervshus", house="sjaelland"),
        Principal(name="kkr-fyn", role="kkr", kkr="syddanmark"),
        Principal(name="medlem", role="kkr_medlem", kkr="sjaelland"),
    ],
    ids=["the-house-itself", "another-kkr", "a-kkr-member"],
)
def test_only_the_rounds_own_kkr_or_an_administrator_sends_it_back(
    store: Store, principal: Principal
) -> None:
    session = Session(submitted(store), principal)
    with pytest.raises(Forbidden):
        session.return_round(*ROUND, reason="Uddyb 8a")
    assert store.round(*ROUND).status == "indsendt"
