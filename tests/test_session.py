"""The service seam: every read and write of the pages and the CLI goes through a Session,
which records its acting person with every change (docs/architecture.md, "The service seam")."""

from __future__ import annotations

from pathlib import Path

import pytest
from status_support import contract_store

from db import Store
from services.errors import Forbidden, NotFound, UserError, ValidationFailed
from services.permissions import Principal, operator
from services.session import Session

ANNE = Principal("anne", "erhvervshus", house="sjaelland")
KKR = Principal("kkr-sekretariatet", "kkr", kkr="sjaelland")

HEADER = "erhvervshus,år,periode,måltal,kommunekode,værdi,tæller,nævner,promotorer,passive,kritikere,kommentar"
FILE = (
    f"{HEADER}\n"
    "sjaelland,2022,H1,8a,,1680,,,,,,\n"
    "sjaelland,2022,H1,12a,,55,,,,,,\n"
    "sjaelland,2022,H1,2a,,1,,,,,,Jævnt fordelt\n"
)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("APP_USER", "operatør")
    created = contract_store(tmp_path, monkeypatch)
    yield created
    created.dispose()


def imported(session: Session) -> None:
    plan = session.plan_import(FILE.encode(), "tal.csv", session.catalog())
    session.apply_import(plan)


def test_each_write_is_recorded_with_the_sessions_actor(store: Store) -> None:
    anne = Session(store, ANNE)
    imported(anne)
    anne.submit_round(anne.catalog(), "sjaelland", 2022, "H1")
    kkr = anne.as_principal(KKR)
    kkr.approve_round(kkr.catalog(), "sjaelland", 2022, "H1")
    admin = kkr.as_principal(operator("admin-bo"))
    admin.reopen_round("sjaelland", 2022, "H1", reason="Tallet for 8a rettes")
    trail = store.audit(house="sjaelland", year=2022)
    assert sorted(set(zip(trail["user"], trail["action"], strict=True))) == [
        ("admin-bo", "genåbnet"),
        ("anne", "indsat"),
        ("anne", "indsendt"),
        ("kkr-sekretariatet", "godkendt"),
    ]
    assert set(store.values()["entered_by"]) == {"anne"}
    taken = [(s.reason, s.taken_by) for s in kkr.snapshots("sjaelland", 2022, "H1")]
    assert sorted(taken) == [("godkendt", "kkr-sekretariatet"), ("indsendt", "anne")]


def test_acting_as_no_one_in_particular_is_the_command_lines_administrator(store: Store) -> None:
    cli = Session(store, operator("bo"))
    assert cli.acting_as().actor == "operatør"
    assert cli.acting_as().principal == operator("operatør")
    assert cli.acting_as().store is store


def test_only_an_administrators_session_may_act_in_anothers_name(store: Store) -> None:
    with pytest.raises(Forbidden, match="Kun en administrator"):
        Session(store, ANNE).acting_as("bo")


def test_reads_go_through_the_session(store: Store) -> None:
    session = Session(store, ANNE)
    imported(session)
    assert session.round("sjaelland", 2022, "H1").status == "åben"
    assert [r.period for r in session.rounds(house="sjaelland")] == ["H1"]
    assert sorted(session.values(house="sjaelland")["target"]) == ["12a", "2a", "8a"]
    assert session.submit_problems(session.catalog(), "sjaelland", 2022, "H1") == []
    table = session.status(session.catalog(), "sjaelland", 2022, "H1")
    assert dict(zip(table["target"], table["status"], strict=True))["8a"] == "opfyldt"
    assert not session.has_demo_values()


def test_open_migrates_the_store_of_database_url_and_close_lets_it_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'ny.sqlite'}")
    monkeypatch.setenv("APP_USER", "anne")
    with Session.open() as session:
        assert session.actor == "anne"
        assert session.principal == operator("anne")
        assert session.store.revision() is not None
        assert session.values().empty


def test_open_on_a_database_that_cannot_be_reached_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        Session.open(f"sqlite:///{tmp_path / 'mangler' / 'x.sqlite'}")


def test_the_errors_the_adapters_catch_are_the_stores_own() -> None:
    import db.errors

    assert (NotFound, ValidationFailed, UserError) == (
        db.errors.NotFound,
        db.errors.ValidationFailed,
        db.errors.UserError,
    )


def test_services_errors_hands_on_the_whole_error_tree() -> None:
    import db.errors
    import services.errors

    tree = {
        name
        for name, value in vars(db.errors).items()
        if isinstance(value, type) and issubclass(value, db.errors.UserError)
    }
    assert set(services.errors.__all__) == tree
