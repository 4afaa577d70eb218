"""Demo values never become someone's real values, and the demo is internally consistent.

The "Seen" of issue 8: in a Sjælland 2022 H1 round holding demo values, a person typed one
kommune value (Greve 12) and saved; every demo number and comment the grid showed was stored
as theirs. Now the save is refused until the round's demo data is removed by an explicit,
audited act, after which only what the person typed is stored.
"""

from __future__ import annotations

import datetime as dt

import pytest

from contracts.loader import Catalog, load_folder
from contracts.models import PERIODS
from db import RoundInfo, Store
from db.errors import DemoInRound
from metrics import consistency
from metrics.values import values_frame
from services.catalog import with_demo
from services.demo import demo_rows, install_demo
from services.entry import EntryTable, build_table, changes
from services.rounds import round_status_label

AS_OF = dt.date(2023, 4, 1)
GREVE = "253"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return with_demo(load_folder())


def _typed(table: EntryTable, target: str, kommune: str, text: str) -> EntryTable:
    kommuner = table.kommuner.copy()
    row = (kommuner["nøgle"] == target) & (kommuner["kommunekode"] == kommune)
    kommuner.loc[row, "værdi"] = text
    return EntryTable(table.totals, kommuner, table.computed)


def test_a_save_in_a_demo_round_never_stores_a_demo_number_as_real(
    store: Store, catalog: Catalog
) -> None:
    install_demo(store, catalog.contracts, as_of=AS_OF)
    contract = catalog.contract("sjaelland", 2022)
    assert contract is not None
    shown = build_table(contract, "H1", store.values("sjaelland", 2022))
    assert shown.totals.set_index("nøgle").loc["8a", "værdi"] != ""  # the grid shows demo

    found = changes(contract, "H1", shown, _typed(shown, "8a", GREVE, "12"))
    with pytest.raises(DemoInRound):
        store.save(found.rows, user="anne", deletes=found.deletes)
    assert store.values("sjaelland", 2022, "H1")["is_demo"].all()

    store.remove_demo("sjaelland", 2022, "H1", user="anne")
    fresh = build_table(contract, "H1", store.values("sjaelland", 2022))
    assert set(fresh.totals["værdi"]) | set(fresh.kommuner["værdi"]) == {""}
    found = changes(contract, "H1", fresh, _typed(fresh, "8a", GREVE, "12"))
    store.save(found.rows, user="anne", deletes=found.deletes)

    stored = store.values("sjaelland", 2022, "H1")
    assert sorted(zip(stored["target"], stored["kommune"], stored["value"], strict=True)) == [
        ("8a", "", 12.0),
        ("8a", GREVE, 12.0),
    ]
    assert set(stored["entered_by"]) == {"anne"} and not stored["is_demo"].any()
    assert stored["comment"].isna().all()  # no demo comment became anne's (17b's included)


def test_the_whole_demo_is_consistent_parts_and_kommune_rows_add_up(catalog: Catalog) -> None:
    checked = 0
    for contract in catalog.contracts:
        for period in PERIODS:
            rows = demo_rows(contract, period)
            values = values_frame(
                {
                    "house": r.key.house,
                    "year": r.key.year,
                    "period": r.key.period,
                    "target": r.key.target,
                    "kommune": r.key.kommune,
                    **r.parts(),
                }
                for r in rows
            )
            found = [f for f in consistency(contract, values) if f.code in {"parts", "kommune_sum"}]
            assert found == [], (contract.erhvervshus, contract.year, period, found)
            checked += len(rows)
    assert checked > 3_000  # every demo value of every contract and period


def test_sjaelland_2022_demo_8c_is_the_sum_of_its_parts_and_8a_of_8b_and_8c(
    catalog: Catalog,
) -> None:
    contract = catalog.contract("sjaelland", 2022)
    assert contract is not None
    totals = {r.key.target: r.value for r in demo_rows(contract, "FY") if not r.key.kommune}
    assert totals["8c"] == totals["8c.handlingsplaner"] + totals["8c.vaekstplaner"]
    assert totals["8a"] == totals["8b"] + totals["8c"]


@pytest.mark.parametrize(
    ("status", "demo", "label"),
    [
        ("åben", False, "Åben"),
        ("indsendt", False, "Indsendt"),
        ("godkendt", False, "Godkendt af KKR"),
        ("åben", True, "Åben (demo)"),
        ("indsendt", True, "Indsendt (demo)"),
        ("godkendt", True, "Godkendt (demo)"),
    ],
)
def test_a_demo_rounds_status_is_marked_demo_and_never_reads_as_a_kkr_decision(
    status: str, demo: bool, label: str
) -> None:
    info = RoundInfo(
        "fyn", 2022, "FY", status, demo, "demo", dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    )
    assert round_status_label(info) == label


def test_trend_charts_draw_demo_points_as_their_own_named_series() -> None:
    from contracts.models import Contract
    from metrics.charts import trend_chart
    from metrics.history import history

    def contract(year: int) -> Contract:
        target = {
            "key": "8a",
            "text": "Forløb.",
            "kind": "count",
            "value": 1000,
            "unit": "forløb",
        }
        goal = {"number": "8", "title": "Forløb", "scope": "local", "targets": [target]}
        return Contract.model_validate(
            {"erhvervshus": "fyn", "kkr": "syddanmark", "year": year, "goals": [goal]}
        )

    values = values_frame(
        [
            {"house": "fyn", "year": 2022, "period": "FY", "target": "8a", "value": 900},
            {"house": "fyn", "year": 2023, "period": "FY", "target": "8a", "value": 950,
             "is_demo": True},
        ]
    )  # fmt: skip
    past = history([contract(2022), contract(2023)], values, "8a")
    assert past.loc[past["period"] == "FY", "demo"].tolist() == [False, True]

    target = contract(2023).target("8a")
    assert target is not None
    figure = trend_chart(past, target)
    series = {trace.name: (list(trace.x), list(trace.y)) for trace in figure.data}
    assert series["Helår"] == ([2022], [900.0])
    assert series["Helår (demodata)"] == ([2023], [950.0])
    demo = next(trace for trace in figure.data if trace.name == "Helår (demodata)")
    assert demo.text == ("Helår 2023: 950 forløb (demodata)",)
