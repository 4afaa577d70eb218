"""The shipped contract data: the real frameworks and contracts of the source documents.

Every number here is checked against the source (docs/sources.md, F3 item 2.4): the table of
Erhvervshus Sjælland 2022's targets follows the contract's text, with the kinds and keys of
docs/domain.md.
"""

from __future__ import annotations

import datetime as dt

import pytest

from contracts.loader import DEFAULT_CONTRACTS_DIR, Catalog, load_folder
from contracts.models import Contract, Framework, Target
from contracts.reference import default_geography

DATA_DIR = DEFAULT_CONTRACTS_DIR
SCHEMA_PATH = DATA_DIR.parent / "schema" / "contract.schema.json"
SCHEMA_PREFIX = "# yaml-language-server: $schema="


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_folder(DATA_DIR)


@pytest.fixture(scope="module")
def sjaelland(catalog: Catalog) -> Contract:
    contract = catalog.contract("sjaelland", 2022)
    assert contract is not None
    return contract


def _target(contract: Contract, key: str) -> Target:
    target = contract.target(key)
    assert target is not None, f"{key} mangler"
    return target


def _framework(catalog: Catalog, framework_id: str) -> Framework:
    framework = catalog.frameworks.get(framework_id)
    assert framework is not None, f"rammeaftale {framework_id} mangler"
    return framework


# ------------------------------------------------------------------------- the files


def test_every_shipped_file_loads_without_errors_or_warnings(catalog: Catalog) -> None:
    assert [str(issue) for issue in catalog.issues] == []


def test_the_shipped_files_are_the_two_frameworks_and_three_contracts(catalog: Catalog) -> None:
    assert sorted(catalog.frameworks) == ["2021-2023", "2024-2027"]
    assert sorted((c.erhvervshus, c.year, c.status) for c in catalog.contracts) == [
        ("hovedstaden", 2023, "godkendt"),
        ("hovedstaden", 2026, "godkendt"),
        ("sjaelland", 2022, "godkendt"),
    ]
    assert not any(c.demo for c in catalog.contracts)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("rammeaftaler/2021-2023.yaml", "framework"),
        ("rammeaftaler/2024-2027.yaml", "framework"),
        ("sjaelland-2022.yaml", "contract"),
        ("hovedstaden-2023.yaml", "contract"),
        ("hovedstaden-2026.yaml", "contract"),
    ],
)
def test_file_names_the_schema_on_its_first_line_and_its_type_next(name: str, kind: str) -> None:
    path = DATA_DIR / name
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(SCHEMA_PREFIX)
    schema = (path.parent / lines[0].removeprefix(SCHEMA_PREFIX)).resolve()
    assert schema == SCHEMA_PATH.resolve()
    first_data_line = next(line for line in lines if line and not line.startswith("#"))
    assert first_data_line == f"type: {kind}"


def test_every_contract_refers_to_a_shipped_framework_and_its_goals(catalog: Catalog) -> None:
    for contract in catalog.contracts:
        assert contract.framework is not None
        framework = _framework(catalog, contract.framework)
        numbers = {goal.number for goal in framework.goals}
        national = {g.number: g.framework_goal for g in contract.goals if g.scope == "national"}
        assert set(national.values()) <= numbers, contract.title
        for goal in contract.goals:
            if goal.under is not None:
                assert str(goal.under) in national, goal.number


def test_target_keys_are_unique_within_each_contract(catalog: Catalog) -> None:
    for contract in catalog.contracts:
        keys = [target.key for _goal, target in contract.targets()]
        assert len(keys) == len(set(keys)), contract.title


@pytest.mark.parametrize(
    ("house", "year", "count"),
    [("sjaelland", 2022, 17), ("hovedstaden", 2023, 29), ("hovedstaden", 2026, 29)],
)
def test_contract_geography_is_the_houses_municipalities(
    catalog: Catalog, house: str, year: int, count: int
) -> None:
    contract = catalog.contract(house, year)
    assert contract is not None
    assert contract.geography == default_geography(house)
    assert contract.geography is not None and len(contract.geography) == count


