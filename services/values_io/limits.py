"""How large an import file may be, and the Danish messages when one is larger.

The limits are generous for real work (a national file of every house, target and kommune
is about 11.000 rows) and keep a hostile file from taking the machine: each is checked
before or while reading, and the reading stops at the first one broken. The README's
"Import limits" and docs/import-format.md state them; ``.streamlit/config.toml``'s
``server.maxUploadSize`` matches ``MAX_FILE_MB`` (a test holds them together).
"""

from __future__ import annotations

from services.values_io.numbers import danish_number


def _number(count: int) -> str:
    return danish_number(float(count))


MAX_FILE_MB = 20
#: Megabytes as the browser counts them when it refuses an upload (1 MB = 1.000.000 bytes).
MB = 1_000_000
MAX_FILE_BYTES = MAX_FILE_MB * MB
#: Rows below the header; empty rows count too (they cost reading as much as full ones).
MAX_ROWS = 100_000
MAX_COLUMNS = 50
#: An xlsx is a zip archive: its parts unpacked together, and how many parts it may hold.
MAX_XLSX_UNPACKED_MB = 100
MAX_XLSX_UNPACKED_BYTES = MAX_XLSX_UNPACKED_MB * MB
MAX_XLSX_PARTS = 1_000
#: Problems listed by row and column; beyond them the message gives how many more.
MAX_PROBLEMS = 100

LIMITS_TEXT = (
    f"en importfil må højst fylde {MAX_FILE_MB} MB og have {_number(MAX_ROWS)} rækker "
    f"og {MAX_COLUMNS} kolonner"
)


def too_large(size: int) -> str:
    return f"Filen fylder {_megabytes(size)} MB; {LIMITS_TEXT}. Del den op i flere filer."


def too_many_rows() -> str:
    return (
        f"Filen har mere end {_number(MAX_ROWS)} rækker under overskriften; "
        f"{LIMITS_TEXT}. Del den op i flere filer."
    )


def too_many_columns(row: int, columns: int) -> str:
    return (
        f"Række {row} har {_number(columns)} kolonner; {LIMITS_TEXT}. "
        "Slet de tomme kolonner til højre, eller kopiér kun importkolonnerne til et nyt ark."
    )


def unpacks_too_large(size: int) -> str:
    return (
        f"Excel-filen fylder {_megabytes(size)} MB, når den pakkes ud; højst "
        f"{MAX_XLSX_UNPACKED_MB} MB. Gem kun importarket i en ny fil, eller brug CSV."
    )


def too_many_parts(count: int) -> str:
    return (
        f"Excel-filen består af {_number(count)} dele; højst "
        f"{_number(MAX_XLSX_PARTS)}. Gem kun importarket i en ny fil, eller brug CSV."
    )


def more_problems(count: int) -> str:
    return f"… og {_number(count)} problemer mere (de første {MAX_PROBLEMS} er vist)."


def _megabytes(size: int) -> str:
    return danish_number(round(size / MB, 1))
