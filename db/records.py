"""The plain objects that cross the store's boundary: keys, rows to save, results, rounds.

No ORM object leaves ``db/``; callers see these frozen dataclasses and DataFrames only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from contracts.describe import round_label
from contracts.reported import VALUE_PARTS

ROUND_STATUSES: tuple[str, ...] = ("åben", "indsendt", "godkendt")
SOURCE_ENTERED = "indtastet"


@dataclass(frozen=True, order=True)
class ValueKey:
    """Where a reported value belongs. kommune "" is the total, "0" outside the geography."""

    house: str
    year: int
    period: str
    target: str
    kommune: str = ""

    @property
    def round_key(self) -> tuple[str, int, str]:
        return (self.house, self.year, self.period)

    def describe(self) -> str:
        """Danish: '8b, Erhvervshus Sjælland 1. halvår 2022 (kommune 259)'."""
        where = f" (kommune {self.kommune})" if self.kommune else ""
        return f"{self.target}, {round_label(self.house, self.year, self.period)}{where}"


@dataclass(frozen=True)
class ValueRow:
    """One value to write. ``expected_version`` is the version the writer read (0 = absent);
    None skips the conflict check and is meant for demo and seed writes only."""

    key: ValueKey
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    promoters: float | None = None
    passives: float | None = None
    detractors: float | None = None
    comment: str | None = None
    source: str = SOURCE_ENTERED
    expected_version: int | None = None

    def parts(self) -> dict[str, float | None]:
        return {name: getattr(self, name) for name in VALUE_PARTS}


@dataclass(frozen=True)
class SaveResult:
    inserted: int
    changed: int
    unchanged: int
    deleted: int
    demo_removed: int = 0


@dataclass(frozen=True)
class RoundInfo:
    house: str
    year: int
    period: str
    status: str
    has_demo: bool
    updated_by: str
    updated_at: datetime


SNAPSHOT_REASONS: tuple[str, ...] = ("indsendt", "godkendt", "bestilt")
#: The ``house`` of a snapshot of the national report (the six houses side by side).
NATIONAL = "landet"


@dataclass(frozen=True)
class SnapshotInfo:
    """One stored snapshot as a list shows it (no payload)."""

    id: int
    house: str
    year: int
    period: str
    reason: str
    round_status: str | None
    has_demo: bool
    contract_hash: str | None
    taken_by: str
    taken_at: datetime


@dataclass(frozen=True)
class SnapshotData:
    """What a snapshot holds besides its listing: texts exactly as they were stored.

    ``contracts_json``, ``values_json`` and ``rounds_json`` are JSON documents written and
    read by ``services.report.snapshots``; the store keeps them as opaque text."""

    round_status: str | None
    has_demo: bool
    contract_hash: str | None
    contract_yaml: str | None
    contracts_json: str
    values_json: str
    rounds_json: str


@dataclass(frozen=True)
class Snapshot:
    info: SnapshotInfo
    data: SnapshotData
