"""The participant journey through HTTP: one question per page, back, errors, routing, codes."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Answer, Question, Response, Statement
from tests.conftest import PageCheckingClient, page_client

IDEM = re.compile(r'name="idem" value="([^"]+)"')


def _begin(client: PageCheckingClient) -> str:
    response = client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    assert response.status_code == 302
    return response.headers["Location"]


def _answer(client: PageCheckingClient, name: str, data: dict, expect: int = 302):  # type: ignore[no-untyped-def,type-arg]
    page = client.get(f"/s/DEMO/{name}").get_data(as_text=True)
    form = {"idem": IDEM.search(page).group(1), **data}  # type: ignore[union-attr]
    response = client.post_form(f"/s/DEMO/{name}", form, token_from=f"/s/DEMO/{name}")
    assert response.status_code == expect, response.get_data(as_text=True)[:300]
    return response


def _answers(app: Flask) -> dict[str, object]:
    with app.app_context():
        # The newest response is the one this test made; the demo's are older.
        newest = db.session.scalar(select(func.max(Response.id)))
        rows = db.session.execute(
            select(Question.name, Answer.value, Answer.declined)
            .join(Answer.question)
            .where(Answer.response_id == newest)
        ).all()
        return {name: ("DECLINED" if declined else value) for name, value, declined in rows}


def test_welcome_offers_languages_consent_and_the_feedback_page(
    client: PageCheckingClient, demo: None
) -> None:
    page = client.get("/s/DEMO").get_data(as_text=True)
    assert "Ik doe mee" in page
    assert 'href="/p/demo"' in page
    assert 'lang="ar"' in page and "العربية" in page
    assert "5 minuten" in page


def test_start_page_finds_a_survey_by_code(client: PageCheckingClient, demo: None) -> None:
    response = client.post_form("/", {"code": " demo "})
    assert response.headers["Location"].endswith("/s/DEMO")
    response = client.post_form("/", {"code": "NOPE"})
    assert "We vinden geen vragenlijst" in response.get_data(as_text=True)
    response = client.post_form("/", {"code": ""})
    assert 'href="#code"' in response.get_data(as_text=True)


def test_a_whole_journey_with_back_error_and_routing(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    assert _begin(client).endswith("/s/DEMO/wie")
    page = client.get("/s/DEMO/wie").get_data(as_text=True)
    # The routed follow-up may still come: the longest path counts it (issue 19, honest progress).
    assert "Vraag 1\n" in page and "Nog hoogstens 7 vragen." in page
    # An error: required question left empty.
    response = _answer(client, "wie", {}, expect=400)
    body = response.get_data(as_text=True)
    assert "Kies een antwoord." in body and 'href="#answer"' in body
    assert _answer(client, "wie", {"answer": "ouder"}).headers["Location"].endswith("/kinderen")
    typed = _answer(client, "kinderen", {"answer": "drie"}, expect=400).get_data(as_text=True)
    assert 'value="drie"' in typed  # what was typed stays in the box after the error
    _answer(client, "kinderen", {"answer": "3"})
    # Routing: choosing vrije_tijd adds the follow-up question.
    location = _answer(client, "moeilijk", {"answer": ["wonen", "vrije_tijd"]}).headers["Location"]
    assert location.endswith("/vrije_tijd_drempel")
    routed = client.get("/s/DEMO/vrije_tijd_drempel").get_data(as_text=True)
    assert "Vraag 4\n" in routed and "Nog hoogstens 4 vragen." in routed
    _answer(client, "vrije_tijd_drempel", {"answer": ["duur"]})
    # Back keeps the answer, and un-choosing vrije_tijd removes the follow-up answer.
    back = client.get("/s/DEMO/moeilijk").get_data(as_text=True)
    assert re.search(r'value="vrije_tijd" checked', back)
    assert (
        _answer(client, "moeilijk", {"answer": ["wonen"]}).headers["Location"].endswith("/uitpas")
    )
    assert "vrije_tijd_drempel" not in _answers(app)
    assert client.get("/s/DEMO/vrije_tijd_drempel").status_code == 302
    _answer(client, "uitpas", {"decline": "1"})
    _answer(client, "hulp_vinden", {"answer": "4"})
    _answer(client, "verschil", {"answer": "Een huis zonder vocht."})
    assert _answer(client, "goed", {}).headers["Location"].endswith("/s/DEMO/klaar")
    assert client.get("/s/DEMO/klaar").status_code == 200
    stored = _answers(app)
    assert stored == {
        "wie": "ouder",
        "kinderen": 3,
        "moeilijk": ["wonen"],
        "uitpas": "DECLINED",
        "hulp_vinden": "4",
        "verschil": "Een huis zonder vocht.",
    }
    with app.app_context():
        response_row = db.session.scalar(select(Response).order_by(Response.id.desc()).limit(1))
        assert response_row is not None
        assert response_row.participant_group == "ouder"
        assert response_row.completed_at is not None and response_row.consent_version == 1
        assert (
            db.session.scalar(
                select(func.count(Statement.id))
                .join(Answer)
                .where(Answer.response_id == response_row.id)
            )
            == 1
        )


def test_a_resubmitted_page_stores_one_answer(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _begin(client)
    page = client.get("/s/DEMO/wie").get_data(as_text=True)
    key = IDEM.search(page).group(1)  # type: ignore[union-attr]
    token = client.csrf_token("/s/DEMO/wie")
    for _ in range(2):  # the second post replays the same key with the same answer
        client.post("/s/DEMO/wie", data={"csrf_token": token, "idem": key, "answer": "ouder"})
    assert _answers(app) == {"wie": "ouder"}
    # The same key with another answer is the parent changing it (the back button): stored.
    client.post("/s/DEMO/wie", data={"csrf_token": token, "idem": key, "answer": "andere"})
    assert _answers(app) == {"wie": "andere"}


def test_tampered_values_get_a_message_not_an_error(client: PageCheckingClient, demo: None) -> None:
    _begin(client)
    response = _answer(client, "wie", {"answer": "<script>"}, expect=400)
    assert "Kies een van de antwoorden." in response.get_data(as_text=True)
    _answer(client, "wie", {"answer": "ouder"})
    _answer(client, "kinderen", {"answer": "99"}, expect=400)
    _answer(client, "goed", {"answer": "x" * 501}, expect=400)


def test_question_pages_need_a_started_response(client: PageCheckingClient, demo: None) -> None:
    assert client.get("/s/DEMO/wie").headers["Location"].endswith("/s/DEMO")
    assert client.get("/s/NOPE/wie").status_code == 404


def test_resume_code_on_another_device_and_delete(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _begin(client)
    _answer(client, "wie", {"answer": "ervaringsdeskundige"})
    page = client.post_form("/s/DEMO/code", {}).get_data(as_text=True)
    code = re.search(r'class="code-box"[^>]*>([A-Z0-9-]+)<', page).group(1)  # type: ignore[union-attr]
    with app.app_context():
        stored = db.session.scalar(
            select(Response.resume_hash).where(Response.resume_hash.is_not(None))
        )
        assert stored and code.replace("-", "") not in stored
    other = page_client(app)
    wrong = other.post_form("/s/DEMO/verder", {"resume_code": "AAAA-AAAA"})
    assert wrong.status_code == 400
    resumed = other.post_form("/s/DEMO/verder", {"resume_code": code.lower()})
    assert resumed.headers["Location"].endswith("/s/DEMO/kinderen")
    third = page_client(app)
    deleted = third.post_form("/s/DEMO/wissen", {"resume_code": code})
    assert "zijn gewist" in deleted.get_data(as_text=True)
    with app.app_context():
        assert (
            db.session.scalar(select(Response.id).where(Response.resume_hash.is_not(None))) is None
        )
    assert other.post_form("/s/DEMO/verder", {"resume_code": code}).status_code == 400


def test_qr_code_is_an_svg(client: PageCheckingClient, demo: None) -> None:
    response = client.get("/s/DEMO/qr.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert b"<svg" in response.data


def test_a_filled_honeypot_creates_no_response(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    with app.app_context():
        before = db.session.scalar(select(func.count(Response.id)))
        db.session.remove()
    response = client.post_form(
        "/s/DEMO/start", {"website": "http://spam.example"}, token_from="/s/DEMO"
    )
    assert response.headers["Location"].endswith("/s/DEMO")
    with app.app_context():
        assert db.session.scalar(select(func.count(Response.id))) == before
        db.session.remove()
    assert _begin(client).endswith("/s/DEMO/wie")  # a parent, with the field left empty


def test_odd_numbers_get_a_message(client: PageCheckingClient, demo: None) -> None:
    _begin(client)
    _answer(client, "wie", {"answer": "ouder"})
    for typed in ("--3", "1e3", "nan", "inf", "3.5", "99999999999999999999"):
        response = _answer(client, "kinderen", {"answer": typed}, expect=400)
        assert "Vul een getal in" in response.get_data(as_text=True)
    _answer(client, "kinderen", {"answer": " 3 "})
