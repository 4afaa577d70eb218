"""A bad import file is refused whole: every problem by row and column, nothing written."""

from __future__ import annotations

import pandas as pd
import pytest

from contracts.loader import Catalog
from db import Store
from db.errors import RoundLocked, ValidationFailed
from services.values_io import apply_plan, plan_import
from services.values_io.parse import COLUMNS

HEADER = ",".join(COLUMNS)
GOOD = (
    "sjaelland,2022,H1,8b,,470,,,,,,\n"
    "sjaelland,2022,H1,8a,259,40,,,,,,Køge\n"
    "sjaelland,2022,FY,12a,,,140,251,,,,\n"
    "sjaelland,2022,FY,3b.drift,,,,,61,25,9,\n"
)
KOMMUNE_ROWS = "".join(f"sjaelland,2022,H1,8a,{k},1,,,,,,\n" for k in ("265", "269", "306"))
MANY_GOOD = "".join(
    f"sjaelland,2022,FY,8a,{k},{n},,,,,,\n"
    for n, k in enumerate(
        ("253", "259", "265", "269", "306", "316", "320", "326", "329", "330", "336", "340", "350")
    )
)


@pytest.fixture
def seeded(store: Store, catalog: Catalog) -> Store:
    plan = plan_import((HEADER + "\n" + GOOD).encode(), "start.csv", catalog, store)
    apply_plan(plan, store, "tester")
    return store


def row(text: str) -> str:
    return text + "\n"


