"""Entering a half-year in a real browser at 1.400 px (issue 13): type values into the inputs
of their kinds, save, meet another person's change without losing work, import the template
filled in Danish Excel's dialect, and submit; a number typed into a kommune grid and saved;
and the same start in a round holding demo data.

Each journey runs on a server of its own over a copy of the seeded store, so the other
browser tests keep their numbers. The screenshots go to ``docs/screenshots/indberetning*``.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from db import Store, ValueKey, ValueRow

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT_MS = 30_000
WIDTH = 1400


def own_copy(seeded_database: str, folder: Path) -> str:
    path = folder / "entry.sqlite"
    shutil.copyfile(seeded_database.removeprefix("sqlite:///"), path)
    return f"sqlite:///{path}"


def open_round(page: Page, url: str, query: str) -> None:
    page.set_viewport_size({"width": WIDTH, "height": 1000})
    page.goto(f"{url}/indberetning?{query}")
    expect(page.get_by_text("Seneste ændringer", exact=False)).to_be_visible(timeout=TIMEOUT_MS)


def target(page: Page, anchor: str) -> Locator:
    """The bordered box of one target (keyed by its anchor: ``ui.entry.inputs``)."""
    return page.locator(f".st-key-boks-{anchor}")


def open_goals(page: Page, *numbers: str) -> None:
    """Open the panels of the goals ``numbers`` ("Mål 12 – …") that are closed, by a click."""
    for number in numbers:
        summary = page.locator("summary", has_text=re.compile(rf"Mål {number} – "))
        details = page.locator("details", has=summary)
        if details.get_attribute("open") is None:
            summary.click()
            expect(details).to_have_attribute("open", re.compile(".*"), timeout=TIMEOUT_MS)


def type_value(box: Locator, label: str, text: str) -> None:
    """Type ``text`` into the input ``label`` of ``box`` once the page has settled on one such
    input that takes typing: while a rerun is drawn, the input it replaces (disabled in a
    round holding demo data) may still stand beside it."""
    field = box.get_by_label(label, exact=True)
    expect(field).to_have_count(1, timeout=TIMEOUT_MS)
    expect(field).to_be_enabled(timeout=TIMEOUT_MS)
    field.fill(text)
    field.press("Tab")


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= WIDTH


def shoot(page: Page, name: str, locator: Locator | None = None) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if locator is not None:
        locator.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / name))


def saved(page: Page, database: str, period: str, answer: str) -> Any:
    """Press the first »Gem«, wait for its answer, and read Sjælland 2022's values of
    ``period`` from the store."""
    page.get_by_role("button", name="Gem", exact=True).first.click()
    expect(page.get_by_text(answer)).to_be_visible(timeout=TIMEOUT_MS)
    store = Store(database)
    try:
        return store.values("sjaelland", 2022, period)
    finally:
        store.dispose()


def fill_template(data: bytes, values: dict[tuple[str, str], dict[str, str]]) -> bytes:
    """The Danish-Excel template with ``values`` by (måltal, kommunekode), and a comment on
    every target's total row (an explanation wherever the round asks for one)."""
    text = data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows, "tom skabelon"
    for row in rows:
        row.update(values.get((row["måltal"], row["kommunekode"]), {}))
        if not row["kommunekode"] and not row["kommentar"]:
            row["kommentar"] = "Se halvårsnotatet til KKR"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("cp1252")  # what Danish Excel saves as "CSV (semikolon)"


