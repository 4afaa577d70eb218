"""A per-kommune target's rows in the Indberetning form, and a column pasted from Excel.

``kommune_rows`` lays out the rows the grid shows: code, name and the inputs of the target's
kind, in the table's order (the geography's kommuner, then ``0``, outside or unknown).
``paste_column`` reads a column of numbers copied from a spreadsheet into those rows: one
number per line in the grid's order (with or without the last row, ``0``), or two columns
(kommunekode or name, and the number) in any order.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from services.entry_form import TargetForm
from services.entry_table import OUTSIDE, kommune_name

Place = tuple[str, str]


def kommune_rows(form: TargetForm, start: Mapping[Place, Mapping[str, str]]) -> pd.DataFrame:
    """The grid of ``form``'s kommune rows with the texts they start from."""
    columns = ["kommunekode", "kommune", *(field.column for field in form.fields)]
    records = [
        {
            "kommunekode": kommune,
            "kommune": kommune_name(kommune),
            **{field.column: texts.get(field.column, "") for field in form.fields},
        }
        for (key, kommune), texts in start.items()
        if key == form.key and kommune
    ]
    return pd.DataFrame.from_records(records, columns=columns)


def paste_column(text: str, codes: list[str]) -> tuple[dict[str, str], str | None]:
    """The pasted numbers by kommunekode, or a Danish problem (and nothing filled)."""
    lines = [line.strip() for line in text.strip("\r\n").splitlines()]
    if not any(lines):
        return {}, "Der er ikke indsat noget: kopiér en kolonne af tal i Excel og sæt den ind."
    if all("\t" in line or ";" in line for line in lines if line):
        return _pairs(lines, codes)
    geography = [code for code in codes if code != OUTSIDE]
    if len(lines) in (len(codes), len(geography)):
        return dict(zip(codes, lines, strict=False)), None
    return {}, (
        f"Der er indsat {len(lines)} linjer, men tabellen har {len(geography)} kommuner og "
        f"»{kommune_name(OUTSIDE)}«. Indsæt ét tal pr. kommune i tabellens rækkefølge, eller "
        "to kolonner: kommunekode og tal."
    )


def _pairs(lines: list[str], codes: list[str]) -> tuple[dict[str, str], str | None]:
    by_name = {kommune_name(code).casefold(): code for code in codes}
    filled: dict[str, str] = {}
    unknown: list[str] = []
    for line in lines:
        if not line:
            continue
        name, _, number = line.replace(";", "\t").partition("\t")
        name, number = name.strip(), number.strip()
        code = name if name in codes else by_name.get(name.casefold())
        if code is None:
            unknown.append(name)
        else:
            filled[code] = number
    if unknown:
        names = ", ".join(f"»{n}«" for n in unknown[:5])
        return {}, f"Kender ikke {names} som kommune i kontraktens geografi (kode eller navn)."
    return filled, None
