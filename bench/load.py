"""A KKR meeting under load: ``python bench/load.py [--users 50] [--staff 10] [--duration 120]``.

Simulated people speak Streamlit's websocket protocol (``bench/streamlit_client.py``) to the
shared installation started by ``python -m deploy.stack start`` (through nginx by default):

- readers (KKR members and secretariats) open the app on a house and move between Overblik,
  Kommuner, Mål and Hele landet, pausing 2–5 s on each page as a person reading it does;
- staff open Indberetning for their house's helår round and save a new value in their own
  row, then pause; several staff share a round, but no two share a value, so every
  conflict is a false one.

Afterwards every value a staff member saw saved is looked up in the store and its audit trail
(lost writes). Reports p50/p95 of page reruns, first loads and saves, errors, conflicts,
lost writes and each instance's RSS; ``--json FILE`` writes the numbers. Traffic goes only to
loopback; a run is bounded by ``--duration``, ``--max-requests`` per user and a hard deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load_report import RssSampler, Tally, check_saved, render  # noqa: E402
from streamlit_client import (  # noqa: E402
    Rerun,
    Session,
    administrator_login,
    press,
    require_loopback,
    set_open,
    type_text,
)

from contracts.models import HOUSE_KEYS  # noqa: E402
from deploy.stack import DEFAULT_DIR, STATE_FILE, Stack  # noqa: E402

READER_PAGES = ("overblik", "kommuner", "maal", "landet")  # Overblik, Kommuner, Mål, Hele landet
# Staff save in these houses' rounds: each contract has at least five plain counts ("antal"),
# one per person (Hovedstaden's 2026 contract has one). Five houses: up to 25 staff.
STAFF_HOUSES = tuple(h for h in HOUSE_KEYS if h != "hovedstaden")
TIMEOUT = 30.0  # one rerun; longer counts as an error
MAX_USERS = 200
MAX_DURATION = 900.0


def problems_in(result: Rerun) -> list[str]:
    errors = [text for kind, text in result.alerts if kind == "ERROR"]
    return result.exceptions + [e for e in errors if "ændret af en anden" not in e]


async def reader(index: int, url: str, args: argparse.Namespace, tally: Tally) -> None:
    rng = random.Random(args.seed * 1000 + index)
    session = Session(url, "", args.login)
    house = rng.choice(HOUSE_KEYS)
    page, query = "overblik", f"hus={house}&periode={rng.choice(['H1', 'FY'])}"
    for count in range(args.max_requests):
        if time.monotonic() > tally.stop_at:
            break
        kind = "open" if count == 0 else "page"
        try:
            if count == 0:
                await session.open()
                tally.upstreams[session.upstream] += 1
            result = await asyncio.wait_for(session.rerun(page, query), TIMEOUT)
        except Exception as exc:  # a broken connection is what a person would see: an error
            tally.error(f"læser {index}: {type(exc).__name__}: {exc}")
            await session.close()
            session = Session(url, session.route, args.login)
            page, query, count = "overblik", f"hus={house}", 0
            continue
        tally.sample(kind, result.ms, page)
        for problem in problems_in(result):
            tally.error(f"læser {index} på '{page}': {problem}")
        page, query = rng.choice([p for p in READER_PAGES if p != page]), ""
        await asyncio.sleep(rng.uniform(args.think_min, args.think_max))
    await session.close()


async def staff(index: int, url: str, args: argparse.Namespace, tally: Tally) -> None:
    rng = random.Random(args.seed * 1000 + 500 + index)
    house = STAFF_HOUSES[index % len(STAFF_HOUSES)]
    session = Session(url, "", args.login)
    try:
        await session.open()
        tally.upstreams[session.upstream] += 1
        query = f"hus={house}&periode=FY" + (f"&aar={args.year}" if args.year else "")
        page = await asyncio.wait_for(session.rerun("indberetning", query), TIMEOUT)
    except Exception as exc:
        tally.error(f"medarbejder {index}: {type(exc).__name__}: {exc}")
        await session.close()
        return
    tally.sample("open", page.ms)
    year = int(dict(p.split("=", 1) for p in page.query.split("&") if "=" in p).get("aar", 0))
    try:  # open every goal to find one's own row, then keep only its goal open
        page, target = await _open_own_goal(session, page, index // len(STAFF_HOUSES))
    except Exception as exc:
        tally.error(f"medarbejder {index}: {type(exc).__name__}: {exc}")
        await session.close()
        return
    if target is None or not year:
        tally.error(f"medarbejder {index}: ingen redigerbar række i {house} helår (låst?)")
        await session.close()
        return
    for n in range(args.max_requests - 1):
        await asyncio.sleep(rng.uniform(args.think_min, args.think_max))
        if time.monotonic() > tally.stop_at:
            break
        value = (tally.run_id * 100 + index) * 1_000 + n  # unique per run, person, save
        field = dict(page.count_inputs()).get(target)
        save = page.widget("button", label="Gem")
        if field is None or save is None:
            tally.error(f"medarbejder {index}: feltet til {target} eller »Gem« mangler")
            break
        widgets = [type_text(field.id, str(value)), press(save.id)]
        try:
            page = await asyncio.wait_for(session.rerun("indberetning", "", widgets), TIMEOUT)
        except Exception as exc:
            tally.error(f"medarbejder {index}: {type(exc).__name__}: {exc}")
            break
        tally.sample("save", page.ms)
        key = (house, year, "FY", target)
        if any(kind == "SUCCESS" and text.startswith("Gemt") for kind, text in page.alerts):
            tally.saved.append((key, float(value)))
        elif any("ændret af en anden" in text for _, text in page.alerts):
            tally.conflicts.append(f"{key}: {page.alerts}")
        else:
            tally.error(f"medarbejder {index}: ikke gemt: {page.alerts + page.exceptions}")
        for problem in problems_in(page):
            tally.error(f"medarbejder {index}: {problem}")
    await session.close()


async def _open_own_goal(session: Session, page: Rerun, nth: int) -> tuple[Rerun, str | None]:
    """As a person does: look through the goals for one's own row (the ``nth`` plain count
    of the contract), then close every goal but its own (Indberetning draws the inputs of
    open goals only). The page as left, and the row's target key (None: there is none)."""
    panels = page.panels()
    page = await asyncio.wait_for(
        session.rerun("indberetning", "", [set_open(p.id, True) for p in panels]), TIMEOUT
    )
    counts = page.count_inputs()
    if nth >= len(counts):
        return page, None
    target, field = counts[nth]
    own = page.panel_of(field)
    if own is None:
        return page, target
    closing = [set_open(p.id, p.id == own.id) for p in panels]
    return await asyncio.wait_for(session.rerun("indberetning", "", closing), TIMEOUT), target


