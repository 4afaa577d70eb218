"""The shared installation on one machine: PostgreSQL, two app instances and nginx.

    python -m deploy.stack start [--port 8500]    # or: make stack
    python -m deploy.stack status
    python -m deploy.stack stop                   # or: make stack-stop

For trying the shared installation out and for the tests (docs/shared-installation.md). The
database is a throw-away cluster: ``stop`` deletes it with everything in the stack's folder.
Both instances get the same ``DATABASE_URL``, ``CONTRACTS_DIR`` and cookie secret.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from deploy import nginx, processes
from deploy.postgres import Cluster, Unavailable, find_bindir

DEFAULT_DIR = Path("/tmp/resultatkontrakter-stack")
DEFAULT_PORT = 8500
INSTANCES = 2
STATE_FILE = "stack.json"
SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Stack:
    directory: Path
    port: int
    contracts_dir: Path
    instance_ports: list[int] = field(default_factory=list)
    postgres_port: int = 0
    # Outside the stack's folder, in /tmp: the postgres user must reach it, and the stack's
    # folder may sit below a folder only root may enter.
    postgres_dir: str = ""
    instance_pids: list[int] = field(default_factory=list)
    nginx_pid: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def instance_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.instance_ports[index]}"

    @property
    def cluster(self) -> Cluster:
        return Cluster(Path(self.postgres_dir), self.postgres_port, find_bindir())

    @property
    def database_url(self) -> str:
        return self.cluster.url()

    def environment(self) -> dict[str, str]:
        """What every instance (and the migration) gets: one database, one contracts folder,
        one cookie secret."""
        return {
            "DATABASE_URL": self.database_url,
            "CONTRACTS_DIR": str(self.contracts_dir),
            SECRET_ENV: (self.directory / "cookie-secret").read_text().strip(),
        }

    # -- whole stack ---------------------------------------------------------------------

    def start(self) -> None:
        if (self.directory / STATE_FILE).exists():
            raise RuntimeError(f"der kører allerede en stak i {self.directory}; stop den først")
        find_bindir()  # raises Unavailable with the reason before anything is created
        if nginx.find_nginx() is None:
            raise Unavailable("nginx er ikke installeret (Debian: apt-get install nginx-light)")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.directory.chmod(0o755)  # nginx' workers (not root) write their temp files inside
        secret = self.directory / "cookie-secret"
        secret.write_text(secrets.token_urlsafe(32))
        secret.chmod(0o600)
        self.postgres_port = self.postgres_port or free_port()
        self.postgres_dir = tempfile.mkdtemp(prefix="resultatkontrakter-stack-pg-")
        self.instance_ports = self.instance_ports or [free_port() for _ in range(INSTANCES)]
        self.save()
        try:
            self.cluster.init()
            self.migrate()
            self.instance_pids = [0] * INSTANCES
            for index in range(INSTANCES):
                self.start_instance(index)
            self.nginx_pid = nginx.start(self.directory / "nginx", self.port, self.instance_ports)
            self.save()
            processes.wait_healthy(f"{self.url}/_stcore/health", timeout=30)
        except BaseException:
            self.stop()
            raise

    def migrate(self) -> None:
        """Migrations run once, before the instances start; then the sources' results and,
        on an empty database, the demo (``python cli.py prepare``)."""
        subprocess.run(
            [sys.executable, "cli.py", "prepare"],
            cwd=processes.REPO_ROOT,
            env={**os.environ, **self.environment()},
            check=True,
            capture_output=True,
            timeout=300,
        )

    def stop(self) -> None:
        """Stop nginx, the instances and PostgreSQL, and delete the stack's folder."""
        if self.nginx_pid:
            nginx.stop(self.nginx_pid)
        for index in range(len(self.instance_pids)):
            self.stop_instance(index)
        if self.postgres_dir and Path(self.postgres_dir).exists():
            self.cluster.remove()
        shutil.rmtree(self.directory, ignore_errors=True)

    # -- parts, for tests and for trying out failures ------------------------------------

    def start_instance(self, index: int) -> None:
        port = self.instance_ports[index]
        log = self.directory / f"instance-{index + 1}.log"
        pid = processes.start_instance(port, self.environment(), log)
        self.instance_pids[index] = pid
        self.save()
        processes.wait_healthy(f"{self.instance_url(index)}/_stcore/health", timeout=60, pid=pid)

    def stop_instance(self, index: int, *, kill: bool = False) -> None:
        """Stop one instance; ``kill`` ends it without warning, as a crash would."""
        pid = self.instance_pids[index]
        if pid:
            processes.stop_pid(pid, signal.SIGKILL if kill else signal.SIGTERM)
            self.instance_pids[index] = 0
            self.save()

    def restart_postgres(self) -> None:
        self.cluster.restart()

    # -- state ---------------------------------------------------------------------------

    def save(self) -> None:
        data = asdict(self)
        data.update(directory=str(self.directory), contracts_dir=str(self.contracts_dir))
        (self.directory / STATE_FILE).write_text(json.dumps(data, indent=2))

    @classmethod
    def load(cls, directory: Path) -> Stack:
        data = json.loads((directory / STATE_FILE).read_text())
        data.update(directory=Path(data["directory"]), contracts_dir=Path(data["contracts_dir"]))
        return cls(**data)

    def describe(self) -> list[str]:
        lines = [f"Appen: {self.url} (nginx, pid {self.nginx_pid})"]
        for index, pid in enumerate(self.instance_pids):
            state = "kører" if pid and processes.alive(pid) else "stoppet"
            lines.append(f"Instans {index + 1}: {self.instance_url(index)} (pid {pid}, {state})")
        lines.append(f"Database: {self.database_url}")
        lines.append(f"Kontrakter: {self.contracts_dir}")
        lines.append(f"Logfiler: {self.directory} (PostgreSQL: {self.postgres_dir})")
        return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.stack", description=__doc__)
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="stakkens mappe")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="nginx' port")
    parser.add_argument(
        "--contracts",
        type=Path,
        default=Path(os.environ.get("CONTRACTS_DIR", processes.REPO_ROOT / "contracts" / "data")),
        help="kontraktmappen, fælles for begge instanser",
    )
    args = parser.parse_args(argv)
    directory = args.dir.resolve()
    try:
        if args.action == "start":
            stack = Stack(directory, args.port, args.contracts.resolve())
            stack.start()
            print("\n".join(["Stakken kører.", *stack.describe()]))
        elif not (directory / STATE_FILE).exists():
            print(f"Der kører ingen stak i {directory}.")
        elif args.action == "stop":
            Stack.load(directory).stop()
            print(f"Stakken i {directory} er stoppet og slettet.")
        else:
            print("\n".join(Stack.load(directory).describe()))
    except (Unavailable, RuntimeError, TimeoutError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", None)
        print(f"fejl: {exc}", file=sys.stderr)
        if detail:
            print(detail.decode(errors="replace")[-2000:], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
