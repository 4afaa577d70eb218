"""What each person reads (docs/roles.md): the public sees godkendt rounds only, without
names or audit trail; a house user its own house fully; a KKR its houses; a demo account
acts on demo data only; an import with one row for another house is refused whole."""

from __future__ import annotations

import dataclasses

import pytest
from roles_support import HEADER, roles_folder, seed  # noqa: F401 (autouse fixture)

from contracts.edits import Edits
from db import Store
from services.drafting import build_draft, start_draft
from services.errors import Forbidden
from services.permissions import PUBLIC, Principal, kkr_houses, operator
from services.session import Session

FYN = Principal("hus-bo", "erhvervshus", house="fyn")
SYDDANMARK = Principal("kkr-eva", "kkr", kkr="syddanmark")


@pytest.fixture
def admin(store: Store) -> Session:
    return Session(store, operator("forbereder"))


def test_the_public_sees_godkendt_rounds_only_and_no_names(admin: Session) -> None:
    seed(admin.store, "fyn", "FY", "godkendt", demo=False)
    seed(admin.store, "fyn", "H1", "indsendt", demo=False)
    public = admin.as_principal(PUBLIC)
    values = public.values("fyn")
    assert list(values["period"]) == ["FY"]
    assert list(values["entered_by"]) == [""]
    assert [(r.period, r.updated_by) for r in public.rounds("fyn")] == [("FY", "")]
    assert public.round("fyn", 2022, "H1") is None
    with pytest.raises(Forbidden, match="Log ind"):
        public.audit("fyn")
    with pytest.raises(Forbidden):
        public.audit()


def test_a_house_user_sees_its_own_house_fully_and_others_as_the_public(admin: Session) -> None:
    for house in ("fyn", "sjaelland"):
        seed(admin.store, house, "FY", "godkendt", demo=False)
        seed(admin.store, house, "H1", "åben", demo=False)
    fyn = admin.as_principal(FYN)
    values = fyn.values()
    assert sorted(zip(values["house"], values["period"], values["entered_by"], strict=True)) == [
        ("fyn", "FY", "forberedt"),
        ("fyn", "H1", "forberedt"),
        ("sjaelland", "FY", ""),
    ]
    assert set(fyn.audit()["house"]) == {"fyn"}
    with pytest.raises(Forbidden, match="for Erhvervshus Sjælland"):
        fyn.audit("sjaelland")


def test_kkr_syddanmark_holds_fyn_and_sydjylland(admin: Session) -> None:
    assert kkr_houses(admin.catalog(), "syddanmark") == {"fyn", "sydjylland"}
    assert kkr_houses(admin.catalog(), "sjaelland") == {"sjaelland"}
    seed(admin.store, "fyn", "H1", "indsendt", demo=False)
    seed(admin.store, "sjaelland", "H1", "indsendt", demo=False)
    kkr = admin.as_principal(SYDDANMARK)
    assert set(kkr.values()["house"]) == {"fyn"}
    kkr.approve_round(kkr.catalog(), "fyn", 2022, "H1")
    with pytest.raises(Forbidden, match="godkende indberetninger for Erhvervshus Sjælland"):
        kkr.approve_round(kkr.catalog(), "sjaelland", 2022, "H1")


def test_an_import_with_one_row_for_another_house_is_refused_whole_naming_the_row(
    admin: Session,
) -> None:
    data = f"{HEADER}\nfyn,2022,H1,16a,,1,,,,,,\nsjaelland,2022,H1,16a,,1,,,,,,\n".encode()
    fyn = admin.as_principal(FYN)
    with pytest.raises(Forbidden) as refused:
        fyn.plan_import(data, "tal.csv", fyn.catalog())
    assert str(refused.value).startswith(
        "Filen 'tal.csv' er afvist, og intet er importeret: række 3 gælder 16a for sjaelland."
    )
    assert admin.store.values().empty


def test_only_an_administrator_reopens_a_godkendt_round(admin: Session) -> None:
    seed(admin.store, "fyn", "H1", "godkendt", demo=False)
    with pytest.raises(Forbidden, match="Kun en administrator kan genåbne en godkendt"):
        admin.as_principal(FYN).reopen_round("fyn", 2022, "H1", reason="Fejl i tallet")
    admin.reopen_round("fyn", 2022, "H1", reason="Fejl i tallet")
    assert admin.round("fyn", 2022, "H1").status == "åben"


