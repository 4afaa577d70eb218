"""Helpers for the page tests: literal contract YAML and the app under test (the framework
and the folder writer: tests/contract_texts.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"

SJAELLAND_2022 = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2022
title: Resultatkontrakt 2022 for Erhvervshus Sjælland
framework: 2021-2023
status: godkendt
approval_note: Godkendt af KKR Sjælland, sandsynligvis på mødet 13. oktober 2021 (udledt).
sections:
  - title: Samarbejde mellem erhvervshus og kommuner
    text: Erhvervshuset og kommunerne samarbejder tæt.
goals:
  - number: "1"
    title: Virksomhedernes kendskab til erhvervshusene
    scope: national
    framework_goal: 1
    method: ERST udsender en spørgeskemaundersøgelse.
    data_source: ERST kendskabsmåling
    reporting: ERST afrapporterer i efteråret 2021 og 2023.
    targets:
      - key: 1a
        text: Kendskabet skal i efteråret 2021 være steget med 5 procentpoint.
        kind: change_pp
        value: 5
        baseline: {value: 34, year: 2020, source: ERST kendskabsmåling sep. 2020}
        measured: {periods: [FY], years: [2021]}
  - number: "8"
    title: Kvantitative mål vedr. virksomhedsforløb
    scope: local
    strategic_goals: [Flere virksomheder vokser]
    targets:
      - key: 8a
        text: Samlet set skal Erhvervshus Sjælland gennemføre 1.680 forløb i 2022.
        kind: count
        value: 1680
        unit: forløb
        per_kommune: true
      - key: 15a
        text: Driftsmidlerne geares min. med en faktor 2,50.
        kind: ratio
        value: 2.5
        measured: {periods: [FY]}
"""

SJAELLAND_2023 = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2023
title: Resultatkontrakt 2023 for Erhvervshus Sjælland
framework: 2021-2023
status: godkendt
approved: 2022-10-12
goals:
  - number: "8"
    title: Virksomhedsforløb 2023
    scope: local
    targets:
      - key: 8a
        text: Erhvervshus Sjælland gennemfører 1.700 forløb i 2023.
        kind: count
        value: 1700
        unit: forløb
"""

SJAELLAND_2023_DRAFT = SJAELLAND_2023.replace("status: godkendt", "status: udkast").replace(
    "Resultatkontrakt 2023 for", "Udkast til resultatkontrakt 2023 for"
)

FYN_2024 = """\
type: contract
erhvervshus: fyn
kkr: syddanmark
year: 2024
status: udkast
goals:
  - number: "1"
    title: Lokalt mål for Fyn
    scope: local
    targets:
      - key: 1a
        text: Erhvervshus Fyn gennemfører et antal forløb.
        kind: count
        value_stated: false
"""

BROKEN = """\
type: contract
erhvervshus: sjaelland
kkr: sjaelland
year: 2025
goals: [{number: "1", title: Mål, scope: local, targets: [{key: 1a, text: x, kind: count}]}]
"""


def open_app(page: str | None = None) -> AppTest:
    """The whole app (navigation included) on ``page`` (default: the start page), not yet run."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    if page is not None:
        at.switch_page(page)
    return at


@dataclass
class ShownCard:
    """One of Overblik's target cards as a reader meets it: its paragraphs' text, and its
    badges as (status, label), e.g. ("paa_vej", "På vej")."""

    paragraphs: list[str] = field(default_factory=list)
    badges: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


class _CardReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cards: list[ShownCard] = []
        self._text: list[str] | None = None
        self._badge: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "li" and "rk-card" in classes:
            self.cards.append(ShownCard())
        elif tag == "p" and self.cards:
            self._text = []
        elif tag == "span" and "rk-badge" in classes:
            status = next(c[3:] for c in classes if c.startswith("rk-") and c != "rk-badge")
            self._badge = (status, [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._badge is not None:
            self.cards[-1].badges.append((self._badge[0], "".join(self._badge[1])))
            self._badge = None
        elif tag == "p" and self._text is not None:
            self.cards[-1].paragraphs.append(re.sub(r"\s+", " ", "".join(self._text)).strip())
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._badge is not None:
            self._badge[1].append(data)
        if self._text is not None:
            self._text.append(data)


def shown_cards(at: AppTest) -> list[ShownCard]:
    """Overblik's target cards, in page order, read from the HTML the page sends."""
    reader = _CardReader()
    for element in at.get("html"):
        reader.feed(element.proto.body)
    return reader.cards


def cards_text(at: AppTest) -> str:
    """Every card's text, a paragraph a line."""
    return "\n".join(card.text for card in shown_cards(at))
