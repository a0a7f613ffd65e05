"""Routing picked from earlier questions (no typing), the advanced box, and participants
following it over HTTP."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Question
from tests.conftest import PageCheckingClient
from tests.surveys.helpers import (
    add_question,
    answer,
    as_coordinator,
    begin,
    edit_question,
    new_survey,
    publish,
    stored_answers,
    survey_code,
    survey_url,
)


def _relevant(app: Flask, name: str) -> str:
    with app.app_context():
        return str(db.session.scalar(select(Question.relevant).where(Question.name == name)))


def _route(client: PageCheckingClient, survey_id: str, name: str, data: dict, expect: int = 302):  # type: ignore[no-untyped-def,type-arg]
    url = survey_url(survey_id, f"/vragen/{name}/tonen")
    response = client.post_form(url, {"join": "and", **data})
    assert response.status_code == expect, response.get_data(as_text=True)[:800]
    return response


def test_conditions_from_pickers_and_the_journey_follows_them(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client, "Vrije tijd")
    moeilijk = add_question(client, survey_id, "Waar loopt het moeilijk?", "domains")
    kinderen = add_question(client, survey_id, "Hoeveel kinderen wonen bij jou?", "integer")
    club = add_question(client, survey_id, "Wat houdt je kinderen weg van een club?", "multiple")
    edit_question(
        client,
        survey_id,
        club,
        options=[("Het is te duur", "duur", "money"), ("Het is te ver", "ver", "bus")],
    )
    waarom = add_question(client, survey_id, "Waarom is het te duur?", "text")

    page = client.get(survey_url(survey_id, f"/vragen/{club}/tonen")).get_data(as_text=True)
    # Only earlier questions can be chosen, and their answers are grouped per question.
    assert f'<option value="{moeilijk}">' in page and f'value="{waarom}"' not in page
    assert '<optgroup label="Waar loopt het moeilijk?">' in page

    _route(
        client,
        survey_id,
        club,
        {
            "conditions-0-question": moeilijk,
            "conditions-0-operator": "eq",
            "conditions-0-option": f"{moeilijk}=vrije_tijd",
            "conditions-1-question": kinderen,
            "conditions-1-operator": "gt",
            "conditions-1-number": "0",
        },
    )
    assert (
        _relevant(app, club) == f"selected(${{{moeilijk}}}, 'vrije_tijd') and ${{{kinderen}}} > 0"
    )
    _route(
        client,
        survey_id,
        waarom,
        {
            "conditions-0-question": club,
            "conditions-0-operator": "eq",
            "conditions-0-option": f"{club}=duur",
        },
    )
    assert _relevant(app, waarom) == f"selected(${{{club}}}, 'duur')"

    # The pickers show what is stored; the overview says it in words.
    page = client.get(survey_url(survey_id, f"/vragen/{club}/tonen")).get_data(as_text=True)
    assert f'<option selected value="{moeilijk}=vrije_tijd">' in page
    overview = client.get(survey_url(survey_id)).get_data(as_text=True)
    assert "Alleen als al deze voorwaarden kloppen:" in overview
    assert "<li>„Waar loopt het moeilijk?” is „Vrije tijd en sport”</li>" in overview
    assert "<li>„Hoeveel kinderen wonen bij jou?” is meer dan 0</li>" in overview
    assert "Alleen als „Wat houdt je kinderen weg van een club?” is „Het is te duur”." in overview

    assert publish(client, survey_id).status_code == 302
    code = survey_code(app, survey_id)
    parent = app.test_client()
    begin(parent, code)
    assert answer(parent, code, moeilijk, {"answer": ["wonen"]}).endswith(f"/{kinderen}")
    assert answer(parent, code, kinderen, {"answer": "2"}).endswith(
        "/klaar"
    )  # routing skips the rest
    other = app.test_client()
    begin(other, code)
    answer(other, code, moeilijk, {"answer": ["vrije_tijd"]})
    assert answer(other, code, kinderen, {"answer": "1"}).endswith(f"/{club}")
    assert answer(other, code, club, {"answer": ["duur"]}).endswith(f"/{waarom}")
    answer(other, code, waarom, {"answer": "Lidgeld"})
    assert stored_answers(app, code) == [
        {moeilijk: ["wonen"], kinderen: 2},
        {moeilijk: ["vrije_tijd"], kinderen: 1, club: ["duur"], waarom: "Lidgeld"},
    ]


def test_wrong_picks_and_expressions_get_clear_messages(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    eerste = add_question(client, survey_id, "Heb je kinderen?", "choice")
    edit_question(client, survey_id, eerste, options=[("Ja", "ja", ""), ("Nee", "nee", "")])
    tweede = add_question(client, survey_id, "Hoeveel?", "integer")
    derde = add_question(client, survey_id, "Hoe oud is je oudste kind?", "integer")

    body = _route(client, survey_id, tweede, {}, expect=400).get_data(as_text=True)
    assert "Kies minstens één voorwaarde" in body
    body = _route(
        client,
        survey_id,
        tweede,
        {
            "conditions-0-question": eerste,
            "conditions-0-operator": "gt",
            "conditions-0-number": "2",
        },
        expect=400,
    ).get_data(as_text=True)
    assert "Kies een voorwaarde die bij deze vraag past." in body
    body = _route(
        client,
        survey_id,
        tweede,
        {"conditions-0-question": eerste, "conditions-0-operator": "eq", "conditions-0-option": ""},
        expect=400,
    ).get_data(as_text=True)
    assert "Kies een antwoord van de vraag die je koos." in body
    body = _route(
        client,
        survey_id,
        tweede,
        {"conditions-0-question": derde, "conditions-0-operator": "answered"},
        expect=400,
    ).get_data(as_text=True)
    assert "Kies een vraag die eerder in de vragenlijst staat." in body

    # The advanced box: parsed with the journey's own evaluator, earlier questions only.
    body = _route(
        client,
        survey_id,
        tweede,
        {"use_advanced": "1", "advanced": "${" + eerste + "} = 'ja' and"},
        expect=400,
    ).get_data(as_text=True)
    assert "We kunnen deze voorwaarde niet lezen" in body and "and" in body
    body = _route(
        client,
        survey_id,
        tweede,
        {"use_advanced": "1", "advanced": "${" + derde + "} > 1"},
        expect=400,
    ).get_data(as_text=True)
    assert "Dat moet een vraag zijn die eerder in de vragenlijst staat." in body
    _route(
        client,
        survey_id,
        derde,
        {"use_advanced": "1", "advanced": "${" + eerste + "} = 'ja' or ${" + tweede + "} >= 1"},
    )
    assert _relevant(app, derde) == "${" + eerste + "} = 'ja' or ${" + tweede + "} >= 1"
    # An expression the pickers cannot show opens in the box, with the pickers empty.
    _route(
        client,
        survey_id,
        derde,
        {
            "use_advanced": "1",
            "advanced": "not(${"
            + eerste
            + "} = 'nee') and (${"
            + tweede
            + "} > 1 or ${"
            + tweede
            + "} = '')",
        },
    )
    page = client.get(survey_url(survey_id, f"/vragen/{derde}/tonen")).get_data(as_text=True)
    assert '<details class="panel" open>' in page
    _route(client, survey_id, derde, {"clear": "1"})
    assert _relevant(app, derde) == ""
