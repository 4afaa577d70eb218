"""Helpers shared by the database fixtures and their tests (not a conftest: importable)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


def postgres_unavailable(reason: str) -> None:
    """Skip with a visible reason, or fail in CI where PostgreSQL is required."""
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL er påkrævet (REQUIRE_POSTGRES=1), men: {reason}")
    pytest.skip(f"PostgreSQL ikke tilgængelig: {reason}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresCluster:
    """A throwaway cluster run as the postgres user (initdb refuses root), in a temp folder.

    ``start()`` and ``stop()`` may be called again and again (a test stops the server under a
    running store and starts it again); ``remove()`` stops it and deletes the folder."""

    def __init__(self) -> None:
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not bins or not Path(bins[-1], "pg_ctl").exists():
            postgres_unavailable("ingen server i /usr/lib/postgresql/*/bin")
        if os.geteuid() != 0 or shutil.which("runuser") is None:
            postgres_unavailable("testklyngen startes som brugeren postgres og kræver root")
        self.bindir = Path(bins[-1])
        self.workdir = Path(tempfile.mkdtemp(prefix="resultatkontrakter-pg-"))
        self.datadir = self.workdir / "data"
        try:
            shutil.chown(self.workdir, user="postgres", group="postgres")
        except LookupError:
            shutil.rmtree(self.workdir, ignore_errors=True)
            postgres_unavailable("der er ingen bruger postgres")
        self.port = free_port()
        try:
            self._as_postgres(
                str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", "app", "--auth=trust"
            )
            self.start()
        except subprocess.CalledProcessError as exc:
            shutil.rmtree(self.workdir, ignore_errors=True)
            postgres_unavailable(exc.stderr.decode(errors="replace").strip()[-300:])

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://app@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        # -l: the server must not inherit our pipes, or capturing its output never ends.
        log = str(self.workdir / "server.log")
        self._pg_ctl("-l", log, "-o", options, "-w", "start")

    def stop(self) -> None:
        """As a crash or an operator would: at once, dropping every connection."""
        self._pg_ctl("-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        self._pg_ctl("-m", "immediate", "stop", check=False)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def _pg_ctl(self, *args: str, check: bool = True) -> None:
        self._as_postgres(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), *args, check=check)

    def _as_postgres(self, *args: str, check: bool = True) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *args],
            check=check,
            capture_output=True,
            cwd=self.workdir,
        )
