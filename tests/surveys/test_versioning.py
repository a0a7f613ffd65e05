"""Once people answered, structural edits make a new version and earlier answers stay intact."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Question, Response, Statement, Survey
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
    survey_row,
    survey_url,
)


def _build(client: PageCheckingClient) -> tuple[str, dict[str, str]]:
    survey_id = new_survey(client, "Onze buurt")
    names = {
        "kleur": add_question(client, survey_id, "Welke kleur heeft je deur?", "choice"),
        "kinderen": add_question(client, survey_id, "Hoeveel kinderen wonen bij jou?", "integer"),
        "verhaal": add_question(client, survey_id, "Vertel iets over je straat.", "long_text"),
    }
    edit_question(
        client,
        survey_id,
        names["kleur"],
        options=[("Rood", "rood", ""), ("Groen", "groen", ""), ("Blauw", "blauw", "")],
    )
    assert publish(client, survey_id).status_code == 302
    return survey_id, names


def test_structural_edits_after_answers_keep_earlier_answers(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id, names = _build(client)
    code = survey_code(app, survey_id)
    participant = app.test_client()
    begin(participant, code)
    answer(participant, code, names["kleur"], {"answer": "rood"})
    answer(participant, code, names["kinderen"], {"answer": "2"})
    answer(participant, code, names["verhaal"], {"answer": "Er is een speeltuin."})
    first = stored_answers(app, code)
    assert first == [
        {names["kleur"]: "rood", names["kinderen"]: 2, names["verhaal"]: "Er is een speeltuin."}
    ]

    # The builder notices the response: the survey is frozen at it.
    page = client.get(survey_url(survey_id)).get_data(as_text=True)
    assert "maken we een nieuwe versie" in page
    assert survey_row(app, survey_id).frozen_at is not None

    # Wording is not structural: same version, new revision.
    revision = survey_row(app, survey_id).revision
    edit_question(client, survey_id, names["kleur"], label="Welke kleur heeft jullie voordeur?")
    assert (survey_row(app, survey_id).version, survey_row(app, survey_id).revision) == (
        1,
        revision + 1,
    )

    # An option somebody chose cannot go or be renamed; one nobody chose can.
    refused = edit_question(
        client,
        survey_id,
        names["kleur"],
        expect=400,
        options=[("Groen", "groen", ""), ("Blauw", "blauw", "")],
    )
    assert "Dit antwoord is al gekozen" in refused.get_data(as_text=True)
    refused = edit_question(
        client,
        survey_id,
        names["kleur"],
        expect=400,
        options=[("Rood", "rood_2", ""), ("Groen", "groen", "")],
    )
    assert "Dit antwoord is al gekozen" in refused.get_data(as_text=True)
    saved = edit_question(
        client, survey_id, names["kleur"], options=[("Rood", "rood", ""), ("Groen", "groen", "")]
    )
    assert survey_row(app, survey_id).version == 2
    # The change of version is told in plain words.
    assert "versie 2" in client.get(saved.headers["Location"]).get_data(as_text=True)

    # A kind that cannot hold the answers is refused; integer → decimal keeps them.
    refused = edit_question(client, survey_id, names["kleur"], expect=400, kind="multiple")
    assert "Maak een kopie van de vraag" in refused.get_data(as_text=True)
    edit_question(client, survey_id, names["kinderen"], kind="decimal")

    # Removing an answered question takes it out of this version; its answers stay.
    client.post_form(survey_url(survey_id, f"/vragen/{names['verhaal']}/wissen"), {})
    added = add_question(client, survey_id, "Is er een park?", "choice")
    edit_question(client, survey_id, added, options=[("Ja", "ja", "yes"), ("Nee", "nee", "no")])
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.public_id == survey_id))
        assert survey is not None and survey.version == 2
        questions = {q.name: q for q in survey.questions}
        assert questions[names["verhaal"]].until_version == 2
        assert questions[added].since_version == 2
        # The open answer is still a statement to tag.
        assert db.session.execute(select(func.count(Statement.id))).scalar_one() >= 1

    # The participant pages show the new version; a new participant answers it.
    other = app.test_client()
    begin(other, code)
    assert other.get(f"/s/{code}/{names['verhaal']}").status_code == 404
    answer(other, code, names["kleur"], {"answer": "groen"})
    answer(other, code, names["kinderen"], {"answer": "1,5"})
    assert answer(other, code, added, {"answer": "ja"}).endswith(f"/s/{code}/klaar")

    responses = stored_answers(app, code)
    assert responses[0] == first[0]  # earlier answers untouched, removed question included
    assert responses[1] == {names["kleur"]: "groen", names["kinderen"]: 1.5, added: "ja"}
    with app.app_context():
        versions = list(
            db.session.scalars(
                select(Response.survey_version)
                .order_by(Response.id)
                .where(Response.survey_id == survey.id)
            )
        )
        assert versions == [1, 2]


def test_a_question_routing_depends_on_cannot_go_or_move_above(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id, names = _build(client)
    client.post_form(
        survey_url(survey_id, f"/vragen/{names['verhaal']}/tonen"),
        {
            "conditions-0-question": names["kleur"],
            "conditions-0-operator": "eq",
            "conditions-0-option": f"{names['kleur']}=groen",
            "join": "and",
        },
    )
    with app.app_context():
        relevant = db.session.scalar(
            select(Question.relevant).where(Question.name == names["verhaal"])
        )
    assert relevant == f"${{{names['kleur']}}} = 'groen'"
    page = client.get(survey_url(survey_id, f"/vragen/{names['kleur']}/wissen")).get_data(
        as_text=True
    )
    assert "Pas eerst bij die vragen aan" in page
    client.post_form(survey_url(survey_id, f"/vragen/{names['kleur']}/wissen"), {})
    with app.app_context():
        assert (
            db.session.scalar(select(Question.id).where(Question.name == names["kleur"]))
            is not None
        )
    moved = client.post_form(
        survey_url(survey_id, f"/vragen/{names['verhaal']}/verplaatsen"),
        {"direction": "up"},
        token_from=survey_url(survey_id),
    )
    assert moved.status_code == 302
    # kinderen moved above verhaal is fine; verhaal above kleur is not.
    client.post_form(
        survey_url(survey_id, f"/vragen/{names['verhaal']}/verplaatsen"),
        {"direction": "up"},
        token_from=survey_url(survey_id),
    )
    page = client.get(survey_url(survey_id)).get_data(as_text=True)
    assert "dus die vraag moet eerst komen" in page
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.public_id == survey_id))
        assert survey is not None
        assert [q.name for q in survey.questions] == [
            names["kleur"],
            names["verhaal"],
            names["kinderen"],
        ]
