"""The report's charts: pure figures, drawn to PNG by plotly's image export (kaleido with
Debian's Chromium) without network, once per snapshot for every format."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image
from report_support import require_browser, seed_sjaelland

from contracts.loader import load_folder
from db import Store, ValueKey, ValueRow
from metrics.report_charts import band_size, national_statuses, trend_sheet
from services.report import images, make_report, take_snapshot
from services.report.content import Chart
from services.report.make import clear_cache

ROOT = Path(__file__).resolve().parent.parent

HISTORY = pd.DataFrame(
    {
        "target": ["8a", "8a", "8a", "8a", "11h"],
        "year": [2021, 2022, 2022, 2023, 2022],
        "period": ["FY", "H1", "FY", "FY", "FY"],
        "actual": [1500.0, 837.0, 1702.0, 1800.0, 26.5],
        "target_value": [1600.0, 1680.0, 1680.0, 1700.0, 27.0],
        "demo": [True, False, False, False, False],
    }
)


def test_the_trend_sheet_draws_each_targets_results_up_to_the_reports_year() -> None:
    sheet = trend_sheet(HISTORY, [[("8a", "8a", "count")], [("11h", "11h", "amount")]], year=2022)
    figure = go.Figure(sheet.figure)  # a valid plotly figure

    h1, fy, goal = figure.data[0], figure.data[1], figure.data[2]
    assert (list(h1.x), list(h1.y)) == ([2022], [837.0])
    assert (list(fy.x), list(fy.y)) == ([2021, 2022], [1500.0, 1702.0])
    assert list(fy.marker.symbol) == ["circle-open", "circle"]  # the demo point is hollow
    assert (list(goal.x), list(goal.y)) == ([2021, 2022], [1600.0, 1680.0])
    assert (figure.data[3].xaxis, figure.data[3].yaxis) == ("x2", "y2")
    assert [a.text for a in figure.layout.annotations] == ["8a", "11h"]
    assert figure.layout.separators == ",."


def test_each_goal_has_its_own_band_of_the_sheet_to_be_cut_out() -> None:
    groups = [[("8a", "8a", "count")] * 4, [("11h", "11h", "amount")]]
    sheet = trend_sheet(HISTORY, groups, year=2022)
    first_axis = go.Figure(sheet.figure).layout.yaxis

    assert (sheet.width, sheet.height) == (900, 3 * 190)
    assert sheet.boxes == ((0, 0, 900, 380), (0, 380, 300, 570))
    # The first chart's plot area lies inside the first band, below its title.
    assert first_axis.domain[1] < 1 - 20 / sheet.height
    assert first_axis.domain[0] > 1 - 380 / sheet.height


@pytest.mark.parametrize(("n", "size"), [(1, (300, 190)), (3, (900, 190)), (4, (900, 380))])
def test_a_goals_band_is_as_wide_as_its_columns_and_as_tall_as_its_rows(
    n: int, size: tuple[int, int]
) -> None:
    assert band_size(n) == size


def test_national_statuses_counts_each_houses_goals_per_status() -> None:
    table = pd.DataFrame(
        {
            "house": ["fyn", "fyn", "sjaelland"],
            "status": ["opfyldt", "i_risiko", "opfyldt"],
        }
    )
    figure = national_statuses(table, {"sjaelland": "Sjælland", "fyn": "Fyn"})
    bars = {bar.name: list(bar.y) for bar in figure.data}

    assert bars == {"Opfyldt": [1, 1], "I risiko": [0, 1]}
    assert list(figure.data[0].x) == ["Sjælland", "Fyn"]


OFFLINE_SCRIPT = """
import json, io
import pandas as pd
from PIL import Image
from PIL import Image
from contracts.reference import default_geography
from metrics.map_figures import kommune_map
from metrics.report_charts import trend_sheet
from services.report.content import Chart
from services.report import images

codes = list(default_geography("sjaelland"))
values = pd.DataFrame({"kode": codes, "value": [10.0 * (i % 5) for i in range(len(codes))]})
history = pd.DataFrame({"target": ["8a"] * 2, "year": [2021, 2022], "period": ["FY"] * 2,
                        "actual": [1500.0, 1702.0], "target_value": [1600.0, 1680.0],
                        "demo": [False, False]})
