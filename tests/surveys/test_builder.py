"""The builder through its pages: a coordinator makes a survey with every kind of question,
orders, copies and removes questions, and only ever reaches their own project's surveys."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Organisation, Project, Question, Survey
from tests.conftest import PageCheckingClient, login
from tests.surveys.helpers import (
    add_question,
    as_coordinator,
    audit_actions,
    edit_question,
    new_survey,
    survey_row,
    survey_url,
)


def _questions(app: Flask, survey_id: str) -> list[Question]:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.public_id == survey_id))
        assert survey is not None
        found = [q for q in survey.questions if q.until_version is None]
        for question in found:
            _ = list(question.options)
        db.session.expunge_all()
        return found


def test_the_project_menu_leads_to_the_survey_list(client: PageCheckingClient, demo: None) -> None:
    as_coordinator(client)
    home = client.get("/projecten/demo").get_data(as_text=True)
    assert 'href="/projecten/demo/vragenlijsten"' in home
    page = client.get("/projecten/demo/vragenlijsten").get_data(as_text=True)
    assert "DEMO" in page and "Nieuwe vragenlijst" in page


def test_a_blank_survey_with_every_kind_of_question(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client, "Hoe gaat het met je buurt?")
    kinds = {
        "choice": "Woon je hier graag?",
        "multiple": "Wat doe je in de buurt?",
        "scale": "Ik voel me veilig in mijn straat.",
        "domains": "Waar loopt het moeilijk?",
        "integer": "Hoeveel kinderen wonen bij jou?",
        "decimal": "Hoeveel kilometer is het naar school?",
        "text": "Hoe heet je straat?",
        "long_text": "Wat zou je buurt beter maken?",
        "note": "Nu volgen een paar vragen over je gezin.",
    }
    names = {kind: add_question(client, survey_id, label, kind) for kind, label in kinds.items()}
    assert names["choice"] == "woon_je_hier_graag"
    questions = {q.name: q for q in _questions(app, survey_id)}
    assert [str(q.type) for q in questions.values()] == [
        "select_one",
        "select_multiple",
        "select_one",
        "select_multiple",
        "integer",
        "decimal",
        "text",
        "text",
        "note",
    ]
    scale = questions[names["scale"]]
    assert scale.appearance == "likert" and [o.name for o in scale.options] == list("123456")
    assert scale.options[0].pictogram == "face1"
    domains = questions[names["domains"]]
    assert domains.appearance == "domains" and "wonen" in [o.name for o in domains.options]
    assert questions[names["long_text"]].appearance == "multiline"

    # Options with pictograms, required, and a number range.
    edit_question(
        client,
        survey_id,
        names["choice"],
        required="y",
        pictogram="house",
        options=[("Ja", "", "yes"), ("Nee", "", "no"), ("Soms", "soms", "")],
    )
    edit_question(client, survey_id, names["integer"], minimum="0", maximum="15")
    edit_question(client, survey_id, names["decimal"], minimum="0,5", maximum="30")
    questions = {q.name: q for q in _questions(app, survey_id)}
    choice = questions[names["choice"]]
    assert choice.required and choice.pictogram == "house"
    assert [(o.name, o.label["nl"], o.pictogram) for o in choice.options] == [
        ("ja", "Ja", "yes"),
        ("nee", "Nee", "no"),
        ("soms", "Soms", ""),
    ]
    assert questions[names["integer"]].maximum == 15
    assert questions[names["decimal"]].minimum == 0.5

    page = client.get(survey_url(survey_id)).get_data(as_text=True)
    assert "Woon je hier graag?" in page and "verplicht" in page
    assert {"survey.create", "question.add", "question.update"} <= set(audit_actions(app))


def test_bad_input_is_explained_and_kept(client: PageCheckingClient, demo: None) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    name = add_question(client, survey_id, "Hoeveel kinderen?", "integer")
    response = edit_question(client, survey_id, name, expect=400, minimum="tien", maximum="3")
    body = response.get_data(as_text=True)
    assert "Vul een getal in, zoals 0 of 2,5." in body and 'value="tien"' in body
    response = edit_question(client, survey_id, name, expect=400, minimum="9", maximum="3")
    assert "Het kleinste getal moet kleiner zijn dan het grootste." in response.get_data(
        as_text=True
    )
    response = edit_question(client, survey_id, name, expect=400, name="start")
    assert "Deze naam gebruiken we al" in response.get_data(as_text=True)
    choice = add_question(client, survey_id, "Kies een kleur", "choice")
    response = edit_question(client, survey_id, choice, expect=400, options=[])
    assert "Geef minstens één antwoord om uit te kiezen." in response.get_data(as_text=True)
    response = edit_question(
        client, survey_id, choice, expect=400, options=[("Rood", "rood rood", "")]
    )
    assert "zonder spaties" in response.get_data(as_text=True)
    # More rows for options: the typed text stays.
    response = edit_question(
        client, survey_id, choice, expect=200, more_rows="1", label="Kies een kleur!"
    )
    body = response.get_data(as_text=True)
    assert "Kies een kleur!" in body and 'name="options-4-label"' in body


def test_order_copy_and_delete(app: Flask, client: PageCheckingClient, demo: None) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    first = add_question(client, survey_id, "Eerste vraag", "text")
    second = add_question(client, survey_id, "Tweede vraag", "text")
    client.post_form(
        survey_url(survey_id, f"/vragen/{second}/verplaatsen"),
        {"direction": "up"},
        token_from=survey_url(survey_id),
    )
    assert [q.name for q in _questions(app, survey_id)] == [second, first]
    copy = client.post_form(
        survey_url(survey_id, f"/vragen/{second}/kopie"), {}, token_from=survey_url(survey_id)
    )
    copy_name = copy.headers["Location"].rsplit("/", 1)[-1]
    assert copy_name == f"{second}_2"
    assert [q.name for q in _questions(app, survey_id)] == [second, copy_name, first]
    confirm = client.get(survey_url(survey_id, f"/vragen/{copy_name}/wissen")).get_data(
        as_text=True
    )
    assert "Niemand heeft deze vraag al beantwoord" in confirm
    client.post_form(survey_url(survey_id, f"/vragen/{copy_name}/wissen"), {})
    assert [q.name for q in _questions(app, survey_id)] == [second, first]
    assert {"question.move", "question.duplicate", "question.delete"} <= set(audit_actions(app))


def test_every_edit_bumps_the_revision(app: Flask, client: PageCheckingClient, demo: None) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    before = survey_row(app, survey_id).revision
    name = add_question(client, survey_id, "Een vraag", "text")
    edit_question(client, survey_id, name, label="Een betere vraag")
    assert survey_row(app, survey_id).revision == before + 2
    assert survey_row(app, survey_id).version == 1  # nobody answered: no new version


def test_other_projects_and_roles_are_kept_out(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    as_coordinator(client)
    survey_id = new_survey(client)
    name = add_question(client, survey_id, "Een vraag", "text")
    with app.app_context():
        other = Project(organisation=Organisation(name="Elders"), name="Elders", slug="elders")
        db.session.add(other)
        db.session.flush()
        db.session.add(Survey(project_id=other.id, code="ELDERS", title={"nl": "Elders"}))
        db.session.commit()
        foreign = db.session.scalar(select(Survey.public_id).where(Survey.code == "ELDERS"))
        assert foreign is not None
    # A survey of another project, reached through this project's URL, is not found.
    assert client.get(survey_url(foreign)).status_code == 404
    assert client.get(f"/projecten/demo/vragenlijsten/{survey_id}/vragen/nope").status_code == 404
    # Not a member of that project: 404 as well.
    assert client.get(f"/projecten/elders/vragenlijsten/{foreign}").status_code == 404
    client.post_form("/logout", {}, token_from="/account")
    login(client, "stuurgroep@kempenaar.example")
    assert client.get(survey_url(survey_id)).status_code == 403
    assert client.get(survey_url(survey_id, f"/vragen/{name}")).status_code == 403