def test_sjaelland_classification_is_the_stated_placeholder(sjaelland: Contract) -> None:
    assert sjaelland.classification is not None
    land = sorted(code for code, cls in sjaelland.classification.items() if cls == "land")
    assert land == ["306", "326", "360", "376", "390"]
    assert set(sjaelland.classification) == set(default_geography("sjaelland"))
    assert sjaelland.classification_note is not None
    assert "bilag 1" in sjaelland.classification_note


# ------------------------------------------------------------- Erhvervshus Sjælland 2022


def test_sjaelland_2022_has_seven_national_and_ten_local_goals(sjaelland: Contract) -> None:
    assert [g.number for g in sjaelland.goals] == [str(n) for n in range(1, 18)]
    for goal in sjaelland.goals:
        if int(goal.number) <= 7:
            assert (goal.scope, goal.framework_goal) == ("national", int(goal.number))
        else:
            assert (goal.scope, goal.framework_goal) == ("local", None)
    assert sjaelland.framework == "2021-2023"
    assert sjaelland.approved is None
    assert sjaelland.approval_note is not None
    assert sjaelland.approval_note.startswith(
        "Godkendt af KKR Sjælland, sandsynligvis på mødet 13. oktober 2021 (datoen er udledt"
    )
    assert sjaelland.kkr == "sjaelland"


def test_sjaelland_2022_has_the_five_special_sections(sjaelland: Contract) -> None:
    assert [s.title for s in sjaelland.sections] == [
        "Samarbejde mellem erhvervshus og kommuner",
        "Erhvervshusets opsøgende indsats",
        "Grøn og cirkulær omstilling",
        "Digitalisering",
        "Medarbejdernes kompetencer og bestyrelsens ansvar",
    ]


#: goal, kind, value, upper, direction, baseline (value, year) or None, unit
Expected = tuple[str, str, float | None, float | None, str, tuple[float, int] | None, str | None]

