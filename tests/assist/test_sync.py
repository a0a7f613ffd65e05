"""The offline endpoints through HTTP: definition, service worker, CSRF token and batch sync."""

from __future__ import annotations

import json
import re
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from participatie.extensions import db
from participatie.i18n import SUPPORTED_LOCALES
from participatie.models import (
    Answer,
    Assistance,
    IdempotencyKey,
    Question,
    Response,
    ResponseMode,
    Statement,
    SurveyStatus,
    User,
)
from tests.assist.helpers import VOLUNTEER, other_project, set_survey
from tests.conftest import PageCheckingClient, login

HOME = "/projecten/demo/samen"
SYNC = f"{HOME}/sync"
HEADERS = {"X-Participatie-Sync": "1"}


def token(client: PageCheckingClient) -> str:
    response = client.get(f"{SYNC}/token")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    return str(response.get_json()["token"])


def conversation(**overrides: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    item: dict[str, Any] = {
        "key": secrets.token_hex(16),
        "survey": "DEMO",
        "language": "ar",
        "started_at": (now - timedelta(hours=5)).isoformat(),
        "completed_at": (now - timedelta(hours=4, minutes=50)).isoformat(),
        "consent": {
            "confirmed": True,
            "confirmed_at": (now - timedelta(hours=5)).isoformat(),
            "version": 1,
            "language": "ar",
        },
        "answers": {
            "wie": {"answer": ["ouder"], "decline": ""},
            "kinderen": {"answer": ["3"], "decline": ""},
            "moeilijk": {"answer": ["vrije_tijd", "wonen"], "decline": ""},
            "vrije_tijd_drempel": {"answer": ["duur"], "decline": ""},
            "uitpas": {"answer": [], "decline": "1"},
            "verschil": {"answer": ["Een zwembad dat minder kost."], "decline": ""},
        },
    }
    item.update(overrides)
    return item


def send(
    client: PageCheckingClient,
    items: list[dict[str, Any]],
    csrf_token: str | None = None,
    **headers: str,
) -> TestResponse:
    return client.post(
        SYNC,
        data=json.dumps({"responses": items}),
        content_type="application/json",
        headers={**HEADERS, "X-CSRFToken": csrf_token or token(client), **headers},
    )


def offline_responses(app: Flask) -> list[Response]:
    with app.app_context():
        rows = list(
            db.session.scalars(select(Response).where(Response.mode == ResponseMode.OFFLINE))
        )
        for row in rows:
            db.session.expunge(row)
        return rows


def answers_of(app: Flask, response_id: int) -> dict[str, object]:
    with app.app_context():
        rows = db.session.execute(
            select(Question.name, Answer.value, Answer.declined)
            .join(Answer.question)
            .where(Answer.response_id == response_id)
        ).all()
    return {name: "DECLINED" if declined else value for name, value, declined in rows}


def test_definition_has_every_question_and_text_in_every_language(
    client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    definition = client.get(f"{HOME}/DEMO/definitie.json").get_json()
    assert [q["name"] for q in definition["questions"]][:3] == ["wie", "kinderen", "moeilijk"]
    # The demo survey is complete in all 13 languages.
    assert {language["code"] for language in definition["languages"]} == set(SUPPORTED_LOCALES)
    assert {"code": "ar", "name": "العربية", "dir": "rtl"} in definition["languages"]
    assert {"code": "ti", "name": "ትግርኛ", "dir": "ltr"} in definition["languages"]
    assert set(definition["messages"]) == set(SUPPORTED_LOCALES)
    assert definition["messages"]["nl"]["progress"] == "Vraag %(number)s van %(total)s"
    assert definition["messages"]["nl"]["required_one"] == "Kies een antwoord."
    routed = next(q for q in definition["questions"] if q["name"] == "vrije_tijd_drempel")
    assert routed["relevant"] == "selected(${moeilijk}, 'vrije_tijd')"
    sensitive = {q["name"] for q in definition["questions"] if q["sensitive"]}
    assert sensitive == {"moeilijk", "verschil", "goed"}
    assert "parent" in definition["pictograms"]
    assert "responses" not in json.dumps(definition)  # no results of any kind


def test_the_offline_page_and_its_service_worker(client: PageCheckingClient, demo: None) -> None:
    login(client, VOLUNTEER)
    page = client.get(f"{HOME}/DEMO/zonder-internet").get_data(as_text=True)
    assert 'data-definition-url="/projecten/demo/samen/DEMO/definitie.json"' in page
    assert 'data-sw-url="/projecten/demo/samen/sw.js"' in page
    assert "antwoorden wachten op verbinding" in page  # the queue's plural forms, for the script
    worker = client.get(f"{HOME}/sw.js")
    assert worker.status_code == 200 and worker.mimetype == "text/javascript"
    assert worker.headers["Service-Worker-Allowed"] == HOME
    assert worker.headers["Cache-Control"] == "no-cache"
    assert "worker-src 'self'" in worker.headers["Content-Security-Policy"]
    listed = re.search(r"const PRECACHE = (\[.*?\]);", worker.get_data(as_text=True))
    assert listed is not None
    precache = json.loads(listed.group(1))
    assert len(precache) >= 8
    for url in precache:
        assert client.get(url).status_code == 200, url


def test_a_batch_is_stored_once_with_consent_apart(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    first, second = (
        conversation(),
        conversation(language="nl", answers={"wie": {"answer": ["andere"]}}),
    )
    sent = send(client, [first, second])
    assert sent.status_code == 200, sent.get_data(as_text=True)
    assert [r["status"] for r in sent.get_json()["results"]] == ["stored", "stored"]
    # The connection broke before the phone heard back: it sends the same batch again.
    again = send(client, [first, second])
    assert [r["status"] for r in again.get_json()["results"]] == ["already_stored"] * 2
    stored = offline_responses(app)
    assert len(stored) == 2
    ar = next(r for r in stored if r.language == "ar")
    assert answers_of(app, ar.id) == {
        "wie": "ouder",
        "kinderen": 3,
        "moeilijk": ["wonen", "vrije_tijd"],
        "vrije_tijd_drempel": ["duur"],
        "uitpas": "DECLINED",
        "verschil": "Een zwembad dat minder kost.",
    }
    assert ar.participant_group == "ouder" and ar.completed_at is not None
    assert ar.created_at < ar.completed_at < datetime.now(UTC)  # the device's times, kept
    with app.app_context():
        volunteer = db.session.scalar(select(User).where(User.email == VOLUNTEER))
        assistance = db.session.scalar(select(Assistance).where(Assistance.response_id == ar.id))
        assert volunteer is not None and assistance is not None
        assert assistance.volunteer_id == volunteer.id and assistance.consent_language == "ar"
        keys = db.session.scalars(select(IdempotencyKey.scope)).all()
        assert keys == ["offline", "offline"]
        assert (
            db.session.scalar(
                select(func.count(Statement.id)).join(Answer).where(Answer.response_id == ar.id)
            )
            == 1
        )


def test_every_answer_is_checked_by_the_python_parser(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    wrong = conversation(
        answers={
            "wie": {"answer": ["koning"]},
            "kinderen": {"answer": ["99"]},
            "verdwenen": {"answer": ["x"]},
            "goed": "not a form",
        }
    )
    unreadable_number = conversation(answers={"kinderen": {"answer": ["--3"]}})
    no_consent = conversation(consent={"confirmed": False})
    good = conversation()
    results = send(client, [wrong, unreadable_number, no_consent, good]).get_json()["results"]
    assert [r["status"] for r in results] == ["invalid", "invalid", "invalid", "stored"]
    assert results[0]["errors"] == {
        "wie": "Kies een van de antwoorden.",
        "kinderen": "Vul een getal in van 0 tot 15.",
        "verdwenen": "Deze vraag staat niet meer in de vragenlijst.",
        "goed": "Dit antwoord is onleesbaar.",
    }
    assert results[1]["errors"] == {"kinderen": "Vul een getal in, zoals 3."}
    assert "toestemming" in results[2]["message"]
    assert len(offline_responses(app)) == 1  # a refused conversation leaves nothing behind
    with app.app_context():
        assert db.session.scalar(select(func.count(IdempotencyKey.key))) == 1


def test_routing_prunes_answers_the_survey_skips(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    item = conversation(
        answers={
            "moeilijk": {"answer": ["wonen"]},
            "vrije_tijd_drempel": {"answer": ["duur"]},  # only asked after "vrije_tijd"
        }
    )
    assert send(client, [item]).get_json()["results"][0]["status"] == "stored"
    (stored,) = offline_responses(app)
    assert answers_of(app, stored.id) == {"moeilijk": ["wonen"]}


def test_sync_is_safe_against_forged_requests(client: PageCheckingClient, demo: None) -> None:
    login(client, VOLUNTEER)
    item = [conversation()]
    no_token = client.post(
        SYNC, data=json.dumps({"responses": item}), content_type="application/json", headers=HEADERS
    )
    assert no_token.status_code == 400 and no_token.get_json() == {"error": "csrf"}
    fresh = token(client)
    as_a_form = client.post(
        SYNC, data={"responses": "x"}, headers={**HEADERS, "X-CSRFToken": fresh}
    )
    assert as_a_form.get_json() == {"error": "not_a_sync"}
    no_header = client.post(
        SYNC,
        data=json.dumps({"responses": item}),
        content_type="application/json",
        headers={"X-CSRFToken": fresh},
    )
    assert no_header.get_json() == {"error": "not_a_sync"}
    cross_site = send(
        client, item, fresh, Origin="https://elders.example", **{"Sec-Fetch-Site": "cross-site"}
    )
    assert cross_site.status_code == 400 and cross_site.get_json() == {"error": "not_a_sync"}
    too_many = send(client, [conversation() for _ in range(51)], fresh)
    assert too_many.get_json() == {"error": "bad_batch"}
    assert send(client, item, fresh, Origin="http://localhost").status_code == 200


def test_after_hours_offline_and_a_new_login_a_fresh_token_gets_through(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    old = token(client)
    # The browser closes or the phone restarts: its session cookie is gone, and so is the session
    # the token belonged to...
    client.delete_cookie(app.config["SESSION_COOKIE_NAME"])
    anonymous = client.get(f"{SYNC}/token")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    login(client, VOLUNTEER)
    refused = send(client, [conversation()], old)
    assert refused.status_code == 400 and refused.get_json() == {"error": "csrf"}
    # ...so the device fetches a fresh one right before sending, and nothing was lost.
    assert send(client, [conversation()]).get_json()["results"][0]["status"] == "stored"
    assert len(offline_responses(app)) == 1


def test_only_this_projects_helpers_and_surveys(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    other_project(app, volunteer="elders@example.org")
    login(client, "elders@example.org")
    assert client.get(f"{SYNC}/token").status_code == 404
    assert client.get(f"{HOME}/DEMO/definitie.json").status_code == 404
    fresh = client.get("/projecten/ander/samen/sync/token").get_json()["token"]
    sent = client.post(
        "/projecten/ander/samen/sync",
        data=json.dumps({"responses": [conversation()]}),  # a DEMO conversation
        content_type="application/json",
        headers={**HEADERS, "X-CSRFToken": fresh},
    )
    result = sent.get_json()["results"][0]
    assert result["status"] == "invalid" and "hoort niet bij dit project" in result["message"]
    assert offline_responses(app) == []


def test_a_closed_survey_still_takes_what_was_collected_before_it_closed(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    set_survey(app, status=SurveyStatus.CLOSED)
    before = conversation()  # began five hours ago
    # Began after closing (a device clock ahead of ours counts as "now", which is after it).
    after = conversation(started_at=(datetime.now(UTC) + timedelta(minutes=5)).isoformat())
    results = send(client, [before, after]).get_json()["results"]
    assert [r["status"] for r in results] == ["stored", "invalid"]
    assert results[1]["message"] == "Deze vragenlijst is gesloten."
    assert len(offline_responses(app)) == 1
