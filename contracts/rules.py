"""Rules that need more than one model: across targets, goals, files and reference data.

Each rule is a small function from the validated :class:`Documents` to the issues it finds;
``check`` runs them all.  Where two places are involved the issue stands at the second and
names the first (``findes allerede i goals[0].targets[0] (linje 12)``).  Rules about one
target on its own (a percentage above 100, a change without a baseline) are model
validators in ``contracts.models``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from contracts.issues import Issue, Located, Source
from contracts.models import Contract, Framework, FrameworkGoal, Goal, Target
from contracts.reference import kommuner
from contracts.yaml_source import Step, format_path

Loc = tuple[Step, ...]
#: How far from the contract year a measurement year may lie before it is questioned.
MEASURED_YEARS_SLACK = 3
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Documents:
    """What the rules look at: the checked files' models, and frameworks known elsewhere.

    ``context`` holds frameworks from outside the checked files (the contracts folder when
    one file is validated): they answer 'does framework X exist?' and are never checked.
    """

    def base_of(self, contract: Contract) -> Contract | None:
        """The contract ``contract`` was built on (godkendt before udkast), where known."""
        if contract.based_on is None:
            return None
        found = [
            c
            for c in (*(doc.model for doc in self.contracts), *self.bases)
            if c.erhvervshus == contract.erhvervshus and c.year == contract.based_on
        ]
        found.sort(key=lambda c: c.status != "godkendt")
        return found[0] if found else None

    frameworks: tuple[Located[Framework], ...] = ()
    contracts: tuple[Located[Contract], ...] = ()
    context: tuple[Located[Framework], ...] = ()
    #: Contracts from outside the checked files that a draft may be built on (never checked).
    bases: tuple[Contract, ...] = ()

    def framework(self, framework_id: str) -> Located[Framework] | None:
        for doc in (*self.frameworks, *self.context):
            if doc.model.id == framework_id:
                return doc
        return None

    def framework_ids(self) -> list[str]:
        return sorted({doc.model.id for doc in (*self.frameworks, *self.context)})


Rule = Callable[[Documents], Iterable[Issue]]


def _documents(docs: Documents) -> list[Located[Framework] | Located[Contract]]:
    return [*docs.frameworks, *docs.contracts]


def _targets(model: Contract | Framework) -> Iterator[tuple[Loc, Target]]:
    goals: Sequence[Goal | FrameworkGoal] = model.goals
    for g, goal in enumerate(goals):
        for t, target in enumerate(goal.targets):
            yield ("goals", g, "targets", t), target


def _target_locs(contract: Contract) -> dict[str, Loc]:
    """Each target key's first place in the contract."""
    locs: dict[str, Loc] = {}
    for loc, target in _targets(contract):
        locs.setdefault(target.key, loc)
    return locs


def _here(source: Source, loc: Loc) -> str:
    """The other place in the same file: ``goals[0].targets[1] (linje 14)``."""
    return f"{format_path(loc)} (linje {source.line(loc)})"


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _kommune(code: str) -> str:
    known = kommuner().get(code)
    return f"{code} ({known.name})" if known else code


def unique_target_keys(docs: Documents) -> Iterator[Issue]:
    """A target key names one target in its contract or framework."""
    for doc in _documents(docs):
        first: dict[str, Loc] = {}
        for loc, target in _targets(doc.model):
            if target.key in first:
                where = _here(doc.source, first[target.key])
                yield doc.source.issue(
                    (*loc, "key"), f"målnøglen '{target.key}' findes allerede i {where}"
                )
            else:
                first[target.key] = loc


def unique_target_names(docs: Documents) -> Iterator[Issue]:
    """A target's name (its label, or its undotted key) names one target: people tell
    targets apart by it."""
    for doc in _documents(docs):
        first: dict[str, tuple[Loc, str]] = {}
        for loc, target in _targets(doc.model):
            name = target.name.casefold()
            if name in first and first[name][1] != target.key:  # same key: reported above
                where = _here(doc.source, first[name][0])
                field = "label" if target.label is not None else "key"
                yield doc.source.issue(
                    (*loc, field), f"navnet '{target.name}' bruges allerede af {where}"
                )
            else:
                first.setdefault(name, (loc, target.key))


def unique_goal_numbers(docs: Documents) -> Iterator[Issue]:
    """A goal number names one goal in its contract or framework."""
    for doc in _documents(docs):
        first: dict[str, Loc] = {}
        goals: Sequence[Goal | FrameworkGoal] = doc.model.goals
        for g, goal in enumerate(goals):
            number, loc = str(goal.number), ("goals", g)
            if number in first:
                where = _here(doc.source, first[number])
                yield doc.source.issue(
                    (*loc, "number"), f"målnummeret '{number}' findes allerede i {where}"
                )
            else:
                first[number] = loc


