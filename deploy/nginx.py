"""nginx in front of the local stack: the site's proxy rules, on loopback, without TLS.

The stack's configuration is rendered here from the same pieces as the production site
(``deploy/nginx/resultatkontrakter.conf``): the route cookie naming an instance, one upstream
per instance with the others as backups, ``least_conn`` for browsers without a cookie, and the
shared proxy snippet. Two differences: plain HTTP on 127.0.0.1, and an ``X-Upstream``
header naming the instance that answered, so tests can see where a client landed (the
production site does not reveal its instance addresses).
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
from pathlib import Path

from deploy.processes import stop_pid, wait_gone

SNIPPET = Path(__file__).resolve().parent / "nginx" / "resultatkontrakter-proxy.conf"
UPSTREAM_HEADER = "X-Upstream"

TEMPLATE = """\
# Rendered by deploy/nginx.py for the local stack; not for production.
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;

events {{
    worker_connections 2048;
}}

http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;

    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ""      close;
    }}

{routing}

    server {{
        listen 127.0.0.1:{port};

        location / {{
            include {snippet};
            add_header Set-Cookie "rk_route=$rk_served; Path=/; HttpOnly; SameSite=Lax" always;
            add_header {header} $upstream_addr always;
        }}
    }}
}}
"""


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None
    )


def routing(instance_ports: list[int], *, indent: str = "    ") -> str:
    """The maps and upstreams that keep a browser on one instance (docs/shared-installation.md,
    "Sticky sessions"): instance ``n`` (1, 2, …) is upstream ``resultatkontrakter_n``, tried
    first by browsers whose ``rk_route`` cookie is ``n``, with the others as backups; a browser
    without a valid cookie goes to the instance with the fewest open connections, and every
    response names the instance that answered in the cookie."""
    addresses = [f"127.0.0.1:{port}" for port in instance_ports]
    server = "server {} max_fails=1 fail_timeout=5s{};"
    lines = ["map $cookie_rk_route $rk_upstream {"]
    lines += [f"    {n} resultatkontrakter_{n};" for n in range(1, len(addresses) + 1)]
    lines += ["    default resultatkontrakter;", "}", ""]
    lines += [
        "# The instance that answered: the last address tried.",
        "map $upstream_addr $rk_served {",
    ]
    lines += [f'    "~{re.escape(a)}$" {n};' for n, a in enumerate(addresses, start=1)]
    lines += ['    default "";', "}", ""]
    lines += ["upstream resultatkontrakter {", "    least_conn;"]
    lines += [f"    {server.format(a, '')}" for a in addresses]
    lines += ["}"]
    for n, address in enumerate(addresses, start=1):
        lines += ["", f"upstream resultatkontrakter_{n} {{", f"    {server.format(address, '')}"]
        lines += [f"    {server.format(a, ' backup')}" for a in addresses if a != address]
        lines += ["}"]
    return "\n".join(f"{indent}{line}" if line else "" for line in lines)


def render(directory: Path, port: int, instance_ports: list[int]) -> str:
    return TEMPLATE.format(
        dir=directory,
        port=port,
        routing=routing(instance_ports),
        snippet=SNIPPET,
        header=UPSTREAM_HEADER,
    )


def start(directory: Path, port: int, instance_ports: list[int]) -> int:
    """Write the configuration, check it, start nginx (it daemonises); returns its pid."""
    binary = find_nginx()
    if binary is None:
        raise FileNotFoundError("nginx")
    (directory / "tmp").mkdir(parents=True, exist_ok=True)
    # Workers run as an unprivileged user when the master is root: let them write temp files.
    (directory / "tmp").chmod(0o1777)
    config = directory / "nginx.conf"
    config.write_text(render(directory, port, instance_ports), encoding="utf-8")
    command = [binary, "-p", str(directory), "-c", str(config), "-e", str(directory / "error.log")]
    subprocess.run([*command, "-t", "-q"], check=True, capture_output=True)
    subprocess.run(command, check=True, capture_output=True)
    return int((directory / "nginx.pid").read_text().strip())


def stop(pid: int) -> None:
    """Fast shutdown of the master and its workers."""
    stop_pid(pid, signal.SIGTERM)
    wait_gone(pid, timeout=10)
