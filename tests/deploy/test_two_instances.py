"""Two app servers on one database (issue 18, item 9): two gunicorn instances (deploy/gunicorn.conf.py,
one worker each, so every request to an instance meets the same process and its caches) on one
fresh PostgreSQL database and one Redis, with Debian's nginx in front taking turns between them.

Requests are sent to each instance directly where the test needs to know which one answers, and
through nginx where the deployed config itself is under test. Whatever one process keeps for
itself (a cached survey, a rate-limit counter, a session) shows up here as a wrong answer from
the other.
"""

from __future__ import annotations

import re
import secrets
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import IdempotencyKey, Option, Question, Response, ResponseMode, Survey
from tests.assist.test_sync import conversation
from tests.conftest import make_app
from tests.database import fresh_postgres_database, postgres_available
from tests.deploy.http import Reply, Session, form_fields
from tests.deploy.login import log_in
from tests.deploy.servers import gunicorn, nginx

pytestmark = [pytest.mark.nginx, pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

ADMIN = "admin@kempenaar.example"
COORDINATOR = "coordinator@kempenaar.example"
VOLUNTEER = "vrijwilliger@kempenaar.example"
# A Redis database of its own; the keys are also unique to this run (see `servers`).
REDIS_URL = "redis://127.0.0.1:6379/13"
JOURNEY: dict[str, dict[str, str | list[str]]] = {
    "wie": {"answer": "ouder"},
    "kinderen": {"answer": "2"},
    "moeilijk": {"answer": ["wonen"]},
    "uitpas": {"answer": "ja"},
    "hulp_vinden": {"answer": "5"},
    "verschil": {"answer": "Een warme woning."},
    "goed": {"answer": "De school."},
}


@dataclass
class Servers:
    app: Flask  # the same database, for setting up and for checking what was stored
    first: str
    second: str
    front: str  # nginx, round robin over both


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL).ping())
    except redis.exceptions.ConnectionError:
        return False


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.skip("nginx is not installed (apt-get install nginx)")
    if not postgres_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    if not _redis_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    from cryptography.fernet import Fernet

    from participatie.demo import load_demo

    with fresh_postgres_database() as url:
        app = make_app(url, tmp_path_factory.mktemp("instance"))
        with app.app_context():
            upgrade()
            load_demo()
            db.session.commit()
            db.session.remove()
        # What every instance must share (deploy/README.md, "Running N instances"). A secret
        # of this run only: rate-limit keys are a hash under SECRET_KEY, so no counter of
        # another run (or another person's test on this machine) can count here.
        shared = {
            "REDIS_URL": REDIS_URL,
            "SECRET_KEY": secrets.token_hex(32),
            "RESUME_CODE_KEY": secrets.token_hex(32),
            "CONTACT_KEY": Fernet.generate_key().decode(),
        }
        try:
            with (
                gunicorn(url, workers=1, env=shared) as first,
                gunicorn(url, workers=1, env=shared) as second,
                nginx([first, second], tmp_path_factory.mktemp("nginx")) as front,
            ):
                yield Servers(app, f"http://{first}", f"http://{second}", f"http://{front}")
        finally:
            with app.app_context():
                db.engine.dispose()


