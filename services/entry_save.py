"""Saving the Indberetning form without losing work to a conflict (docs/entry.md "Conflicts").

Every value is saved with the version the person read. When someone else saved one of the
same values meanwhile, the store would refuse the whole save; here instead:

- the edits that meet no conflict are saved (per target: a target with a conflict anywhere,
  its kommune rows and total included, waits as a whole, so its total stays their sum);
- each value in conflict is returned with both numbers — theirs with who and when, and the
  person's — for the person to choose per value (``resolve``);
- a total that only *follows* its kommune rows is settled again over the new numbers, and an
  edit that equals what the other person saved is no conflict;
- the table is read again, and the person's unsaved edits are laid over it (``rebase``), so
  nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from contracts import danish
from contracts.models import Contract
from db import SaveResult, Store, ValueKey, ValueRow
from db.errors import Conflict
from metrics.frames import row_dicts
from services.entry import EntryChanges, Issue, changes
from services.entry_form import anchor_of
from services.entry_live import apply_draft, cells_of
from services.entry_table import EntryTable, build_table, is_missing
from services.entry_table import kommune_name as kommune_name
from services.values_io.current import numbers_of
from services.values_io.plan import describe

Place = tuple[str, str]
Draft = dict[Place, dict[str, str]]
Choice = Literal["theirs", "mine"]
ATTEMPTS = 3


@dataclass(frozen=True)
class ValueConflict:
    """One value someone else saved after the person read it, and what the person typed."""

    target: str
    kommune: str
    name: str
    anchor: str
    theirs: str
    who: str
    when: str
    mine: str


@dataclass(frozen=True)
class SaveOutcome:
    """What a save did: nothing (``problems``), everything, or all but the conflicts."""

    result: SaveResult | None = None
    problems: tuple[str, ...] = ()
    issues: tuple[Issue, ...] = ()
    conflicts: tuple[ValueConflict, ...] = ()
    #: The table read again after a save that left conflicts, and the person's edits over it.
    table: EntryTable | None = None
    draft: Draft = field(default_factory=dict)

    @property
    def nothing_to_save(self) -> bool:
        return self.result is None and not self.problems and not self.conflicts


def save_entry(
    store: Store,
    contract: Contract,
    period: str,
    table: EntryTable,
    edited: EntryTable,
    *,
    user: str,
    include_all: bool = False,
    demo: bool = False,
) -> SaveOutcome:
    """Save ``edited`` (the form) against ``table`` (as read); see the module's docstring.
    ``demo``: stored as demo values (a demo account's save, docs/roles.md)."""
    house, year = contract.erhvervshus, contract.year
    saved: SaveResult | None = None
    for attempt in range(ATTEMPTS):
        found = changes(contract, period, table, edited)
        if found.problems:
            return SaveOutcome(saved, found.problems, found.issues)
        if found.empty:  # after a new read: the same numbers were saved by someone else
            return SaveOutcome(saved if saved or attempt == 0 else SaveResult(0, 0, 0, 0))
        current = _current(store.values(house=house, year=year, period=period))
        stale = _stale(found, current)
        mine = edited_places(table, edited)
        if not stale:
            try:
                saved = _add(
                    saved, store.save(found.rows, user=user, deletes=found.deletes, demo=demo)
                )
            except Conflict:
                continue  # saved by someone in the moment between reading and writing
            return SaveOutcome(saved)
        conflicts = [p for p in stale if p in mine and not _same(found, p, current.get(p))]
        fresh = build_table(contract, period, store.values(house=house), include_all=include_all)
        rebased = rebase(fresh, table, edited)
        if not conflicts:  # only totals that follow their rows, or the same numbers as theirs
            table, edited = fresh, rebased
            continue
        # The targets without a conflict are saved over the new read (a total that follows
        # its rows settled again); those with one wait, read as they were.
        held = {place[0] for place in conflicts}
        others = changes(contract, period, fresh, rebased)
        if others.problems:
            return SaveOutcome(saved, others.problems, others.issues)
        rows = tuple(r for r in others.rows if r.key.target not in held)
        deletes = tuple(d for d in others.deletes if d[0].target not in held)
        try:
            saved = _add(saved, store.save(rows, user=user, deletes=deletes))
        except Conflict:
            continue
        after = build_table(contract, period, store.values(house=house), include_all=include_all)
        described = _described(store, contract, period, conflicts, current, found, edited)
        kept = rebase(after, table, edited, only=held)
        return SaveOutcome(saved, conflicts=described, table=after, draft=draft_of(after, kept))
    raise Conflict(
        "Tallene blev ændret af andre flere gange, mens du gemte. Intet mere er gemt; prøv igen."
    )


def _add(before: SaveResult | None, result: SaveResult) -> SaveResult:
    if before is None:
        return result
    return SaveResult(
        before.inserted + result.inserted,
        before.changed + result.changed,
        before.unchanged + result.unchanged,
        before.deleted + result.deleted,
        before.demo_removed + result.demo_removed,
    )


def _current(values: pd.DataFrame) -> dict[Place, dict[str, Any]]:
    return {
        (str(r["target"]), str(r["kommune"] or "")): {str(k): v for k, v in r.items()}
        for r in row_dicts(values)
    }


def _writes(found: EntryChanges) -> Iterable[tuple[ValueKey, int]]:
    yield from ((row.key, int(row.expected_version or 0)) for row in found.rows)
    yield from found.deletes


def _stale(found: EntryChanges, current: Mapping[Place, Mapping[str, Any]]) -> list[Place]:
    stale = []
    for key, expected in _writes(found):
        place = (key.target, key.kommune)
        stored = current.get(place)
        if (int(stored["version"]) if stored else 0) != expected:
            stale.append(place)
    return stale


def _row(found: EntryChanges, place: Place) -> ValueRow | None:
    return next((r for r in found.rows if (r.key.target, r.key.kommune) == place), None)


def _same(found: EntryChanges, place: Place, stored: Mapping[str, Any] | None) -> bool:
    """Whether the person's edit writes exactly what the other person saved."""
    row = _row(found, place)
    if row is None or stored is None:
        return row is None and stored is None
    comment = stored["comment"] if not is_missing(stored["comment"]) else None
    return numbers_of(dict(stored)) == row.parts() and comment == (
        (row.comment or "").strip() or None
    )


def _described(
    store: Store,
    contract: Contract,
    period: str,
    places: list[Place],
    current: Mapping[Place, Mapping[str, Any]],
    found: EntryChanges,
    edited: EntryTable,
) -> tuple[ValueConflict, ...]:
    targets = {t.key: t for _goal, t in contract.targets()}
    order = {key: n for n, key in enumerate(targets)}
    conflicts = []
    for place in sorted(places, key=lambda p: (order.get(p[0], len(order)), p[1].zfill(3))):
        key, kommune = place
        stored = current.get(place)
        if stored is not None:
            theirs = describe(
                {f: v for f, v in numbers_of(dict(stored)).items() if v is not None},
                None if is_missing(stored["comment"]) else str(stored["comment"]),
            )
            who, when = str(stored["entered_by"]), danish.date_time(stored["entered_at"])
        else:
            theirs = "slettet"
            who, when = _deleted_by(store, contract, period, place)
        row = _row(found, place)
        mine = "tomt (slettes)" if row is None else _mine(row)
        where = f" ({kommune_name(kommune)})" if kommune else ""
        name = targets[key].name if key in targets else key
        conflicts.append(
            ValueConflict(key, kommune, f"{name}{where}", anchor_of(key), theirs, who, when, mine)
        )
    return tuple(conflicts)


def _mine(row: ValueRow) -> str:
    return describe({f: v for f, v in row.parts().items() if v is not None}, row.comment)


def _deleted_by(store: Store, contract: Contract, period: str, place: Place) -> tuple[str, str]:
    trail = store.audit(contract.erhvervshus, contract.year, place[0], period=period)
    gone = trail[trail["kommune"].fillna("") == place[1]]
    if gone.empty:
        return "en anden", ""
    latest = gone.iloc[0]
    return str(latest["user"]), danish.date_time(latest["at"])


def edited_places(table: EntryTable, edited: EntryTable) -> set[Place]:
    """The places whose texts the person changed."""
    before = cells_of(table)
    return {place for place, texts in cells_of(edited).items() if before.get(place) != texts}


def draft_of(table: EntryTable, edited: EntryTable) -> Draft:
    """The texts of ``edited`` that differ from ``table``: the person's unsaved edits."""
    if edited is table:
        return {}
    before = cells_of(table)
    return {p: dict(texts) for p, texts in cells_of(edited).items() if before.get(p) != texts}


def rebase(
    fresh: EntryTable, table: EntryTable, edited: EntryTable, *, only: set[str] | None = None
) -> EntryTable:
    """``fresh`` with the person's edits of ``edited`` (against ``table``) laid over it; with
    ``only``, the edits of those targets alone (the others were saved)."""
    draft = draft_of(table, edited)
    if only is not None:
        draft = {place: texts for place, texts in draft.items() if place[0] in only}
    return apply_draft(fresh, draft)


def resolve(
    table: EntryTable, draft: Mapping[Place, Mapping[str, str]], choices: Mapping[Place, Choice]
) -> Draft:
    """The draft after the person chose per value: "theirs" drops the person's edit of that
    value (the table holds theirs), "mine" keeps it."""
    resolved = {place: dict(texts) for place, texts in draft.items()}
    for place, choice in choices.items():
        if choice == "theirs":
            resolved.pop(place, None)
    return resolved
