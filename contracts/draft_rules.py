"""Rules for contracts built on an earlier one, and the checks a draft gets before KKR.

- Every change against the base contract that needs a reason has one in ``changes``, and
  every reason there belongs to a change of that kind (an error where it is missing).
- A draft for next year (status ``udkast``, built on a base) has what its framework requires of every contract: a goal on
  geographic spread between by and land, the frame of the outreach effort, the framework's
  national goals, measurable targets and goals with a method and a data source (warnings).

docs/drafting.md explains why; the loader runs these after ``contracts.rules``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from contracts.diff import STATUS_LABELS, Entry, contract_diff
from contracts.issues import Issue, Located
from contracts.models import Contract
from contracts.rules import Documents

_CHANGE_WORDS = {"added": "tilføjet", "removed": "fjernet", "changed": "ændret"}


def _subject(entry: Entry) -> str:
    return entry.label if entry.subject == "goal" else f"måltallet {entry.label}"


def missing_reason_text(entry: Entry) -> str:
    """'måltallet 8a er ændret (måltal) og mangler en begrundelse'."""
    what = f" ({', '.join(entry.fields)})" if entry.fields else ""
    return f"{_subject(entry)} er {_CHANGE_WORDS[entry.status]}{what} og mangler en begrundelse"


def changes_have_reasons(docs: Documents) -> Iterator[Issue]:
    for doc in docs.contracts:
        contract = doc.model
        if contract.based_on is None:
            continue
        base = docs.base_of(contract)
        if base is None:
            yield doc.source.issue(
                ("based_on",),
                f"kontrakten for {contract.based_on}, som den bygger på, findes ikke; "
                "ændringerne kan ikke kontrolleres",
                "advarsel",
            )
            continue
        diff = contract_diff(base, contract)
        for entry in diff.missing_reasons():
            yield doc.source.issue(("changes",), missing_reason_text(entry))
        known = {(e.subject, e.id, e.status) for e in diff.entries() if e.status != "unchanged"}
        for c, change in enumerate(contract.changes):
            subject = "target" if change.target is not None else "goal"
            ident = str(change.target if change.target is not None else change.goal)
            if (subject, ident, change.change) in known:
                continue
            other = [s for (sub, i, s) in known if sub == subject and i == ident]
            name = f"mål {ident}" if subject == "goal" else ident
            if other:
                message = (
                    f"{name} er {STATUS_LABELS[other[0]].lower()}, men begrundelsen står som "
                    f"{_CHANGE_WORDS[change.change]}"
                )
                yield doc.source.issue(("changes", c, "change"), message)
            else:
                message = f"begrundelsen for {name} hører ikke til nogen ændring"
                yield doc.source.issue(("changes", c), message, "advarsel")


def _drafts(docs: Documents) -> Iterable[Located[Contract]]:
    """Drafts made for next year from a base contract (the drafting journey)."""
    return (
        doc
        for doc in docs.contracts
        if doc.model.status == "udkast" and doc.model.based_on is not None
    )


def framework_requirements(docs: Documents) -> Iterator[Issue]:
    for doc in _drafts(docs):
        contract = doc.model
        located = docs.framework(contract.framework) if contract.framework else None
        if located is None:
            continue
        framework = located.model
        if "spread_by_land" in framework.requirements and not any(
            target.kind == "spread" for _goal, target in contract.targets()
        ):
            yield doc.source.issue(
                ("goals",),
                f"rammeaftalen {framework.id} kræver et konkret mål for geografisk spredning "
                "mellem by- og landkommuner; udkastet har intet spredningsmål (kind: spread)",
                "advarsel",
            )
        titles = [g.title for g in contract.goals] + [s.title for s in contract.sections]
        if "outreach" in framework.requirements and not any(
            "opsøgende" in title.lower() for title in titles
        ):
            yield doc.source.issue(
                ("goals",),
                f"rammeaftalen {framework.id} kræver, at kontrakten beskriver rammerne for den "
                "opsøgende indsats; udkastet har intet mål eller afsnit om opsøgende indsats",
                "advarsel",
            )
        present = {g.framework_goal for g in contract.goals if g.scope == "national"}
        for fgoal in framework.goals:
            if fgoal.number not in present:
                yield doc.source.issue(
                    ("goals",),
                    f"rammeaftalens mål {fgoal.number} ({fgoal.title}) mangler i udkastet",
                    "advarsel",
                )


def measurable_targets(docs: Documents) -> Iterator[Issue]:
    for doc in _drafts(docs):
        for g, goal in enumerate(doc.model.goals):
            if not goal.targets:
                continue
            lacking = [
                label
                for label, value in (("metode", goal.method), ("datakilde", goal.data_source))
                if not value
            ]
            if lacking:
                yield doc.source.issue(
                    ("goals", g),
                    f"mål {goal.number} har ingen {' og ingen '.join(lacking)}; rammeaftalen "
                    "kræver målbare mål med metode og datakilde",
                    "advarsel",
                )
            for t, target in enumerate(goal.targets):
                if not target.value_stated:
                    yield doc.source.issue(
                        ("goals", g, "targets", t, "value_stated"),
                        f"{target.key} har intet måltal; et mål skal være målbart",
                        "advarsel",
                    )


DRAFT_RULES = (changes_have_reasons, framework_requirements, measurable_targets)


def check_drafts(docs: Documents) -> list[Issue]:
    return [issue for rule in DRAFT_RULES for issue in rule(docs)]
