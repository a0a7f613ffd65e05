"""The four templates: plain Dutch, ready to publish, and a parent can complete each one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Survey
from participatie.surveys.catalogue import TEMPLATE_KEYS, template_definition
from participatie.surveys.jargon import DEFAULT_JARGON
from participatie.surveys.readability import check_parts, check_text
from tests.conftest import PageCheckingClient, page_client
from tests.surveys.helpers import as_coordinator, begin, new_survey, publish, survey_code

# An answer for each kind of question a template uses.
ANSWERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "select_one": lambda q: {"answer": q["options"][0]["name"]},
    "select_multiple": lambda q: {"answer": [o["name"] for o in q["options"][:2]]},
    "integer": lambda q: {"answer": "7"},
    "text": lambda q: {"answer": "Omdat het dichtbij is."},
}


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_template_texts_are_plain_dutch(key: str) -> None:
    definition = template_definition(key, "de bibliotheek")
    for part in ("title", "intro", "thanks"):
        check = check_text(definition[part]["nl"], "nl", DEFAULT_JARGON)
        assert check.score is not None and check.score >= 70, (part, check)
        assert not [f for f in check.findings if f.kind in {"jargon", "sentence"}], (part, check)
    for question in definition["questions"]:
        parts = [question["label"]["nl"], question.get("hint", {}).get("nl", "")]
        parts += [o["label"]["nl"] for o in question.get("options", [])]
        question_check = check_parts(parts, "nl", DEFAULT_JARGON)
        assert (
            question_check is not None
            and question_check.score is not None
            and question_check.score >= 70
        ), (question["name"], question_check)
        assert not [f for f in check.findings if f.kind in {"jargon", "sentence"}], (
            question["name"],
            check,
        )
        assert "{onderwerp}" not in str(question)


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_a_parent_completes_each_template(
    app: Flask, client: PageCheckingClient, demo: None, key: str
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client, title="", start=key, subject="de huiswerkklas")
    assert publish(client, survey_id).status_code == 302
    code = survey_code(app, survey_id)
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.public_id == survey_id))
        assert survey is not None and str(survey.status) == "open" and survey.opened_at is not None
        if key in {"drempels", "resultaatsmeting"}:
            assert "de huiswerkklas" in survey.title["nl"]
    definition = template_definition(key, "de huiswerkklas")
    parent = page_client(app)
    location = begin(parent, code)
    steps = 0
    while not location.endswith("/klaar"):
        name = location.rsplit("/", 1)[-1]
        question = next(q for q in definition["questions"] if q["name"] == name)
        data = ANSWERS[question["type"]](question)
        page = parent.get(location).get_data(as_text=True)
        idem = page.split('name="idem" value="', 1)[1].split('"', 1)[0]
        response = parent.post_form(location, {"idem": idem, **data}, token_from=location)
        assert response.status_code == 302, (name, response.get_data(as_text=True)[:300])
        location = response.headers["Location"]
        steps += 1
    assert steps >= 5
    if key == "resultaatsmeting":
        # Every verb is asked (meer / hetzelfde / minder / anders), then blij and what changed.
        from tests.surveys.helpers import stored_answers

        answered = stored_answers(app, code)[0]
        assert {"kan", "doe", "durf", "wil", "weet", "tevreden", "verschil"} <= set(answered)
        assert answered["kan"] == "meer"


def test_the_new_survey_page_offers_the_templates(client: PageCheckingClient, demo: None) -> None:
    as_coordinator(client)
    page = client.get("/projecten/demo/vragenlijsten/nieuw").get_data(as_text=True)
    for text in ("Levensdomeinen", "zeven B", "akkoord-schaal", "Resultaatsmeting"):
        assert text in page
    response = client.post_form("/projecten/demo/vragenlijsten/nieuw", {"title": "", "start": ""})
    assert response.status_code == 400
    assert "Geef de vragenlijst een titel." in response.get_data(as_text=True)
