"""What a report says, before any format: plain frozen records of finished Danish text.

The builders (``services.report.house``, ``national``, ``contract_doc``) fill these from a
snapshot or a contract; the renderers (``pdf``, ``word``, ``excel``) only lay them out, so
the PDF, the Word file and the workbook say the same thing. Raw numbers travel beside the
text for the workbook, which keeps numbers as numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go

from db.records import SnapshotInfo


@dataclass(frozen=True)
class Chart:
    """A figure the report shows, drawn once per snapshot by ``services.report.images``."""

    key: str
    figure: go.Figure | dict[str, Any]
    width: int
    height: int
    alt: str
    #: Set when the figure shows demo values: printed beside it, on the same page.
    demo_note: str | None = None
    #: The share of the text width the printed figure takes.
    share: float = 1.0
    #: Where on ``figure`` this chart is (left, top, right, bottom, in pixels) when several
    #: charts share one figure (the trend sheet); None for a figure of its own.
    box: tuple[int, int, int, int] | None = None
    #: How to read the chart (its legend in words), printed under it.
    caption: str | None = None


@dataclass(frozen=True)
class TargetRow:
    goal: str
    key: str
    label: str
    text: str
    requirement: str
    result: str
    fulfilment: str
    status: str
    status_label: str
    comment: str | None
    note: str | None
    kind: str
    period: str
    actual: float | None
    target_value: float | None
    expected: float | None
    fulfilment_value: float | None


@dataclass(frozen=True)
class GoalPart:
    number: str
    anchor: str
    heading: str
    scope: str
    status: str | None
    status_label: str
    purpose: str | None
    rows: tuple[TargetRow, ...]
    chart: str | None
    #: Said where a goal has no trend chart or no targets.
    remark: str | None = None


@dataclass(frozen=True)
class KommuneRow:
    code: str
    name: str
    group: str
    population: int
    value: float
    per_10000: float | None
    value_text: str
    per_10000_text: str


@dataclass(frozen=True)
class SpreadRow:
    group: str
    count_text: str
    count_share: float
    population_share: float
    deviation: float
    count_share_text: str
    population_share_text: str
    deviation_text: str


@dataclass(frozen=True)
class KommunePart:
    heading: str
    intro: str
    map_chart: str | None
    rows: tuple[KommuneRow, ...]
    spread_heading: str | None
    spread_rows: tuple[SpreadRow, ...]
    spread_text: str | None
    spread_chart: str | None
    coverage: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class AnnexTarget:
    label: str
    details: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class AnnexGoal:
    heading: str
    method: str
    data_source: str
    reporting: str
    targets: tuple[AnnexTarget, ...]


@dataclass(frozen=True)
class Front:
    """The front page and running header, shared by every kind of report."""

    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...]
    running_header: str
    provisional: str | None
    demo: bool
    created: dt.datetime
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusReport:
    snapshot: SnapshotInfo
    front: Front
    counts: tuple[tuple[str, str, int], ...]
    count_sentence: str
    headlines: tuple[TargetRow, ...]
    attention: str
    changes_intro: str
    changes: tuple[str, ...]
    goals: tuple[GoalPart, ...]
    kommune: KommunePart | None
    annex: tuple[AnnexGoal, ...]
    charts: tuple[Chart, ...]

    @property
    def rows(self) -> list[TargetRow]:
        return [row for goal in self.goals for row in goal.rows]


@dataclass(frozen=True)
class NationalCell:
    house: str
    status: str
    status_label: str
    detail: str
    demo: bool


@dataclass(frozen=True)
class NationalGoal:
    number: int
    anchor: str
    heading: str
    cells: tuple[NationalCell, ...]
    rows: tuple[tuple[str, TargetRow], ...]


@dataclass(frozen=True)
class NationalReport:
    snapshot: SnapshotInfo
    front: Front
    houses: tuple[tuple[str, str], ...]
    goals: tuple[NationalGoal, ...]
    charts: tuple[Chart, ...]
    missing: tuple[str, ...] = field(default=())
