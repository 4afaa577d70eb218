"""The shared installation, started for real (docs/shared-installation.md): PostgreSQL, two
app instances and nginx on loopback, with browsers simulated over Streamlit's websocket.

Required in CI (``REQUIRE_POSTGRES=1``, where ``.ci/run`` installs PostgreSQL and nginx);
skipped with the reason elsewhere when a piece is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from stack_support import (
    LOGINS,
    ROOT,
    administrator_login,
    open_page,
    problems,
    route_to,
    run_async,
    save_count,
    shown_value,
    stack_unavailable,
    visit,
)

from deploy.postgres import Unavailable
from deploy.stack import Stack, free_port

pytestmark = [pytest.mark.postgres, pytest.mark.stack]
ROUND = "hus=sjaelland&aar=2026&periode=FY"


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    workdir = Path(tempfile.mkdtemp(prefix="resultatkontrakter-stack-"))
    workdir.chmod(0o755)  # nginx' workers run as an unprivileged user
    contracts = workdir / "kontrakter"  # one folder for both instances, copied: tests write
    shutil.copytree(ROOT / "contracts" / "data", contracts)
    running = Stack(workdir / "stak", free_port(), contracts)
    try:
        running.start()
    except Unavailable as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        stack_unavailable(str(exc))
    try:
        LOGINS[running.url] = administrator_login(running.database_url)
        yield running
    finally:
        LOGINS.pop(running.url, None)
        running.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def instance(stack: Stack, index: int) -> str:
    return f"127.0.0.1:{stack.instance_ports[index]}"


def test_nginx_spreads_new_browsers_evenly_and_keeps_each_on_its_instance(stack: Stack) -> None:
    browsers = [visit(stack.url) for _ in range(20)]  # new browsers: no cookie yet
    again = [visit(stack.url, route) for _served, route in browsers]
    counts = Counter(served for served, _route in browsers)

    assert set(counts) == {instance(stack, 0), instance(stack, 1)}
    assert abs(counts[instance(stack, 0)] - counts[instance(stack, 1)]) <= 2
    assert again == browsers  # each came back to its instance, with the same cookie
    assert {route for _served, route in browsers} == {"1", "2"}


def test_a_browser_with_an_unknown_route_cookie_is_given_one_naming_an_instance(
    stack: Stack,
) -> None:
    served, route = visit(stack.url, "ab12-from-an-older-version")

    assert (served, route) in {(instance(stack, 0), "1"), (instance(stack, 1), "2")}


def test_a_value_saved_through_one_instance_is_read_through_the_other(stack: Stack) -> None:
    async def scenario() -> tuple[str, str, str]:
        writer, page = await open_page(stack.url, route_to(stack.url, stack.instance_ports[0]),
                                       "indberetning", ROUND)  # fmt: skip
        await save_count(writer, page, 731)
        reader, seen = await open_page(stack.url, route_to(stack.url, stack.instance_ports[1]),
                                       "indberetning", ROUND)  # fmt: skip
        await writer.close()
        await reader.close()
        return writer.upstream, reader.upstream, shown_value(seen)[1]

    wrote_on, read_on, value = run_async(scenario)

    assert (wrote_on, read_on) == (instance(stack, 0), instance(stack, 1))
    assert value == "731"


def test_a_short_load_run_has_no_errors_false_conflicts_or_lost_writes(
    stack: Stack, tmp_path: Path
) -> None:
    out = tmp_path / "load.json"
    subprocess.run(
        [sys.executable, "bench/load.py", "--stack-dir", str(stack.directory), "--users", "10",
         "--staff", "4", "--duration", "20", "--ramp", "2", "--json", str(out)],
        cwd=ROOT, check=True, capture_output=True, timeout=400,
    )  # fmt: skip
    report = json.loads(out.read_text())

    assert (report["errors"], report["false_conflicts"], report["lost_writes"]) == (0, 0, 0), (
        report["error_samples"],
        report["conflict_samples"],
        report["lost_samples"],
    )
    assert report["saves"] >= 4
    assert report["timings_ms"]["page"]["n"] >= 10
    assert set(report["instances"]) == {instance(stack, 0), instance(stack, 1)}


def test_losing_an_instance_leaves_the_other_serving_and_its_users_lose_nothing_saved(
    stack: Stack,
) -> None:
    on_lost = route_to(stack.url, stack.instance_ports[0])
    on_kept = route_to(stack.url, stack.instance_ports[1])

    async def before() -> None:
        writer, page = await open_page(stack.url, on_lost, "indberetning", ROUND)
        await save_count(writer, page, 642)
        await writer.close()

    async def after() -> tuple[list[str], str, list[str], str]:
        reader, shown = await open_page(stack.url, on_kept, "kommuner")
        carried_on = await reader.rerun("maal")
        back, page = await open_page(stack.url, on_lost, "indberetning", ROUND)
        await reader.close()
        await back.close()
        return (
            problems(shown) + problems(carried_on),
            back.upstream,
            problems(page),
            shown_value(page)[1],
        )

    run_async(before)
    stack.stop_instance(0, kill=True)
    try:
        reader_problems, reconnected_to, page_problems, value = run_async(after)
    finally:
        stack.start_instance(0)

    assert reader_problems == []
    assert reconnected_to == instance(stack, 1)
    assert page_problems == []
    assert value == "642"


def test_the_app_carries_on_after_postgresql_restarts_without_restarting_the_app(
    stack: Stack,
) -> None:
    async def scenario() -> tuple[list[str], str]:
        sessions = []
        for port in stack.instance_ports:
            session, first = await open_page(stack.url, route_to(stack.url, port), "landet")
            assert problems(first) == []
            sessions.append(session)
        stack.restart_postgres()
        seen: list[str] = []
        for session in sessions:
            seen += problems(await session.rerun("kommuner"))
            seen += problems(await session.rerun("overblik"))
        writer, page = await open_page(stack.url, route_to(stack.url, stack.instance_ports[0]),
                                       "indberetning", ROUND)  # fmt: skip
        saved = await save_count(writer, page, 515)
        for session in [*sessions, writer]:
            await session.close()
        return seen, shown_value(saved)[1]

    seen, value = run_async(scenario)

    assert seen == []
    assert value == "515"