R2 = "Række 2, kolonne"
CASES: list[tuple[str, str, list[str]]] = [
    ("unknown-target", row("sjaelland,2022,H1,99z,,1,,,,,,"), [
        f"{R2} 'måltal': '99z' er ikke et måltal i kontrakten for Erhvervshus Sjælland 2022",
    ]),
    ("kommune-outside-geography", row("sjaelland,2022,H1,8a,101,1,,,,,,"), [
        f"{R2} 'kommunekode': '101' (København) ligger ikke i kontraktens geografi "
        "(brug 0 for det, der ligger uden for)",
    ]),
    ("unknown-kommunekode", row("sjaelland,2022,H1,8a,999,1,,,,,,"), [
        f"{R2} 'kommunekode': '999' er ikke en kommunekode",
    ]),
    ("kommune-on-total-target", row("sjaelland,2022,H1,8b,259,1,,,,,,"), [
        f"{R2} 'kommunekode': måltal '8b' afrapporteres ikke pr. kommune; "
        "lad kommunekode være tom",
    ]),
    ("numerator-above-denominator", row("sjaelland,2022,FY,12a,,,260,251,,,,"), [
        f"{R2} 'tæller': 260 er større end nævneren 251",
    ]),
    ("denominator-zero", row("sjaelland,2022,FY,12a,,,0,0,,,,"), [
        f"{R2} 'nævner': skal være større end 0 (er 0)",
    ]),
    ("denominator-negative", row("sjaelland,2022,FY,12a,,,-1,-2,,,,"), [
        f"{R2} 'nævner': skal være større end 0 (er -2)",
    ]),
    ("numerator-negative", row("sjaelland,2022,FY,12a,,,-1,10,,,,"), [
        f"{R2} 'tæller': må ikke være negativ (er -1)",
    ]),
    ("nps-negative-counts", row("sjaelland,2022,FY,3b.drift,,,,,61,-1,-9,"), [
        f"{R2} 'passive': må ikke være negativ (er -1)",
        f"{R2} 'kritikere': må ikke være negativ (er -9)",
    ]),
    ("nps-sum-zero", row("sjaelland,2022,FY,3b.drift,,,,,0,0,0,"), [
        f"{R2} 'promotorer': promotorer, passive og kritikere er tilsammen 0",
    ]),
    ("nps-part-missing", row("sjaelland,2022,FY,3b.drift,,,,,61,,9,"), [
        f"{R2} 'passive': mangler (promotorer, passive og kritikere angives sammen)",
    ]),
    ("value-and-numerator", row("sjaelland,2022,FY,12a,,50,140,251,,,,"), [
        f"{R2} 'tæller': angiv kun én af værdi, tæller og nævner, eller promotorer, "
        "passive og kritikere",
    ]),
    ("numerator-without-denominator", row("sjaelland,2022,FY,12a,,,140,,,,,"), [
        f"{R2} 'nævner': mangler (tæller og nævner angives sammen)",
    ]),
    ("numerator-on-a-count", row("sjaelland,2022,H1,8b,,,1,2,,,,"), [
        f"{R2} 'tæller': måltal '8b' er ikke en procentdel; brug kolonnen værdi",
    ]),
    ("nps-parts-on-a-percentage", row("sjaelland,2022,FY,12a,,,,,1,2,3,"), [
        f"{R2} 'promotorer': måltal '12a' er ikke en NPS; brug kolonnen værdi",
    ]),
    ("period-h3", row("sjaelland,2022,H3,8b,,1,,,,,,"), [
        f"{R2} 'periode': 'H3' er ikke en periode (brug H1 eller FY)",
    ]),
    ("year-without-contract", row("sjaelland,2031,H1,8b,,1,,,,,,"), [
        f"{R2} 'år': Erhvervshus Sjælland har ingen resultatkontrakt for 2031",
    ]),
    ("year-not-a-number", row("sjaelland,2o22,H1,8b,,1,,,,,,"), [
        f"{R2} 'år': '2o22' er ikke et år",
    ]),
    ("unknown-erhvervshus", row("bornholm,2022,H1,8b,,1,,,,,,"), [
        f"{R2} 'erhvervshus': 'bornholm' er ikke et erhvervshus (brug hovedstaden, "
        "sjaelland, fyn, sydjylland, midtjylland, nordjylland)",
    ]),
    ("erhvervshus-missing", row(",2022,H1,8b,,1,,,,,,"), [
        f"{R2} 'erhvervshus': mangler",
    ]),
    ("text-in-number", row("sjaelland,2022,H1,8b,,mange,,,,,,"), [
        f"{R2} 'værdi': 'mange' er ikke et tal",
    ]),
    ("nan", row("sjaelland,2022,H1,8b,,NaN,,,,,,"), [
        f"{R2} 'værdi': 'NaN' er ikke et endeligt tal (NaN og uendelig er ikke tilladt)",
    ]),
    ("inf", row("sjaelland,2022,FY,12a,,inf,,,,,,"), [
        f"{R2} 'værdi': 'inf' er ikke et endeligt tal (NaN og uendelig er ikke tilladt)",
    ]),
    ("danish-decimal-in-comma-file", row('sjaelland,2022,FY,15a,,"2,4",,,,,,'), [
        f"{R2} 'værdi': '2,4' er ikke et tal",
    ]),
    ("percentage-140", row("sjaelland,2022,FY,12a,,140,,,,,,"), [
        f"{R2} 'værdi': en procentdel skal ligge mellem 0 og 100 (er 140)",
    ]),
    ("change-pp-below-0", row("sjaelland,2022,FY,1a,,-1,,,,,,"), [
        f"{R2} 'værdi': en procentdel skal ligge mellem 0 og 100 (er -1)",
    ]),
    ("nps-140", row("sjaelland,2022,FY,3b.drift,,140,,,,,,"), [
        f"{R2} 'værdi': en NPS skal ligge mellem -100 og 100 (er 140)",
    ]),
    ("fractional-count", row("sjaelland,2022,H1,8b,,12.5,,,,,,"), [
        f"{R2} 'værdi': et antal skal være et helt tal ≥ 0 (er 12,5)",
    ]),
    ("negative-count", row("sjaelland,2022,H1,8b,,-3,,,,,,"), [
        f"{R2} 'værdi': et antal skal være et helt tal ≥ 0 (er -3)",
    ]),
    ("negative-amount", row("sjaelland,2022,FY,11h,,-1.5,,,,,,"), [
        f"{R2} 'værdi': et beløb må ikke være negativt (er -1,5)",
    ]),
    ("negative-ratio", row("sjaelland,2022,FY,15a,,-0.5,,,,,,"), [
        f"{R2} 'værdi': en faktor må ikke være negativ (er -0,5)",
    ]),
    ("milestone-2", row("sjaelland,2022,FY,5a,,2,,,,,,"), [
        f"{R2} 'værdi': en milepæl angives som 1 (nået) eller 0 (ikke nået) (er 2)",
    ]),
    ("assessment-half", row("sjaelland,2022,FY,9b,,0.5,,,,,,"), [
        f"{R2} 'værdi': en vurdering angives som 1 (opfyldt) eller 0 (ikke opfyldt) (er 0,5)",
    ]),
    ("duplicate-rows", row("sjaelland,2022,H1,8b,,1,,,,,,") + row("sjaelland,2022,h1,8b,,2,,,,,,"), [
        "Række 3, kolonne 'måltal': samme erhvervshus, år, periode, måltal og kommunekode "
        "som række 2",
    ]),
    ("duplicate-empty-rows", row("sjaelland,2022,H1,8b,,,,,,,,") + row("sjaelland,2022,H1,8b,,,,,,,,"), [
        "Række 3, kolonne 'måltal': samme erhvervshus, år, periode, måltal og kommunekode "
        "som række 2",
    ]),
    ("kommuner-do-not-add-up", row("sjaelland,2022,H1,8a,,10,,,,,,") + KOMMUNE_ROWS, [
        "Række 2, kolonne 'værdi': totalen 10 er ikke summen af kommunerækkerne "
        "(række 3, 4, 5 giver 3)",
    ]),
    ("one-bad-row-after-many-good", MANY_GOOD + row("sjaelland,2022,FY,8b,,1.680.5,,,,,,"), [
        "Række 15, kolonne 'værdi': '1.680.5' er ikke et tal",
    ]),
    ("several-problems-all-listed", row("sjaelland,2022,H1,8b,,-3,,,,,,") + row("sjaelland,2022,FY,5a,,2,,,,,,"), [
        f"{R2} 'værdi': et antal skal være et helt tal ≥ 0 (er -3)",
        "Række 3, kolonne 'værdi': en milepæl angives som 1 (nået) eller 0 (ikke nået) (er 2)",
    ]),
]  # fmt: skip
FILE_CASES: list[tuple[str, bytes, list[str]]] = [
    ("empty-file", b"", ["Filen er tom."]),
    ("header-only", (HEADER + "\n").encode(), [
        "Filen har kun en overskrift og ingen rækker: der er intet at importere.",
    ]),
    ("missing-column", b"erhvervshus,periode,maaltal,vaerdi\nsjaelland,H1,8b,1\n", [
        "Kolonnen 'år' mangler i overskriften.",
    ]),
    ("binary-garbage", bytes(range(256)) * 4, [
        "Filen er hverken en CSV-fil eller et Excel-ark (.xlsx).",
    ]),
    ("no-header", GOOD.encode(), [
        "Række 1 er ikke en overskrift: første række skal være erhvervshus,år,periode,måltal,"
        "kommunekode,værdi,tæller,nævner,promotorer,passive,kritikere,kommentar.",
    ]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "problems"),
    [(body, problems) for _name, body, problems in CASES],
    ids=[name for name, _body, _problems in CASES],
)
def test_a_bad_row_rejects_the_file_and_writes_nothing(
    seeded: Store, catalog: Catalog, body: str, problems: list[str]
) -> None:
    before = seeded.values()
    with pytest.raises(ValidationFailed) as caught:
        plan_import((HEADER + "\n" + body).encode(), "fejl.csv", catalog, seeded)
    assert caught.value.problems == problems
    pd.testing.assert_frame_equal(seeded.values(), before)