SJAELLAND_TARGETS: dict[str, Expected] = {
    "1a": ("1", "change_pp", 5, None, "at_least", (34, 2020), "procentpoint"),
    "1b": ("1", "percentage", 39, None, "at_least", (34, 2020), "%"),
    "1c": ("1", "percentage", 50, None, "at_least", None, "%"),
    "1d": ("1", "percentage", 50, None, "at_least", None, "%"),
    "2a": ("2", "assessment", None, None, "at_least", None, None),
    "3a.drift": ("3", "percentage", 80, None, "at_least", None, "%"),
    "3a.vaekst": ("3", "percentage", 80, None, "at_least", None, "%"),
    "3b.drift": ("3", "nps", 70, None, "at_least", None, "NPS"),
    "3b.vaekst": ("3", "nps", 70, None, "at_least", None, "NPS"),
    "4a": ("4", "percentage", 45, None, "at_least", None, "%"),
    "5a": ("5", "milestone", None, None, "at_least", None, None),
    "5b.2021": ("5", "change_pp", 5, None, "at_least", (53, 2020), "procentpoint"),
    "5b.2023": ("5", "change_pp", 10, None, "at_least", (53, 2020), "procentpoint"),
    "5c": ("5", "percentage", 58, None, "at_least", (53, 2020), "%"),
    "6a": ("6", "percentage", 65, None, "at_least", None, "%"),
    "6b.omsaetning": ("6", "level", 10, None, "at_least", None, "procentpoint"),
    "6b.beskaeftigelse": ("6", "level", 5, None, "at_least", None, "procentpoint"),
    "6c": ("6", "level", 0, None, "above", None, "procentpoint"),
    "7a": ("7", "percentage", 70, None, "at_least", None, "%"),
    "8a": ("8", "count", 1680, None, "at_least", None, "forløb"),
    "8b": ("8", "count", 880, None, "at_least", None, "forløb"),
    "8c": ("8", "count", 800, None, "at_least", None, "forløb"),
    "8c.handlingsplaner": ("8", "count", 485, None, "at_least", None, "forløb"),
    "8c.vaekstplaner": ("8", "count", 315, None, "at_least", None, "forløb"),
    "9a": ("9", "spread", 10, None, "at_most", None, "procentpoint"),
    "9b": ("9", "assessment", None, None, "at_least", None, None),
    "9c": ("9", "coverage", 17, None, "at_least", None, "cases"),
    "10a": ("10", "assessment", None, None, "at_least", None, None),
    "11a": ("11", "percentage", 8, None, "at_least", (6, 2021), "%"),
    "11b": ("11", "change_relative", 5, None, "at_least", (108, 2020), "virksomheder"),
    "11c": ("11", "count", 44, None, "at_least", (44, 2021), "forløb"),
    "11d": ("11", "count", 14, None, "at_least", None, "klynger"),
    "11e": ("11", "count", 4, None, "at_least", None, "koordineringer"),
    "11f": ("11", "milestone", None, None, "at_least", None, None),
    "11g": ("11", "assessment", None, None, "at_least", None, None),
    "11h": ("11", "amount", 27, None, "at_least", (27, 2021), "mio. kr."),
    "11i.handlingsplaner": ("11", "percentage", 70, None, "at_least", None, "%"),
    "11i.vaekstplaner": ("11", "percentage", 80, None, "at_least", None, "%"),
    "12a": ("12", "percentage", 50, None, "at_least", None, "%"),
    "13a": ("13", "count", 80, None, "at_least", None, "forløb"),
    "13b": ("13", "range", 15, 20, "at_least", None, "virksomheder"),
    "13c": ("13", "change_pp", 5, None, "at_least", (53, 2020), "procentpoint"),
    "14a": ("14", "milestone", None, None, "at_least", None, None),
    "14b.sjaelland": ("14", "count", 20, None, "at_least", None, "virksomheder"),
    "14b.hovedstaden": ("14", "count", 20, None, "at_least", None, "virksomheder"),
    "14c": ("14", "assessment", None, None, "at_least", None, None),
    "15a": ("15", "ratio", 2.5, None, "at_least", None, "faktor"),
    "16a": ("16", "count", 1, None, "at_least", None, "strategiske indsatser"),
    "17a": ("17", "milestone", None, None, "at_least", None, None),
    "17b": ("17", "milestone", None, None, "at_least", None, None),
}


def test_sjaelland_2022_has_exactly_the_targets_of_the_inventory(sjaelland: Contract) -> None:
    assert [target.key for _goal, target in sjaelland.targets()] == list(SJAELLAND_TARGETS)


@pytest.mark.parametrize(("key", "expected"), list(SJAELLAND_TARGETS.items()))
def test_sjaelland_2022_target_has_the_sources_number(
    sjaelland: Contract, key: str, expected: Expected
) -> None:
    goal_number, kind, value, upper, direction, baseline, unit = expected
    target = _target(sjaelland, key)
    goal = sjaelland.goal_of(key)
    assert goal is not None and goal.number == goal_number
    assert (target.kind, target.value, target.upper, target.direction, target.unit) == (
        kind,
        value,
        upper,
        direction,
        unit,
    )
    assert target.value_stated
    got = (target.baseline.value, target.baseline.year) if target.baseline else None
    assert got == baseline


@pytest.mark.parametrize(
    ("key", "target_value"),
    [("1a", 39), ("5b.2021", 58), ("5b.2023", 63), ("13c", 58), ("11b", 113.4)],
)
def test_sjaelland_2022_change_targets_derive_their_level(
    sjaelland: Contract, key: str, target_value: float
) -> None:
    assert _target(sjaelland, key).target_value == pytest.approx(target_value)


