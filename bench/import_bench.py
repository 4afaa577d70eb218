"""How long and how much memory hostile and large files cost: ``python bench/import_bench.py``.

Each file is written to a temporary folder by this script, then read in a fresh Python
process (so its peak memory is its own): an import file by the import's dry run
(``services.values_io.plan_import`` against an empty SQLite store, the path ``cli.py import
--dry-run`` and the Indberetning page take), a contract file by the loader (``validate``).
The child reports the wall time and the CPU time of that call (on a shared machine the
wall time also holds other processes' turns) and the process's peak resident memory, beside
its peak before the call (Python, pandas and the app's modules, and the file's bytes).
Prints a Markdown table. Aim: each refused within seconds and ~200 MB; the national file
(every house × year × target × kommune, about 11.000 rows) accepted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from hostile_files import (  # noqa: E402
    GOOD_ROW,
    csv_file,
    import_sheet,
    with_dimension,
    xlsx_file,
    zip_bomb,
)

MB = 1_000_000
TEST_CONTRACTS = ROOT / "tests" / "files" / "import" / "contracts"


def duplicates_csv(megabytes: float) -> bytes:
    row = (GOOD_ROW + "\n").encode()
    return csv_file(GOOD_ROW) + row * int(megabytes * MB / len(row))


def rows_csv(count: int) -> bytes:
    return csv_file(*(["sjaelland,2022,H1,8b,,1,,,,,,"] * count))


def million_row_xlsx() -> bytes:
    import io
    import zipfile

    base = xlsx_file(("Data", import_sheet(GOOD_ROW.split(","))))
    rows = "".join(f'<row r="{n}"><c r="B{n}"><v>2022</v></c></row>' for n in range(3, 1_000_003))
    source = zipfile.ZipFile(io.BytesIO(base))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", rows.encode() + b"</sheetData>")
            target.writestr(name, content)
    return output.getvalue()


def streamed_zip_bomb(folder: Path, unpacked_mb: int) -> bytes:
    """Like ``hostile_files.zip_bomb``, but the padding is streamed: this process stays small."""
    import io
    import zipfile

    base = zipfile.ZipFile(io.BytesIO(zip_bomb(0)))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in base.namelist():
            if name != "xl/worksheets/sheet1.xml":
                target.writestr(name, base.read(name))
                continue
            with target.open(name, "w", force_zip64=True) as part:
                part.write(base.read(name))
                chunk = b" " * MB
                for _ in range(unpacked_mb):
                    part.write(chunk)
    return output.getvalue()


def billion_laughs() -> bytes:
    lines = ["type: contract", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    return ("\n".join(lines) + "\n").encode()


#: A value each kind accepts, for the national file.
VALID = {
    "count": "1", "coverage": "1", "amount": "100", "percentage": "50", "change_pp": "2",
    "nps": "10", "ratio": "1.5", "level": "3", "change_relative": "0.1", "range": "5",
    "spread": "0.5", "milestone": "1", "assessment": "1",
}  # fmt: skip


def national_file(folder: Path) -> tuple[bytes, Path]:
    """The template of every contract of the national data set (six houses × ten years),
    both periods, filled with a valid value per row (kommune rows of per-kommune targets, their
    totals left to be derived): one import file of every house × year × target × kommune."""
    from pages_data import write_contracts

    from contracts.loader import load_folder
    from services.values_io.template import TEMPLATE_COLUMNS, template_rows

    contracts_dir = folder / "national-contracts"
    write_contracts(contracts_dir)
    lines = [",".join(TEMPLATE_COLUMNS[:12])]
    for contract in load_folder(contracts_dir).contracts:
        kinds = {target.key: target for _goal, target in contract.targets()}
        for period in ("H1", "FY"):
            for row in template_rows(contract, period):
                house, year, period_, key, kommune = (str(c) for c in row[:5])
                target = kinds[key]
                value = "" if target.per_kommune and not kommune else VALID[target.kind]
                lines.append(f"{house},{year},{period_},{key},{kommune},{value},,,,,,")
    return ("\n".join(lines) + "\n").encode(), contracts_dir


Case = tuple[str, str, Callable[[Path], tuple[bytes, Path]]]
CASES: list[Case] = [
    ("national file, every house × year × target × kommune", "import",
     national_file),
    ("50 MB CSV of duplicate rows", "import", lambda _f: (duplicates_csv(50), TEST_CONTRACTS)),
    ("19 MB CSV of duplicate rows (~590.000 rows)", "import",
     lambda _f: (duplicates_csv(19), TEST_CONTRACTS)),
    ("100.000 duplicate rows (the row limit)", "import",
     lambda _f: (rows_csv(100_000), TEST_CONTRACTS)),
    ("a million-row CSV", "import", lambda _f: (rows_csv(1_000_000), TEST_CONTRACTS)),
    ("a million-row xlsx", "import", lambda _f: (million_row_xlsx(), TEST_CONTRACTS)),
    ("zip bomb: xlsx unpacking to 1 GB", "import",
     lambda f: (streamed_zip_bomb(f, 1000), TEST_CONTRACTS)),
    ("xlsx claiming A1:XFD1048576", "import", lambda _f: (
        with_dimension(xlsx_file(("Data", import_sheet(GOOD_ROW.split(",")))), "A1:XFD1048576"),
        TEST_CONTRACTS)),
    ("contract: billion laughs of aliases", "contract", lambda _f: (billion_laughs(), TEST_CONTRACTS)),
    ("contract: 100.000 nested brackets", "contract",
     lambda _f: (b"type: contract\nyear: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
                 TEST_CONTRACTS)),
]  # fmt: skip


def child(kind: str, file: Path, contracts_dir: Path, database: Path) -> None:
    """Run in the fresh process: read ``file`` once, print time and memory as JSON."""
    from contracts.loader import load_folder, load_paths
    from db import Store
    from db.errors import UserError
    from services.values_io import plan_import

    store = Store(f"sqlite:///{database}")
    store.upgrade()
    catalog = load_folder(contracts_dir)
    data = file.read_bytes()
    before = _peak_kib()
    Path("/proc/self/clear_refs").write_text("5")  # restart the peak from here
    start, cpu_start = time.perf_counter(), time.process_time()
    outcome: str
    try:
        if kind == "contract":
            issues = load_paths([file]).issues
            outcome = f"{len(issues)} issue(s): {issues[0].message}" if issues else "no issues"
        else:
            plan = plan_import(data, file.name, catalog, store)
            outcome = f"accepted: {plan.summary()}"
    except UserError as exc:
        lines = str(exc).splitlines()
        outcome = f"refused: {lines[1] if len(lines) > 1 else lines[0]}"
        if len(lines) > 2:
            outcome += f" (+ {len(lines) - 2} lines)"
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = _peak_kib()
    result = {"seconds": seconds, "cpu": cpu, "before_kib": before, "peak_kib": peak}
    print(json.dumps({**result, "outcome": outcome}))


def _peak_kib() -> int:
    """The process's peak resident memory (VmHWM), in KiB: its own, not its parent's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(case: Case, folder: Path) -> dict[str, object]:
    name, kind, build = case
    data, contracts_dir = build(folder)
    suffix = {"import": ".xlsx" if data.startswith(b"PK") else ".csv", "contract": ".yaml"}[kind]
    file = folder / f"case{suffix}"
    file.write_bytes(data)
    database = folder / "bench.sqlite"
    database.unlink(missing_ok=True)
    command = [
        sys.executable,
        __file__,
        "--child",
        kind,
        str(file),
        str(contracts_dir),
        str(database),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{name}: {done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(name=name, size=len(data))
    return result


def _seconds(value: object) -> str:
    return f"{float(str(value)):.2f} s".replace(".", ",")


def _mib(kib: object) -> str:
    return f"{int(str(kib)) / 1024:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=4, metavar=("KIND", "FILE", "CONTRACTS", "DB"))
    parser.add_argument("--only", help="run only the cases whose name contains this text")
    args = parser.parse_args(argv)
    if args.child:
        kind, file, contracts_dir, database = args.child
        child(kind, Path(file), Path(contracts_dir), Path(database))
        return 0
    cases = [c for c in CASES if not args.only or args.only in c[0]]
    print(f"`python bench/import_bench.py` on {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {time.strftime('%d %B %Y')}\n")  # fmt: skip
    print("| file | size | outcome | time (CPU) | peak memory (before the call) |")
    print("|---|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="import-bench-") as temp:
        for case in cases:
            r = measure(case, Path(temp))
            size = int(str(r["size"]))
            shown = f"{size / MB:.1f} MB" if size >= MB else f"{size / 1000:.1f} KB"
            print(
                f"| {r['name']} | {shown.replace('.', ',')} | {r['outcome']} | "
                f"{_seconds(r['seconds'])} ({_seconds(r['cpu'])}) | {_mib(r['peak_kib'])} MiB "
                f"({_mib(r['before_kib'])}) |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
