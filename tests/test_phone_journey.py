"""Issue 19 through HTTP: the skip that was promised, honest progress, one thank-you, the code
after finishing and an erase page that speaks of the code and has a way back."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Question, Response
from tests.conftest import PageCheckingClient, page_client
from tests.test_journey import _answer, _begin

PROGRESS = re.compile(r"Vraag (\d+)\n.*?Nog hoogstens (\d+) vra", re.S)


def _progress(client: PageCheckingClient, name: str) -> tuple[int, int]:
    page = client.get(f"/s/DEMO/{name}").get_data(as_text=True)
    found = PROGRESS.search(page)
    assert found, page[:400]
    number, left = int(found.group(1)), int(found.group(2))
    return number, number + left


def test_welcome_promises_skipping_only_where_true(client: PageCheckingClient, demo: None) -> None:
    page = client.get("/s/DEMO").get_data(as_text=True)
    # Two DEMO questions are required: the welcome page names them instead of promising a skip.
    assert "Je mag een vraag overslaan of altijd stoppen." not in page
    assert "Op deze vragen moet je antwoorden:" in page
    assert "<li>Wie ben je?</li>" in page
    assert "De andere vragen mag je overslaan." in page


def test_skip_on_every_optional_question_stores_no_answer(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _begin(client)
    required = client.get("/s/DEMO/wie").get_data(as_text=True)
    assert "Sla deze vraag over" not in required
    _answer(client, "wie", {"answer": "ouder"})
    _answer(client, "kinderen", {"answer": "2"})
    optional = client.get("/s/DEMO/moeilijk").get_data(as_text=True)
    assert 'name="skip"' in optional and "Sla deze vraag over" in optional
    assert 'name="decline"' in optional and "Ik wil dit niet zeggen" in optional
    # Half ticked, then skipped: nothing is kept, and it is not "Ik wil dit niet zeggen".
    _answer(client, "moeilijk", {"answer": ["wonen"], "skip": "1"})
    with app.app_context():
        newest = db.session.scalar(select(Response.id).order_by(Response.id.desc()).limit(1))
        row = db.session.execute(
            select(Answer.value, Answer.declined)
            .join(Answer.question)
            .where(Answer.response_id == newest, Question.name == "moeilijk")
        ).one_or_none()
        # An empty answer, or none at all; never "Ik wil dit niet zeggen".
        assert row is None or (row.value in (None, []) and row.declined is False), row
        db.session.remove()


def test_progress_never_goes_back_and_its_total_only_shrinks(
    client: PageCheckingClient, demo: None
) -> None:
    _begin(client)
    seen = [_progress(client, "wie")]
    _answer(client, "wie", {"answer": "ouder"})
    seen.append(_progress(client, "kinderen"))
    _answer(client, "kinderen", {"answer": "2"})
    seen.append(_progress(client, "moeilijk"))
    _answer(client, "moeilijk", {"answer": ["wonen", "vrije_tijd"]})  # routes in a follow-up
    seen.append(_progress(client, "vrije_tijd_drempel"))
    _answer(client, "vrije_tijd_drempel", {"answer": ["duur"]})
    for name in ("uitpas", "hulp_vinden", "verschil", "goed"):
        seen.append(_progress(client, name))
        _answer(client, name, {"skip": "1"})
    numbers = [number for number, _ in seen]
    totals = [total for _, total in seen]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), seen
    assert totals == sorted(totals, reverse=True), seen  # routing only ever shortens the path
    assert seen[0] == (1, 8) and seen[-1] == (8, 8), seen


def test_one_thank_you_then_a_code_to_keep(client: PageCheckingClient, demo: None) -> None:
    _begin(client)
    for name, data in [
        ("wie", {"answer": "ouder"}),
        ("kinderen", {"answer": "1"}),
        ("moeilijk", {"skip": "1"}),
        ("uitpas", {"skip": "1"}),
        ("hulp_vinden", {"skip": "1"}),
        ("verschil", {"skip": "1"}),
        ("goed", {"skip": "1"}),
    ]:
        _answer(client, name, data)
    thanks = client.get("/s/DEMO/klaar").get_data(as_text=True)
    assert thanks.count("Bedankt") == 1, thanks
    assert "<h1>Je antwoorden zijn bewaard</h1>" in thanks
    assert 'action="/s/DEMO/code"' in thanks  # a button that gives the code, not another page
    page = client.post_form("/s/DEMO/code", {}, token_from="/s/DEMO/klaar").get_data(as_text=True)
    assert 'class="code-box"' in page
    assert "Wil je je antwoorden later nog veranderen of wissen? Bewaar deze code." in page
    assert "Verder met de vragen" not in page


def test_erase_page_speaks_of_the_code_and_has_a_way_back(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    _begin(client)
    _answer(client, "wie", {"answer": "ouder"})
    page = client.post_form("/s/DEMO/code", {}).get_data(as_text=True)
    code = re.search(r'class="code-box"[^>]*>([A-Z0-9-]+)<', page).group(1)  # type: ignore[union-attr]
    other = page_client(app)
    other.post_form("/s/DEMO/verder", {"resume_code": code})
    erase = other.get("/s/DEMO/wissen").get_data(as_text=True)
    assert "Dit wist alle antwoorden die bij je code horen." in erase
    assert "op dit toestel" not in erase
    assert "Ja, wis alles" in erase and "Nee, terug" in erase
    fresh = app.test_client().get("/s/DEMO/wissen").get_data(as_text=True)
    assert 'name="resume_code"' in fresh and 'href="/s/DEMO">Nee, terug' in fresh


def test_agreement_faces_differ_in_mouth_and_colour_and_carry_words(
    client: PageCheckingClient, demo: None
) -> None:
    _begin(client)
    for name, data in [
        ("wie", {"answer": "ouder"}),
        ("kinderen", {"answer": "1"}),
        ("moeilijk", {"skip": "1"}),
        ("uitpas", {"skip": "1"}),
    ]:
        _answer(client, name, data)
    page = client.get("/s/DEMO/hulp_vinden").get_data(as_text=True)
    faces = re.findall(
        r'<symbol id="p-face\d"[^>]*><g stroke="(#[0-9a-f]{6})">.*?<path d="M9[^"]*"[^>]*/><path d="([^"]+)"',
        page,
    )
    assert len(faces) == 6 and len({c for c, _ in faces}) == 6 and len({m for _, m in faces}) == 6
    assert "Helemaal niet akkoord</span>" in page and "Helemaal akkoord</span>" in page
