"""Starting and stopping the stack's processes by pid, and waiting for them to answer."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
#: What every app instance's process gets unless its environment says otherwise: glibc's
#: malloc keeps up to eight memory arenas per core, one per thread that met another in the
#: allocator, and each holds on to what it freed; Streamlit runs every session's script in a
#: thread of its own. Two arenas keep an instance ~15 MB smaller under load at no measured
#: cost in speed (docs/shared-installation.md, "Memory"). The service unit sets the same.
INSTANCE_DEFAULTS: Mapping[str, str] = {"MALLOC_ARENA_MAX": "2"}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A child that exited but was not reaped yet is a zombie: gone for our purposes.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


def wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _reap(pid)
        if not alive(pid):
            return True
        time.sleep(0.05)
    return not alive(pid)


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def stop_pid(pid: int, sig: signal.Signals = signal.SIGTERM, timeout: float = 15) -> None:
    """Send ``sig``; if the process is still there after ``timeout`` seconds, SIGKILL it."""
    if not alive(pid):
        return
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        return
    if not wait_gone(pid, timeout):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        wait_gone(pid, 5)


def instance_environment(env: Mapping[str, str]) -> dict[str, str]:
    """An instance's environment: ours, then ``env``; ``INSTANCE_DEFAULTS`` where neither
    says otherwise."""
    return {**INSTANCE_DEFAULTS, **os.environ, **env}


def start_instance(port: int, env: Mapping[str, str], log: Path) -> int:
    """One Streamlit process serving ``server.py`` (the app and its login routes) on
    127.0.0.1:``port``, detached from us."""
    command = [
        sys.executable, "-m", "streamlit", "run", "server.py",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.headless", "true",
    ]  # fmt: skip
    with log.open("ab") as out:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=instance_environment(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return process.pid


def wait_healthy(url: str, timeout: float, pid: int | None = None) -> None:
    """Poll ``url`` until it answers 200; raise TimeoutError (or RuntimeError if ``pid`` died)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pid is not None and not alive(pid):
            raise RuntimeError(f"processen {pid} stoppede, før {url} svarede")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} svarede ikke inden for {timeout:.0f} s")
