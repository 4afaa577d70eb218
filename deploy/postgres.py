"""A throw-away PostgreSQL cluster for trying the shared installation locally and for tests.

``initdb`` and ``postgres`` refuse to run as root, so the cluster is created and run as the
``postgres`` user (``runuser``), listening on loopback only, with trust authentication for
the user ``app``. Not for production: fsync is off and anyone on the machine may connect.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

DATABASE = "resultatkontrakter"
USER = "app"


class Unavailable(Exception):
    """This machine cannot run the throw-away cluster; the message says why (Danish)."""


def find_bindir() -> Path:
    """The newest PostgreSQL server binaries (Debian: /usr/lib/postgresql/<n>/bin)."""
    found = sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if not found or not (found[-1] / "pg_ctl").exists():
        raise Unavailable("ingen PostgreSQL-server i /usr/lib/postgresql/*/bin")
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        raise Unavailable("klyngen startes som brugeren postgres og kræver root og runuser")
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise Unavailable("der er ingen bruger postgres") from exc
    return found[-1]


@dataclass
class Cluster:
    """One cluster in ``workdir`` (owned by postgres) on ``port``."""

    workdir: Path
    port: int
    bindir: Path

    @property
    def datadir(self) -> Path:
        return self.workdir / "data"

    @property
    def log(self) -> Path:
        return self.workdir / "server.log"

    def url(self, database: str = DATABASE) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def _as_postgres(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(
                ["runuser", "-u", "postgres", "--", *args],
                check=check,
                capture_output=True,
                cwd=self.workdir,
                timeout=120,
            )
        except subprocess.CalledProcessError as exc:
            tail = exc.stderr.decode(errors="replace").strip()[-400:]
            raise RuntimeError(f"{Path(args[0]).name} fejlede: {tail}") from exc

    def init(self) -> None:
        """Create the cluster and the database ``resultatkontrakter``."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        shutil.chown(self.workdir, user="postgres", group="postgres")
        self._as_postgres(
            str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", USER, "--auth=trust"
        )
        self.start()
        self._as_postgres(
            str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", USER,
            DATABASE,
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c max_connections=200"
        )
        # -l: the server must not inherit our pipes, or capturing its output never ends.
        self._as_postgres(
            str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-l", str(self.log),
            "-o", options, "-w", "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        if self.running():
            self._as_postgres(
                str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", mode, "-w", "stop",
                check=False,
            )  # fmt: skip

    def restart(self) -> None:
        """Stop (closing every client connection) and start again on the same port."""
        self.stop()
        self.start()

    def running(self) -> bool:
        if not self.datadir.exists():
            return False
        status = subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bindir / "pg_ctl"), "status",
             "-D", str(self.datadir)],
            capture_output=True,
        )  # fmt: skip
        return status.returncode == 0

    def remove(self) -> None:
        self.stop(mode="immediate")
        shutil.rmtree(self.workdir, ignore_errors=True)
