"""A refusal on paper: where the survey offers "Ik wil dit niet zeggen", the printed form has a box
for it and data entry a check box, stored as a refusal like the online button (not as a skip)."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Question
from tests.assist.helpers import VOLUNTEER, csrf
from tests.assist.test_paper import JUMP, allocate, paper_response
from tests.conftest import PageCheckingClient, login

UITPAS = "Heb je een UiTPAS met korting?"


def _open_entry(client: PageCheckingClient, printed: str) -> tuple[str, str]:
    page = client.get(JUMP).get_data(as_text=True)
    jumped = client.post(JUMP, data={"csrf_token": csrf(page), "number": printed})
    assert jumped.status_code == 302
    url = jumped.headers["Location"]
    return url, client.get(url).get_data(as_text=True)


def _uitpas_answer(app: Flask, printed: str) -> tuple[object, bool] | None:
    response = paper_response(app, printed)
    with app.app_context():
        row = db.session.execute(
            select(Answer.value, Answer.declined)
            .join(Answer.question)
            .where(Answer.response_id == response.id, Question.name == "uitpas")
        ).one_or_none()
        return None if row is None else (row[0], row[1])


def test_a_ticked_refusal_is_keyed_in_as_a_refusal(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    (printed,) = allocate(app, 1)
    login(client, VOLUNTEER)
    url, form = _open_entry(client, printed)
    field = re.search(rf'<label for="(q\d+)">\d+\. {re.escape(UITPAS)}</label>', form)
    assert field is not None
    uitpas, declined = field.group(1), f"{field.group(1)}_declined"
    assert f'name="{declined}"' in form and "„Ik wil dit niet zeggen” is aangekruist" in form
    # Only questions that offer the refusal have the box: "Wie ben je?" does not.
    who = re.search(r'<label for="(q\d+)">\d+\. Wie ben je\?</label>', form)
    assert who is not None and f'name="{who.group(1)}_declined"' not in form

    # An answer and the box both: which one the parent meant is asked, and nothing is lost.
    both = client.post(url, data={"csrf_token": csrf(form), uitpas: "1", declined: "y"})
    assert both.status_code == 400
    body = both.get_data(as_text=True)
    assert "Op het papier staat een antwoord én een kruisje" in body
    assert re.search(rf'name="{declined}"[^>]*checked|checked[^>]*name="{declined}"', body)
    assert _uitpas_answer(app, printed) is None

    saved = client.post(url, data={"csrf_token": csrf(body), declined: "y"})
    assert saved.status_code == 302
    assert _uitpas_answer(app, printed) == (None, True)

    # Opened again to correct it, the box is still ticked; unticked and answered, it is an answer.
    _url, again = _open_entry(client, printed)
    assert re.search(rf'name="{declined}"[^>]*checked|checked[^>]*name="{declined}"', again)
    corrected = client.post(url, data={"csrf_token": csrf(again), uitpas: "2"})
    assert corrected.status_code == 302
    assert _uitpas_answer(app, printed) == ("nee", False)