async def warm_up(urls: list[str]) -> None:
    """Each instance renders every page once before the clock starts (caches, imports)."""
    for url in urls:
        session = Session(url, "opvarmning")
        await session.open()
        for page in (*READER_PAGES, "indberetning"):
            await asyncio.wait_for(session.rerun(page, "hus=sjaelland"), 120)
        await session.close()


async def run(args: argparse.Namespace, stack: Stack | None) -> Tally:
    tally = Tally()
    if stack is not None and not args.no_warmup:
        await warm_up([stack.instance_url(i) for i, pid in enumerate(stack.instance_pids) if pid])
    sampler = RssSampler(stack.instance_pids if stack else [])
    sampler_task = asyncio.create_task(sampler.run())
    tally.start(args.duration)
    users = []
    for index in range(args.users):
        worker = staff(index, args.url, args, tally) if index < args.staff else None
        worker = worker or reader(index - args.staff, args.url, args, tally)
        users.append(asyncio.create_task(worker))
        await asyncio.sleep(args.ramp / max(args.users, 1))
    done, pending = await asyncio.wait(users, timeout=args.duration + args.ramp + 2 * TIMEOUT)
    for task in pending:  # the hard deadline: whatever still runs is stopped and counted
        task.cancel()
        tally.error("en bruger blev stoppet ved den hårde tidsgrænse")
    for task in done:
        if task.exception() is not None:
            tally.error(f"bruger fejlede: {task.exception()!r}")
    tally.finish()
    sampler_task.cancel()
    tally.rss_mb = sampler.peaks_mb()
    tally.cpu_s = sampler.cpu_used()
    return tally


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stack-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--url", help="standard: stakkens nginx; en instans' adresse for én alene")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--staff", type=int, default=10, help="heraf medarbejdere, der gemmer")
    parser.add_argument("--duration", type=float, default=120.0, help="sekunder")
    parser.add_argument("--think-min", type=float, default=2.0)
    parser.add_argument("--think-max", type=float, default=5.0)
    parser.add_argument("--ramp", type=float, default=10.0, help="sekunder at starte alle på")
    parser.add_argument("--max-requests", type=int, default=0, help="pr. bruger (0: efter tid)")
    parser.add_argument("--year", type=int, default=0, help="medarbejdernes år (0: sidste)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-warmup", action="store_true")
    parser.add_argument("--json", type=Path, help="skriv tallene som JSON hertil")
    args = parser.parse_args(argv)
    if not 0 < args.users <= MAX_USERS or not 0 < args.duration <= MAX_DURATION:
        parser.error(f"1–{MAX_USERS} brugere og højst {MAX_DURATION:.0f} s")
    args.staff = min(args.staff, args.users)
    if args.staff > 5 * len(STAFF_HOUSES):
        parser.error(f"højst {5 * len(STAFF_HOUSES)} medarbejdere (én værdi hver)")
    args.max_requests = args.max_requests or int(args.duration / args.think_min) + 2
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    stack = Stack.load(args.stack_dir) if (args.stack_dir / STATE_FILE).exists() else None
    args.url = args.url or (stack.url if stack else "")
    if not args.url:
        raise SystemExit(f"ingen stak i {args.stack_dir}: start den, eller giv --url")
    require_loopback(args.url)
    # Staff log in to enter values (docs/login.md): an administrator's login in the stack.
    args.login = administrator_login(stack.database_url) if stack is not None else ""
    tally = asyncio.run(run(args, stack))
    if stack is not None:
        tally.lost = check_saved(stack.database_url, tally.saved)
    report = tally.summary(args)
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