# key: (periods, years)
#: When each target is measured; every target not listed counts itself (H1 and FY, any year).
MEASURED_ONLY: dict[tuple[tuple[str, ...], tuple[int, ...] | None], list[str]] = {
    (("FY",), (2021,)): ["1a", "1b", "5b.2021", "5c"],
    (("FY",), (2023,)): ["1c", "5b.2023", "13c"],
    (("FY",), (2024,)): ["6b.omsaetning", "6b.beskaeftigelse", "6c"],
    (("FY",), None): [
        "1d", "2a", "3a.drift", "3a.vaekst", "3b.drift", "3b.vaekst", "4a", "5a", "6a", "7a",
        "15a",
    ],
}  # fmt: skip


def _expected_measurement(key: str) -> tuple[tuple[str, ...], tuple[int, ...] | None]:
    for measurement, keys in MEASURED_ONLY.items():
        if key in keys:
            return measurement
    return ("H1", "FY"), None


@pytest.mark.parametrize("key", list(SJAELLAND_TARGETS))
def test_sjaelland_2022_target_states_when_it_is_measured(sjaelland: Contract, key: str) -> None:
    measured = _target(sjaelland, key).measured
    assert (measured.periods, measured.years) == _expected_measurement(key)


@pytest.mark.parametrize(
    ("key", "segment"),
    [
        ("3a.drift", "drift"),
        ("3a.vaekst", "vækst"),
        ("3b.drift", "drift"),
        ("3b.vaekst", "vækst"),
        ("6b.omsaetning", "vækst"),
        ("6b.beskaeftigelse", "vækst"),
        ("6c", "drift"),
    ],
)
def test_sjaelland_2022_segment_targets_name_their_segment(
    sjaelland: Contract, key: str, segment: str
) -> None:
    assert _target(sjaelland, key).segment == segment


def test_only_forloeb_cases_and_advisory_funds_are_reported_per_kommune(
    sjaelland: Contract,
) -> None:
    per_kommune = [t.key for _g, t in sjaelland.targets() if t.per_kommune]
    assert per_kommune == ["8a", "9c", "11h"]


def test_9a_spreads_8a_and_9c_needs_one_case_per_kommune(sjaelland: Contract) -> None:
    assert _target(sjaelland, "9a").source_target == "8a"
    coverage = _target(sjaelland, "9c")
    assert (coverage.value, coverage.minimum_per_kommune) == (17, 1)


def test_11f_is_due_by_the_end_of_the_first_quarter_2022(sjaelland: Contract) -> None:
    assert _target(sjaelland, "11f").deadline == dt.date(2022, 3, 31)


@pytest.mark.parametrize("key", ["11b", "13b"])
def test_targets_over_a_build_up_are_cumulative(sjaelland: Contract, key: str) -> None:
    assert _target(sjaelland, key).is_cumulative


@pytest.mark.parametrize(
    ("total", "parts"),
    [("8a", ("8b", "8c")), ("8c", ("8c.handlingsplaner", "8c.vaekstplaner"))],
)
def test_the_parts_add_up_to_their_total(
    sjaelland: Contract, total: str, parts: tuple[str, ...]
) -> None:
    target = _target(sjaelland, total)
    assert target.parts == parts
    assert sum(_target(sjaelland, key).value or 0 for key in parts) == target.value


@pytest.mark.parametrize(
    ("keys", "number"),
    [
        (("3a.drift", "3a.vaekst"), "80 pct."),
        (("3b.drift", "3b.vaekst"), "mindst 70"),
        (("5b.2021", "5b.2023"), "yderligere 5 procentpoint"),
        (("6b.omsaetning", "6b.beskaeftigelse"), "mindst 5"),
        (("8c", "8c.handlingsplaner", "8c.vaekstplaner"), "485 handlingsplaner"),
        (("11i.handlingsplaner", "11i.vaekstplaner"), "80%"),
        (("14b.sjaelland", "14b.hovedstaden"), "region Sjælland"),
    ],
)
def test_dotted_keys_share_the_whole_sentence(
    sjaelland: Contract, keys: tuple[str, ...], number: str
) -> None:
    texts = {_target(sjaelland, key).text for key in keys}
    assert len(texts) == 1
    assert number in texts.pop()


