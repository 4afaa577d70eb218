"""The national report (Hele landet): the six houses side by side on the national goals of
one year and period, built from a national snapshot (docs/reports.md)."""

from __future__ import annotations

import pandas as pd

from contracts import danish
from contracts.models import HOUSE_KEYS, Contract
from contracts.reference import house_name
from metrics import fulfilment
from metrics.frames import row_dicts
from metrics.national import national_goals
from metrics.report_charts import TREND_WIDTH, national_statuses
from services.report import wording
from services.report.content import (
    Chart,
    Front,
    NationalCell,
    NationalGoal,
    NationalReport,
    TargetRow,
)
from services.report.house import target_row
from services.report.snapshots import SnapshotContent


def _front(content: SnapshotContent, houses: list[Contract]) -> Front:
    info = content.info
    period = danish.period_label(info.period, info.year)
    rounds = {r["house"]: r for r in content.rounds}
    lines = []
    open_rounds = 0
    for contract in houses:
        found = rounds.get(contract.erhvervshus)
        status = found["status"] if found else None
        open_rounds += status != "godkendt"
        round_text = wording.round_text(status, bool(found and found["has_demo"]))
        lines.append((house_name(contract.erhvervshus), f"Indberetning: {round_text}"))
    provisional = wording.national_provisional(open_rounds, len(houses)) if open_rounds else None
    return Front(
        title=wording.national_title(info.year, info.period),
        subtitle="Hele landet: status på resultatkontrakterne til KKR",
        facts=(
            ("Periode", danish.capitalised(period)),
            ("Dato", danish.local_date(info.taken_at)),
            ("Grundlag", wording.snapshot_line(info)),
            *lines,
        ),
        running_header=f"Hele landet · {period}",
        provisional=provisional,
        demo=info.has_demo,
        created=info.taken_at,
        notes=(wording.NATIONAL_NOTE,),
    )


def build_national_report(content: SnapshotContent) -> NationalReport:
    info = content.info
    order = {house: n for n, house in enumerate(HOUSE_KEYS)}
    contracts = sorted(content.contracts, key=lambda c: order[c.erhvervshus])
    table = national_goals(contracts, content.values, period=info.period)
    houses = tuple((str(c.erhvervshus), house_name(c.erhvervshus)) for c in contracts)
    demo_rounds = {r["house"] for r in content.rounds if r["has_demo"]}
    goals = []
    for number in sorted({int(n) for n in table["framework_goal"].dropna()}):
        own = table[table["framework_goal"] == number]
        title = str(own["title"].iloc[0])
        cells = []
        for house, _name in houses:
            found = own[own["house"] == house]
            if found.empty:
                cells.append(NationalCell(house, "", wording.NOT_IN_CONTRACT, "", False))
                continue
            r = found.iloc[0]
            cells.append(
                NationalCell(
                    house=house,
                    status=str(r["status"]),
                    status_label=str(r["status_label"]),
                    detail=wording.met_of_judged(int(r["n_met"]), int(r["n_judged"])),
                    demo=bool(r["demo"]) or house in demo_rounds,
                )
            )
        goals.append(
            NationalGoal(
                number=number,
                anchor=f"maal-{number}",
                heading=f"Mål {number} – {title}",
                cells=tuple(cells),
                rows=tuple(_target_rows(contracts, content.values, info.period, number)),
            )
        )
    names: dict[str, str] = {str(key): name for key, name in houses}
    figure = national_statuses(
        table, {key: name.removeprefix("Erhvervshus ") for key, name in names.items()}
    )
    chart = Chart(
        key="landet",
        figure=figure,
        width=TREND_WIDTH,
        height=420,
        alt="De seks erhvervshuses nationale mål efter status",
        demo_note=wording.DEMO_HOUSES_NOTE if info.has_demo else None,
    )
    missing = tuple(house_name(h) for h in HOUSE_KEYS if h not in names)
    return NationalReport(
        snapshot=info,
        front=_front(content, contracts),
        houses=houses,
        goals=tuple(goals),
        charts=(chart,),
        missing=missing,
    )


def _target_rows(
    contracts: list[Contract], values: pd.DataFrame, period: str, number: int
) -> list[tuple[str, TargetRow]]:
    rows = []
    for contract in contracts:
        goals = [g for g in contract.goals if g.framework_goal == number]
        if not goals:
            continue
        table = fulfilment(contract, values, period=period)
        records = {str(r["target"]): r for r in row_dicts(table)}
        for goal in goals:
            for target in goal.targets:
                record = {str(k): v for k, v in records[target.key].items()}
                rows.append((house_name(contract.erhvervshus), target_row(record, target)))
    return rows
