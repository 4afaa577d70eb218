"""The pages per person (docs/login.md): the public sees godkendt rounds without names or
history and no work pages; a house user enters values for its own house only; the sidebar
says who is logged in. Sjælland 2022: 1. halvår godkendt (8a = 837), helår åben (8a = 1.500).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ActAs
from entry_support import type_into
from pages_support import open_app
from streamlit.testing.v1 import AppTest

from db import Store, ValueKey, ValueRow
from services.permissions import PUBLIC, Principal

METTE = Principal(
    "mette", "erhvervshus", house="sjaelland", display_name="Mette Hansen"
)  # fmt: skip
FYN = Principal("frede", "erhvervshus", house="fyn", display_name="Frede Fynbo")
KKR_MEMBER = Principal("kirsten", "kkr_medlem", kkr="sjaelland", display_name="Kirsten Holm")
DEMO_KKR = Principal("demo-kkr-sjaelland", "kkr", kkr="sjaelland", demo=True)


@pytest.fixture
def store(contracts_folder: Path, database_url: str) -> Iterator[Store]:
    opened = Store(database_url)
    opened.upgrade()
    opened.save([ValueRow(ValueKey("sjaelland", 2022, "H1", "8a"), value=837)], user="anne")
    opened.set_round_status("sjaelland", 2022, "H1", "indsendt", user="anne")
    opened.set_round_status("sjaelland", 2022, "H1", "godkendt", user="karl")
    opened.save([ValueRow(ValueKey("sjaelland", 2022, "FY", "8a"), value=1500)], user="anne")
    yield opened
    opened.dispose()


def page(path: str, **params: str) -> AppTest:
    at = open_app(path)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def everything(at: AppTest) -> str:
    """Every text the page shows, main area and sidebar."""
    parts = [*at.markdown.values, *at.caption.values, *at.info.values, *at.title.values]
    parts += [*at.warning.values, *at.success.values, *at.error.values, *at.subheader.values]
    parts += [str(h.proto.body) for h in at.get("html")]
    return "\n".join(str(p) for p in parts)


def test_the_public_sees_a_godkendt_round_without_the_names_of_people(
    store: Store, act_as: ActAs
) -> None:
    act_as(PUBLIC)
    at = page("app_pages/overblik.py", hus="sjaelland", aar="2022", periode="H1")
    text = everything(at)
    assert "837 forløb" in text
    # The round was approved when the fixture ran: the date and time are today's, no name.
    approved = r"Indberetningen for 1\. halvår 2022: Godkendt af KKR \(senest ændret "
    when = r"\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}\)\."
    assert re.search(approved + when, text), text
    assert "karl" not in text
    assert "anne" not in text


def test_the_public_does_not_see_a_round_that_is_not_godkendt(store: Store, act_as: ActAs) -> None:
    act_as(PUBLIC)
    text = everything(page("app_pages/overblik.py", hus="sjaelland", aar="2022", periode="FY"))
    assert "1.500" not in text
    assert "Indberetningen for helår 2022 er ikke påbegyndt: der er ingen tal endnu." in text


def test_the_public_sees_no_history_on_maal(store: Store, act_as: ActAs) -> None:
    act_as(PUBLIC)
    at = page("app_pages/maal.py", hus="sjaelland", aar="2022", periode="H1", maal="8")
    assert {t.label for t in at.tabs} == {"Udvikling", "Pr. kommune"}


def test_a_house_user_sees_the_history_of_its_own_house_on_maal(
    store: Store, act_as: ActAs
) -> None:
    act_as(METTE)
    at = page("app_pages/maal.py", hus="sjaelland", aar="2022", periode="H1", maal="8")
    assert "Historik" in [t.label for t in at.tabs]


def test_the_public_sees_no_drafts_on_kontrakter(store: Store, act_as: ActAs) -> None:
    act_as(PUBLIC)
    at = page("app_pages/kontrakter.py", hus="fyn")
    houses = at.selectbox(key="hus").options
    assert houses == ["Erhvervshus Sjælland"]
    assert [t.label for t in at.toggle] == []  # no "Vis udkast" for Sjælland 2023 either


@pytest.mark.parametrize(
    ("principal", "says"),
    [
        (PUBLIC, "{} kræver, at du er logget ind."),
        (KKR_MEMBER, "Din rolle giver ikke adgang til {}."),
    ],
)
def test_indberetning_and_next_years_contract_are_closed_to_the_public_and_kkr_members(
    store: Store, act_as: ActAs, principal: Principal, says: str
) -> None:
    act_as(principal)
    for path, title in (
        ("app_pages/indberetning.py", "Indberetning"),
        ("app_pages/naeste_aar.py", "Næste års kontrakt"),
    ):
        at = page(path, hus="sjaelland", aar="2022", periode="H1")
        assert at.title.values == [title]
        assert at.info.values == [says.format(title)]
        assert at.button.len == 0


def test_a_house_user_enters_values_for_its_own_house_only(store: Store, act_as: ActAs) -> None:
    act_as(METTE)
    at = page("app_pages/indberetning.py", hus="sjaelland", aar="2022", periode="FY")
    assert "Indberetning: Erhvervshus Sjælland helår 2022" in at.title.values
    assert at.selectbox(key="hus").options == ["Erhvervshus Sjælland"]


def test_a_house_user_asking_for_another_house_gets_its_own(store: Store, act_as: ActAs) -> None:
    act_as(FYN)
    at = page("app_pages/indberetning.py", hus="sjaelland", aar="2022", periode="FY")
    assert at.selectbox(key="hus").options == ["Erhvervshus Fyn"]
    assert at.title.values[0].startswith("Indberetning: Erhvervshus Fyn ")
    assert "Ukendt erhvervshus i adressen: »sjaelland«. Viser Erhvervshus Fyn." in at.error.values


def test_the_sidebar_names_the_person_and_the_role_in_danish(store: Store, act_as: ActAs) -> None:
    act_as(METTE)
    at = page("app_pages/overblik.py")
    assert "Logget ind som **Mette Hansen** – erhvervshus, Erhvervshus Sjælland" in (
        at.sidebar.markdown.values
    )


def test_the_sidebar_marks_a_demo_account(store: Store, act_as: ActAs) -> None:
    act_as(DEMO_KKR)
    at = page("app_pages/overblik.py")
    assert "Logget ind som **demo-kkr-sjaelland** – KKR-sekretariat, KKR Sjælland" in (
        at.sidebar.markdown.values
    )
    assert "Demokonto: arbejder kun med demodata." in at.sidebar.caption.values


def test_the_sidebar_offers_the_public_a_login(store: Store, act_as: ActAs) -> None:
    act_as(PUBLIC)
    at = page("app_pages/overblik.py", hus="sjaelland", aar="2022")
    assert "Du ser den offentlige visning: godkendte tal uden navne og historik." in (
        at.sidebar.markdown.values
    )
    html = "".join(str(h.proto.body) for h in at.get("html"))
    assert '<a class="rk-login" href="/auth/login?next=' in html
    assert "hus%3Dsjaelland%26aar%3D2022" in html  # back to the same choice after login


KKR = Principal("karl", "kkr", kkr="sjaelland", display_name="Karl Kristensen")


def buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_only_kkr_is_offered_godkend_and_only_the_house_may_reopen_a_submitted_round(
    store: Store, act_as: ActAs
) -> None:
    store.set_round_status("sjaelland", 2022, "FY", "indsendt", user="anne")
    act_as(KKR)
    at = page("app_pages/indberetning.py", hus="sjaelland", aar="2022", periode="FY")
    assert "Godkend" in buttons(at)
    assert "Genåbn" not in buttons(at)
    assert (
        "Du kan læse tallene for Erhvervshus Sjælland, men ikke indtaste eller importere."
        in at.caption.values
    )
    act_as(METTE)
    at = page("app_pages/indberetning.py", hus="sjaelland", aar="2022", periode="FY")
    assert "Godkend" not in buttons(at)
    assert "Genåbn" in buttons(at)


def test_kkr_reading_an_open_round_is_offered_no_submit_and_no_save(
    store: Store, act_as: ActAs
) -> None:
    act_as(KKR)
    at = page("app_pages/indberetning.py", hus="sjaelland", aar="2022", periode="FY")
    assert "Indsend" not in buttons(at)
    assert at.button(key="gem").disabled


def test_a_demo_account_types_into_a_demo_round_and_its_values_stay_demo(
    store: Store, act_as: ActAs
) -> None:
    store.save(
        [ValueRow(ValueKey("sjaelland", 2023, "FY", "8a"), value=1200)], user="demo", demo=True
    )
    act_as(Principal(name="demo-hus-sjaelland", role="erhvervshus", house="sjaelland", demo=True))
    at = page("app_pages/indberetning.py", hus="sjaelland", aar="2023", periode="FY")
    assert "Du er logget ind med en demokonto" in at.info.values[0]
    assert "Fjern demodata og begynd indberetningen" not in [b.label for b in at.button]
    type_into(at, {("8a", "værdi"): "1.750"}, run=True)
    at.button(key="gem").click().run()
    assert not at.error, at.error.values
    values = store.values("sjaelland", 2023, "FY")
    assert values[["target", "value", "is_demo"]].values.tolist() == [["8a", 1750.0, True]]
