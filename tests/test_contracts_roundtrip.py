"""Writing a contract as YAML and loading it back gives the same contract.

The property is checked on contracts that hypothesis builds from valid pieces: every kind of
target, Danish text with quotes, colons and line breaks, dates, geography and parts that add
up.  A few examples pin what the written YAML looks like.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts.dump import NESTED_SCHEMA_REF, SCHEMA_REF, contract_to_yaml, framework_to_yaml
from contracts.loader import load_folder, resolve_defaults
from contracts.models import (
    HOUSE_KEYS,
    KKR_KEYS,
    Baseline,
    Contract,
    Framework,
    FrameworkGoal,
    Goal,
    Target,
)
from contracts.reference import default_geography

FRAMEWORK = Framework(
    id="2021-2023",
    title="Rammeaftale for erhvervshusene 2021-2023",
    start_year=2021,
    end_year=2023,
    goals=(FrameworkGoal(number=1, title="Kendskab"), FrameworkGoal(number=8, title="Forløb")),
)
NUMBERED_KINDS = ("count", "amount", "percentage", "nps", "ratio", "level", "range")
#: Every kind but spread, which needs a count to point at (see ``_linked_goal``).
KINDS = (*NUMBERED_KINDS, "change_pp", "change_relative", "coverage", "milestone", "assessment")

#: Text that YAML would read as something else, or cannot write plainly.
TRICKY_TEXTS = (
    "yes",
    "null",
    "~",
    "1.680",
    "0123",
    "2022-01-01",
    "8a",
    "- et punkt",
    "# ikke en kommentar",
    "mål: vækst",
    "'citat'",
    'sagde "ja"',
    "linje med mellemrum \nog en til",
    "første\n\n\ntredje",
    "tab\tinde i",
    "Køge, Næstved og Ærø – 10 %",
    "a | b > c",
)
texts = st.sampled_from(TRICKY_TEXTS) | (
    st.text(
        alphabet=st.characters(
            codec="utf-8",
            categories=("L", "N", "P", "Zs"),
            include_characters="æøåÆØÅ:#'\"\n-–%&*!|>{}[],",
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
maybe_texts = st.none() | texts


def numbers(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


@st.composite
def target_fields(draw: st.DrawFn, year: int, municipalities: int) -> dict[str, Any]:
    """The kind-specific fields of one valid target."""
    kind = draw(st.sampled_from(KINDS))
    fields: dict[str, Any] = {"kind": kind}
    if kind == "milestone":
        deadline = st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31))
        fields["deadline"] = draw(st.none() | deadline)
    elif kind == "assessment":
        pass
    elif kind == "coverage":
        fields["value"] = draw(st.integers(0, municipalities))
        fields["per_kommune"] = True
        fields["minimum_per_kommune"] = draw(st.none() | st.integers(0, 10))
    elif kind in ("change_pp", "change_relative"):
        fields["value"] = draw(numbers(-100, 100))
        fields["baseline"] = Baseline(
            value=draw(numbers(0, 100)),
            year=draw(st.integers(2000, 2100)),
            source=draw(maybe_texts),
        )
    elif draw(st.booleans()) and kind != "count":
        fields["value_stated"] = False
    else:
        low, high = {
            "count": (0, 10**6),
            "amount": (0, 1e9),
            "percentage": (0, 100),
            "nps": (-100, 100),
            "ratio": (0, 100),
            "level": (-1e6, 1e6),
            "range": (-1e6, 1e6),
        }[kind]
        if kind == "count":
            fields["value"] = draw(st.integers(low, int(high)))
            fields["per_kommune"] = draw(st.booleans())
        else:
            fields["value"] = draw(numbers(low, high))
        if kind == "range":
            fields["upper"] = draw(numbers(fields["value"], high))
    return fields


@st.composite
def targets(draw: st.DrawFn, key: str, year: int, municipalities: int) -> Target:
    unit = draw(maybe_texts)
    common = {
        "key": key,
        "label": draw(st.none() | texts.map(lambda text: f"{key} – {text}")),
        "text": draw(texts),
        "direction": draw(st.sampled_from(["at_least", "at_most", "above"])),
        "unit": unit,
        "unit_singular": draw(maybe_texts) if unit is not None else None,
        "interpretation": draw(maybe_texts),
        "segment": draw(maybe_texts),
        "h1_share": draw(st.floats(min_value=0, max_value=1, exclude_min=True)),
        "cumulative": draw(st.none() | st.booleans()),
        "note": draw(maybe_texts),
        "measured": {
            "periods": draw(st.lists(st.sampled_from(["H1", "FY"]), min_size=1, unique=True)),
            "years": draw(
                st.none() | st.lists(st.integers(year - 3, year + 3), min_size=1, max_size=3)
            ),
        },
    }
    return Target(**common, **draw(target_fields(year, municipalities)))


@st.composite
def goals(draw: st.DrawFn, year: int, municipalities: int) -> list[Goal]:
    made: list[Goal] = []
    for number in draw(st.lists(st.integers(1, 40), unique=True, max_size=3)):
        national = [g.framework_goal for g in made if g.framework_goal is not None]
        framework_goal = draw(st.none() | st.sampled_from([1, 8]))
        under = draw(st.none() | st.sampled_from(national)) if national else None
        keys = [f"{number}{chr(ord('a') + i)}" for i in range(draw(st.integers(0, 3)))]
        made.append(
            Goal(
                number=str(number) + draw(st.sampled_from(["", "r"])),
                title=draw(texts),
                scope="local" if framework_goal is None else "national",
                framework_goal=framework_goal,
                under=under if framework_goal is None else None,
                purpose=draw(maybe_texts),
                method=draw(maybe_texts),
                data_source=draw(maybe_texts),
                reporting=draw(maybe_texts),
                strategic_goals=draw(st.lists(texts, max_size=2)),
                targets=[draw(targets(key, year, municipalities)) for key in keys],
                note=draw(maybe_texts),
            )
        )
    return made


def _linked_goal(draw: st.DrawFn) -> Goal:
    """Goal 99: a per-kommune count, its spread over by/land, and parts that add up."""
    short, long_ = draw(st.integers(0, 5000)), draw(st.integers(0, 5000))
    return Goal(
        number="99",
        title="Forløb og spredning",
        scope="local",
        targets=(
            Target(
                key="99a",
                text="Forløb i alt",
                kind="count",
                value=short + long_,
                per_kommune=True,
                parts=("99a.korte", "99a.lange"),
            ),
            Target(
                key="99a.korte", label="99a – korte", text="Korte forløb", kind="count", value=short
            ),
            Target(
                key="99a.lange", label="99a – lange", text="Lange forløb", kind="count", value=long_
            ),
            Target(
                key="99b",
                text="Forløbene fordeles på by og land",
                kind="spread",
                direction="at_most",
                value=draw(numbers(0, 100)),
                source_target="99a",
            ),
        ),
    )


@st.composite
def contracts(draw: st.DrawFn) -> Contract:
    house = draw(st.sampled_from(HOUSE_KEYS))
    year = draw(st.integers(2021, 2023))
    own = default_geography(house)
    geography = draw(st.none() | st.lists(st.sampled_from(own), min_size=1, unique=True))
    classification = None
    if geography is not None and draw(st.booleans()):
        classification = {code: draw(st.sampled_from(["by", "land"])) for code in geography}
    made_goals = draw(goals(year, len(geography or own)))
    if draw(st.booleans()):
        made_goals.append(_linked_goal(draw))
    return Contract(
        erhvervshus=house,
        year=year,
        title=draw(maybe_texts),
        framework="2021-2023",
        status=draw(st.sampled_from(["udkast", "godkendt"])),
        approved=draw(st.none() | st.dates(dt.date(2019, 1, 1), dt.date(2024, 12, 31))),
        approval_meeting=draw(maybe_texts),
        approval_note=draw(maybe_texts),
        kkr=draw(st.sampled_from(KKR_KEYS)),
        geography=geography,
        classification=classification,
        classification_note=draw(maybe_texts),
        demo=draw(st.booleans()),
        sections=[
            {"title": draw(texts), "text": draw(texts)} for _ in range(draw(st.integers(0, 2)))
        ],
        goals=made_goals,
        note=draw(maybe_texts),
        sources=draw(st.lists(texts, max_size=2)),
    )


def load_text(contract_text: str) -> tuple[list[str], tuple[Contract, ...]]:
    with TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "rammeaftale.yaml").write_text(framework_to_yaml(FRAMEWORK), encoding="utf-8")
        (root / "kontrakt.yaml").write_text(contract_text, encoding="utf-8")
        catalog = load_folder(root)
    return [str(issue) for issue in catalog.issues], catalog.contracts


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contracts())
def test_a_dumped_contract_loads_back_equal_and_clean(contract: Contract) -> None:
    issues, loaded = load_text(contract_to_yaml(contract))
    assert issues == []
    assert loaded == (resolve_defaults(contract),)


@settings(max_examples=30, deadline=None)
@given(contracts())
def test_a_loaded_contract_dumps_to_the_same_text_again(contract: Contract) -> None:
    text = contract_to_yaml(resolve_defaults(contract))
    _issues, loaded = load_text(text)
    assert contract_to_yaml(loaded[0]) == text


@settings(max_examples=30, deadline=None)
@given(st.lists(targets("1a", 2021, 17), max_size=1), texts)
def test_a_dumped_framework_loads_back_equal(framework_targets: list[Target], title: str) -> None:
    framework = Framework(
        id="2021-2023",
        title=title,
        start_year=2021,
        end_year=2023,
        goals=[FrameworkGoal(number=1, title=title, targets=tuple(framework_targets))],
    )
    with TemporaryDirectory() as folder:
        (Path(folder) / "r.yaml").write_text(framework_to_yaml(framework), encoding="utf-8")
        catalog = load_folder(Path(folder))
    assert catalog.issues == ()
    assert catalog.frameworks == {"2021-2023": framework}


def test_the_yaml_starts_with_the_schema_comment_and_leaves_defaults_out() -> None:
    contract = Contract(
        erhvervshus="sjaelland",
        kkr="sjaelland",
        year=2022,
        approved=dt.date(2021, 10, 13),
        goals=[
            Goal(
                number="8",
                title="Forløb",
                scope="local",
                note="Første linje.\nAnden linje om Køge.",
                targets=[Target(key="8a", text="1.680 forløb", kind="count", value=1680)],
            )
        ],
    )
    assert contract_to_yaml(contract) == (
        f"# yaml-language-server: $schema={SCHEMA_REF}\n"
        "type: contract\n"
        "erhvervshus: sjaelland\n"
        "kkr: sjaelland\n"
        "year: 2022\n"
        "status: godkendt\n"
        "approved: 2021-10-13\n"
        "goals:\n"
        "  - number: '8'\n"
        "    title: Forløb\n"
        "    scope: local\n"
        "    targets:\n"
        "      - key: 8a\n"
        "        text: 1.680 forløb\n"
        "        kind: count\n"
        "        value: 1680\n"
        "    note: |-\n"
        "      Første linje.\n"
        "      Anden linje om Køge.\n"
    )


def test_drafts_and_frameworks_point_one_folder_further_up_to_the_schema() -> None:
    draft = Contract(erhvervshus="fyn", kkr="syddanmark", year=2023, status="udkast")
    assert contract_to_yaml(draft).startswith(
        f"# yaml-language-server: $schema={NESTED_SCHEMA_REF}\n"
    )
    assert framework_to_yaml(FRAMEWORK).startswith(
        f"# yaml-language-server: $schema={NESTED_SCHEMA_REF}\n"
    )


def test_short_lists_are_written_on_one_line() -> None:
    contract = Contract(
        erhvervshus="sjaelland", kkr="sjaelland", year=2022, geography=("259", "265")
    )
    assert "geography: ['259', '265']\n" in contract_to_yaml(contract)


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_text_that_yaml_could_misread_survives_the_round_trip(text: str) -> None:
    target = Target(key="5a", text=text, kind="milestone", note=text, unit=text)
    goal = Goal(number="5", title=text, scope="local", targets=[target])
    contract = Contract(erhvervshus="fyn", kkr="syddanmark", year=2022, title=text, goals=[goal])
    issues, loaded = load_text(contract_to_yaml(contract))
    assert issues == []
    assert loaded[0].goals[0].targets[0].text == text.strip()
    assert loaded == (resolve_defaults(contract),)
