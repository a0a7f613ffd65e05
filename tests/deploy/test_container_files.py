"""The Dockerfile and compose file cannot run here (no container engine): check that they name
the same commands and settings as the configs that the tests do run."""

from __future__ import annotations

import re
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def test_dockerfile_runs_what_systemd_runs() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    service = (DEPLOY / "systemd" / "participatie.service").read_text()
    for command in ("participatie db upgrade", "gunicorn --config deploy/gunicorn.conf.py"):
        assert command in dockerfile and command in service
    assert re.search(r"^USER participatie$", dockerfile, re.MULTILINE), (
        "the image must not run as root"
    )
    assert dockerfile.count("FROM ") >= 2, "multi-stage build"
    assert "wsgi:app" in dockerfile and "wsgi:app" in service


def test_compose_uses_the_tested_nginx_site_and_settings() -> None:
    compose = (DEPLOY / "compose.yaml").read_text()
    assert "./nginx/participatie.conf" in compose
    assert 'network_mode: "service:app"' in compose  # so the tested upstream 127.0.0.1:8000 holds
    for setting in (
        "DATABASE_URL",
        "REDIS_URL",
        "SECRET_KEY",
        "RESUME_CODE_KEY",
        "PARTICIPATIE_ENV",
    ):
        assert setting in compose
    assert '["participatie", "purge"]' in compose
    timer = (DEPLOY / "systemd" / "participatie-purge.service").read_text()
    assert "participatie purge" in timer


def test_nginx_site_keeps_no_client_addresses() -> None:
    site = (DEPLOY / "nginx" / "participatie.conf").read_text()
    log_format = re.search(r"log_format \S+ '([^']*)'", site)
    assert log_format is not None
    assert "$remote_addr" not in log_format.group(1) and "$http_user_agent" not in log_format.group(
        1
    )
