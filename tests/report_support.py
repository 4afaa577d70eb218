"""Shared setup of the report tests: real values of Erhvervshus Sjælland 2022, 1. halvår, in
a fresh store over the shipped contracts; PDF text read back with poppler's pdftotext."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from db import Store, ValueKey, ValueRow

#: Sjælland 2022 H1 as a staff member would type it (the report tests read these back).
SEED: dict[str, float] = {"8a": 837, "8b": 405, "8c": 426, "11c": 21, "11h": 13.3, "16a": 1}
#: 8a per kommune, adding up to 837; Stevns (336) has none.
KOMMUNER: dict[str, float] = {
    "253": 52, "259": 71, "265": 98, "269": 22, "306": 30, "316": 77, "320": 35, "326": 46,
    "329": 36, "330": 82, "336": 0, "340": 27, "350": 25, "360": 41, "370": 86, "376": 62,
    "390": 47,
}  # fmt: skip
COMMENTS: dict[str, str] = {
    "8a": "Færre henvendelser i foråret",
    "11h": "=Tilsagn kommer i efteråret",
}


def seed_sjaelland(store: Store, *, user: str = "anne") -> None:
    rows = [
        ValueRow(ValueKey("sjaelland", 2022, "H1", key), value=value, comment=COMMENTS.get(key))
        for key, value in SEED.items()
    ]
    rows += [
        ValueRow(ValueKey("sjaelland", 2022, "H1", "8a", code), value=value)
        for code, value in KOMMUNER.items()
    ]
    store.save(rows, user=user)


def no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports without charts: quick, and what a machine without Chromium gets."""
    monkeypatch.setenv("BROWSER_PATH", "/findes/ikke/chromium")


def require_browser() -> None:
    """Skip where Chromium is absent (fail instead in CI, where REQUIRE_BROWSER=1)."""
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        return
    reason = "chromium findes ikke (apt-get install chromium)"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1, men {reason}")
    pytest.skip(reason)


def require_poppler() -> None:
    if shutil.which("pdftotext") and shutil.which("pdffonts"):
        return
    reason = "pdftotext/pdffonts findes ikke (apt-get install poppler-utils)"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1, men {reason}")
    pytest.skip(reason)


def pdf_text(path: Path, page: int | None = None) -> str:
    """The PDF's text in drawing order, each run of whitespace one space."""
    require_poppler()
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", "-raw", *pages, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", out)


def pdf_pages(path: Path) -> int:
    require_poppler()
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.MULTILINE)
    assert match, info.stdout
    return int(match.group(1))


def pdf_fonts(path: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) per font of the PDF."""
    require_poppler()
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    fonts = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: emb is the 5th field from the end.
        fonts.append((parts[0], parts[-5]))
    return fonts
