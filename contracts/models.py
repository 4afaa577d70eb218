"""Pydantic models of frameworks (rammeaftaler), contracts, goals and targets.

Every model is strict about its keys (``extra="forbid"``: a typo such as ``traget:`` is an
error) and frozen (a loaded contract is a value, never mutated).  Rules that concern one
model live here as validators; rules that need several files (unique keys across files, a
national goal's framework, a kommune in the geography) live in ``contracts.rules``.

Validator messages are Danish: they reach the user through the loader's issue list.  A
validator raises :class:`RuleError` with the field it is about, so the issue stands at that
field's line.  Keys, goal numbers and kommunekoder are text; written as bare numbers in YAML
(``number: 8``, ``- 259``) they are read as text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

HouseKey = Literal["hovedstaden", "sjaelland", "fyn", "sydjylland", "midtjylland", "nordjylland"]
HOUSE_KEYS: tuple[str, ...] = (
    "hovedstaden",
    "sjaelland",
    "fyn",
    "sydjylland",
    "midtjylland",
    "nordjylland",
)

#: The five KKR, one per region (``contracts/reference/kkr.yaml`` names them).
KkrKey = Literal["hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"]
KKR_KEYS: tuple[str, ...] = KkrKey.__args__  # type: ignore[attr-defined]

Period = Literal["H1", "FY"]
PERIODS: tuple[str, ...] = ("H1", "FY")

TargetKind = Literal[
    "count",
    "amount",
    "percentage",
    "nps",
    "ratio",
    "level",
    "change_pp",
    "change_relative",
    "range",
    "milestone",
    "assessment",
    "coverage",
    "spread",
]
TARGET_KINDS: tuple[str, ...] = TargetKind.__args__  # type: ignore[attr-defined]

#: Kinds whose value builds up over the year: the FY value includes H1.
CUMULATIVE_KINDS: frozenset[str] = frozenset({"count", "amount", "coverage"})
#: Kinds that carry no number of their own (judged 1/0).
BINARY_KINDS: frozenset[str] = frozenset({"milestone", "assessment"})
#: Kinds measured against a baseline.
CHANGE_KINDS: frozenset[str] = frozenset({"change_pp", "change_relative"})

Direction = Literal["at_least", "at_most", "above"]
#: The part of a year a survey is made in ("efteråret 2021"), where the source says so.
Season = Literal["spring", "summer", "autumn", "winter"]
ContractStatus = Literal["udkast", "godkendt"]
Classification = Literal["by", "land"]
#: How a draft differs from the contract it was built on (docs/drafting.md).
ChangeKind = Literal["added", "removed", "changed"]
#: What a framework requires of every contract under it (docs/drafting.md).
Requirement = Literal["spread_by_land", "outreach"]


def _number_as_text(value: Any) -> Any:
    """YAML reads ``number: 8`` and ``- 259`` as integers; keys and codes are text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


TARGET_KEY_PATTERN = r"^[0-9]+[a-z]*(\.[a-z0-9_]+)*$"
KOMMUNEKODE_PATTERN = r"^[1-9][0-9]{2}$"
GOAL_NUMBER_PATTERN = r"^[0-9]+[a-z]*$"
FRAMEWORK_ID_PATTERN = r"^[0-9]{4}-[0-9]{4}$"

_TargetKeyText = Annotated[
    str,
    Field(
        pattern=TARGET_KEY_PATTERN,
        description="Målnøgle, fx '8a', '3a.drift', '8c.handlingsplaner'.",
    ),
]
_KommuneKodeText = Annotated[
    str, Field(pattern=KOMMUNEKODE_PATTERN, description="Kommunekode, fx '259'.")
]
TargetKey = Annotated[
    _TargetKeyText,
    BeforeValidator(
        _number_as_text, json_schema_input_type=_TargetKeyText | Annotated[int, Field(ge=0)]
    ),
]
KommuneKode = Annotated[
    _KommuneKodeText,
    BeforeValidator(
        _number_as_text,
        json_schema_input_type=_KommuneKodeText | Annotated[int, Field(ge=100, le=999)],
    ),
]
#: A kommunekode as a mapping key: the JSON Schema keeps its pattern on property names.
KommuneKodeKey = Annotated[_KommuneKodeText, BeforeValidator(_number_as_text)]
_GoalNumberText = Annotated[
    str,
    Field(
        pattern=GOAL_NUMBER_PATTERN,
        description="Målets nummer, fx '8' eller '2r' for et delmål.",
    ),
]
GoalNumber = Annotated[
    _GoalNumberText,
    BeforeValidator(
        _number_as_text, json_schema_input_type=_GoalNumberText | Annotated[int, Field(ge=0)]
    ),
]


