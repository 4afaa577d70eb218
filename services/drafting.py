"""Next year's contract: the base it starts from, the framework it falls under, the draft
carried forward, checked and saved (docs/drafting.md).

The page and the ``contract`` commands call these; the pure rules are in ``contracts.draft``,
``contracts.diff`` and ``contracts.edits``. Expected errors are ``db.errors`` exceptions with
Danish messages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from contracts.draft import DraftError, carry_forward, check_mapping
from contracts.edits import DRAFT_NAME, Built, Edits, build
from contracts.loader import DRAFTS_SUBDIR, Catalog, load_text
from contracts.models import Contract, Framework
from contracts.reference import house_name
from db import Store
from db.audit import DRAFT_SAVED
from db.errors import Conflict, NotFound, ValidationFailed
from services.drafts import (
    DraftFile,
    conflict_message,
    content_hash,
    draft_path,
    folder_lock,
    write_atomically,
)
from services.status import check_house


def real_contracts(catalog: Catalog) -> list[Contract]:
    """The contracts of the folder (demo contracts are never a base or a history)."""
    return [c for c in catalog.contracts if not c.demo]


def framework_for_year(catalog: Catalog, year: int) -> Framework | None:
    """The framework whose years hold ``year`` (the latest to start, if several do)."""
    found = [f for f in catalog.frameworks.values() if f.start_year <= year <= f.end_year]
    return max(found, key=lambda f: f.start_year) if found else None


def find_base(catalog: Catalog, house: str, year: int) -> Contract:
    """The contract a draft is built on: godkendt before udkast, never a demo contract."""
    check_house(house)
    found = [c for c in catalog.contracts if c.erhvervshus == house and c.year == year]
    real = sorted((c for c in found if not c.demo), key=lambda c: c.status != "godkendt")
    if real:
        return real[0]
    if found:
        raise ValidationFailed(
            f"{house_name(house)} {year} er en demokontrakt; et udkast bygger kun på en "
            "rigtig kontrakt. Vælg et andet år at bygge på."
        )
    raise NotFound(f"{house_name(house)} har ingen kontrakt for {year} at bygge udkastet på.")


def base_years(catalog: Catalog, house: str, new_year: int) -> list[int]:
    """The years of real contracts of ``house`` before ``new_year``, newest first."""
    return sorted(
        {c.year for c in real_contracts(catalog) if c.erhvervshus == house and c.year < new_year},
        reverse=True,
    )


@dataclass(frozen=True)
class Start:
    """Where a draft starts: its base, its framework, and the draft itself once the
    framework mapping is complete (``unmapped`` lists the old goals still undecided)."""

    base: Contract
    framework: Framework | None
    new_framework: bool
    unmapped: tuple[int, ...]
    draft: Contract | None
    saved: DraftFile | None = None


def start_draft(
    catalog: Catalog,
    house: str,
    year: int,
    *,
    base_year: int | None = None,
    mapping: Mapping[int, int | None] | None = None,
    saved: DraftFile | None = None,
) -> Start:
    """The draft for ``year``: the saved one (``saved``) or one carried forward from the
    contract of ``base_year`` (default: the year before)."""
    if saved is not None:
        built = check_text(catalog, saved.text)
        contract = built.contracts[0] if built.contracts else None
        if contract is None or contract.based_on is None:
            problems = [str(i) for i in built.errors] or ["udkastet angiver ikke based_on"]
            raise ValidationFailed(f"Det gemte udkast {saved.path.name} kan ikke læses:", problems)
        base = find_base(catalog, house, contract.based_on)
        framework = catalog.frameworks.get(contract.framework or "")
        return Start(base, framework, bool(contract.goal_mapping), (), contract, saved)
    base = find_base(catalog, house, base_year if base_year is not None else year - 1)
    framework = framework_for_year(catalog, year) or catalog.frameworks.get(base.framework or "")
    new_framework = framework is not None and framework.id != base.framework
    try:
        unmapped: list[int] = []
        if new_framework and framework is not None:
            unmapped = check_mapping(base, framework, dict(mapping or {}))
        if unmapped:
            return Start(base, framework, True, tuple(unmapped), None)
        draft = carry_forward(base, year, framework=framework, mapping=mapping)
    except DraftError as exc:
        raise ValidationFailed(str(exc)) from exc
    return Start(base, framework, new_framework, (), draft)


def build_draft(catalog: Catalog, start: Start, edits: Edits) -> Built:
    """The started draft with the drafter's edits, checked by the loader's rules."""
    assert start.draft is not None
    return build(start.draft, edits, base=start.base, frameworks=catalog.frameworks.values())


def check_text(catalog: Catalog, text: str) -> Catalog:
    """A draft's YAML checked as the loader checks a file in ``udkast/``."""
    return load_text(
        text, DRAFT_NAME, frameworks=catalog.frameworks.values(), bases=real_contracts(catalog)
    )


def save_draft(
    store: Store,
    catalog: Catalog,
    text: str,
    *,
    expected_hash: str | None,
    user: str,
    root: Path | None = None,
    allowed: Callable[[str], None] | None = None,
) -> DraftFile:
    """Save ``text`` as the draft of its house and year in ``udkast/``.

    ``expected_hash`` is the hash of the draft as it was read (None: there was none); a file
    that has changed since is a Conflict naming who saved it. A draft with errors (a change
    without a reason among them) is refused with every problem listed. ``allowed`` is called
    with the draft's house before anything is written (the session's permission check)."""
    checked = check_text(catalog, text)
    contract = checked.contracts[0] if checked.contracts else None
    if checked.errors or contract is None:
        raise ValidationFailed(
            "Udkastet kan ikke gemmes, før disse fejl er rettet:",
            [f"{i.path}: {i.message}" for i in checked.errors],
        )
    if contract.status != "udkast":
        raise ValidationFailed("Kun et udkast (status: udkast) kan gemmes som udkast.")
    house, year = contract.erhvervshus, contract.year
    if allowed is not None:
        allowed(house)
    path = draft_path(house, year, root)
    with folder_lock(path.parent):
        current = content_hash(path.read_bytes()) if path.exists() else None
        if current != expected_hash:
            raise Conflict(conflict_message(store, house, year, path, expected_hash=expected_hash))
        digest = content_hash(write_atomically(path, text))
        at = store.record_contract_event(
            DRAFT_SAVED,
            house,
            year,
            user=user,
            content_hash=digest,
            detail={"fil": f"{DRAFTS_SUBDIR}/{path.name}", "bygger_paa": contract.based_on},
        )
    return DraftFile(house, year, path, text, digest, user, at)
