"""Shared steps for the volunteer tests."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from sqlalchemy import select
from werkzeug.test import TestResponse

from participatie.auth.services import create_or_update_user
from participatie.extensions import db
from participatie.models import Organisation, Project, Role, Survey, SurveyStatus
from participatie.models.base import utcnow
from tests.conftest import PageCheckingClient

VOLUNTEER = "vrijwilliger@kempenaar.example"
COORDINATOR = "coordinator@kempenaar.example"
STUURGROEP = "stuurgroep@kempenaar.example"
PASSWORD = "demo-wachtwoord"
IDEM = re.compile(r'name="idem" value="([^"]+)"')
CSRF = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


def other_project(app: Flask, *, volunteer: str | None = None, code: str = "ANDER") -> None:
    """A second project with an open survey, and optionally a volunteer who helps only there."""
    from participatie.surveys.assemble import survey_from_definition

    with app.app_context():
        project = Project(
            organisation=Organisation(name="Andere gemeente"),
            name="Ander project",
            slug="ander",
            languages=["nl"],
        )
        survey = survey_from_definition(
            project,
            {
                "code": code,
                "title": {"nl": "Een andere vragenlijst"},
                "questions": [{"name": "q", "type": "text", "label": {"nl": "Iets?"}}],
            },
        )
        survey.status = SurveyStatus.OPEN
        db.session.add_all([project, survey])
        db.session.flush()
        if volunteer:
            create_or_update_user(volunteer, PASSWORD, roles=((project, Role.VOLUNTEER),))
        db.session.commit()
        db.session.remove()


def set_survey(app: Flask, code: str = "DEMO", **values: Any) -> None:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == code))
        assert survey is not None
        for name, value in values.items():
            setattr(survey, name, value)
        survey.revision += 1
        if values.get("status") == SurveyStatus.CLOSED and survey.closed_at is None:
            survey.closed_at = utcnow()
        db.session.commit()
        db.session.remove()


def idem(page: str) -> str:
    match = IDEM.search(page)
    assert match, "no idempotency key on the page"
    return match.group(1)


def csrf(page: str) -> str:
    match = CSRF.search(page)
    assert match, "no CSRF token on the page"
    return match.group(1)


def answer(
    client: PageCheckingClient, url: str, data: dict[str, Any], expect: int = 302
) -> TestResponse:
    page = client.get(url).get_data(as_text=True)
    form = {"idem": idem(page), "csrf_token": csrf(page), **data}
    response = client.post(url, data=form)
    assert response.status_code == expect, response.get_data(as_text=True)[:500]
    return response