def unique_contracts(docs: Documents) -> Iterator[Issue]:
    """One godkendt contract and one draft at most per erhvervshus and year."""
    first: dict[tuple[str, int, str], Located[Contract]] = {}
    for doc in docs.contracts:
        c = doc.model
        key = (c.erhvervshus, c.year, c.status)
        if key in first:
            what = "en godkendt kontrakt" if c.status == "godkendt" else "et udkast"
            where = first[key].source.where(("erhvervshus",))
            yield doc.source.issue(
                ("erhvervshus",),
                f"der er allerede {what} for {c.erhvervshus} {c.year} i {where}",
            )
        else:
            first[key] = doc


def unique_framework_ids(docs: Documents) -> Iterator[Issue]:
    """One file per framework id."""
    first: dict[str, Located[Framework]] = {}
    for doc in docs.frameworks:
        if doc.model.id in first:
            where = first[doc.model.id].source.where(("id",))
            yield doc.source.issue(
                ("id",), f"rammeaftalen '{doc.model.id}' findes allerede i {where}"
            )
        else:
            first[doc.model.id] = doc


def framework_known(docs: Documents) -> Iterator[Issue]:
    """A contract's framework is one of the frameworks loaded."""
    for doc in docs.contracts:
        wanted = doc.model.framework
        if wanted is None or docs.framework(wanted) is not None:
            continue
        known = docs.framework_ids()
        hint = f"kendte: {', '.join(known)}" if known else "der er ingen rammeaftaler"
        yield doc.source.issue(("framework",), f"ukendt rammeaftale '{wanted}' ({hint})")


def national_goals_in_framework(docs: Documents) -> Iterator[Issue]:
    """A national goal refers to a goal of the contract's framework."""
    for doc in docs.contracts:
        contract = doc.model
        framework = docs.framework(contract.framework) if contract.framework else None
        for g, goal in enumerate(contract.goals):
            if goal.scope != "national" or goal.framework_goal is None:
                continue
            if contract.framework is None:
                yield doc.source.issue(
                    ("goals", g, "framework_goal"),
                    "et nationalt mål kræver, at kontrakten angiver sin rammeaftale (framework)",
                )
            elif framework is not None:
                numbers = [fg.number for fg in framework.model.goals]
                if goal.framework_goal not in numbers:
                    listed = ", ".join(str(n) for n in numbers) or "ingen"
                    where = framework.source.where(("goals",))
                    yield doc.source.issue(
                        ("goals", g, "framework_goal"),
                        f"rammeaftalen {framework.model.id} har intet mål {goal.framework_goal} "
                        f"(dens mål: {listed}; se {where})",
                    )


def year_in_framework(docs: Documents) -> Iterator[Issue]:
    """The contract year lies within the framework's years (a warning)."""
    for doc in docs.contracts:
        contract = doc.model
        framework = docs.framework(contract.framework) if contract.framework else None
        if framework is None:
            continue
        fw = framework.model
        if not fw.start_year <= contract.year <= fw.end_year:
            yield doc.source.issue(
                ("year",),
                f"året {contract.year} ligger uden for rammeaftalen {fw.id} "
                f"({framework.source.where(('id',))})",
                "advarsel",
            )


def geography_known(docs: Documents) -> Iterator[Issue]:
    """Every kommunekode of the geography is a real municipality."""
    known = kommuner()
    for doc in docs.contracts:
        for i, code in enumerate(doc.model.geography or ()):
            if code not in known:
                yield doc.source.issue(("geography", i), f"ukendt kommunekode '{code}'")


def classification_matches_geography(docs: Documents) -> Iterator[Issue]:
    """By/land is given for the geography's municipalities and no others."""
    known = kommuner()
    for doc in docs.contracts:
        contract = doc.model
        geography = contract.geography or ()
        classification = contract.classification or {}
        for code in classification:
            if code not in known:
                yield doc.source.issue(("classification", code), f"ukendt kommunekode '{code}'")
            elif code not in geography:
                yield doc.source.issue(
                    ("classification", code),
                    f"kommune {_kommune(code)} er ikke i kontraktens geografi",
                )
        missing = [c for c in geography if c in known and c not in classification]
        if missing:
            yield doc.source.issue(
                ("classification",),
                "kommuner i geografien uden by/land: " + ", ".join(map(_kommune, missing)),
                "advarsel",
            )


def spread_sources(docs: Documents) -> Iterator[Issue]:
    """A spread distributes an existing per-kommune count target."""
    for doc in docs.contracts:
        contract, locs = doc.model, _target_locs(doc.model)
        for loc, target in _targets(contract):
            if target.kind != "spread" or target.source_target is None:
                continue
            key, at = target.source_target, (*loc, "source_target")
            source = contract.target(key)
            if source is None:
                yield doc.source.issue(at, f"antalsmålet '{key}' findes ikke i kontrakten")
            elif source.kind != "count":
                yield doc.source.issue(
                    at,
                    f"'{key}' i {_here(doc.source, locs[key])} er af typen '{source.kind}'; "
                    "et spredningsmål skal pege på et antalsmål (count)",
                )
            elif not source.per_kommune:
                yield doc.source.issue(
                    at,
                    f"'{key}' i {_here(doc.source, locs[key])} afrapporteres ikke pr. kommune "
                    "(per_kommune: true)",
                )


