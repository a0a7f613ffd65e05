"""Issue 19, item 2: the coordinator chooses per question whether "Ik wil dit niet zeggen" is
offered; parents see it only there; a refusal is reported as declined, not as a missing answer.
Item 7: the words at both ends of a 0-10 scale come from the definition, in every language."""

from __future__ import annotations

import json

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Survey
from participatie.surveys.texts import text_units
from tests.conftest import PageCheckingClient
from tests.surveys.helpers import (
    add_question,
    answer,
    as_coordinator,
    begin,
    edit_question,
    new_survey,
    publish,
    survey_code,
    survey_url,
)


def _survey(app: Flask, client: PageCheckingClient) -> tuple[str, str]:
    as_coordinator(client)
    survey_id = new_survey(client, "Hoe gaat het met de hulp?")
    money = add_question(client, survey_id, "Kun je alle rekeningen betalen?", "choice")
    edit_question(
        client,
        survey_id,
        money,
        offer_decline="y",
        options=[("Ja", "ja", ""), ("Nee", "nee", "")],
    )
    school = add_question(client, survey_id, "Gaan je kinderen graag naar school?", "choice")
    edit_question(client, survey_id, school, options=[("Ja", "ja", ""), ("Nee", "nee", "")])
    score = add_question(client, survey_id, "Welk cijfer geef je de hulp?", "integer")
    edit_question(
        client,
        survey_id,
        score,
        minimum="0",
        maximum="10",
        low_label="heel slecht",
        high_label="heel goed",
    )
    # A required question cannot offer a refusal: the builder does not keep the choice.
    must = add_question(client, survey_id, "Hoeveel kinderen heb je?", "integer")
    edit_question(client, survey_id, must, required="y", offer_decline="y")
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.public_id == survey_id))
        assert survey is not None
        offered = {q.name: q.offer_decline for q in survey.questions}
        assert offered == {money: True, school: False, score: False, must: False}
    return survey_id, survey_code(app, survey_id) if publish(client, survey_id) else ""


def test_the_refusal_is_offered_only_where_chosen_and_reported_as_declined(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    survey_id, code = _survey(app, client)
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        names = [q.name for q in survey.questions]
    money, school, score, must = names
    parent = app.test_client()
    begin(parent, code)
    page = parent.get(f"/s/{code}/{money}").get_data(as_text=True)
    assert 'name="decline"' in page and "Ik wil dit niet zeggen" in page
    assert 'name="skip"' in page
    answer(parent, code, money, {"decline": "1"})
    page = parent.get(f"/s/{code}/{school}").get_data(as_text=True)
    assert 'name="decline"' not in page and 'name="skip"' in page
    answer(parent, code, school, {"skip": "1"})
    page = parent.get(f"/s/{code}/{score}").get_data(as_text=True)
    assert page.count('type="radio"') == 11
    assert '<span id="scale-low">0 = <span>heel slecht</span></span>' in page
    assert '<span id="scale-high">10 = <span>heel goed</span></span>' in page
    assert 'value="0" id="answer" aria-describedby="scale-low"' in page
    answer(parent, code, score, {"answer": "7"})
    page = parent.get(f"/s/{code}/{must}").get_data(as_text=True)
    assert 'name="decline"' not in page and 'name="skip"' not in page

    # Four more refuse and five answer: the report counts five refusals apart from the five
    # answers (percentages of the answers only), and a skip nowhere.
    for choice in ["decline"] * 4 + ["ja"] * 5:
        other = app.test_client()
        begin(other, code)
        answer(other, code, money, {"decline": "1"} if choice == "decline" else {"answer": "ja"})
        # Where the refusal is not offered, a posted one (an old page, a crafted form) is read
        # as the answer fields say: the answer is kept, no refusal is counted.
        answer(other, code, school, {"decline": "1", "answer": "nee"})
    report = json.loads(
        client.get(f"/projecten/demo/resultaten/{code}/json?live=1").get_data(as_text=True)
    )
    by_name = {q["name"]: q for q in report["questions"]}
    assert by_name[money]["declined"] == 5 and by_name[money]["n"] == 5
    assert by_name[school]["declined"] in (0, None) and by_name[school]["n"] == 9
    assert survey_id


def test_the_end_words_are_texts_to_translate(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    survey_id, code = _survey(app, client)
    page = client.get(survey_url(survey_id, "/vertalen/ar")).get_data(as_text=True)
    assert "heel slecht" in page and "heel goed" in page
    with app.test_request_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        ids = {unit.id for unit in text_units(survey, "ar")}
    score = [i for i in ids if i.endswith(":low_label")]
    assert len(score) == 1 and score[0].replace("low_label", "high_label") in ids