def test_a_demo_account_acts_on_demo_data_only_and_writes_demo(admin: Session) -> None:
    seed(admin.store, "sjaelland", "H1", "åben", demo=False)
    seed(admin.store, "sjaelland", "FY", "åben", demo=True)
    demo = admin.as_principal(Principal("demo-hus", "erhvervshus", house="sjaelland", demo=True))
    assert list(demo.values("sjaelland")["period"]) == ["FY"]
    data = f"{HEADER}\nsjaelland,2022,H1,16a,,1,,,,,,\n".encode()
    with pytest.raises(Forbidden, match="En demokonto kan kun arbejde med demodata"):
        demo.plan_import(data, "tal.csv", demo.catalog())
    with pytest.raises(Forbidden):
        demo.submit_round(demo.catalog(), "sjaelland", 2022, "H1", confirm_missing=True)
    plan = demo.plan_import(data.replace(b"H1", b"FY"), "tal.csv", demo.catalog())
    demo.apply_import(plan)
    written = admin.values("sjaelland", 2022, "FY").set_index("target")
    assert written.loc["16a", "is_demo"] and written.loc["16a", "entered_by"] == "demo-hus"
    with pytest.raises(Forbidden):
        demo.begin_real_entry("sjaelland", 2022, "FY")
    with pytest.raises(Forbidden):
        demo.fill_demo(as_of=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("principal", "scope"),
    [
        (PUBLIC, "offentlig"),
        (FYN, "hus:fyn"),
        (SYDDANMARK, "kkr:syddanmark"),
        (Principal("m", "kkr_medlem", kkr="sjaelland"), "kkr:sjaelland"),
        (operator("bo"), "alle"),
        (Principal("demo-hus", "erhvervshus", house="sjaelland", demo=True), "hus:sjaelland:demo"),
    ],
)
def test_the_cache_scope_names_what_decides_what_a_person_sees(
    sqlite_store: Store, principal: Principal, scope: str
) -> None:
    assert Session(sqlite_store, principal).cache_scope() == scope


def test_a_draft_contract_is_in_the_catalog_only_of_those_who_read_its_house(
    admin: Session,
) -> None:
    catalog = admin.catalog()
    text = build_draft(catalog, start_draft(catalog, "sjaelland", 2023), Edits()).text
    admin.save_draft(catalog, text, expected_hash=None)
    assert admin.catalog().contract("sjaelland", 2023).status == "udkast"
    own = admin.as_principal(Principal("hus-ib", "erhvervshus", house="sjaelland"))
    assert own.catalog().contract("sjaelland", 2023) is not None
    for other in (PUBLIC, FYN):
        assert admin.as_principal(other).catalog().contract("sjaelland", 2023) is None
        assert admin.as_principal(other).catalog().contract("sjaelland", 2022) is not None


def test_the_public_lists_snapshots_of_godkendt_rounds_only_and_without_names(
    admin: Session,
) -> None:
    seed(admin.store, "fyn", "H1", "indsendt", demo=False)
    catalog = admin.catalog()
    kkr = admin.as_principal(SYDDANMARK)
    kkr.approve_round(catalog, "fyn", 2022, "H1")
    admin.reopen_round("fyn", 2022, "H1", reason="Et tal rettes")
    admin.submit_round(catalog, "fyn", 2022, "H1", confirm_missing=True)
    inside = [(s.reason, s.taken_by) for s in kkr.snapshots("fyn")]
    assert inside == [("indsendt", "forbereder"), ("godkendt", "kkr-eva")]
    public = [(s.reason, s.taken_by) for s in admin.as_principal(PUBLIC).snapshots("fyn")]
    assert public == [("godkendt", "")]
    assert admin.as_principal(PUBLIC).snapshots("landet") == []
    with pytest.raises(Forbidden, match="Kun en administrator kan lave den nationale rapport"):
        kkr.snapshot_and_report(catalog, "landet", 2022, "H1", "xlsx")


def test_a_report_names_who_took_its_snapshot_only_to_those_who_may_read_names() -> None:
    from datetime import UTC, datetime

    from db import SnapshotInfo
    from services.report.wording import snapshot_line

    taken = datetime(2026, 11, 24, 9, 15, tzinfo=UTC)
    info = SnapshotInfo(7, "fyn", 2022, "H1", "godkendt", "godkendt", False, None, "eva", taken)
    assert " af eva (" in snapshot_line(info)
    assert " af " not in snapshot_line(dataclasses.replace(info, taken_by=""))
