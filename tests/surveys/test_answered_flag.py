"""responses.answered, the flag the participant counts read (issue 22), stays exactly "this
response has an answer row": set by answering, cleared when the last answer goes, on every path.

The database keeps it (triggers, migration 0016_answered_flag). These tests go through the real
entry points: the journey's pages, the offline sync, the participant's own erasure, the purge
command, and plain SQL for what no page does (a bulk DELETE, an answer moved). Besides them,
every test that uses the database ends with `tests.conftest.assert_answered_flags_exact`.
"""

from __future__ import annotations

import re
from datetime import timedelta

from flask import Flask
from sqlalchemy import func, select, text, update

from participatie.extensions import db
from participatie.models import Answer, Question, Quote, Response, Survey
from participatie.models.base import utcnow
from participatie.report.participants import survey_participants
from tests.assist.test_sync import conversation, offline_responses, send
from tests.conftest import PageCheckingClient, answered_flag_mismatches, login
from tests.home.helpers import COORDINATOR, VOLUNTEER, logged_in, steps

IDEM = re.compile(r'name="idem" value="([^"]+)"')


def _flag(app: Flask, response_id: int) -> bool:
    with app.app_context():
        answered = db.session.scalar(select(Response.answered).where(Response.id == response_id))
        db.session.remove()
    assert answered is not None, f"response {response_id} is gone"
    return answered


def _newest(app: Flask) -> int:
    with app.app_context():
        newest = db.session.scalar(select(func.max(Response.id)))
        db.session.remove()
    assert newest is not None
    return newest


def _counted(coordinator: PageCheckingClient) -> int:
    """Responses and quotes on the coordinator's home ("Antwoorden en uitspraken geteld")."""
    page = coordinator.get("/projecten/demo").get_data(as_text=True)
    return steps(page)["geteld"][1]


def _participants(app: Flask, code: str = "DEMO") -> int:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        count = survey_participants(survey)
        db.session.remove()
    return count


def _answer(client: PageCheckingClient, name: str, data: dict[str, object]) -> None:
    page = client.get(f"/s/DEMO/{name}").get_data(as_text=True)
    idem = IDEM.search(page)
    assert idem, page[:300]
    response = client.post_form(
        f"/s/DEMO/{name}", {"idem": idem.group(1), **data}, token_from=f"/s/DEMO/{name}"
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:300]


def test_the_first_answer_sets_the_flag_and_the_home_counts_the_parent(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    # Logged in once: a second login within 30 s waits for the next two-factor code.
    coordinator = logged_in(app, COORDINATOR)
    counted = _counted(coordinator)
    begun = client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    assert begun.headers["Location"].endswith("/s/DEMO/wie")
    response_id = _newest(app)
    # Consented, but nothing said yet: not a participant.
    assert _flag(app, response_id) is False
    assert _counted(coordinator) == counted
    _answer(client, "wie", {"answer": "ouder"})
    assert _flag(app, response_id) is True
    assert _counted(coordinator) == counted + 1
    # Routing prunes an answer (vrije_tijd dropped, its follow-up goes): others remain, still set.
    _answer(client, "kinderen", {"answer": "2"})
    _answer(client, "moeilijk", {"answer": ["vrije_tijd"]})
    _answer(client, "vrije_tijd_drempel", {"answer": ["duur"]})
    _answer(client, "moeilijk", {"answer": ["wonen"]})
    with app.app_context():
        names = db.session.scalars(
            select(Question.name).join(Answer.question).where(Answer.response_id == response_id)
        ).all()
        db.session.remove()
    assert sorted(names) == ["kinderen", "moeilijk", "wie"]
    assert _flag(app, response_id) is True
    assert _counted(coordinator) == counted + 1


def test_an_offline_conversation_replaced_by_one_without_answers_is_no_longer_counted(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    before = _participants(app)
    login(client, VOLUNTEER)
    item = conversation()
    assert send(client, [item]).get_json()["results"][0]["status"] == "stored"
    (stored,) = offline_responses(app)
    assert _flag(app, stored.id) is True and _participants(app) == before + 1
    # The device's version, with every answer taken back: the sync deletes them all.
    emptied = dict(item, answers={}, replace=True)
    assert send(client, [emptied]).get_json()["results"][0]["status"] == "stored"
    assert _flag(app, stored.id) is False and _participants(app) == before
    # And answered again.
    again = dict(item, answers={"wie": {"answer": ["ouder"]}}, replace=True)
    assert send(client, [again]).get_json()["results"][0]["status"] == "stored"
    assert _flag(app, stored.id) is True and _participants(app) == before + 1


def test_erasing_ones_own_answers_and_the_purge_leave_no_stale_count(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    # Logged in once: a second login within 30 s waits for the next two-factor code.
    coordinator = logged_in(app, COORDINATOR)
    counted = _counted(coordinator)
    client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    _answer(client, "wie", {"answer": "ouder"})
    assert _counted(coordinator) == counted + 1
    erased = client.post_form("/s/DEMO/wissen", {})
    assert erased.status_code == 200 and _counted(coordinator) == counted
    # Responses past the retention period go with their answers (participatie purge).
    with app.app_context():
        db.session.execute(update(Response).values(created_at=utcnow() - timedelta(days=4000)))
        db.session.commit()
        db.session.remove()
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Response.id))) == 0
        quotes = db.session.scalar(select(func.count(Quote.id)))
        db.session.remove()
    assert _participants(app) == 0 and _counted(coordinator) == quotes


def test_the_database_keeps_the_flag_whatever_deletes_or_moves_answers(
    app: Flask, demo: None
) -> None:
    """What no page does, a script might: plain SQL on `answers` keeps the flag exact too."""
    with app.app_context():
        first, second = db.session.scalars(
            select(Response.id).where(Response.answered).order_by(Response.id).limit(2)
        ).all()
        # Every answer of `first` moved to `second`: first has none left, second still has.
        # (Those to questions `second` answered too would break its one-answer-per-question.)
        db.session.execute(
            text(
                "DELETE FROM answers WHERE response_id = :id AND question_id IN"
                " (SELECT question_id FROM answers WHERE response_id = :other)"
            ),
            {"id": first, "other": second},
        )
        db.session.execute(
            text("UPDATE answers SET response_id = :to WHERE response_id = :from_"),
            {"to": second, "from_": first},
        )
        assert answered_flag_mismatches() == 0
        rows = db.session.execute(
            select(Response.id, Response.answered).where(Response.id.in_((first, second)))
        ).all()
        flags = {response_id: answered for response_id, answered in rows}
        assert flags == {first: False, second: True}
        # A bulk DELETE of every answer in the project: no response is answered any more.
        db.session.execute(text("DELETE FROM answers"))
        assert db.session.scalar(select(func.count()).where(Response.answered)) == 0
        db.session.rollback()
        db.session.remove()
