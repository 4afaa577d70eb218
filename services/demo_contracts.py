"""Demo contracts for the house-years the sources lack.

The sources hold three real contracts (Sjælland 2022, Hovedstaden 2023 and 2026). So that a
new user meets a living dashboard, the demo builds a contract for every other house and year
in ``DEMO_YEARS`` from the framework in force: its national goals (with the framework's own
targets where it states them, demo targets where it does not) plus a set of local goals
modelled on Sjælland 2022, scaled to the house's population. They are never written to
``CONTRACTS_DIR``: they are derived on demand while the store holds demo values, and are
marked ``demo: true`` and titled as demo wherever they are shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from contracts import danish
from contracts.models import (
    HOUSE_KEYS,
    Baseline,
    Contract,
    Framework,
    Goal,
    Measurement,
    Target,
)
from contracts.reference import (
    default_classification,
    default_geography,
    house_name,
    houses,
    kkr_of_house,
    kommuner,
)

DEMO_YEARS: tuple[int, ...] = (2022, 2023, 2024, 2025, 2026)
#: House-years for which the sources say there was no contract at all.
NO_CONTRACT: frozenset[tuple[str, int]] = frozenset({("hovedstaden", 2024)})
DEMO_NOTE = (
    "Demokontrakt: findes ikke i kilderne. Den er bygget af rammeaftalen og lokale mål efter "
    "mønster af Erhvervshus Sjællands kontrakt 2022, skaleret efter husets befolkningstal, "
    "så appen kan vises med data. Tallene er opdigtede."
)
#: Sjælland's 1.680 forløb for 854.902 inhabitants is the yardstick for scaling.
_FORLOEB_PER_INHABITANT = 1680 / 854_902
_FY: Measurement = Measurement(periods=("FY",))


def _rounded(value: float, step: int = 10) -> int:
    return max(step, round(value / step) * step)


def _framework_for(frameworks: dict[str, Framework], year: int) -> Framework | None:
    for framework in frameworks.values():
        if framework.start_year <= year <= framework.end_year:
            return framework
    return None


def _demo_national_targets(year: int, forloeb: int) -> list[tuple[int, list[Target]]]:
    """Demo targets for national goals whose numbers the sources do not give (2024–2027)."""
    return [
        (1, [Target(key="1a", kind="count", value=_rounded(forloeb * 0.3), unit="iværksættere",
                    unit_singular="iværksætter",
                    text=f"Erhvervshuset vejleder {danish.number(_rounded(forloeb * 0.3))} iværksættere i {year}.")]),
        (2, [Target(key="2a", kind="percentage", value=50, unit="%", measured=_FY,
                    text=f"Kendskabsgraden til erhvervshuset er mindst 50 pct. i {year}.")]),
        (3, [
            Target(key="3a", kind="nps", value=70, unit="NPS", measured=_FY,
                   text="Erhvervshuset opnår en Net Promoter Score på mindst 70."),
            Target(key="3b", kind="percentage", value=80, unit="%", measured=_FY,
                   text="Mindst 80 pct. af de vejledte virksomheder er \"Meget tilfredse\"."),
        ]),
        (4, [Target(key="4a", kind="percentage", value=45, unit="%", measured=_FY,
                    text="Mindst 45 pct. af de henviste virksomheder har benyttet henvisningen.")]),
        (5, [Target(key="5a", kind="level", value=10, unit="procentpoint", measured=_FY,
                    text="Vejledte vækstvirksomheder har en mervækst i omsætning på mindst "
                         "10 procentpoint i forhold til en kontrolgruppe.")]),
        (6, [Target(key="6a", kind="count", value=_rounded(forloeb * 0.1), unit="forløb",
                    text=f"Mindst {danish.number(_rounded(forloeb * 0.1))} forløb har grøn omstilling som tema.")]),
    ]  # fmt: skip


def _local_goals(year: int, forloeb: int, n_kommuner: int) -> list[Goal]:
    short = _rounded(forloeb * 880 / 1680)
    long_ = forloeb - short
    return [
        Goal(number="8", title="Kvantitative mål vedr. virksomhedsforløb", scope="local",
             data_source="Erhvervshusets CRM", targets=(
                Target(key="8a", kind="count", value=forloeb, unit="forløb", per_kommune=True,
                       parts=("8b", "8c"),
                       text=f"Samlet set skal erhvervshuset gennemføre {danish.number(forloeb)} forløb i {year}."),
                Target(key="8b", kind="count", value=short, unit="forløb",
                       text=f"Erhvervshuset gennemfører {danish.number(short)} korte forløb i {year}."),
                Target(key="8c", kind="count", value=long_, unit="forløb",
                       text=f"Erhvervshuset gennemfører {danish.number(long_)} lange forløb i {year}."),
             )),
        Goal(number="9", title="Bred geografisk dækning", scope="local",
             data_source="CRM suppleret med virksomhedernes kommunetilhørsforhold", targets=(
                Target(key="9a", kind="spread", value=10, unit="procentpoint", source_target="8a",
                       direction="at_most",
                       text="Forløbene fordeles på by- og landkommuner iht. befolkningsandele "
                            "med en afvigelse på maks. 10 procentpoint."),
                Target(key="9b", kind="assessment",
                       text="Kommunefordelingen følges løbende i dialog med lokale aktører."),
                Target(key="9c", kind="coverage", value=n_kommuner, unit="cases", unit_singular="case",
                       per_kommune=True, minimum_per_kommune=1,
                       text=f"Der udarbejdes {n_kommuner} cases (en fra hver kommune)."),
             )),
        Goal(number="11", title="Knudepunkt for erhvervsfremme", scope="local", targets=(
                Target(key="11b", kind="change_relative", value=5, cumulative=True,
                       baseline=Baseline(value=_rounded(forloeb * 0.064, 1), year=year - 2),
                       unit="ansøgninger", unit_singular="ansøgning",
                       text="5 % flere virksomheder end for to år siden søger Innovationsfonden."),
                Target(key="11f", kind="milestone", deadline=dt.date(year, 3, 31),
                       text="Samarbejdsmodellen med kommunerne færdiggøres i 1. kvartal."),
                Target(key="11h", kind="amount", value=round(forloeb * 27 / 1680, 1),
                       unit="mio. kr.", per_kommune=True,
                       text="Tilsagn om tilskud til virksomheder fastholdes på niveauet."),
             )),
        Goal(number="13", title="Grøn omstilling blandt virksomhederne", scope="local", targets=(
                Target(key="13b", kind="range", value=15, upper=20, cumulative=True,
                       unit="virksomheder", unit_singular="virksomhed",
                       text="Der laves et særligt grønt forløb for 15-20 virksomheder."),
             )),
        Goal(number="15", title="Gearing af erhvervsfremmeindsatsen", scope="local", targets=(
                Target(key="15a", kind="ratio", value=2.5, unit="faktor", measured=_FY,
                       text="Driftsmidlerne geares min. med en faktor 2,50."),
             )),
    ]  # fmt: skip


def _own_baseline(target: Target, house: str) -> Target:
    """The framework states national awareness baselines; each house is held to its own."""
    if target.baseline is None or target.baseline.year != 2020:
        return target
    ref = houses()[house]
    own = ref.awareness_2020 if target.key.startswith("1") else ref.green_awareness_2020
    baseline = target.baseline.model_copy(
        update={"value": own, "source": f"ERST kendskabsmåling september 2020, {ref.name}"}
    )
    return target.model_copy(update={"baseline": baseline})


def build_demo_contract(house: str, year: int, framework: Framework) -> Contract:
    geography = default_geography(house)
    population = sum(kommuner()[code].population for code in geography)
    forloeb = _rounded(population * _FORLOEB_PER_INHABITANT)
    goals: list[Goal] = []
    demo_targets = dict(_demo_national_targets(year, forloeb))
    for fgoal in framework.goals:
        # Where the framework states no targets (2024-2027), the demo supplies its own.
        stated = fgoal.targets if any(t.value_stated for t in fgoal.targets) else ()
        targets = tuple(
            _own_baseline(target, house) for target in stated or demo_targets.get(fgoal.number, ())
        )
        goals.append(
            Goal(
                number=str(fgoal.number),
                title=fgoal.title,
                scope="national",
                framework_goal=fgoal.number,
                purpose=fgoal.purpose,
                targets=targets,
            )
        )
    goals.extend(_local_goals(year, forloeb, len(geography)))
    return Contract(
        erhvervshus=house,  # type: ignore[arg-type]
        kkr=kkr_of_house(house),  # type: ignore[arg-type]
        year=year,
        title=f"Resultatkontrakt {year} – {house_name(house)} (demo)",
        framework=framework.id,
        status="godkendt",
        approval_note="Demokontrakt – ikke godkendt af nogen KKR.",
        geography=geography,
        classification=default_classification(geography),  # type: ignore[arg-type]
        demo=True,
        goals=tuple(goals),
        note=DEMO_NOTE,
    )


def demo_contracts(
    frameworks: dict[str, Framework], existing: Collection[tuple[str, int]]
) -> list[Contract]:
    """A demo contract for every house and demo year without a real (or no) contract."""
    result: list[Contract] = []
    for year in DEMO_YEARS:
        framework = _framework_for(frameworks, year)
        if framework is None:
            continue
        for house in HOUSE_KEYS:
            if (house, year) in existing or (house, year) in NO_CONTRACT:
                continue
            result.append(build_demo_contract(house, year, framework))
    return result