class Alternating(Session):
    """One browser (one cookie jar) whose every request goes to the other instance."""

    def __init__(self, *bases: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(bases[0], headers)
        self.bases = bases
        self.turn = 0
        self.served_by: list[str] = []

    def _send(self, path: str, body: bytes | None, headers: dict[str, str]) -> Reply:
        self.base = self.bases[self.turn % len(self.bases)]
        self.turn += 1
        self.served_by.append(self.base)
        return super()._send(path, body, headers)


def _start(web: Session) -> None:
    welcome = web.get("/s/DEMO")
    assert welcome.status == 200
    started = web.post("/s/DEMO/start", {"csrf_token": web.field(welcome.body, "csrf_token")})
    assert started.status == 302, Session.main_text(started.body)


def _walk(web: Session) -> None:
    """The whole journey, from the welcome page to the thank-you page."""
    _start(web)
    for name, data in JOURNEY.items():
        page = web.get(f"/s/DEMO/{name}")
        assert page.status == 200, (name, page.status)
        form: dict[str, str | list[str]] = {
            "csrf_token": web.field(page.body, "csrf_token"),
            "idem": web.field(page.body, "idem"),
        }
        reply = web.post(f"/s/DEMO/{name}", {**form, **data})
        assert reply.status == 302, (name, Session.main_text(reply.body))
    assert reply.headers["Location"].endswith("/s/DEMO/klaar")
    assert web.get("/s/DEMO/klaar").status == 200


def _responses(app: Flask, **where: Any) -> int:
    with app.app_context():
        query = select(func.count(Response.id)).join(Survey).where(Survey.code == "DEMO")
        for column, value in where.items():
            query = query.where(getattr(Response, column) == value)
        count = int(db.session.scalar(query) or 0)
        db.session.remove()
        return count


def _builder_url(app: Flask, part: str) -> str:
    with app.app_context():
        survey_id = db.session.scalar(select(Survey.public_id).where(Survey.code == "DEMO"))
        db.session.remove()
    return f"/projecten/demo/vragenlijsten/{survey_id}/{part}"


def _label_and_first_option(app: Flask, name: str) -> tuple[str, str]:
    with app.app_context():
        question = db.session.scalar(
            select(Question).where(Question.name == name, Question.until_version.is_(None))
        )
        assert question is not None
        first = db.session.scalar(
            select(Option).where(Option.question_id == question.id).order_by(Option.position)
        )
        assert first is not None
        texts = question.label["nl"], first.label["nl"]
        db.session.remove()
        return texts


def _save_form(web: Session, path: str, marker: str, changes: dict[str, str]) -> None:
    page = web.get(path)
    assert page.status == 200, (path, page.status)
    fields = form_fields(page.body, marker)
    for name in changes:
        assert name in fields, f"{name} not in the form at {path}: {sorted(fields)}"
    reply = web.post(path, {**fields, **changes})
    assert reply.status == 302, reply.body[:600]


def test_a_survey_edited_on_one_instance_is_served_changed_by_the_other(servers: Servers) -> None:
    app = servers.app
    label, option = _label_and_first_option(app, "wie")
    # One participant on each instance, each at the question, so both processes have the
    # published survey cached before the edits.
    on_first, on_second = Session(servers.first), Session(servers.second)
    for web in (on_first, on_second):
        _start(web)
        page = web.get("/s/DEMO/wie")
        assert label in page.body and option in page.body

    coordinator_first = Session(servers.first)
    log_in(coordinator_first, app, COORDINATOR)
    # The coordinator's session is the same on the other instance.
    coordinator_second = Session(servers.second)
    coordinator_second.jar = coordinator_first.jar
    coordinator_second.opener = coordinator_first.opener

    # Edit the question and its first option through the first instance…
    question_path = _builder_url(app, "vragen/wie")
    page = coordinator_first.get(question_path)
    fields = form_fields(page.body, "question-form")
    option_field = next(
        key
        for key, value in fields.items()
        if re.fullmatch(r"options-\d+-label", key) and value == option
    )
    # New texts that do not contain the old ones, so the old ones must be gone from the page.
    new_label = f"Wie vult dit in? ({secrets.token_hex(3)})"
    new_option = f"Ik ben een ouder ({secrets.token_hex(3)})"
    assert label not in new_label and option not in new_option
    _save_form(
        coordinator_first,
        question_path,
        "question-form",
        {"label": new_label, option_field: new_option},
    )
    # …and the second instance serves it changed on the very next request.
    page = on_second.get("/s/DEMO/wie")
    assert new_label in page.body and new_option in page.body
    assert label not in page.body and option not in page.body

    # The other way round: the survey's title, edited through the second instance, is the
    # first instance's on its next request (and the first's cached question page is new too).
    assert new_label in on_first.get("/s/DEMO/wie").body
    title = f"Onze buurt ({secrets.token_hex(3)})"
    _save_form(
        coordinator_second, _builder_url(app, "instellingen"), "novalidate", {"title": title}
    )
    assert title in Session(servers.first).get("/s/DEMO").body
    assert title in Session(servers.second).get("/s/DEMO").body

    # The project's name is on every participant page: renamed by the site admin through the
    # first instance, it is the second's on its next request.
    admin = Session(servers.first)
    log_in(admin, app, ADMIN)
    name = f"Kinderarmoede in de Kempen ({secrets.token_hex(3)})"
    _save_form(admin, "/beheer/projecten/demo", "novalidate", {"name": name})
    page = on_second.get("/s/DEMO/wie")
    assert name in page.body


def test_a_participant_alternating_between_the_instances_completes_the_journey(
    servers: Servers,
) -> None:
    app = servers.app
    before = _responses(app, mode=ResponseMode.SELF)
    web = Alternating(servers.first, servers.second)
    _walk(web)
    # Every other request went to the other instance, the whole way.
    assert web.served_by[::2] == [servers.first] * len(web.served_by[::2])
    assert web.served_by[1::2] == [servers.second] * len(web.served_by[1::2])
    assert _responses(app, mode=ResponseMode.SELF) == before + 1
    with app.app_context():
        newest = db.session.scalar(select(Response).order_by(Response.id.desc()).limit(1))
        assert newest is not None and newest.completed_at is not None
        assert {answer.question.name for answer in newest.answers} == set(JOURNEY)
        db.session.remove()

    # Through nginx, which takes turns between the two (one nginx worker, round robin).
    _walk(Session(servers.front))
    assert _responses(app, mode=ResponseMode.SELF) == before + 2


def test_login_rate_limits_count_across_both_instances(servers: Servers) -> None:
    # An address of this test only (PROXY_COUNT=1: gunicorn trusts one X-Forwarded-For).
    address = f"198.51.100.{secrets.randbelow(200) + 20}"
    web = Alternating(servers.first, servers.second, headers={"X-Forwarded-For": address})
    statuses = []
    for _attempt in range(21):
        page = web.get("/login")  # a GET is not limited; it alternates like the POSTs
        reply = web.post(
            "/login",
            {
                "csrf_token": web.field(page.body, "csrf_token"),
                "email": "nobody@example.org",
                "password": "wrong",
            },
        )
        statuses.append(reply.status)
    # "20 per minute": ten attempts on each instance, and the 21st is refused wherever it goes.
    assert statuses[:20] == [200] * 20, statuses
    assert statuses[20] == 429, statuses
    for base in (servers.first, servers.second):
        other = Session(base, headers={"X-Forwarded-For": address})
        page = other.get("/login")
        reply = other.post(
            "/login",
            {"csrf_token": other.field(page.body, "csrf_token"), "email": "x@y.z", "password": "w"},
        )
        assert reply.status == 429


def _sync(web: Session, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    token = web.get("/projecten/demo/samen/sync/token")
    assert token.status == 200, Session.main_text(token.body)
    import json

    reply = web.post_json(
        "/projecten/demo/samen/sync",
        {"responses": items},
        {"X-Participatie-Sync": "1", "X-CSRFToken": json.loads(token.body)["token"]},
    )
    assert reply.status == 200, Session.main_text(reply.body)
    return list(json.loads(reply.body)["results"])


def test_an_offline_sync_through_either_instance_is_stored_once(servers: Servers) -> None:
    app = servers.app
    first, second = Session(servers.first), Session(servers.second)
    log_in(first, app, VOLUNTEER)
    log_in(second, app, VOLUNTEER)
    before = _responses(app, mode=ResponseMode.OFFLINE)

    # The same batch through one and then the other (a phone that never heard back).
    item = conversation()
    assert [r["status"] for r in _sync(first, [item])] == ["stored"]
    assert [r["status"] for r in _sync(second, [item])] == ["already_stored"]
    assert _responses(app, mode=ResponseMode.OFFLINE) == before + 1

    # The same batch through both at the same moment.
    item = conversation()
    outcomes: list[str] = []

    def send(web: Session) -> None:
        outcomes.extend(r["status"] for r in _sync(web, [item]))

    threads = [threading.Thread(target=send, args=(web,)) for web in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["already_stored", "stored"]
    assert _responses(app, mode=ResponseMode.OFFLINE) == before + 2
    with app.app_context():
        keys = db.session.scalar(
            select(func.count(IdempotencyKey.key)).where(IdempotencyKey.key == item["key"])
        )
        assert keys == 1
        db.session.remove()