charts = [
    Chart("kort", kommune_map(values, geography=codes, title="Kort", value_label="forløb"),
          700, 560, "kort"),
    Chart("trend", trend_sheet(history, [[("8a", "8a", "count")]], year=2022).figure,
          300, 190, "trend"),
]
made = images.render(charts)
out = {"warnings": list(made.warnings)}
for key, png in made.png.items():
    image = Image.open(io.BytesIO(png)).convert("L")
    dark = sum(image.histogram()[:235])
    out[key] = {"png": png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", "drawn": dark / (image.width * image.height)}
print(json.dumps(out))
"""


def _network_cut() -> list[str]:
    """``unshare -n``: the command runs in a network namespace with no network at all."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("nettet kan ikke afskæres her (unshare -n kræver root)")
    return ["unshare", "-n"]


def test_charts_and_the_map_are_drawn_by_chromium_with_the_network_cut() -> None:
    require_browser()
    command = [*_network_cut(), sys.executable, "-c", OFFLINE_SCRIPT]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": "/root"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])

    assert result["warnings"] == []
    assert result["kort"]["png"] and result["trend"]["png"]
    # Not blank: the kommuner are filled in, the lines and axes are drawn.
    assert result["kort"]["drawn"] > 0.1  # a map without its kommuner draws under 3 %
    assert result["trend"]["drawn"] > 0.01


def test_a_report_draws_its_charts_once_and_every_format_shows_them(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_browser()
    clear_cache()
    seed_sjaelland(sqlite_store)
    fy = {"8a": 1702, "8b": 890, "8c": 812, "11c": 45, "11h": 27.5, "16a": 1}
    sqlite_store.save(
        [ValueRow(ValueKey("sjaelland", 2022, "FY", k), value=v) for k, v in fy.items()],
        user="anne",
    )
    info = take_snapshot(
        load_folder(), sqlite_store, "sjaelland", 2022, "FY", reason="bestilt", user="ib"
    )
    calls: list[int] = []
    render = images.render

    def counting(charts: object) -> images.Images:
        calls.append(1)
        return render(charts)  # type: ignore[arg-type]

    monkeypatch.setattr(images, "render", counting)
    pdf = make_report(sqlite_store, info.id, "pdf")
    docx = make_report(sqlite_store, info.id, "docx")
    archive = zipfile.ZipFile(io.BytesIO(docx.data))
    sizes = sorted(
        Image.open(io.BytesIO(archive.read(name))).size
        for name in archive.namelist()
        if "media/" in name
    )

    assert calls == [1]
    assert pdf.warnings == docx.warnings == ()
    assert pdf.data.count(b"/Subtype /Image") >= 4
    # The trend charts of goals 8 (three targets), 11 (two) and 16 (one), cut from one
    # drawing at 1,5 × (a 300 × 190 pixel cell per target), and the map (700 × 560). The
    # helår values have no kommune rows, so there is no by/land chart.
    assert sizes == [(450, 285), (900, 285), (1050, 840), (1350, 285)]


def test_a_figure_that_fails_is_left_out_with_a_warning_and_the_others_are_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "white").save(buffer, format="PNG")
    bad, good = {"data": [], "layout": {"title": "kort"}}, {"data": [], "layout": {}}
    stopped: list[bool] = []

    def draw(figure: object, width: int, height: int) -> bytes:
        if figure is bad:
            raise RuntimeError("tegnefejl i browseren")
        return buffer.getvalue()

    monkeypatch.setattr(images, "find_browser", lambda: ("/usr/bin/chromium", ""))
    monkeypatch.setattr(images, "_server", lambda browser: None)
    monkeypatch.setattr(images, "_stop", lambda: stopped.append(True))
    monkeypatch.setattr(images, "_png", draw)
    drawn = images.render(
        [Chart("kort", bad, 20, 20, "kortet"), Chart("trend", good, 20, 20, "udviklingen")]
    )

    assert set(drawn.png) == {"trend"}
    assert drawn.warnings == (
        "Figuren »kortet« kunne ikke tegnes (tegnefejl i browseren); en pladsholder står i stedet.",
    )
    assert stopped == [True]  # the next figure gets a fresh browser
