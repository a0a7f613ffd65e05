"""The answers' fast path (participate/fast_answers.py, issue 18): a participant's answer taken
without Flask's dispatch must store what Flask stores and send them where Flask sends them, and
every unusual answer must reach Flask before anything is written.

Under TESTING the fast path's writes are rolled back and compared with what Flask then does
(fast_answers_check.py); the tests marked "committed" turn that off, so the fast path's own
write (one statement on PostgreSQL, one transaction on SQLite) is what stays in the database.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Answer, IdempotencyKey, Question, Response, Statement
from participatie.participate import fast_answers, fast_answers_check
from participatie.participate.fast_answers import FastAnswers
from participatie.participate.fast_path import ParticipantPages
from tests.conftest import PageCheckingClient, make_app, page_client
from tests.surveys.helpers import IDEM, Counted, begin

CODE = "DEMO"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _answers(app: Flask) -> FastAnswers:
    assert isinstance(app.wsgi_app, ParticipantPages)
    return app.wsgi_app.answers


@pytest.fixture
def parent(app: Flask, demo: None) -> Iterator[PageCheckingClient]:
    client = page_client(app)
    begin(client, CODE)
    yield client


@pytest.fixture
def committed(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path keeps its own writes: no comparison with Flask, which never sees them."""
    monkeypatch.setitem(app.config, "FAST_ANSWERS_CHECK", False)


def _form(client: PageCheckingClient, name: str) -> dict[str, str]:
    """The tokens of the question's page: its CSRF token and idempotency key."""
    page = client.get(f"/s/{CODE}/{name}")
    assert page.status_code == 200, (name, page.status_code)
    text = page.get_data(as_text=True)
    token, key = TOKEN.search(text), IDEM.search(text)
    assert token and key
    return {"csrf_token": token.group(1), "idem": key.group(1)}


def _post(client: PageCheckingClient, name: str, form: dict[str, Any], **kwargs: Any) -> Any:
    return client.post(f"/s/{CODE}/{name}", data=form, **kwargs)


def _public_id(client: PageCheckingClient) -> str:
    with client.session_transaction() as session:
        return str(session["r:" + CODE])


def _stored(app: Flask, client: PageCheckingClient, name: str) -> tuple[Any, bool, datetime] | None:
    """This participant's answer to the question: value, declined, updated_at."""
    with app.app_context():
        row = db.session.execute(
            select(Answer.value, Answer.declined, Answer.updated_at)
            .join(Question, Question.id == Answer.question_id)
            .join(Response, Response.id == Answer.response_id)
            .where(Question.name == name, Response.public_id == _public_id(client))
        ).first()
        db.session.remove()
    return None if row is None else (row[0], row[1], row[2])


def _response(app: Flask, client: PageCheckingClient) -> Response:
    with app.app_context():
        found = db.session.scalars(
            select(Response).where(Response.public_id == _public_id(client))
        ).one()
        db.session.expunge(found)
        db.session.remove()
    return found


def test_an_answer_is_taken_by_the_fast_path_and_checked_against_flask(
    app: Flask, parent: PageCheckingClient
) -> None:
    counted = Counted(_answers(app))
    reply = _post(parent, "wie", {**_form(parent, "wie"), "answer": "ouder"})
    assert reply.status_code == 302
    assert reply.headers["Location"] == f"/s/{CODE}/kinderen"
    assert counted.served == 1
    assert "Set-Cookie" not in reply.headers
    assert reply.headers["X-Frame-Options"] == "DENY"
    assert _response(app, parent).participant_group == "ouder"  # the group question's own column