@pytest.mark.parametrize(
    ("data", "problems"),
    [(data, problems) for _name, data, problems in FILE_CASES],
    ids=[name for name, _data, _problems in FILE_CASES],
)
def test_an_unreadable_file_gives_one_clear_message_and_writes_nothing(
    seeded: Store, catalog: Catalog, data: bytes, problems: list[str]
) -> None:
    before = seeded.values()
    with pytest.raises(ValidationFailed) as caught:
        plan_import(data, "fejl.csv", catalog, seeded)
    assert caught.value.problems == problems
    assert str(caught.value).splitlines()[0] == "Filen 'fejl.csv' kan ikke importeres."
    pd.testing.assert_frame_equal(seeded.values(), before)


def test_the_headline_counts_the_problems(seeded: Store, catalog: Catalog) -> None:
    body = "sjaelland,2022,H1,8b,,-3,,,,,,\nsjaelland,2022,FY,5a,,2,,,,,,\n"
    with pytest.raises(ValidationFailed) as caught:
        plan_import((HEADER + "\n" + body).encode(), "fejl.csv", catalog, seeded)
    assert str(caught.value).splitlines()[0] == (
        "Filen 'fejl.csv' er ikke importeret: 2 problemer, intet er skrevet."
    )


@pytest.mark.parametrize("status", ["indsendt", "godkendt"])
def test_a_locked_round_refuses_the_import(seeded: Store, catalog: Catalog, status: str) -> None:
    seeded.set_round_status("sjaelland", 2022, "H1", "indsendt", user="tester")
    if status == "godkendt":
        seeded.set_round_status("sjaelland", 2022, "H1", "godkendt", user="tester")
    before = seeded.values()
    body = "sjaelland,2022,H1,8b,,480,,,,,,\nsjaelland,2022,FY,15a,,2.4,,,,,,\n"
    with pytest.raises(RoundLocked) as caught:
        plan_import((HEADER + "\n" + body).encode(), "fejl.csv", catalog, seeded)
    assert str(caught.value) == (
        f"Indberetningen for Erhvervshus Sjælland 1. halvår 2022 er {status} og kan ikke "
        "ændres. Genåbn den med en begrundelse."
    )
    pd.testing.assert_frame_equal(seeded.values(), before)


def test_a_locked_round_takes_a_file_that_changes_nothing_in_it(
    seeded: Store, catalog: Catalog
) -> None:
    seeded.set_round_status("sjaelland", 2022, "H1", "indsendt", user="tester")
    plan = plan_import((HEADER + "\n" + GOOD).encode(), "igen.csv", catalog, seeded)
    # five: the four rows and 8a's total, the sum of its one kommune row
    assert plan.summary() == "0 indsættes, 0 ændres, 5 uændrede, 0 ikke udfyldt"


def test_there_are_at_least_thirty_bad_files() -> None:
    assert len(CASES) + len(FILE_CASES) >= 30