def coverage_within_geography(docs: Documents) -> Iterator[Issue]:
    """A coverage target asks for no more municipalities than there are."""
    for doc in docs.contracts:
        municipalities = len(doc.model.geography or ())
        for loc, target in _targets(doc.model):
            value = target.value if target.kind == "coverage" else None
            if value is not None and value > municipalities:
                yield doc.source.issue(
                    (*loc, "value"),
                    f"dækningsmålet kræver {_number(value)} kommuner, "
                    f"men geografien har kun {municipalities}",
                )


def deadlines_in_year(docs: Documents) -> Iterator[Issue]:
    """A deadline lies in the contract year."""
    for doc in docs.contracts:
        year = doc.model.year
        for loc, target in _targets(doc.model):
            if target.deadline is not None and target.deadline.year != year:
                yield doc.source.issue(
                    (*loc, "deadline"),
                    f"fristen {target.deadline.isoformat()} ligger uden for kontraktåret {year}",
                )


def parts_add_up(docs: Documents) -> Iterator[Issue]:
    """Parts name targets of the contract; where every number is known, they add up."""
    for doc in docs.contracts:
        contract = doc.model
        for loc, target in _targets(contract):
            known: list[tuple[str, float]] = []
            for k, key in enumerate(target.parts):
                part = contract.target(key)
                if key == target.key:
                    yield doc.source.issue(
                        (*loc, "parts", k), "et mål kan ikke være en del af sig selv"
                    )
                elif part is None:
                    yield doc.source.issue(
                        (*loc, "parts", k), f"delmålet '{key}' findes ikke i kontrakten"
                    )
                elif part.target_value is not None:
                    known.append((key, part.target_value))
            total = target.target_value
            if not target.parts or total is None or len(known) != len(target.parts):
                continue
            added = sum(number for _key, number in known)
            if abs(added - total) > TOLERANCE:
                terms = " + ".join(f"{key} ({_number(number)})" for key, number in known)
                yield doc.source.issue(
                    (*loc, "parts"),
                    f"delene {terms} giver {_number(added)}, men målet er {_number(total)}",
                    "advarsel",
                )


def measured_years_plausible(docs: Documents) -> Iterator[Issue]:
    """Measurement years lie near the document's years (a warning)."""
    spans: list[tuple[Located[Contract] | Located[Framework], str, int, int]] = [
        (doc, "kontraktens år", doc.model.year, doc.model.year) for doc in docs.contracts
    ]
    spans += [
        (doc, "rammeaftalens år", doc.model.start_year, doc.model.end_year)
        for doc in docs.frameworks
    ]
    for doc, label, first, last in spans:
        low, high = first - MEASURED_YEARS_SLACK, last + MEASURED_YEARS_SLACK
        for loc, target in _targets(doc.model):
            for k, year in enumerate(target.measured.years or ()):
                if not low <= year <= high:
                    yield doc.source.issue(
                        (*loc, "measured", "years", k),
                        f"måleåret {year} ligger langt fra {label} (forventet {low}–{high})",
                        "advarsel",
                    )


def sub_goals_under_national_goal(docs: Documents) -> Iterator[Issue]:
    """A local sub-goal sits under a national goal of the contract."""
    for doc in docs.contracts:
        goals = doc.model.goals
        national = {g.framework_goal for g in goals if g.scope == "national"}
        national |= {int(g.number) for g in goals if g.scope == "national" and g.number.isdigit()}
        for g, goal in enumerate(goals):
            if goal.under is not None and goal.under not in national:
                yield doc.source.issue(
                    ("goals", g, "under"),
                    f"kontrakten har intet nationalt mål {goal.under}",
                    "advarsel",
                )


def drafts_are_drafts(docs: Documents) -> Iterator[Issue]:
    """A file in the drafts folder is a draft (a warning)."""
    for doc in docs.contracts:
        if doc.source.in_drafts and doc.model.status == "godkendt":
            yield doc.source.issue(
                ("status",),
                "filen ligger i udkastmappen, men har status 'godkendt'",
                "advarsel",
            )


RULES: tuple[Rule, ...] = (
    unique_framework_ids,
    unique_contracts,
    unique_goal_numbers,
    unique_target_keys,
    unique_target_names,
    framework_known,
    national_goals_in_framework,
    year_in_framework,
    geography_known,
    classification_matches_geography,
    spread_sources,
    coverage_within_geography,
    deadlines_in_year,
    parts_add_up,
    measured_years_plausible,
    sub_goals_under_national_goal,
    drafts_are_drafts,
)


def check(docs: Documents) -> list[Issue]:
    """Every issue every rule finds."""
    return [issue for rule in RULES for issue in rule(docs)]