def test_the_entry_journey_enter_save_conflict_import_and_submit(
    page: Page, fresh_server: Any, seeded_database: str, tmp_path: Path
) -> None:
    database = own_copy(seeded_database, tmp_path)
    with fresh_server(database, tmp_path) as url:
        open_round(page, url, "hus=sjaelland&aar=2022&periode=H1")
        no_sideways_scroll(page)
        missing = page.get_by_text("Mangler et tal (", exact=False).first
        expect(missing).to_be_visible()

        # Enter: a share by its tæller and nævner; the live status stands beside it.
        open_goals(page, "8", "12")
        share = target(page, "maaltal-12a")
        type_value(share, "Tæller", "140")
        type_value(share, "Nævner", "251")
        expect(share.get_by_text("55,8 % (mål: mindst 50 %", exact=False)).to_be_visible(
            timeout=TIMEOUT_MS
        )
        expect(share.get_by_text("Når du gemmer:", exact=False)).to_be_visible()
        # Closed and opened again, the goal still holds what was typed.
        goal_12 = page.locator("summary", has_text=re.compile(r"Mål 12 – "))
        goal_12.click()
        expect(share).to_have_count(0, timeout=TIMEOUT_MS)
        goal_12.click()
        expect(share.get_by_label("Tæller", exact=True)).to_have_value("140", timeout=TIMEOUT_MS)
        expect(share.get_by_text("55,8 % (mål: mindst 50 %", exact=False)).to_be_visible()
        # Danish help for a number typed the English way.
        count = target(page, "maaltal-8b")
        type_value(count, "Antal forløb", "1,680")
        expect(count.get_by_text("»1,680« læses som 1,68 – mente du 1.680?")).to_be_visible(
            timeout=TIMEOUT_MS
        )
        type_value(count, "Antal forløb", "420")
        expect(count.get_by_text("420 forløb (mål: mindst 880 forløb", exact=False)).to_be_visible(
            timeout=TIMEOUT_MS
        )
        shoot(page, "indberetning.png", page.get_by_role("heading", name="Tal", exact=True))

        # Someone else saves 8b meanwhile: 12a is saved, 8b waits for a choice, nothing lost.
        store = Store(database)
        key = ValueKey("sjaelland", 2022, "H1", "8b")
        store.save([ValueRow(key, value=430, expected_version=1)], user="bo")
        page.get_by_role("button", name="Gem", exact=True).first.click()
        conflict = page.get_by_text("Ændret af en anden, mens du skrev")
        expect(conflict).to_be_visible(timeout=TIMEOUT_MS)
        expect(page.get_by_text("Du skrev: 420", exact=False)).to_be_visible()
        shoot(page, "indberetning-konflikt.png", conflict)
        page.get_by_text("Gem mit: 420", exact=True).click()
        page.get_by_role("button", name="Gem", exact=True).first.click()
        expect(page.get_by_text("Gemt: 0 indsat, 1 ændret, 0 slettet.")).to_be_visible(
            timeout=TIMEOUT_MS
        )
        stored = store.values("sjaelland", 2022, "H1").set_index("target")
        assert stored.loc["8b", "value"] == 420.0
        assert (stored.loc["12a", "numerator"], stored.loc["12a", "denominator"]) == (140, 251)

        # Per kommune: the grid of the geography with "uden for geografien" and its total.
        kommuner = target(page, "maaltal-8a")
        expect(kommuner.get_by_text("I alt fra kommunerne: 837 forløb").last).to_be_visible()
        kommuner.get_by_text("Tal pr. kommune for 8a", exact=False).click()
        expect(kommuner.get_by_test_id("stDataFrame")).to_be_visible()
        shoot(page, "indberetning-kommuner.png", kommuner)

        # Import the template, downloaded and filled in Danish Excel's dialect.
        page.get_by_text("Dansk Excel (semikolon og decimalkomma)").click()
        page.wait_for_timeout(1000)
        with page.expect_download() as download:
            page.get_by_role("button", name="Skabelon (CSV)").click()
        template = Path(download.value.path()).read_bytes()
        assert template.startswith(b"\xef\xbb\xbf") and b";" in template.splitlines()[0]
        filled = tmp_path / "skabelon-h1.csv"
        filled.write_bytes(
            fill_template(template, {("11h", ""): {"værdi": "13,5"}, ("11c", ""): {"værdi": "23"}})
        )
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(filled))
        dry_run = page.get_by_text("Prøvekørsel af skabelon-h1.csv", exact=False)
        expect(dry_run).to_be_visible(timeout=TIMEOUT_MS)
        expect(page.get_by_text("Erhvervshus Sjælland 1. halvår 2022").first).to_be_visible()
        shoot(page, "indberetning-import.png", dry_run)
        page.get_by_role("button", name="Gennemfør import").click()
        expect(page.get_by_text("Importeret fra skabelon-h1.csv", exact=False)).to_be_visible(
            timeout=TIMEOUT_MS
        )
        assert store.values("sjaelland", 2022, "H1").set_index("target").loc["11c", "value"] == 23

        # Submit: the targets still without data are named, and the person confirms.
        page.get_by_role("button", name="Indsend", exact=True).click()
        expect(page.get_by_text("har stadig status »Mangler data«", exact=False)).to_be_visible(
            timeout=TIMEOUT_MS
        )
        page.get_by_role("button", name="Indsend alligevel").click()
        expect(page.get_by_text("Indberetningen er indsendt.")).to_be_visible(timeout=TIMEOUT_MS)
        info = store.round("sjaelland", 2022, "H1")
        assert info is not None and info.status == "indsendt"
        store.dispose()
        expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_round_holding_demo_data_is_entered_after_removing_it(
    page: Page, fresh_server: Any, seeded_database: str, tmp_path: Path
) -> None:
    database = own_copy(seeded_database, tmp_path)
    with fresh_server(database, tmp_path) as url:
        open_round(page, url, "hus=sjaelland&aar=2022&periode=FY")
        open_goals(page, "8")
        remove = page.get_by_role("button", name="Fjern demodata og begynd indberetningen")
        expect(remove).to_be_visible()
        expect(target(page, "maaltal-8b").get_by_label("Antal forløb", exact=True)).to_be_disabled()
        shoot(page, "indberetning-demo.png")
        remove.click()
        expect(
            page.get_by_text(
                "Demodata er fjernet. Indberetningen er tom og klar til de rigtige tal."
            )
        ).to_be_visible(timeout=TIMEOUT_MS)
        count = target(page, "maaltal-8b")
        type_value(count, "Antal forløb", "900")
        expect(count.get_by_text("Når du gemmer:", exact=False)).to_be_visible(timeout=TIMEOUT_MS)
        stored = saved(page, database, "FY", "Gemt: 1 indsat, 0 ændret, 0 slettet.")
        assert stored[["target", "value", "is_demo"]].values.tolist() == [["8b", 900.0, False]]
        expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_number_typed_into_the_kommune_grid_is_saved_with_gem(
    page: Page, fresh_server: Any, seeded_database: str, tmp_path: Path
) -> None:
    database = own_copy(seeded_database, tmp_path)
    with fresh_server(database, tmp_path) as url:
        open_round(page, url, "hus=sjaelland&aar=2022&periode=H1")
        open_goals(page, "8")
        kommuner = target(page, "maaltal-8a")
        expect(kommuner.get_by_text("I alt fra kommunerne: 837 forløb").last).to_be_visible()
        kommuner.get_by_text("Tal pr. kommune for 8a", exact=False).click()
        grid = kommuner.get_by_test_id("stDataFrame")
        expect(grid).to_be_visible()
        # The grid is drawn on a canvas: click its first row's code, then move by keyboard to
        # "Antal forløb" (two columns to the right), type and press Enter, as a person does.
        expect(grid.locator("canvas").first).to_be_visible(timeout=TIMEOUT_MS)
        editor = page.locator(".gdg-input")
        for _attempt in range(5):  # a click while the grid still settles is not taken: again
            grid.scroll_into_view_if_needed()
            page.wait_for_timeout(300)  # the page stops moving before the click is aimed
            box = grid.bounding_box()
            assert box is not None
            page.mouse.click(box["x"] + 30, box["y"] + 35 + 17)
            page.wait_for_timeout(100)
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowRight")
            page.keyboard.press("Enter")  # opens the cell's editor
            try:
                editor.wait_for(state="visible", timeout=5_000)
                break
            except PlaywrightTimeoutError:
                page.keyboard.press("Escape")
        expect(editor).to_be_visible(timeout=TIMEOUT_MS)
        editor.fill("100")
        page.keyboard.press("Enter")
        expect(kommuner.get_by_text("I alt fra kommunerne: 885 forløb").last).to_be_visible(
            timeout=TIMEOUT_MS
        )
        stored = saved(page, database, "H1", "Gemt: 0 indsat, 2 ændret, 0 slettet.")
        rows = stored[stored["target"] == "8a"].set_index("kommune")["value"]
        assert (rows["253"], rows[""]) == (100.0, 885.0)  # Greve 52 → 100, the total 837 → 885
        expect(page.get_by_test_id("stException")).to_have_count(0)
