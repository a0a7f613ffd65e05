"""nginx (Debian's, on loopback) in front of gunicorn, both with the configs from deploy/."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy.http import Session
from tests.deploy.servers import gunicorn, nginx

pytestmark = [pytest.mark.nginx, pytest.mark.slow]


@pytest.fixture
def through_nginx(database_url: str, demo: None, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.skip("nginx is not installed (apt-get install nginx)")
    with gunicorn(database_url) as upstream, nginx(upstream, tmp_path) as address:
        yield f"http://{address}", tmp_path


def test_a_participant_journey_through_nginx(through_nginx: tuple[str, Path]) -> None:
    base, workdir = through_nginx
    web = Session(base)
    welcome = web.get("/s/DEMO")
    assert welcome.status == 200
    assert welcome.headers["Content-Encoding"] == "gzip"
    assert "Vary" in welcome.headers
    css = welcome.body.split('rel="stylesheet" href="')[1].split('"')[0]
    asset = web.get(css)
    assert asset.status == 200 and asset.headers["Content-Encoding"] == "gzip"
    assert "immutable" in asset.headers["Cache-Control"]
    assert "max-age=31536000" in asset.headers["Cache-Control"]

    started = web.post("/s/DEMO/start", {"csrf_token": web.field(welcome.body, "csrf_token")})
    assert started.status == 302
    answers: dict[str, dict[str, str | list[str]]] = {
        "wie": {"answer": "ouder"},
        "kinderen": {"answer": "2"},
        "moeilijk": {"answer": ["wonen"]},
        "uitpas": {"answer": "ja"},
        "hulp_vinden": {"answer": "5"},
        "verschil": {"answer": "Een warme woning."},
        "goed": {"answer": "De school."},
    }
    location = started.headers["Location"]
    for name, data in answers.items():
        assert location.endswith(f"/s/DEMO/{name}"), location
        page = web.get(f"/s/DEMO/{name}")
        assert page.status == 200
        form: dict[str, str | list[str]] = {
            "csrf_token": web.field(page.body, "csrf_token"),
            "idem": web.field(page.body, "idem"),
        }
        reply = web.post(f"/s/DEMO/{name}", {**form, **data})
        assert reply.status == 302, Session.main_text(reply.body)
        location = reply.headers["Location"]
    assert location.endswith("/s/DEMO/klaar")
    assert web.get("/s/DEMO/klaar").status == 200

    # The access log keeps no client address.
    # The access line is written after the response has gone out: give it a moment.
    log_file = workdir / "logs" / "participatie.access.log"
    deadline = time.monotonic() + 5
    while "/s/DEMO/klaar" not in log_file.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    log = log_file.read_text()
    assert "/s/DEMO/klaar" in log and "127.0.0.1" not in log


def test_nginx_refuses_oversized_requests(through_nginx: tuple[str, Path]) -> None:
    base, _ = through_nginx
    web = Session(base)
    reply = web.post("/", {"code": "x" * (9 * 1024 * 1024)})
    assert reply.status == 413