@pytest.mark.parametrize(
    ("key", "number"),
    [
        ("1b", "39 pct."),
        ("8a", "1.680 forløb"),
        ("8b", "880 korte forløb"),
        ("9a", "maks. 10%"),
        ("11b", "108 ansøgninger"),
        ("11h", "27 mio. kr."),
        ("13a", "minimum 10%"),
        ("13b", "15-20 virksomheder"),
        ("15a", "faktor 2,50"),
    ],
)
def test_target_text_is_the_sources_sentence(sjaelland: Contract, key: str, number: str) -> None:
    assert number in _target(sjaelland, key).text


READ_AS_AT_LEAST = [
    "1b", "5c", "6a", "7a", "8a", "8b", "8c", "11a", "11c", "11i.vaekstplaner", "12a",
    "14b.sjaelland",
]  # fmt: skip


@pytest.mark.parametrize("key", READ_AS_AT_LEAST)
def test_a_number_without_mindst_is_read_as_at_least_and_says_so_as_an_interpretation(
    sjaelland: Contract, key: str
) -> None:
    interpretation = _target(sjaelland, key).interpretation
    assert interpretation is not None and "læst som mindst" in interpretation


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("5b.2023", "13c"),
        ("13c", "5b – 2023"),
        ("5c", "grønne"),
        ("9a", "10 procentpoint"),
        ("11b", "samme opgørelse"),
        ("11e", "4 kvartalsvise koordineringer"),
        ("13a", "10 % af de aftalte 800"),
        ("4a", "kopieret fra rammeaftalen"),
    ],
)
def test_ambiguities_are_resolved_in_an_interpretation(
    sjaelland: Contract, key: str, words: str
) -> None:
    interpretation = _target(sjaelland, key).interpretation
    assert interpretation is not None and words in interpretation


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("11b", "113,4"),
        ("11c", "Målet fastholdes"),
        ("14b.hovedstaden", "Erhvervshus Hovedstaden"),
    ],
)
def test_what_the_sources_add_stands_in_a_note(sjaelland: Contract, key: str, words: str) -> None:
    note = _target(sjaelland, key).note
    assert note is not None and words in note


def test_local_goals_name_the_strategic_goals_they_contribute_to(sjaelland: Contract) -> None:
    strategic = {g.number: g.strategic_goals for g in sjaelland.goals}
    assert len(strategic["8"]) == 7
    assert strategic["13"] == ("Vækst i grøn omsætning",)
    assert "Beskæftigelsesandel i bioproduktion og fødevarer" in strategic["10"]
    assert all(strategic[str(n)] for n in range(8, 18))
    assert not any(strategic[str(n)] for n in range(1, 8))


# --------------------------------------------------------------------- the frameworks


def test_framework_2021_2023_has_the_seven_national_goals_of_the_contract(
    catalog: Catalog, sjaelland: Contract
) -> None:
    framework = _framework(catalog, "2021-2023")
    assert framework.title == "Aftale om rammerne for erhvervshuse 2021-2023"
    assert framework.parties == ("KL", "Erhvervsministeriet")
    national = [g for g in sjaelland.goals if g.scope == "national"]
    assert [(g.number, g.title) for g in framework.goals] == [
        (int(g.number), g.title) for g in national
    ]


FRAMEWORK_2021_KEYS = [
    "1a", "1c", "1d", "2a", "3a.drift", "3a.vaekst", "3b.drift", "3b.vaekst", "4a", "5a",
    "5b.2021", "5b.2023", "6a", "6b.omsaetning", "6b.beskaeftigelse", "6c", "7a",
]  # fmt: skip