NOTE_DESCRIPTION = "Note: hvad kilderne siger ud over ordlyden, med kildehenvisning."
INTERPRETATION_DESCRIPTION = (
    "Fortolkning: kontraktfilens eget valg, hvor kilden er uklar, fx at 'maks. 10%' læses som "
    "10 procentpoint. Vises som »Fortolkning«, adskilt fra kontraktens egne ord."
)


class RuleError(ValueError):
    """A validator's Danish message, with the field it is about (for the line number)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class StrictModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


class Baseline(StrictModel):
    """The level a change target is measured from (e.g. kendskab 34 % in 2020)."""

    value: float = Field(description="Udgangsniveau.")
    year: int = Field(ge=2000, le=2100, description="Året, udgangsniveauet er målt.")
    source: str | None = Field(
        default=None, description="Kilde, fx 'ERST kendskabsmåling sep. 2020'."
    )


class Measurement(StrictModel):
    """When a target is measured.

    ``periods`` lists the periods of a year in which it is measured (``[H1, FY]`` for what
    the house counts itself, ``[FY]`` for yearly measurements); ``years`` restricts it to
    given calendar years (awareness surveys in 2021 and 2023, effect two years after).
    """

    periods: tuple[Period, ...] = Field(default=("H1", "FY"), min_length=1)
    years: tuple[int, ...] | None = Field(default=None, min_length=1)
    season: Season | None = Field(
        default=None,
        description="Årstiden, målingen foretages i (fx autumn for en måling i efteråret).",
    )

    def applies(self, year: int, period: str) -> bool:
        """Whether the target is measured in ``period`` of ``year``."""
        if period not in self.periods:
            return False
        return self.years is None or year in self.years

    def all_before(self, year: int) -> bool:
        """Whether every measurement year lies before ``year`` (measured before the contract)."""
        return self.years is not None and all(y < year for y in self.years)


class StatedResult(StrictModel):
    """A result the sources report for a measurement made before the contract year."""

    value: float = Field(description="Resultatet, i målets enhed (fx 41 for 41 pct.).")
    year: int = Field(ge=2000, le=2100, description="Året, resultatet er målt.")
    source: str = Field(min_length=1, description="Kilden, fx 'ERST kendskabsmåling 2021'.")


class Target(StrictModel):
    """A måltal: one number (or commitment) that is judged on its own.

    ``key`` is for files and URLs; ``name`` is how the target is named to a person: its
    ``label``, or the key itself where the key has no dot (``8a``). A dotted key
    (``8c.vaekstplaner``) is never shown to a person, so such a target must have a label
    (``8c – vækstplaner``) — ``docs/wording.md``.
    """

    key: TargetKey
    label: str | None = Field(
        default=None,
        min_length=1,
        description=(
            "Målets navn, som folk skriver det, fx '8c – vækstplaner'. Påkrævet når nøglen "
            "har punktum; ellers er nøglen navnet."
        ),
    )
    text: str = Field(min_length=1, description="Målets danske ordlyd, ordret fra kilden.")
    kind: TargetKind
    direction: Direction = "at_least"
    value: float | None = Field(
        default=None,
        description=(
            "Måltallet: antal, beløb, procent, NPS, faktor, niveau; for change_pp antal "
            "procentpoint, for change_relative procent; for range den nedre grænse; for "
            "coverage antal kommuner; for spread største afvigelse i procentpoint."
        ),
    )
    upper: float | None = Field(default=None, description="Øvre grænse (kun range).")
    value_stated: bool = Field(
        default=True,
        description="False når kilden ikke oplyser måltallet ('måltal ikke oplyst').",
    )
    unit: str | None = Field(
        default=None,
        description=(
            "Enheden i flertal, fx 'forløb', 'koordineringer', 'mio. kr.'; for change_relative "
            "enheden på niveauet (fx 'virksomheder'), for coverage hvad hver kommune skal nå."
        ),
    )
    unit_singular: str | None = Field(
        default=None,
        min_length=1,
        description="Enheden i ental, hvor den er en anden end i flertal, fx 'koordinering'.",
    )
    baseline: Baseline | None = None
    segment: str | None = Field(default=None, description="Segment, fx 'drift' eller 'vækst'.")
    per_kommune: bool = Field(default=False, description="Afrapporteres pr. kommune.")
    measured: Measurement = Field(default_factory=Measurement)
    h1_share: float = Field(
        default=0.5, gt=0, le=1, description="Andel af årsmålet forventet ved H1."
    )
    cumulative: bool | None = Field(
        default=None,
        description="Bygges op over året (sat for change_relative/range over noget kumulativt).",
    )
    deadline: dt.date | None = None
    source_target: TargetKey | None = Field(
        default=None, description="spread: nøglen på det antalsmål, hvis kommunetal fordeles."
    )
    minimum_per_kommune: float | None = Field(
        default=None, ge=0, description="coverage: hvad en kommune mindst skal nå (standard 1)."
    )
    parts: tuple[TargetKey, ...] = Field(
        default=(), description="Nøgler på mål, der tilsammen skal give dette mål."
    )
    note: str | None = Field(default=None, description=NOTE_DESCRIPTION)
    interpretation: str | None = Field(default=None, description=INTERPRETATION_DESCRIPTION)
    earlier_result: StatedResult | None = Field(
        default=None,
        description="Resultatet af en måling før kontraktåret, som kilderne oplyser det.",
    )

    @property
    def name(self) -> str:
        """How the target is named to a person: its label, else its (undotted) key."""
        return self.label or self.key

    @property
    def is_computed(self) -> bool:
        """Its actual is computed from another target's kommune rows: it takes no value."""
        return self.kind == "spread"

    @property
    def is_cumulative(self) -> bool:
        if self.cumulative is not None:
            return self.cumulative
        return self.kind in CUMULATIVE_KINDS

    @property
    def judged_as_assessment(self) -> bool:
        """A target with no stated number is judged like an assessment."""
        return self.kind == "assessment" or not self.value_stated

    @property
    def target_value(self) -> float | None:
        """The number the actual is held against (derived for change kinds)."""
        if self.value is None or not self.value_stated:
            return None
        if self.kind == "change_pp" and self.baseline is not None:
            return self.baseline.value + self.value
        if self.kind == "change_relative" and self.baseline is not None:
            return self.baseline.value * (1 + self.value / 100)
        return self.value

    @model_validator(mode="after")
    def _check_kind(self) -> Target:
        if "." in self.key and self.label is None:
            raise RuleError(
                f"måltallet '{self.key}' har punktum i nøglen og skal have en label, som folk "
                "skriver den, fx '8c – vækstplaner'",
                "label",
            )
        if self.unit_singular is not None and self.unit is None:
            raise RuleError("unit_singular kræver en enhed i flertal (unit)", "unit_singular")
        kind = self.kind
        needs_number = kind not in BINARY_KINDS
        if needs_number and self.value_stated and self.value is None:
            raise RuleError(
                f"måltal af typen '{kind}' skal have en værdi (value), "
                "eller value_stated: false når kilden ikke oplyser den",
                "value",
            )
        if not needs_number and self.value is not None:
            raise RuleError(
                f"mål af typen '{kind}' har ingen værdi (value); de bedømmes 1 eller 0", "value"
            )
        if kind == "range":
            if self.value_stated and self.upper is None:
                raise RuleError("et interval (range) skal have en øvre grænse (upper)", "upper")
            if self.value is not None and self.upper is not None and self.upper < self.value:
                raise RuleError(
                    f"intervallets øvre grænse {self.upper:g} er mindre end den nedre "
                    f"{self.value:g}",
                    "upper",
                )
        elif self.upper is not None:
            raise RuleError("kun et interval (range) har en øvre grænse (upper)", "upper")
        if kind in CHANGE_KINDS and self.baseline is None:
            raise RuleError(
                f"et mål af typen '{kind}' skal have et udgangsniveau (baseline)", "baseline"
            )
        if kind == "spread" and self.source_target is None:
            raise RuleError(
                "et spredningsmål (spread) skal pege på et antalsmål (source_target)",
                "source_target",
            )
        if kind != "spread" and self.source_target is not None:
            raise RuleError("kun et spredningsmål (spread) har source_target", "source_target")
        if kind == "coverage" and not self.per_kommune:
            raise RuleError(
                "et dækningsmål (coverage) skal afrapporteres pr. kommune (per_kommune: true)",
                "per_kommune",
            )
        if kind != "coverage" and self.minimum_per_kommune is not None:
            raise RuleError(
                "kun et dækningsmål (coverage) har minimum_per_kommune", "minimum_per_kommune"
            )
        if kind == "percentage":
            for name, field, number in (
                ("value", "value", self.value),
                ("baseline", "baseline.value", self._baseline_value),
            ):
                if number is not None and not 0 <= number <= 100:
                    raise RuleError(
                        f"en procentdel skal ligge mellem 0 og 100 ({name} er {number:g})", field
                    )
        if kind == "nps" and self.value is not None and not -100 <= self.value <= 100:
            raise RuleError(
                f"en NPS skal ligge mellem -100 og 100 (value er {self.value:g})", "value"
            )
        if (
            kind in {"count", "coverage"}
            and self.value is not None
            and (self.value < 0 or self.value != int(self.value))
        ):
            raise RuleError(
                f"et antal skal være et helt tal ≥ 0 (value er {self.value:g})", "value"
            )
        if kind in {"amount", "ratio"} and self.value is not None and self.value < 0:
            raise RuleError(f"værdien må ikke være negativ (value er {self.value:g})", "value")
        earlier = self.earlier_result
        if earlier is not None and earlier.year not in (self.measured.years or ()):
            raise RuleError(
                f"resultatet fra {earlier.year} er ikke fra et af målets måleår (measured.years)",
                "earlier_result",
            )
        return self

    @property
    def _baseline_value(self) -> float | None:
        return self.baseline.value if self.baseline else None


