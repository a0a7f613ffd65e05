"""Releases (issue 17 item 1): a release needs k new distinct participants since the last, from the
command line and from the coordinators' button."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import AuditEvent, Project, Release, Role, Survey
from tests.conftest import PageCheckingClient, login
from tests.report import builders as b

COORDINATOR = "coordinator@kempenaar.example"
QUESTIONS: list[dict[str, Any]] = [
    {
        "name": "kleur",
        "type": "select_one",
        "label": {"nl": "Welke kleur?"},
        "options": [{"name": n, "label": {"nl": n.title()}} for n in ("rood", "groen")],
    }
]


def _world(app: Flask, responses: int, slug: str = "rel") -> None:
    with app.app_context():
        survey = b.survey(b.project(slug=slug, k=5), QUESTIONS, code="REL")
        for _ in range(responses):
            b.respond(survey, {"kleur": "rood"})
        db.session.commit()


def _respond(app: Flask, how_many: int, value: str = "groen") -> None:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "REL"))
        assert survey is not None
        for _ in range(how_many):
            b.respond(survey, {"kleur": value})
        db.session.commit()


def _publish(app: Flask, *args: str) -> Any:
    return app.test_cli_runner().invoke(args=["releases", "publish", *args])


def test_cli_publishes_only_with_k_new_participants(app: Flask) -> None:
    _world(app, 4)
    refused = _publish(app, "rel")
    assert refused.exit_code == 1
    assert "Er deden nog maar 4 mensen mee." in refused.stderr
    assert "minstens 5 nieuwe deelnemers" in refused.stderr
    assert refused.stdout == ""
    _respond(app, 1)
    first = _publish(app, "rel")
    assert first.exit_code == 0, first.output
    assert first.stdout.strip() == "1"
    again = _publish(app, "rel")
    assert again.exit_code == 1
    assert "Sinds de vorige publicatie deden 0 nieuwe mensen mee." in again.stderr
    _respond(app, 4)
    assert _publish(app, "rel").exit_code == 1  # 4 new: still too few
    _respond(app, 1)
    second = _publish(app, "rel")
    assert second.exit_code == 0 and second.stdout.strip() == "2"
    with app.app_context():
        releases = db.session.scalars(select(Release).order_by(Release.number)).all()
        assert [(r.number, r.participants, r.published_by_id) for r in releases] == [
            (1, 5, None),
            (2, 10, None),
        ]
        assert len(releases[1].counted["r"]) == 10
        question = releases[0].figures["surveys"][0]["questions"][0]
        # Frozen with their protection: 4 and 1 are hidden, so no later figure can undo it.
        assert question["n"] == 5 and [o["count"] for o in question["options"]] == [None, None]
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "release.publish")
        ).all()
        assert [e.object_id for e in events] == ["1", "2"]


def test_a_response_answered_only_after_a_release_is_new_for_the_next(app: Flask) -> None:
    """The cut-off is who was counted, not when a response began."""
    _world(app, 5)
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "REL"))
        assert survey is not None
        started = b.respond(survey, {})  # consented, no answer yet: not a participant
        db.session.commit()
        started_id = started.id
    assert _publish(app, "rel").exit_code == 0
    with app.app_context():
        from participatie.models import Answer, Question

        question = db.session.scalar(select(Question).where(Question.name == "kleur"))
        assert question is not None
        db.session.add(Answer(response_id=started_id, question_id=question.id, value="groen"))
        db.session.commit()
    _respond(app, 3)
    assert "deden 4 nieuwe mensen mee" in _publish(app, "rel").stderr
    _respond(app, 1)
    assert _publish(app, "rel").stdout.strip() == "2"


def test_cli_usage_and_unknown_project(app: Flask) -> None:
    assert _publish(app).exit_code == 2
    unknown = _publish(app, "bestaat-niet")
    assert unknown.exit_code == 1 and "bestaat-niet" in unknown.stderr
    _world(app, 2)
    assert "Il n'y a encore que 2" in _publish(app, "rel", "--lang", "fr").stderr


def test_coordinator_publishes_with_the_button(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, COORDINATOR)
    page = client.get("/projecten/demo/publicaties?lang=nl").get_data(as_text=True)
    assert "Cijfers van nu publiceren" in page
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        before = db.session.scalar(
            select(Release.number)
            .where(Release.project_id == project.id)
            .order_by(Release.number.desc())
        )
    refused = client.post_form("/projecten/demo/publicaties?lang=nl", {})
    assert refused.status_code == 409
    text = refused.get_data(as_text=True)
    assert "Sinds de vorige publicatie deden 0 nieuwe mensen mee." in text
    assert "Wacht nog op 5 deelnemers." in text
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        for _ in range(5):
            b.respond(survey, {"wie": "ouder"})
        db.session.commit()
    page = client.get("/projecten/demo/publicaties?lang=nl").get_data(as_text=True)
    assert "5 nieuwe deelnemers sinds de laatste publicatie." in page
    done = client.post_form("/projecten/demo/publicaties?lang=nl", {})
    assert done.status_code == 302
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert f"Publicatie {(before or 0) + 1} staat online" in page
    with app.app_context():
        latest = db.session.scalars(select(Release).order_by(Release.number.desc())).first()
        assert latest is not None and latest.number == (before or 0) + 1
        assert latest.published_by is not None and latest.published_by.email == COORDINATOR
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "release.publish")
        ).all()[-1]
        assert event.user_id == latest.published_by_id


@pytest.mark.parametrize(
    ("email", "expected"),
    [("stuurgroep@kempenaar.example", 403), ("vrijwilliger@kempenaar.example", 403)],
)
def test_only_coordinators_publish(
    client: PageCheckingClient, demo: None, email: str, expected: int
) -> None:
    login(client, email)
    assert client.get("/projecten/demo/publicaties").status_code == expected
    token = client.csrf_token("/account")
    assert (
        client.post("/projecten/demo/publicaties", data={"csrf_token": token}).status_code
        == expected
    )
    assert Role.COORDINATOR  # the role the page requires


def test_publishing_queues_the_release_news_parents_asked_for(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    from participatie.models import Reminder
    from tests.meetings.helpers import coming_oudergroep, sign_up

    token, *_ = coming_oudergroep(app)
    sign_up(client, token, "ar", phone="+32 486 11 22 33", release_news="y")
    sign_up(client, token, "nl", phone="0470 12 34 56")  # did not ask for news
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        for _ in range(5):
            b.respond(survey, {"wie": "ouder"})
        db.session.commit()
    assert _publish(app, "demo").stdout.strip() == "2"
    with app.app_context():
        news = db.session.scalars(select(Reminder).where(Reminder.subject == "release:2")).all()
        assert len(news) == 1
