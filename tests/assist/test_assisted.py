"""Assisted mode through HTTP: a volunteer fills in the survey together with a parent."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import (
    Answer,
    Assistance,
    AuditEvent,
    Question,
    Response,
    ResponseMode,
    Statement,
    User,
)
from tests.assist.helpers import COORDINATOR, STUURGROEP, VOLUNTEER, answer, csrf, other_project
from tests.conftest import PageCheckingClient, login

HOME = "/projecten/demo/samen"


def _start(client: PageCheckingClient, language: str = "nl") -> str:
    """Consent confirmed; returns the first question's URL."""
    url = f"{HOME}/DEMO/toestemming?taal={language}"
    page = client.get(url).get_data(as_text=True)
    response = client.post(
        url, data={"csrf_token": csrf(page), "language": language, "consent": "y"}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    resumed = client.get(response.headers["Location"])
    assert resumed.status_code == 302
    return str(resumed.headers["Location"])


def _newest(app: Flask) -> Response:
    with app.app_context():
        newest = db.session.scalar(select(Response).order_by(Response.id.desc()).limit(1))
        assert newest is not None
        db.session.expunge(newest)
        return newest


def test_volunteer_sees_the_open_surveys_of_their_project_and_no_results(
    client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    page = client.get(HOME).get_data(as_text=True)
    assert "Hoe gaat het met jouw gezin?" in page
    assert f'href="{HOME}/DEMO"' in page
    assert f'href="{HOME}/DEMO/zonder-internet"' in page
    assert f'href="{HOME}/DEMO/papier"' in page
    # The project menu offers no results to a volunteer, and the results pages refuse them.
    assert "Resultaten" not in page and "/resultaten" not in page
    assert 'aria-current="page">Samen invullen' in page
    assert client.get("/projecten/demo").status_code == 403


def test_only_members_who_help_get_in(app: Flask, client: PageCheckingClient, demo: None) -> None:
    other_project(app, volunteer="elders@example.org")
    assert client.get(HOME).status_code == 302  # anonymous: to the login page
    login(client, "elders@example.org")
    assert client.get(HOME).status_code == 404  # not a member: as if it did not exist
    assert client.get("/projecten/ander/samen").status_code == 200
    # A survey of another project, through this project's URL: 404 too.
    client.post("/logout", data={"csrf_token": csrf(client.get("/account").get_data(as_text=True))})
    login(client, VOLUNTEER)
    assert client.get(f"{HOME}/ANDER").status_code == 404
    assert client.get(f"{HOME}/ANDER/zonder-internet").status_code == 404
    client.post("/logout", data={"csrf_token": csrf(client.get("/account").get_data(as_text=True))})
    login(client, STUURGROEP)
    assert client.get(HOME).status_code == 403


def test_consent_is_shown_in_the_parents_language_and_must_be_confirmed(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    url = f"{HOME}/DEMO/toestemming?taal=ar"
    page = client.get(url).get_data(as_text=True)
    assert '<div class="parent-text" lang="ar" dir="rtl">' in page
    assert "كيف حال عائلتك؟" in page  # the survey's title in Arabic
    assert '<html lang="nl" dir="ltr">' in page  # the volunteer's own page stays Dutch
    refused = client.post(url, data={"csrf_token": csrf(page), "language": "ar"})
    assert refused.status_code == 400
    assert "Vink aan dat de ouder wil meedoen." in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Assistance.id))) == 0
    first = _start(client, "ar")
    assert first.endswith("/vraag/wie")
    response = _newest(app)
    assert response.mode == ResponseMode.ASSISTED and response.language == "ar"
    with app.app_context():
        assistance = db.session.scalar(select(Assistance))
        volunteer = db.session.scalar(select(User).where(User.email == VOLUNTEER))
        assert assistance is not None and volunteer is not None
        assert assistance.response_id == response.id
        assert assistance.volunteer_id == volunteer.id
        assert assistance.consent_language == "ar"
        assert assistance.consent_version == 1
        assert assistance.consent_confirmed_at is not None


