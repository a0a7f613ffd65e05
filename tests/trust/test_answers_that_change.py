"""Answers the parent changes are changed (issue 17, item 5), and offline sync within bounds
(item 6), through HTTP.

An idempotency key is bound to what was sent with it. On the participant's own pages the same
key with other content is the back button re-posting an old copy of the page: the new answer is
stored and the route follows it. In offline sync it is a conflict the volunteer resolves on the
device; nothing is dropped silently."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Assistance, Survey, User
from tests.assist.helpers import COORDINATOR, VOLUNTEER, csrf, idem, set_survey
from tests.assist.test_sync import answers_of, conversation, offline_responses, send
from tests.conftest import PageCheckingClient, login, page_client


def _newest_answers(app: Flask) -> dict[str, object]:
    from participatie.models import Response

    with app.app_context():
        newest = db.session.scalar(select(Response.id).order_by(Response.id.desc()).limit(1))
        db.session.remove()
    assert newest is not None
    return answers_of(app, newest)


def _page(client: Any, name: str) -> tuple[str, str]:
    page = client.get(f"/s/DEMO/{name}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    return idem(text), csrf(text)


def _walk_to_moeilijk(client: Any) -> None:
    client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    for name, value in (("wie", "ouder"), ("kinderen", "2")):
        key, token = _page(client, name)
        client.post(f"/s/DEMO/{name}", data={"idem": key, "csrf_token": token, "answer": value})


def test_question_pages_are_never_stored_by_the_browser(
    client: PageCheckingClient, demo: None
) -> None:
    client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    page = client.get("/s/DEMO/wie")
    assert "no-store" in page.headers.get("Cache-Control", "")
    key, token = idem(page.get_data(as_text=True)), csrf(page.get_data(as_text=True))
    wrong = client.post("/s/DEMO/wie", data={"idem": key, "csrf_token": token, "answer": "x"})
    assert wrong.status_code == 400 and "no-store" in wrong.headers.get("Cache-Control", "")


def test_the_same_key_with_the_same_answer_is_applied_once(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _walk_to_moeilijk(client)
    key, token = _page(client, "moeilijk")
    form = {"idem": key, "csrf_token": token, "answer": ["wonen", "vrije_tijd"]}
    first = client.post("/s/DEMO/moeilijk", data=form)
    again = client.post("/s/DEMO/moeilijk", data=form)  # a double tap
    assert first.headers["Location"] == again.headers["Location"] == "/s/DEMO/vrije_tijd_drempel"
    assert _newest_answers(app)["moeilijk"] == ["wonen", "vrije_tijd"]


def test_the_same_key_with_another_answer_stores_it_and_reroutes(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _walk_to_moeilijk(client)
    key, token = _page(client, "moeilijk")
    first = client.post(
        "/s/DEMO/moeilijk",
        data={"idem": key, "csrf_token": token, "answer": ["wonen", "vrije_tijd"]},
    )
    assert first.headers["Location"] == "/s/DEMO/vrije_tijd_drempel"
    # Back button: the browser's copy of the page, its old key, another choice.
    changed = client.post(
        "/s/DEMO/moeilijk", data={"idem": key, "csrf_token": token, "answer": ["werk"]}
    )
    assert changed.headers["Location"] == "/s/DEMO/uitpas"
    assert _newest_answers(app)["moeilijk"] == ["werk"]
    # And back to the first choice with the same old page: that is a change too.
    back_again = client.post(
        "/s/DEMO/moeilijk",
        data={"idem": key, "csrf_token": token, "answer": ["wonen", "vrije_tijd"]},
    )
    assert back_again.headers["Location"] == "/s/DEMO/vrije_tijd_drempel"
    assert _newest_answers(app)["moeilijk"] == ["wonen", "vrije_tijd"]


def test_offline_same_key_other_content_is_a_conflict_resolved_on_the_device(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    item = conversation()
    assert send(client, [item]).get_json()["results"][0]["status"] == "stored"
    # The same again (the phone never heard back): acknowledged, nothing new.
    assert send(client, [item]).get_json()["results"][0]["status"] == "already_stored"
    changed = dict(item, answers={**item["answers"], "kinderen": {"answer": ["4"]}})
    result = send(client, [changed]).get_json()["results"][0]
    assert result["status"] == "conflict"
    assert "al verstuurd" in result["message"]
    (stored,) = offline_responses(app)
    assert answers_of(app, stored.id)["kinderen"] == 3  # nothing overwritten unasked
    # The volunteer chooses the device's version.
    replaced = send(client, [dict(changed, replace=True)]).get_json()["results"][0]
    assert replaced["status"] == "stored", replaced
    (again,) = offline_responses(app)
    assert again.id == stored.id and answers_of(app, again.id)["kinderen"] == 4
    # Sent once more, it is now the stored version.
    assert send(client, [changed]).get_json()["results"][0]["status"] == "already_stored"


def test_only_the_helper_who_sent_it_may_replace_a_conversation(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    item = conversation()
    send(client, [item])
    other = page_client(app)
    with app.app_context():
        from participatie.auth.services import create_or_update_user
        from participatie.models import Project, Role

        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        create_or_update_user(
            "tweede-vrijwilliger@example.org",
            "demo-wachtwoord",
            roles=((project, Role.VOLUNTEER),),
        )
        db.session.commit()
        db.session.remove()
    login(other, "tweede-vrijwilliger@example.org")
    changed = dict(item, answers={"wie": {"answer": ["andere"]}}, replace=True)
    result = send(other, [changed]).get_json()["results"][0]
    assert result["status"] == "conflict"
    (stored,) = offline_responses(app)
    assert answers_of(app, stored.id)["wie"] == "ouder"


def _opened(app: Flask) -> datetime:
    with app.app_context():
        opened = db.session.scalar(select(Survey.opened_at).where(Survey.code == "DEMO"))
        db.session.remove()
    assert opened is not None
    return opened if opened.tzinfo else opened.replace(tzinfo=UTC)


def test_conversations_outside_the_allowed_time_are_refused_with_the_reason(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    now = datetime.now(UTC)
    set_survey(app, opened_at=now - timedelta(days=2))
    too_early = conversation(started_at=(_opened(app) - timedelta(hours=1)).isoformat())
    future = conversation(started_at=(now + timedelta(hours=2)).isoformat())
    too_old = conversation(started_at=(now - timedelta(days=31)).isoformat())
    skewed = conversation(started_at=(now + timedelta(minutes=2)).isoformat())
    results = send(client, [too_early, future, too_old, skewed]).get_json()["results"]
    assert [r["status"] for r in results] == ["invalid", "invalid", "invalid", "stored"]
    assert "voor de vragenlijst openging" in results[0]["message"]
    assert "in de toekomst" in results[1]["message"]
    assert "30 dagen" in results[2]["message"]
    assert len(offline_responses(app)) == 1


def test_the_volunteer_recorded_is_always_the_one_signed_in(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    with app.app_context():
        coordinator = db.session.scalar(select(User).where(User.email == COORDINATOR))
        volunteer = db.session.scalar(select(User).where(User.email == VOLUNTEER))
        assert coordinator is not None and volunteer is not None
        coordinator_id, volunteer_id = coordinator.public_id, volunteer.id
        db.session.remove()
    login(client, VOLUNTEER)
    # The payload names the coordinator (a helper of this project) as the one who was there.
    item = conversation(volunteer=coordinator_id)
    assert send(client, [item]).get_json()["results"][0]["status"] == "stored"
    (stored,) = offline_responses(app)
    with app.app_context():
        assistance = db.session.scalar(
            select(Assistance).where(Assistance.response_id == stored.id)
        )
        assert assistance is not None and assistance.volunteer_id == volunteer_id
        db.session.remove()