class FrameworkGoal(StrictModel):
    """A national goal as the rammeaftale states it."""

    number: int = Field(ge=1)
    title: str = Field(min_length=1)
    purpose: str | None = None
    targets: tuple[Target, ...] = ()
    note: str | None = Field(default=None, description=NOTE_DESCRIPTION)
    interpretation: str | None = Field(default=None, description=INTERPRETATION_DESCRIPTION)


class Framework(StrictModel):
    """A rammeaftale between KL and Erhvervsministeriet."""

    type: Literal["framework"] = "framework"
    id: str = Field(pattern=FRAMEWORK_ID_PATTERN, description="Fx '2021-2023'.")
    title: str = Field(min_length=1)
    start_year: int = Field(ge=2000, le=2100)
    end_year: int = Field(ge=2000, le=2100)
    parties: tuple[str, ...] = ()
    goals: tuple[FrameworkGoal, ...] = ()
    requirements: tuple[Requirement, ...] = Field(
        default=(),
        description=(
            "Hvad hver kontrakt under aftalen skal have: spread_by_land (et mål for "
            "geografisk spredning mellem by- og landkommuner), outreach (rammerne for den "
            "opsøgende indsats)."
        ),
    )
    note: str | None = Field(default=None, description=NOTE_DESCRIPTION)
    interpretation: str | None = Field(default=None, description=INTERPRETATION_DESCRIPTION)
    sources: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check_years(self) -> Framework:
        if self.end_year < self.start_year:
            raise RuleError(
                f"slutåret {self.end_year} ligger før startåret {self.start_year}", "end_year"
            )
        if self.id != f"{self.start_year}-{self.end_year}":
            raise RuleError(
                f"id '{self.id}' passer ikke med årene {self.start_year}-{self.end_year}", "id"
            )
        return self


