"""Reference data shipped with the product: municipalities, erhvervshuse, KKR, baselines.

Read once and cached; the files live in ``contracts/reference/`` with their attribution in
``SOURCES.md`` beside them.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

REFERENCE_DIR = Path(__file__).parent / "reference"
GEOJSON_PATH = REFERENCE_DIR / "kommuner.geojson"
POPULATION_YEAR = 2025


@dataclass(frozen=True)
class Kommune:
    code: str
    name: str
    region: str
    house: str
    population: int
    population_year: int
    dst_group: str

    @property
    def default_class(self) -> str:
        """The stated placeholder for bilag 1: DST's 'Landkommuner' are land, all else by."""
        return "land" if self.dst_group == "Landkommuner" else "by"


@dataclass(frozen=True)
class DueDay:
    """When a round of one period is due: a day of the round's year, or of the year after."""

    month: int
    day: int
    next_year: bool = False

    def date(self, year: int) -> dt.date:
        return dt.date(year + 1 if self.next_year else year, self.month, self.day)


#: The sources give no due dates; these are the product's defaults (docs/tracker.md).
DEFAULT_DUE: dict[str, DueDay] = {
    "H1": DueDay(month=8, day=15),
    "FY": DueDay(month=4, day=1, next_year=True),
}


@dataclass(frozen=True)
class Kkr:
    key: str
    name: str
    #: The KKR's own due days per period, where kkr.yaml states them.
    due: dict[str, DueDay] = field(default_factory=dict)

    def due_date(self, year: int, period: str) -> dt.date:
        """The day the round of ``year`` and ``period`` is due: the KKR's own, else the default."""
        return self.due.get(period, DEFAULT_DUE[period]).date(year)

    def has_own_due(self, period: str) -> bool:
        return period in self.due


@dataclass(frozen=True)
class House:
    key: str
    name: str
    kkr: str
    awareness_2020: float
    green_awareness_2020: float


_HOUSE_BY_NAME = {
    "Erhvervshus Hovedstaden": "hovedstaden",
    "Erhvervshus Sjælland": "sjaelland",
    "Erhvervshus Fyn": "fyn",
    "Erhvervshus Sydjylland": "sydjylland",
    "Erhvervshus Midtjylland": "midtjylland",
    "Erhvervshus Nordjylland": "nordjylland",
}


@cache
def kommuner() -> dict[str, Kommune]:
    """All 98 municipalities by kommunekode, in file order."""
    with (REFERENCE_DIR / "kommuner.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["kode"]: Kommune(
            code=row["kode"],
            name=row["navn"],
            region=row["region"],
            house=_HOUSE_BY_NAME[row["erhvervshus"]],
            population=int(row["befolkning"]),
            population_year=int(row["befolkning_aar"]),
            dst_group=row["kommunetype"],
        )
        for row in rows
    }


@cache
def houses() -> dict[str, House]:
    """The six erhvervshuse by key, in the order of docs/domain.md."""
    data = yaml.safe_load((REFERENCE_DIR / "erhvervshuse.yaml").read_text(encoding="utf-8"))
    return {row["key"]: House(**row) for row in data["houses"]}


@cache
def kkrs() -> dict[str, Kkr]:
    """The five KKR by key (``kkr.yaml``), with any due days of their own."""
    return parse_kkrs((REFERENCE_DIR / "kkr.yaml").read_text(encoding="utf-8"))


def parse_kkrs(text: str) -> dict[str, Kkr]:
    """``kkr.yaml``'s text read; a due day for a period other than H1 or FY, or a date that
    does not exist, is a ValueError naming the KKR."""
    found = {}
    for row in yaml.safe_load(text)["kkr"]:
        due = {}
        for period, day in (row.get("due") or {}).items():
            if period not in DEFAULT_DUE:
                raise ValueError(f"kkr.yaml: {row['key']}: ukendt periode '{period}' i due")
            due[period] = DueDay(**day)
            try:
                due[period].date(2000)  # a leap year: 29 February is allowed, 31 April is not
            except ValueError:
                raise ValueError(
                    f"kkr.yaml: {row['key']}: {period}: der er ingen dag {day.get('day')} i "
                    f"måned {day.get('month')}"
                ) from None
        found[row["key"]] = Kkr(key=row["key"], name=row["name"], due=due)
    return found


def kkr_name(key: str) -> str:
    """``KKR Syddanmark`` for ``syddanmark``; an unknown key is shown as it is."""
    found = kkrs().get(key)
    return found.name if found else key


def kkr_of_house(house: str) -> str:
    """The key of the KKR a house belongs to by its region (erhvervshuse.yaml); a contract
    names its own KKR (``Contract.kkr``), which is what counts for that contract."""
    return houses()[house].kkr


def house_name(key: str) -> str:
    house = houses().get(key)
    return house.name if house else key


def default_geography(house: str) -> tuple[str, ...]:
    """The house's municipalities in kommuner.csv, by code."""
    return tuple(code for code, k in kommuner().items() if k.house == house)


def default_classification(codes: tuple[str, ...]) -> dict[str, str]:
    known = kommuner()
    return {code: known[code].default_class for code in codes if code in known}