def test_a_whole_assisted_journey_in_the_parents_language(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    first = _start(client, "ar")
    page = client.get(first).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page  # the parent's screen
    assert "من أنت؟" in page
    assert '<div class="volunteer-text" lang="nl" dir="ltr">' in page  # the volunteer's bar
    assert "Geef de telefoon even aan de ouder" in page
    # The participant's template, with its links leading to the assisted pages.
    assert 'href="/s/DEMO' not in page
    assert f'href="{HOME}/DEMO"' in page
    base = first.rsplit("/", 1)[0]
    answer(client, first, {}, expect=400)
    assert answer(client, first, {"answer": "ouder"}).headers["Location"] == f"{base}/kinderen"
    answer(client, f"{base}/kinderen", {"answer": "2"})
    assert (
        answer(client, f"{base}/moeilijk", {"answer": ["vrije_tijd"]})
        .headers["Location"]
        .endswith("/vrije_tijd_drempel")
    )
    answer(client, f"{base}/vrije_tijd_drempel", {"answer": ["duur"]})
    answer(client, f"{base}/uitpas", {"decline": "1"})
    answer(client, f"{base}/hulp_vinden", {"answer": "4"})
    answer(client, f"{base}/verschil", {"answer": "Een speelplein dichtbij."})
    done = answer(client, f"{base}/goed", {"answer": "De school helpt."}).headers["Location"]
    assert done.endswith("/klaar")
    assert "Een volgende ouder helpen" in client.get(done).get_data(as_text=True)
    response = _newest(app)
    assert response.completed_at is not None and response.participant_group == "ouder"
    with app.app_context():
        rows = db.session.execute(
            select(Question.name, Answer.value, Answer.declined)
            .join(Answer.question)
            .where(Answer.response_id == response.id)
        ).all()
        answers = {name: "DECLINED" if declined else value for name, value, declined in rows}
        statements = db.session.scalars(
            select(Statement.language).join(Answer).where(Answer.response_id == response.id)
        ).all()
    assert answers == {
        "wie": "ouder",
        "kinderen": 2,
        "moeilijk": ["vrije_tijd"],
        "vrije_tijd_drempel": ["duur"],
        "uitpas": "DECLINED",
        "hulp_vinden": "4",
        "verschil": "Een speelplein dichtbij.",
        "goed": "De school helpt.",
    }
    assert statements == [
        "ar",
        "ar",
    ]  # open answers go to the tagging queue, in the parent's language
    # Finished: the volunteer cannot read the parent's answers again.
    again = client.get(f"{base}/goed")
    assert again.status_code == 302 and again.headers["Location"].endswith("/klaar")


def test_the_volunteers_identity_stays_in_assistance_only(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    first = _start(client)
    answer(client, first, {"answer": "ouder"})
    response = _newest(app)
    with app.app_context():
        volunteer = db.session.scalar(select(User).where(User.email == VOLUNTEER))
        assert volunteer is not None
        row = db.session.get(Response, response.id)
        assert row is not None
        values = [str(getattr(row, column.key)) for column in Response.__table__.columns]
        for answer_row in db.session.scalars(select(Answer).where(Answer.response_id == row.id)):
            values += [str(getattr(answer_row, c.key)) for c in Answer.__table__.columns]
        assert volunteer.public_id not in " ".join(values)
        assert VOLUNTEER not in " ".join(values)
        # Nothing in the audit log ties the volunteer to this response either.
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.object_id == response.public_id)
        ).all()
        assert events == []


def test_language_switch_is_for_this_participant_only(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    first = _start(client, "nl")
    switched = client.get(first + "?lang=en")
    assert switched.status_code == 302 and switched.headers["Location"] == first
    page = client.get(first).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in page and "Who are you?" in page
    assert _newest(app).language == "en"
    # The volunteer's own pages keep the volunteer's language.
    assert '<html lang="nl"' in client.get(HOME).get_data(as_text=True)
    client.get(first + "?lang=ar")
    assert _newest(app).language == "ar"
    assert "من أنت؟" in client.get(first).get_data(as_text=True)


def test_hand_over_for_a_sensitive_question_and_back(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    first = _start(client)
    base = first.rsplit("/", 1)[0]
    answer(client, first, {"answer": "ouder"})
    answer(client, f"{base}/kinderen", {"answer": "1"})
    page = client.get(f"{base}/moeilijk").get_data(as_text=True)
    assert "Dit is een gevoelige vraag." in page  # the domain picker counts as sensitive
    hand_over = re.search(r'href="([^"]+/doorgeven/moeilijk)"', page)
    assert hand_over is not None
    screen = client.get(hand_over.group(1)).get_data(as_text=True)
    assert "Deze vraag beantwoord je zelf" in screen
    started = client.post(hand_over.group(1), data={"csrf_token": csrf(screen)})
    assert started.headers["Location"].endswith("/vraag/moeilijk")
    alone = client.get(f"{base}/moeilijk").get_data(as_text=True)
    assert "Geef de telefoon even aan de ouder" not in alone  # no volunteer bar now
    back = answer(client, f"{base}/moeilijk", {"answer": ["wonen"]}).headers["Location"]
    assert "/teruggeven" in back
    given_back = client.get(back).get_data(as_text=True)
    assert "Geef de telefoon nu terug aan de vrijwilliger." in given_back
    assert f'href="{base}/uitpas"' in given_back
    assert "Geef de telefoon even aan de ouder" in client.get(f"{base}/uitpas").get_data(
        as_text=True
    )


def test_a_paused_conversation_is_listed_and_only_for_its_volunteer(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    first = _start(client, "tr")
    answer(client, first, {"answer": "ouder"})
    response = _newest(app)
    home = client.get(f"{HOME}/DEMO").get_data(as_text=True)
    assert "Gesprekken die je onderbrak" in home and "Türkçe" in home
    resume = f"{HOME}/antwoord/{response.public_id}"
    assert client.get(resume).headers["Location"].endswith("/vraag/kinderen")
    client.post("/logout", data={"csrf_token": csrf(client.get("/account").get_data(as_text=True))})
    login(client, COORDINATOR)
    assert client.get(resume).status_code == 404  # another helper cannot open it


def test_a_double_tap_stores_one_answer(app: Flask, client: PageCheckingClient, demo: None) -> None:
    login(client, VOLUNTEER)
    first = _start(client)
    page = client.get(first).get_data(as_text=True)
    idem = re.search(r'name="idem" value="([^"]+)"', page)
    assert idem is not None
    form = {
        "idem": idem.group(1),
        "csrf_token": csrf(page),
    }
    assert client.post(first, data={**form, "answer": "ouder"}).status_code == 302
    assert client.post(first, data={**form, "answer": "ouder"}).status_code == 302
    response = _newest(app)
    with app.app_context():
        values = db.session.scalars(
            select(Answer.value).where(Answer.response_id == response.id)
        ).all()
        db.session.remove()
    assert values == ["ouder"]
    # The same page with another answer is the parent changing it (the back button): stored.
    assert client.post(first, data={**form, "answer": "andere"}).status_code == 302
    with app.app_context():
        values = db.session.scalars(
            select(Answer.value).where(Answer.response_id == response.id)
        ).all()
        db.session.remove()
    assert values == ["andere"]
