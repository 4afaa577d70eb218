"""The nginx routing of a shared installation (deploy/nginx.py; docs/shared-installation.md,
"Sticky sessions"): a cookie naming the instance, each instance's upstream with the others as
backups, and the fewest connections for browsers without a cookie."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from deploy import nginx

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx" / "resultatkontrakter.conf"


def test_each_instance_is_tried_first_by_its_own_cookie_with_the_other_as_backup() -> None:
    text = nginx.routing([8601, 8602])

    assert "1 resultatkontrakter_1;" in text and "2 resultatkontrakter_2;" in text
    assert "default resultatkontrakter;" in text
    first = text[text.index("upstream resultatkontrakter_1 {") :].split("}")[0]
    assert first.splitlines()[1].strip() == "server 127.0.0.1:8601 max_fails=1 fail_timeout=5s;"
    assert "server 127.0.0.1:8602 max_fails=1 fail_timeout=5s backup;" in first


def test_browsers_without_a_cookie_go_to_the_instance_with_fewest_connections() -> None:
    text = nginx.routing([8601, 8602, 8603])
    pool = text[text.index("upstream resultatkontrakter {") :].split("}")[0]

    assert "least_conn;" in pool
    assert pool.count("server 127.0.0.1:86") == 3
    assert "backup" not in pool


def test_the_cookie_set_names_the_last_instance_tried_not_its_address() -> None:
    text = nginx.routing([8601, 8602])

    assert '"~127\\.0\\.0\\.1:8601$" 1;' in text
    assert '"~127\\.0\\.0\\.1:8602$" 2;' in text
    assert 'default "";' in text


def test_the_production_site_carries_the_routing_the_stack_is_tested_with() -> None:
    assert nginx.routing([8501, 8502], indent="") in SITE.read_text(encoding="utf-8")
    assert "rk_route=$rk_served;" in SITE.read_text(encoding="utf-8")


def test_the_stack_configuration_passes_nginx_own_check(tmp_path: Path) -> None:
    binary = nginx.find_nginx()
    if binary is None:
        pytest.skip("nginx er ikke installeret her")
    (tmp_path / "tmp").mkdir()
    config = tmp_path / "nginx.conf"
    config.write_text(nginx.render(tmp_path, 8600, [8601, 8602]), encoding="utf-8")
    checked = subprocess.run(
        [binary, "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log"), "-t"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert checked.returncode == 0, checked.stderr