class Goal(StrictModel):
    """A goal (mål) of a contract: national (from the framework) or local."""

    number: GoalNumber
    title: str = Field(min_length=1)
    scope: Literal["national", "local"]
    framework_goal: int | None = Field(
        default=None, ge=1, description="National: nummeret på rammeaftalens mål."
    )
    under: int | None = Field(
        default=None, ge=1, description="Lokalt delmål: det nationale mål, det hører under."
    )
    purpose: str | None = None
    method: str | None = Field(default=None, description="Metode.")
    data_source: str | None = Field(default=None, description="Datakilde.")
    reporting: str | None = Field(default=None, description="Afrapportering.")
    strategic_goals: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()
    note: str | None = Field(default=None, description=NOTE_DESCRIPTION)
    interpretation: str | None = Field(default=None, description=INTERPRETATION_DESCRIPTION)

    @model_validator(mode="after")
    def _check_scope(self) -> Goal:
        if self.scope == "national" and self.framework_goal is None:
            raise RuleError(
                "et nationalt mål skal angive rammeaftalens mål (framework_goal)",
                "framework_goal",
            )
        if self.scope == "local" and self.framework_goal is not None:
            raise RuleError(
                "et lokalt mål har ikke framework_goal; brug 'under' for et delmål",
                "framework_goal",
            )
        return self


