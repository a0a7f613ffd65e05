"""The project's home through HTTP: the task list, "Wat vraagt aandacht" and the home per role,
with the demo data, and how a change through the real pages changes them."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from sqlalchemy import func, select, update

from participatie.extensions import db
from participatie.models import (
    AuditEvent,
    Indicator,
    Project,
    Quote,
    Release,
    Response,
    Statement,
    Survey,
    SurveyStatus,
    Tag,
    TagStatus,
    Theme,
)
from participatie.models.base import utcnow
from tests.conftest import PageCheckingClient
from tests.follow.world import MEMBER, PlanWorld, build_plan
from tests.home.helpers import (
    COORDINATOR,
    STUURGROEP,
    VOLUNTEER,
    attention,
    form_values,
    logged_in,
    steps,
)


def _home(client: PageCheckingClient) -> str:
    response = client.get("/projecten/demo")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_coordinator_sees_the_roadmap_with_the_demo_counts(app: Flask, demo: None) -> None:
    page = _home(logged_in(app, COORDINATOR))
    found = steps(page)
    # Seven phases, every step with a status computed from the demo's data.
    assert len(found) == 21
    assert found["stuurgroep"] == ("done", 1)
    assert found["omgevingsanalyse"] == ("not_started", 0)
    assert found["talen-codeboek"] == ("done", 2)
    with app.app_context():
        open_surveys = db.session.scalar(
            select(func.count(Survey.id)).where(Survey.status == SurveyStatus.OPEN)
        )
        answered = db.session.scalar(
            select(func.count(Response.id)).where(
                Response.consented_at.is_not(None), Response.answers.any()
            )
        )
        quotes = db.session.scalar(select(func.count(Quote.id)))
    assert found["vragenlijsten"] == ("in_progress", open_surveys)
    assert found["geteld"] == ("done", (answered or 0) + (quotes or 0))
    assert found["taggen"] == ("in_progress", 40)
    assert found["themas"] == ("done", 4)
    assert found["publicatie"] == ("done", 1)
    assert found["beslissingen"] == ("in_progress", 3)
    assert found["poster"] == ("not_started", 0)
    assert "40 van 427 uitspraken zijn nagekeken." in page
    items = attention(page)
    assert items["uitspraken"] == (
        "/projecten/demo/uitspraken",
        "387 uitspraken wachten op nakijken.",
    )


def test_tagging_a_statement_moves_the_count_and_the_attention_item(app: Flask, demo: None) -> None:
    client = logged_in(app, COORDINATOR)
    # Opening the queue stores the suggester's tags first; count from there.
    token = client.csrf_token("/projecten/demo/uitspraken")
    before = _home(client)
    tagged = steps(before)["taggen"][1]
    waiting = int(attention(before)["uitspraken"][1].split()[0])
    with app.app_context():
        statement = db.session.scalar(
            select(Statement.public_id)
            .where(~Statement.tags.any(Tag.status != TagStatus.SUGGESTED))
            .order_by(Statement.id)
            .limit(1)
        )
    posted = client.post(
        "/projecten/demo/uitspraken",
        data={"csrf_token": token, "action": f"toggle:{statement}:onderwijs"},
    )
    assert posted.status_code == 302
    page = _home(client)
    # (The queue tags statements with the same words together, so one click may tag several.)
    now_tagged = steps(page)["taggen"][1]
    assert now_tagged > tagged
    moved = now_tagged - tagged
    assert attention(page)["uitspraken"][1] == f"{waiting - moved} uitspraken wachten op nakijken."


def test_recording_a_decision_changes_the_decide_step(app: Flask, demo: None) -> None:
    client = logged_in(app, COORDINATOR)
    with app.app_context():
        theme = db.session.scalar(
            select(Theme.public_id).where(~Theme.decisions.any()).order_by(Theme.id)
        )
    assert steps(_home(client))["beslissingen"] == ("in_progress", 3)
    path = f"/projecten/demo/beslissingen/{theme}/nieuw"
    values = form_values(client.get(path).get_data(as_text=True))
    values.update(outcome="opgenomen", motivation_nl="Ouders vroegen het het vaakst.")
    assert client.post(path, data=values).status_code == 302
    # Every theme now has a decision with its reason: the step is done.
    assert steps(_home(client))["beslissingen"] == ("done", 4)
    stuurgroep = logged_in(app, STUURGROEP).get("/projecten/demo/start").get_data(as_text=True)
    assert "0 thema" in stuurgroep and "wachten op een beslissing van de stuurgroep" in stuurgroep


def test_the_omgevingsanalyse_notes_and_the_poster_complete_their_steps(
    app: Flask, demo: None
) -> None:
    client = logged_in(app, COORDINATOR)
    too_long = client.post_form("/projecten/demo/voorbereiding", {"omgevingsanalyse": "x" * 20001})
    assert too_long.status_code == 400
    assert "x" * 200 in too_long.get_data(as_text=True)  # what was typed stays
    saved = client.post_form(
        "/projecten/demo/voorbereiding", {"omgevingsanalyse": "CAW, OCMW en twee scholen."}
    )
    assert saved.status_code == 302
    printed = client.post_form("/projecten/demo/poster-gedrukt", {}, token_from="/projecten/demo")
    assert printed.status_code == 302
    found = steps(_home(client))
    assert found["omgevingsanalyse"] == ("done", 1)
    assert found["poster"] == ("done", 1)
    with app.app_context():
        actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"project.omgevingsanalyse", "poster.printed"} <= actions


# --- Attention items: each links to where it is resolved, and resolving removes it ------------


def test_unchecked_suggestions_are_resolved_in_the_review_queue(app: Flask, demo: None) -> None:
    client = logged_in(app, COORDINATOR)
    with app.app_context():
        statement = db.session.scalars(select(Statement).order_by(Statement.id)).first()
        assert statement is not None
        code_id = db.session.scalar(
            select(Tag.code_id).where(Tag.status == TagStatus.ACCEPTED).limit(1)
        )
        for tag in statement.tags:
            db.session.delete(tag)
        db.session.add(Tag(statement=statement, code_id=code_id, status=TagStatus.SUGGESTED))
        db.session.commit()
        public_id = statement.public_id
    link, sentence = attention(_home(client))["suggesties"]
    assert sentence == "1 voorgestelde tag is nog niet nagekeken."
    assert link == "/projecten/demo/uitspraken"
    # (Opening the queue would store the suggester's tags for the statements it shows.)
    token = client.csrf_token("/account")
    assert (
        client.post(link, data={"csrf_token": token, "action": f"accept_all:{public_id}"})
    ).status_code == 302
    assert "suggesties" not in attention(_home(client))


def test_a_decision_without_reason_is_resolved_on_its_decision_page(app: Flask, demo: None) -> None:
    client = logged_in(app, COORDINATOR)
    with app.app_context():
        theme = db.session.scalar(select(Theme).where(Theme.decisions.any()).order_by(Theme.id))
        assert theme is not None
        decision = theme.decisions[0]
        decision.motivation = {}
        db.session.commit()
        decision_id = decision.public_id
    link, sentence = attention(_home(client))["redenen"]
    assert sentence == "1 beslissing heeft nog geen reden."
    assert link == "/projecten/demo/beslissingen"
    assert decision_id in client.get(link).get_data(as_text=True)
    path = f"/projecten/demo/beslissingen/besluit/{decision_id}"
    values = form_values(client.get(path).get_data(as_text=True))
    values["motivation_nl"] = "Het past in het budget van volgend jaar."
    assert client.post(path, data=values).status_code == 302
    page = _home(client)
    assert "redenen" not in attention(page)
    assert steps(page)["beslissingen"][0] != "attention"


def _plan(app: Flask) -> PlanWorld:
    return build_plan(app)


def test_an_indicator_not_measured_for_a_quarter_is_resolved_by_measuring(
    app: Flask, demo: None
) -> None:
    world = _plan(app)
    client = logged_in(app, COORDINATOR)
    with app.app_context():
        # The other werkgroep's indicator was made four months ago and never measured.
        db.session.execute(
            update(Indicator)
            .where(Indicator.public_id == world.other_indicator)
            .values(created_at=utcnow() - timedelta(days=120))
        )
        db.session.commit()
    page = _home(client)
    measurements = steps(page)["metingen"][1]
    link, sentence = attention(page)["metingen"]
    assert sentence == "1 indicator is al meer dan drie maanden niet gemeten."
    assert link == "/projecten/demo/actieplan"
    assert steps(page)["metingen"][0] == "attention"
    assert world.other_goal in client.get(link).get_data(as_text=True)
    measured = client.post_form(
        f"/projecten/demo/indicatoren/{world.other_indicator}",
        {"measured_on": utcnow().date().isoformat(), "value": "12"},
    )
    assert measured.status_code == 302
    page = _home(client)
    assert "metingen" not in attention(page)
    assert steps(page)["metingen"] == ("done", measurements + 1)


def test_an_action_past_its_due_date_is_resolved_by_closing_it(app: Flask, demo: None) -> None:
    world = _plan(app)
    client = logged_in(app, COORDINATOR)
    before = steps(_home(client))["acties"]
    # Plan world's action is due on 31 January 2027: move "today" past it by moving the date back.
    from participatie.models import Action

    with app.app_context():
        db.session.execute(
            update(Action)
            .where(Action.public_id == world.action)
            .values(due_on=utcnow().date() - timedelta(days=3))
        )
        db.session.commit()
    link, sentence = attention(_home(client))["acties"]
    assert sentence == "1 actie is over haar einddatum en nog niet klaar."
    assert link == "/projecten/demo/actieplan"
    path = f"/projecten/demo/acties/{world.action}/bewerken"
    values = form_values(client.get(path).get_data(as_text=True))
    values["status"] = "klaar"
    values["progress"] = "100"
    assert client.post(path, data=values).status_code == 302
    page = _home(client)
    assert "acties" not in attention(page)
    assert steps(page)["acties"][1] == before[1]


def test_a_release_that_could_be_published_is_resolved_by_publishing(
    app: Flask, demo: None
) -> None:
    client = logged_in(app, COORDINATOR)
    with app.app_context():
        # As if the demo had not published yet: every participant is new.
        participants = db.session.scalar(select(Release.participants))
        for release in db.session.scalars(select(Release)):
            db.session.delete(release)
        db.session.commit()
    page = _home(client)
    link, sentence = attention(page)["publiceren"]
    assert sentence.startswith(f"{participants} nieuwe deelnemers sinds de laatste publicatie")
    assert link == "/projecten/demo/publicaties"
    assert steps(page)["publicatie"] == ("attention", 0)
    assert client.post_form(link, {}).status_code == 302
    page = _home(client)
    assert "publiceren" not in attention(page)
    assert steps(page)["publicatie"] == ("done", 1)


def test_surveys_missing_a_language_link_to_the_survey(app: Flask, demo: None) -> None:
    client = logged_in(app, COORDINATOR)
    assert "talen" not in attention(_home(client))
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        survey = project.surveys[0]
        question = survey.questions[0]
        question.label = {k: v for k, v in question.label.items() if k != project.languages[-1]}
        db.session.commit()
        survey_id = survey.public_id
    link, sentence = attention(_home(client))["talen"]
    assert sentence == "1 vragenlijst mist nog teksten in een taal van het project."
    assert link == f"/projecten/demo/vragenlijsten/{survey_id}"
    assert client.get(link).status_code == 200


# --- The home per role -------------------------------------------------------------------------


def test_the_stuurgroep_member_sees_release_decisions_waiting_and_next_meeting(
    app: Flask, demo: None
) -> None:
    client = logged_in(app, STUURGROEP)
    with app.app_context():
        participants = db.session.scalar(select(Release.participants))
    page = client.get("/projecten/demo/start").get_data(as_text=True)
    assert "Publicatie 1 van" in page and f"{participants} deelnemers." in page
    assert "1 thema wacht op een beslissing van de stuurgroep." in page
    assert "De volgende vergadering:" in page
    assert client.get("/projecten/demo").status_code == 403


def test_the_werkgroep_member_sees_goals_actions_and_measurements_due(
    app: Flask, demo: None
) -> None:
    world = _plan(app)
    client = logged_in(app, MEMBER)
    page = client.get("/projecten/demo/start").get_data(as_text=True)
    assert "Werkgroep school" in page and "Werkgroep vrije tijd" not in page
    assert "2 doelstellingen:" in page
    assert "1 actie loopt nog, waarvan 0 over de einddatum." in page
    assert "0 indicatoren moeten opnieuw gemeten worden:" in page
    with app.app_context():
        db.session.execute(
            update(Indicator)
            .where(Indicator.public_id == world.indicator)
            .values(created_at=utcnow() - timedelta(days=400))
        )
        db.session.commit()
    # The last measurement (1 December 2026) is recent: nothing due until a quarter has passed.
    page = client.get("/projecten/demo/start").get_data(as_text=True)
    assert f"/projecten/demo/indicatoren/{world.indicator}" not in page


def test_the_volunteer_sees_surveys_paper_forms_and_synced_conversations(
    app: Flask, demo: None
) -> None:
    client = logged_in(app, VOLUNTEER)
    page = client.get("/projecten/demo/start").get_data(as_text=True)
    assert "/projecten/demo/samen/DEMO" in page
    assert "0 gesprekken die je zonder internet hield, zijn al doorgestuurd." in page
    assert "kan de server niet zien" in page
    # Printing three paper forms (as a coordinator) leaves three waiting for entry.
    coordinator = logged_in(app, COORDINATOR)
    printed = coordinator.post_form(
        "/projecten/demo/samen/DEMO/papier", {"language": "nl", "copies": "3"}
    )
    assert printed.status_code == 200
    page = client.get("/projecten/demo/start").get_data(as_text=True)
    assert "3 papieren formulieren wachten om ingetypt te worden." in page