def test_framework_2021_2023_sets_the_national_targets_in_their_2021_wording(
    catalog: Catalog, sjaelland: Contract
) -> None:
    framework = _framework(catalog, "2021-2023")
    targets = {t.key: t for g in framework.goals for t in g.targets}
    assert list(targets) == FRAMEWORK_2021_KEYS
    for key, target in targets.items():
        copied = _target(sjaelland, key)
        assert (target.kind, target.value, target.text) == (copied.kind, copied.value, copied.text)
        assert target.measured.periods == ("FY",), key


@pytest.mark.parametrize(
    ("key", "years"),
    [
        ("1a", (2021,)),
        ("1c", (2023,)),
        ("4a", None),
        ("5a", None),
        ("6a", None),
        ("7a", None),
        ("5b.2023", (2023,)),
    ],
)
def test_framework_2021_2023_states_the_measurement_year(
    catalog: Catalog, key: str, years: tuple[int, ...] | None
) -> None:
    framework = _framework(catalog, "2021-2023")
    target = next(t for g in framework.goals for t in g.targets if t.key == key)
    assert target.measured.years == years


def test_framework_2024_2027_has_six_goals_and_no_stated_numbers(catalog: Catalog) -> None:
    framework = _framework(catalog, "2024-2027")
    assert framework.title == "Aftale om rammerne for erhvervshuse 2024-2027"
    assert [(g.number, g.title) for g in framework.goals] == [
        (1, "Iværksætteri (øget)"),
        (2, "Virksomhedernes kendskab til Erhvervshusene (øget)"),
        (3, "Virksomhedernes tilfredshed"),
        (4, "Erhvervshusenes knudepunktsfunktion"),
        (5, "Effekt i virksomhederne"),
        (6, "Bæredygtighed"),
    ]
    assert all(t.value_stated is False for g in framework.goals for t in g.targets)
    assert framework.interpretation is not None
    assert "udledt af rækkefølgen" in framework.interpretation


# --------------------------------------------------------------------- Hovedstaden


def test_hovedstaden_2023_kendskab_target_is_50_percent_in_2023(catalog: Catalog) -> None:
    contract = catalog.contract("hovedstaden", 2023)
    assert contract is not None
    target = _target(contract, "1c")
    assert (target.kind, target.value, target.text) == ("percentage", 50, "Målet på 50 pct.")
    assert (target.measured.periods, target.measured.years) == (("FY",), (2023,))
    others = [t for _g, t in contract.targets() if t.key != "1c"]
    assert [t.key for t in others] == ["5b", "6a", "6b", "8a"]
    assert all(not t.value_stated and t.value is None for t in others)
    assert contract.framework == "2021-2023"
    assert contract.approval_note is not None
    assert "KKR Hovedstaden, dagsorden 19. april 2024, pkt. 3.4" in contract.approval_note


def test_hovedstaden_2026_has_six_national_goals_two_sub_goals_and_a_goal_7(
    catalog: Catalog,
) -> None:
    contract = catalog.contract("hovedstaden", 2026)
    assert contract is not None
    assert (contract.framework, contract.approved) == ("2024-2027", dt.date(2025, 10, 24))
    national = [(g.number, g.framework_goal) for g in contract.goals if g.scope == "national"]
    assert national == [(str(n), n) for n in range(1, 7)]
    local = [(g.number, g.under) for g in contract.goals if g.scope == "local"]
    assert local == [("2r", 2), ("4r", 4), ("7", None)]
    goal_7 = next(g for g in contract.goals if g.number == "7")
    assert goal_7.note is not None and "færre programmidler" in goal_7.note
    assert goal_7.purpose is not None and "de 29 kommuner" in goal_7.purpose
    assert all(t.judged_as_assessment for _g, t in contract.targets())