def test_the_committed_answers_of_a_journey(
    app: Flask, parent: PageCheckingClient, committed: None
) -> None:
    counted = Counted(_answers(app))
    steps: list[tuple[str, dict[str, Any], str]] = [
        ("wie", {"answer": "ouder"}, "kinderen"),
        ("kinderen", {"answer": "2"}, "moeilijk"),
        ("moeilijk", {"answer": ["wonen", "inkomen"]}, "uitpas"),
        ("uitpas", {"decline": "1"}, "hulp_vinden"),
        ("hulp_vinden", {"answer": "5"}, "verschil"),
        ("verschil", {"answer": "Een warme woning."}, "goed"),
    ]
    for name, data, following in steps:
        reply = _post(parent, name, {**_form(parent, name), **data})
        assert reply.headers["Location"] == f"/s/{CODE}/{following}", name
    assert counted.served == len(steps)
    assert [_stored(app, parent, name)[:2] for name, _data, _next in steps] == [  # type: ignore[index]
        ("ouder", False),
        (2, False),
        (["inkomen", "wonen"], False),
        (None, True),
        ("5", False),
        ("Een warme woning.", False),
    ]
    response = _response(app, parent)
    assert response.participant_group == "ouder" and response.completed_at is None
    public_id = _public_id(parent)
    with app.app_context():
        statement = db.session.scalars(  # the open answer's, to tag
            select(Statement)
            .join(Answer, Answer.id == Statement.answer_id)
            .join(Response, Response.id == Answer.response_id)
            .where(Response.public_id == public_id)
        ).one()
        assert (statement.language, statement.source.value) == ("nl", "survey")
        assert len(statement.public_id) > 10
        keys = select(func.count()).where(IdempotencyKey.object_id == public_id)
        assert db.session.scalar(keys) == len(steps)
        db.session.remove()


def test_a_double_tap_stores_once_and_a_changed_answer_with_the_same_key_applies(
    app: Flask, parent: PageCheckingClient, committed: None
) -> None:
    form = _form(parent, "kinderen")
    counted = Counted(_answers(app))
    first = _post(parent, "kinderen", {**form, "answer": "2"})
    stored = _stored(app, parent, "kinderen")
    touched = _response(app, parent).updated_at
    again = _post(parent, "kinderen", {**form, "answer": "2"})
    assert first.headers["Location"] == again.headers["Location"] == f"/s/{CODE}/moeilijk"
    assert _stored(app, parent, "kinderen") == stored  # not written again
    assert _response(app, parent).updated_at == touched
    changed = _post(parent, "kinderen", {**form, "answer": "3"})  # back button, other choice
    assert changed.status_code == 302
    after = _stored(app, parent, "kinderen")
    assert after is not None and after[0] == 3
    assert _response(app, parent).updated_at > touched
    assert counted.served == 3


def test_a_key_of_another_response_is_not_claimed(
    app: Flask, parent: PageCheckingClient, committed: None
) -> None:
    form = _form(parent, "kinderen")
    _post(parent, "kinderen", {**form, "answer": "2"})
    other = page_client(app)
    begin(other, CODE)
    counted = Counted(_answers(app))
    reply = _post(
        other, "kinderen", {**_form(other, "kinderen"), "idem": form["idem"], "answer": "4"}
    )
    assert reply.headers["Location"] == f"/s/{CODE}/moeilijk"
    assert counted.served == 1
    assert _stored(app, other, "kinderen") is None  # as claim_idempotency_key: the key
    assert _stored(app, parent, "kinderen")[0] == 2  # type: ignore[index]  # stays the first's


def test_a_refused_csrf_token_is_flasks_400(app: Flask, parent: PageCheckingClient) -> None:
    form = _form(parent, "wie")
    stranger = page_client(app)
    other_token = TOKEN.search(stranger.get(f"/s/{CODE}").get_data(as_text=True))
    assert other_token
    counted = Counted(_answers(app))
    for token in ("", "not-a-token", other_token.group(1), form["csrf_token"][:-3] + "abc"):
        reply = _post(parent, "wie", {**form, "csrf_token": token, "answer": "ouder"})
        assert reply.status_code == 400
    assert counted.served == 0
    assert _stored(app, parent, "wie") is None


