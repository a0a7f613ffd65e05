"""One definition of "participants" (issue 17 item 2): every page and download that tells how many
people filled in a survey gives the same number: consented responses with at least one answer."""

from __future__ import annotations

import json
import re

from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Attendee, Release, Survey
from participatie.report.participants import participants_per_survey
from tests.conftest import PageCheckingClient, login
from tests.report import builders as b

COORDINATOR = "coordinator@kempenaar.example"
STUURGROEP = "stuurgroep@kempenaar.example"


def _number(pattern: str, page: str) -> int:
    found = re.search(pattern, page, re.S)
    assert found, pattern
    return int(found.group(1).replace(".", "").replace("\u202f", "").replace("\xa0", ""))


def test_every_page_and_download_counts_the_same_participants(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        public_id = survey.public_id
        survey_id = survey.id
        # Who is not a participant: a consent without an answer, and answers without consent
        # (the pages used to disagree about exactly these).
        b.respond(survey, {})
        b.respond(survey, {}, consented=False)
        b.respond(survey, {"wie": "ouder"}, consented=False)
        db.session.commit()

    login(client, COORDINATOR)
    figures = {
        "project home": _number(
            r">DEMO</a></td><td>[^<]*</td><td>([\d.\s]+)</td>",
            client.get("/projecten/demo").get_data(as_text=True),
        ),
        "survey list": _number(
            r"<td>DEMO</td>\s*<td>[^<]*</td>\s*<td>([\d.\s]+)</td>",
            client.get("/projecten/demo/vragenlijsten").get_data(as_text=True),
        ),
        "survey builder": _number(
            r"<span>(\d+) antwoorden</span>",
            client.get(f"/projecten/demo/vragenlijsten/{public_id}").get_data(as_text=True),
        ),
        "results, live": _number(
            r"(\d+) mensen vulden de vragenlijst in\.",
            client.get("/projecten/demo/resultaten?lang=nl&live=1").get_data(as_text=True),
        ),
        "json download, live": client.get("/projecten/demo/resultaten/DEMO/json?live=1").get_json()[
            "survey"
        ]["responses"],
    }
    report = app.test_cli_runner().invoke(args=["report", "DEMO", "--format", "json"])
    figures["participatie report"] = json.loads(report.stdout)["survey"]["responses"]
    client.post_form("/logout", {}, token_from="/account")
    login(client, STUURGROEP)
    # The demo's release 1 was published before the extra rows: none of them counts, so the
    # release holds the same number.
    results = client.get("/projecten/demo/resultaten?lang=nl").get_data(as_text=True)
    figures["results, release"] = _number(r"(\d+) mensen vulden de vragenlijst in\.", results)
    figures["json download, release"] = client.get(
        "/projecten/demo/resultaten/DEMO/json"
    ).get_json()["survey"]["responses"]
    assert len(set(figures.values())) == 1, figures
    # The project's total counts the people who filled in any of its surveys (the demo year adds
    # a resultaatsmeting and others): the same definition, summed over the surveys.
    project_total = _number(
        r"(\d+) vulden een vragenlijst in\.",
        client.get("/projecten/demo/resultaten?lang=nl&live=1").get_data(as_text=True),
    )
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        assert survey is not None
        survey_counts = participants_per_survey(survey.project)
    assert project_total == sum(survey_counts.values()), (project_total, survey_counts)
    with app.app_context():
        release = db.session.scalars(select(Release)).one()
        attendees = db.session.execute(
            select(func.count(Attendee.id)).where(Attendee.consented_at.is_not(None))
        ).scalar_one()
    # The release counts the same survey participants, and the focus group's attendees besides.
    assert release.participants == project_total + attendees
