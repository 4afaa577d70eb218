"""The status codes of a target or goal in a period, their Danish labels and their order."""

from __future__ import annotations

# The Danish labels belong to the one wording of what people read.
from contracts.wording import NO_TARGETS_LABEL as NO_TARGETS_LABEL
from contracts.wording import STATUS_LABELS as STATUS_LABELS

OPFYLDT = "opfyldt"
PAA_VEJ = "paa_vej"
I_RISIKO = "i_risiko"
IKKE_OPFYLDT = "ikke_opfyldt"
MANGLER_DATA = "mangler_data"
MAALES_SENERE = "maales_senere"
MAALT_TIDLIGERE = "maalt_tidligere"

#: Most severe first: the order a goal takes the worst of its targets in (docs/rules.md), then
#: the statuses that never decide a goal on their own.
STATUS_SEVERITY: tuple[str, ...] = (
    IKKE_OPFYLDT,
    I_RISIKO,
    MANGLER_DATA,
    PAA_VEJ,
    OPFYLDT,
    MAALES_SENERE,
    MAALT_TIDLIGERE,
)

#: Statuses without a value in the period because the measurement lies in another year.
NOT_THIS_YEAR = frozenset({MAALES_SENERE, MAALT_TIDLIGERE})

#: How good a judged status is (higher is better); for properties and sorting of results.
STATUS_RANK: dict[str, int] = {IKKE_OPFYLDT: 0, I_RISIKO: 1, PAA_VEJ: 2, OPFYLDT: 3}

#: Colours for charts, one per status (colour-blind safe, with labels beside them).
STATUS_COLORS: dict[str, str] = {
    OPFYLDT: "#1a9850",
    PAA_VEJ: "#91cf60",
    I_RISIKO: "#fdae61",
    IKKE_OPFYLDT: "#d73027",
    MANGLER_DATA: "#878787",
    MAALES_SENERE: "#c6dbef",
    MAALT_TIDLIGERE: "#dadaeb",
}


def worst(statuses: list[str]) -> str | None:
    """The status of a goal from the statuses of its targets (docs/rules.md).

    None for a goal without targets (it has no status). ``maalt_tidligere`` when every target
    was measured before the contract year; ``maales_senere`` when every target is measured in
    another year and at least one later; ``opfyldt`` when every other one is; otherwise the most
    severe of ikke_opfyldt, i_risiko, mangler_data, paa_vej.
    """
    if not statuses:
        return None
    judged = [s for s in statuses if s not in NOT_THIS_YEAR]
    if not judged:
        return MAALT_TIDLIGERE if all(s == MAALT_TIDLIGERE for s in statuses) else MAALES_SENERE
    if all(s == OPFYLDT for s in judged):
        return OPFYLDT
    return min(judged, key=STATUS_SEVERITY.index)
