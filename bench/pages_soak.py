"""Does a long-running instance get slower? ``python bench/pages_soak.py [--rounds N]``

One process, as an instance is: on the benchmark's national data (``bench/pages_data.py``),
each round saves a new value of one target in Erhvervshus Sjælland (as another instance's
save would: a new data version, a longer audit trail) and then runs Overblik, Mål, Kommuner
and Hele landet once each in a new session. Printed per block of 50 rounds: the script CPU
per round (median and mean), the objects Python's collector tracks, and how many full
collections ran. A state that grows (caches, sessions, the audit trail read by a page) shows
as CPU or objects climbing from block to block.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pages_serverside as serverside  # noqa: E402
from pages_bench import number  # noqa: E402
from pages_data import build  # noqa: E402

from db import Store, ValueKey, ValueRow  # noqa: E402

PAGES = ("Overblik", "Mål", "Kommuner", "Hele landet")
PARAMS = {"hus": "sjaelland", "aar": "2022", "periode": "FY"}
BLOCK = 50
SAVED = ValueKey("sjaelland", 2022, "FY", "8a")  # the value each round saves anew


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=400, help="runder (højst 5.000)")
    args = parser.parse_args(argv)
    rounds = max(BLOCK, min(args.rounds, 5_000))
    os.chdir(ROOT)  # AppTest reads .streamlit/config.toml from the working folder
    with tempfile.TemporaryDirectory(prefix="pages-soak-") as folder:
        data = build(Path(folder))
        os.environ["DATABASE_URL"] = data.database_url
        os.environ["CONTRACTS_DIR"] = str(data.contracts_dir)
        logging.disable(logging.WARNING)
        serverside.clock_the_server()
        cases = [case for case in serverside.PAGES if case.title in PAGES]
        for case in cases:  # imports and the first fill of the caches
            serverside.run_once(case, PARAMS)
        store = Store(data.database_url)
        print(
            f"{rounds} runder: en gemning i Sjælland, så {', '.join(PAGES)} i en ny session hver."
        )
        print()
        print(
            "| runder | script-CPU pr. runde, median (ms) | gennemsnit (ms) | objekter | fulde oprydninger i alt |"
        )
        print("|---|---:|---:|---:|---:|")
        block: list[float] = []
        try:
            for n in range(1, rounds + 1):
                store.save([ValueRow(SAVED, value=float(1000 + n))], user="maaling")
                block.append(sum(serverside.run_once(case, PARAMS).cpu for case in cases))
                if n % BLOCK == 0:
                    print(
                        f"| {n - BLOCK + 1}–{n} | {number(statistics.median(block), 1)} "
                        f"| {number(statistics.mean(block), 1)} | {number(len(gc.get_objects()))} "
                        f"| {gc.get_stats()[2]['collections']} |",
                        flush=True,
                    )
                    block = []
        finally:
            store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