def test_over_https_the_referrer_must_be_this_site(app: Flask, parent: PageCheckingClient) -> None:
    form = {**_form(parent, "wie"), "answer": "ouder"}
    https = {"wsgi.url_scheme": "https"}
    counted = Counted(_answers(app))
    assert _post(parent, "wie", form, environ_overrides=https).status_code == 400
    elsewhere = {"Referer": "https://elders.example/s/DEMO/wie"}
    assert _post(parent, "wie", form, environ_overrides=https, headers=elsewhere).status_code == 400
    assert counted.served == 0
    here = {"Referer": "https://localhost/s/DEMO/wie"}
    reply = _post(parent, "wie", form, environ_overrides=https, headers=here)
    assert reply.status_code == 302 and counted.served == 1


def test_a_validation_error_is_flasks_page_in_the_participants_language(
    app: Flask, demo: None
) -> None:
    client = page_client(app)
    begin(client, CODE, lang="en")
    counted = Counted(_answers(app))
    reply = _post(client, "wie", _form(client, "wie"))  # required, left empty
    assert reply.status_code == 400
    assert "Choose an answer." in reply.get_data(as_text=True)
    reply = _post(client, "kinderen", {**_form(client, "kinderen"), "answer": "99"})
    assert reply.status_code == 400
    assert counted.served == 0 and _stored(app, client, "kinderen") is None


def test_the_last_answer_completes_the_response_through_flask(
    app: Flask, parent: PageCheckingClient
) -> None:
    counted = Counted(_answers(app))
    reply = _post(parent, "goed", {**_form(parent, "goed"), "answer": "De school."})
    assert reply.headers["Location"] == f"/s/{CODE}/klaar"
    assert counted.served == 0
    assert _response(app, parent).completed_at is not None
    # Completed already: complete() changes nothing, so a changed last answer is taken here.
    reply = _post(parent, "goed", {**_form(parent, "goed"), "answer": "De buren."})
    assert reply.headers["Location"] == f"/s/{CODE}/klaar"
    assert counted.served == 1


def test_an_answer_after_which_routing_skips_an_answer_goes_to_flask(
    app: Flask, parent: PageCheckingClient
) -> None:
    _post(parent, "moeilijk", {**_form(parent, "moeilijk"), "answer": ["vrije_tijd"]})
    drempel = {**_form(parent, "vrije_tijd_drempel"), "answer": ["duur"]}
    assert _post(parent, "vrije_tijd_drempel", drempel).status_code == 302
    counted = Counted(_answers(app))
    reply = _post(parent, "moeilijk", {**_form(parent, "moeilijk"), "answer": ["wonen"]})
    assert reply.headers["Location"] == f"/s/{CODE}/uitpas"
    assert counted.served == 0  # prune_skipped deletes the other answer: Flask's
    assert _stored(app, parent, "vrije_tijd_drempel") is None


def test_fast_and_flask_answers_alternate_through_a_journey(
    app: Flask, parent: PageCheckingClient, committed: None
) -> None:
    counted = Counted(_answers(app))
    steps: list[tuple[str, dict[str, Any]]] = [
        ("wie", {"answer": "ouder"}),
        ("kinderen", {"answer": "1"}),
        ("moeilijk", {"answer": ["wonen"]}),
        ("uitpas", {"answer": "ja"}),
        ("hulp_vinden", {"answer": "4"}),
        ("verschil", {"answer": "Meer tijd."}),
        ("goed", {"answer": "Alles."}),
    ]
    for index, (name, data) in enumerate(steps):
        form = {**_form(parent, name), **data}
        if index % 2:
            del form["idem"]  # an old page without a key: Flask's
        assert _post(parent, name, form).status_code == 302
    assert counted.served == 3  # wie, moeilijk, hulp_vinden; goed completes through Flask
    assert _response(app, parent).completed_at is not None
    assert [_stored(app, parent, name)[0] for name, _data in steps] == [  # type: ignore[index]
        "ouder", 1, ["wonen"], "ja", "4", "Meer tijd.", "Alles.",
    ]  # fmt: skip