class Section(StrictModel):
    """A narrative section of the contract (samarbejde, opsøgende indsats, ...)."""

    title: str = Field(min_length=1)
    text: str = Field(min_length=1)


class Change(StrictModel):
    """Why a draft differs from the contract it was built on: one per target or goal that
    was changed, added or removed (docs/drafting.md)."""

    change: ChangeKind = Field(description="added (tilføjet), removed (fjernet), changed (ændret).")
    goal: GoalNumber | None = Field(default=None, description="Målets nummer (for et mål).")
    target: TargetKey | None = Field(default=None, description="Målnøglen (for et måltal).")
    reason: str = Field(min_length=1, description="Begrundelsen for ændringen.")

    @model_validator(mode="after")
    def _check_subject(self) -> Change:
        if (self.goal is None) == (self.target is None):
            raise RuleError("en begrundelse gælder enten et mål (goal) eller et måltal (target)")
        return self


class GoalMapping(StrictModel):
    """Where a national goal of the base contract's framework went under the new framework."""

    old: int = Field(ge=1, description="Målets nummer i den gamle rammeaftale.")
    new: int | None = Field(
        default=None,
        ge=1,
        description="Målets nummer i den nye rammeaftale; tom: videreføres ikke.",
    )


class Contract(StrictModel):
    """A resultatkontrakt between a KKR and an erhvervshus for one year."""

    type: Literal["contract"] = "contract"
    erhvervshus: HouseKey
    kkr: KkrKey = Field(description="KKR'en, kontrakten er indgået med: en nøgle som 'syddanmark'.")
    year: int = Field(ge=2019, le=2100)
    title: str | None = None
    framework: str | None = Field(default=None, description="Rammeaftalens id, fx '2021-2023'.")
    status: ContractStatus = "godkendt"
    approved: dt.date | None = None
    approval_meeting: str | None = Field(
        default=None,
        description="KKR-mødet, der godkendte kontrakten, fx 'KKR Sjælland 12. oktober 2022'.",
    )
    approval_note: str | None = None
    based_on: int | None = Field(
        default=None,
        ge=2019,
        le=2100,
        description="Året for kontrakten, udkastet er bygget på (samme erhvervshus).",
    )
    goal_mapping: tuple[GoalMapping, ...] = Field(
        default=(),
        description="Ved ny rammeaftale: hvor hvert nationalt mål fra den gamle aftale hører til.",
    )
    geography: tuple[KommuneKode, ...] | None = Field(
        default=None, min_length=1, description="Kontraktens kommuner; standard: husets kommuner."
    )
    classification: dict[KommuneKodeKey, Classification] | None = Field(
        default=None, description="By/land pr. kommune; standard: DST's landkommuner = land."
    )
    classification_note: str | None = None
    demo: bool = Field(default=False, description="Demodata, ikke en rigtig kontrakt.")
    sections: tuple[Section, ...] = ()
    goals: tuple[Goal, ...] = ()
    note: str | None = Field(default=None, description=NOTE_DESCRIPTION)
    interpretation: str | None = Field(default=None, description=INTERPRETATION_DESCRIPTION)
    sources: tuple[str, ...] = ()
    changes: tuple[Change, ...] = Field(
        default=(),
        description="Begrundelser for hvert ændret, tilføjet eller fjernet mål og måltal.",
    )

    @model_validator(mode="after")
    def _check_base(self) -> Contract:
        if self.based_on is not None and self.based_on >= self.year:
            raise RuleError(
                f"udkastet til {self.year} kan kun bygge på en tidligere kontrakt "
                f"(based_on er {self.based_on})",
                "based_on",
            )
        return self

    def targets(self) -> list[tuple[Goal, Target]]:
        """Every (goal, target) pair in contract order."""
        return [(goal, target) for goal in self.goals for target in goal.targets]

    def target(self, key: str) -> Target | None:
        for _goal, target in self.targets():
            if target.key == key:
                return target
        return None

    def goal_of(self, key: str) -> Goal | None:
        for goal, target in self.targets():
            if target.key == key:
                return goal
        return None

    def goal(self, number: str) -> Goal | None:
        for goal in self.goals:
            if goal.number == number:
                return goal
        return None
