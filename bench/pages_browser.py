"""First paint in a real browser: the app's Overblik against a bare Streamlit page.

Both are served by ``streamlit run`` on loopback ports, from the project root (so both get
its ``.streamlit/config.toml``). A load is a fresh browser context (a new visitor, empty
HTTP cache) and is measured inside the page, from navigation start (``performance.now()``
is 0 there) to the animation frame after a heading with the awaited text is in the DOM and
has a size. On the way it notes when Streamlit's websocket opened and when the server's
message holding the text arrived, so a slow paint can be put on Streamlit's start, the
server or the browser. Both servers are warmed with one load each; then loads alternate.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BARE_PAGE = 'import streamlit as st\n\nst.title("Tom side")\n'
BARE_TEXT = "Tom side"
STARTUP_SECONDS = 60
LOAD_TIMEOUT_MS = 60_000

# Records, as performance.now() (0 = navigation start): when Streamlit's websocket opened,
# when the first message holding the awaited text arrived over it, and the animation frame
# after a heading (h1-h3) starting with that text was first laid out: the frame that paints it.
WATCH_SCRIPT = """
(() => {
  const prefix = %s;
  const marks = (window.__bench = {});
  const encoded = new TextEncoder().encode(prefix);
  const holds = (data) => {
    if (!(data instanceof ArrayBuffer)) return typeof data === "string" && data.includes(prefix);
    const bytes = new Uint8Array(data);
    outer: for (let i = 0; i + encoded.length <= bytes.length; i++) {
      for (let j = 0; j < encoded.length; j++) if (bytes[i + j] !== encoded[j]) continue outer;
      return true;
    }
    return false;
  };
  const NativeSocket = window.WebSocket;
  window.WebSocket = function (...args) {
    const socket = new NativeSocket(...args);
    socket.addEventListener("open", () => { marks.open ??= performance.now(); });
    socket.addEventListener("message", (event) => {
      if (marks.message === undefined && holds(event.data)) marks.message = performance.now();
    });
    return socket;
  };
  window.WebSocket.prototype = NativeSocket.prototype;
  Object.assign(window.WebSocket, NativeSocket);
  const found = () => [...document.querySelectorAll("h1, h2, h3")].some(
    (h) => h.textContent.trim().startsWith(prefix) && h.getBoundingClientRect().height > 0);
  const observer = new MutationObserver(() => {
    if (marks.seen || !found()) return;
    marks.seen = true;
    observer.disconnect();
    requestAnimationFrame(() => { marks.paint = performance.now(); });
  });
  observer.observe(document, {childList: true, subtree: true, characterData: true});
})();
"""
DONE = "window.__bench && typeof window.__bench.paint === 'number'"
PHASES = ("open", "message", "paint")


class Load(NamedTuple):
    """One page load, in ms from navigation start."""

    open: float  # Streamlit's JavaScript loaded and started, websocket open
    message: float  # the awaited text arrived from the server
    paint: float  # the frame that paints it


@dataclass(frozen=True)
class Loads:
    samples: tuple[Load, ...]

    def median(self, phase: str) -> float:
        return statistics.median(getattr(load, phase) for load in self.samples)

    def median_step(self, phase: str) -> float:
        """Median time from the phase before ``phase`` (navigation start for the first)."""
        index = PHASES.index(phase)
        before = PHASES[index - 1] if index else None
        return statistics.median(
            getattr(load, phase) - (getattr(load, before) if before else 0.0)
            for load in self.samples
        )


@dataclass(frozen=True)
class PaintTiming:
    app: Loads
    bare: Loads

    @property
    def ratio(self) -> float:
        return self.app.median("paint") / self.bare.median("paint")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextmanager
def streamlit_server(
    script: Path, env: Mapping[str, str], log: Path, options: Sequence[str] = ()
) -> Iterator[str]:
    """``streamlit run script`` on a free loopback port; its URL while the block runs.

    ``options`` are further Streamlit config options, ``section.name=value``."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.port", str(port),
        *(f"--{option}" for option in options),
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not _healthy(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit startede ikke på {url}; se {log}")
                time.sleep(0.2)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def first_paint(browser: Browser, url: str, text: str) -> Load:
    """One load of ``url`` in a fresh context until a heading starting with ``text`` paints."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.add_init_script(WATCH_SCRIPT % json.dumps(text))
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_function(DONE, timeout=LOAD_TIMEOUT_MS, polling=50)
        marks = page.evaluate("window.__bench")
        paint = float(marks["paint"])
        # A message split over frames could hide the text from the byte search: then the
        # server and browser steps cannot be told apart and both end at the paint.
        message = float(marks.get("message", paint))
        return Load(float(marks.get("open", message)), message, paint)
    finally:
        context.close()


def measure(app_url: str, app_text: str, bare_url: str, runs: int, browser: Browser) -> PaintTiming:
    first_paint(browser, app_url, app_text)  # warm both servers
    first_paint(browser, bare_url, BARE_TEXT)
    app, bare = [], []
    for _ in range(runs):
        app.append(first_paint(browser, app_url, app_text))
        bare.append(first_paint(browser, bare_url, BARE_TEXT))
    return PaintTiming(Loads(tuple(app)), Loads(tuple(bare)))


def time_first_paint(
    env: Mapping[str, str],
    query: str,
    app_text: str,
    runs: int,
    folder: Path,
    options: Sequence[str] = (),
) -> PaintTiming:
    """Start the app (with ``env``) and a bare page, measure both; servers stop on return.

    Both servers get the same Streamlit ``options``."""
    bare_script = folder / "tom_side.py"
    bare_script.write_text(BARE_PAGE, encoding="utf-8")
    with ExitStack() as stack:
        app_url = stack.enter_context(
            streamlit_server(ROOT / "app.py", env, folder / "app.log", options)
        )
        bare_url = stack.enter_context(
            streamlit_server(bare_script, {}, folder / "tom.log", options)
        )
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        return measure(f"{app_url}/?{query}", app_text, bare_url, runs, browser)