def test_a_connection_lost_on_the_write_leaves_the_answer_to_flask(
    app: Flask, parent: PageCheckingClient, committed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = {**_form(parent, "wie"), "answer": "ouder"}
    writer = _answers(app).writer()

    def connection_lost(*_args: Any) -> bool:
        raise writer.dialect.loaded_dbapi.OperationalError("server closed the connection")

    monkeypatch.setattr(writer, "apply", connection_lost)
    counted = Counted(_answers(app))
    reply = _post(parent, "wie", form)
    assert reply.headers["Location"] == f"/s/{CODE}/kinderen"
    assert counted.served == 0
    assert _stored(app, parent, "wie") is not None  # Flask's own connection stored it


def test_the_check_fails_when_the_fast_path_would_send_elsewhere(
    app: Flask, parent: PageCheckingClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = {**_form(parent, "wie"), "answer": "ouder"}
    monkeypatch.setattr(FastAnswers, "_location", lambda *_args: f"/s/{CODE}/uitpas")
    with pytest.raises(fast_answers_check.FastAnswerMismatch):
        _post(parent, "wie", form)


def test_the_check_fails_when_the_fast_path_would_store_another_value(
    app: Flask, parent: PageCheckingClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = {**_form(parent, "wie"), "answer": "ouder"}
    real_plan = FastAnswers.plan

    def other_value(self: FastAnswers, *args: Any) -> fast_answers.Planned | None:
        planned = real_plan(self, *args)
        assert planned is not None
        wrong = planned.write.__class__(**{**planned.write.__dict__, "value": "grootouder"})
        return planned._replace(write=wrong)

    monkeypatch.setattr(FastAnswers, "plan", other_value)
    with pytest.raises(fast_answers_check.FastAnswerMismatch):
        _post(parent, "wie", form)


def test_answers_posted_together_leave_one_row_and_one_statement(
    app: Flask, parent: PageCheckingClient, committed: None
) -> None:
    """Eight pages of one open question posted at once, each with its own key: the upserts meet
    in the database (one statement on PostgreSQL, a transaction each on SQLite)."""
    form = _form(parent, "verschil")
    cookie = parent.get_cookie("session")
    assert cookie is not None
    barrier = threading.Barrier(8)

    def post(index: int) -> int:
        client = page_client(app)
        client.set_cookie("session", cookie.value)
        barrier.wait()
        data = {**form, "idem": f"samen-{index}", "answer": f"tekst {index}"}
        return int(_post(client, "verschil", data).status_code)

    counted = Counted(_answers(app))
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(post, range(8)))
    assert statuses == [302] * 8
    assert counted.served == 8
    public_id = _public_id(parent)
    with app.app_context():
        answers = db.session.scalars(
            select(Answer.id)
            .join(Response, Response.id == Answer.response_id)
            .where(Response.public_id == public_id)
        ).all()
        statements = db.session.scalar(
            select(func.count()).select_from(Statement).where(Statement.answer_id.in_(answers))
        )
        db.session.remove()
    assert len(answers) == 1 and statements == 1


def test_behind_a_proxy_the_forwarded_scheme_decides_the_referrer_check(
    database_url: str, demo: None, tmp_path: Path
) -> None:
    """PROXY_COUNT trusts the last X-Forwarded-Proto (ProxyFix in security.py): HTTPS there
    means Flask-WTF checks the Referer, and so does the fast path."""
    proxied = make_app(database_url, tmp_path, PROXY_COUNT=1)
    client = page_client(proxied)
    begin(client, CODE)
    counted = Counted(_answers(proxied))
    https = {"X-Forwarded-Proto": "https"}
    form = {**_form(client, "wie"), "answer": "ouder"}
    assert _post(client, "wie", form, headers=https).status_code == 400
    assert counted.served == 0
    spoofed = {"X-Forwarded-Proto": "https, http"}  # the proxy's own value is the last one
    assert _post(client, "wie", form, headers=spoofed).status_code == 302
    here = {**https, "Referer": "https://localhost/s/DEMO/wie"}
    assert _post(client, "wie", {**form, "idem": "ander"}, headers=here).status_code == 302
    assert counted.served == 2
    with proxied.app_context():
        db.engine.dispose()
