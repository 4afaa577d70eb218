"""Reference data shipped with the product: municipalities, erhvervshuse, baselines.

Read once and cached; the files live in ``contracts/reference/`` with their attribution in
``SOURCES.md`` beside them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
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


def house_name(key: str) -> str:
    house = houses().get(key)
    return house.name if house else key


def default_geography(house: str) -> tuple[str, ...]:
    """The house's municipalities in kommuner.csv, by code."""
    return tuple(code for code, k in kommuner().items() if k.house == house)


def default_classification(codes: tuple[str, ...]) -> dict[str, str]:
    known = kommuner()
    return {code: known[code].default_class for code in codes if code in known}
