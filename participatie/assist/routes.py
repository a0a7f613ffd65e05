"""Volunteer pages: the project's surveys, and starting "samen met een ouder" with consent.

The other volunteer pages add their routes to the same blueprint: assisted_routes.py (the
question pages), paper_routes.py (print and data entry), offline_routes.py (no connection).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, redirect, render_template, request, session, url_for
from flask.blueprints import BlueprintSetupState
from flask_login import current_user, user_logged_out

from participatie.assist.assisted_routes import HANDOVER_KEY
from participatie.assist.blueprint import HELPERS, Page, bp
from participatie.assist.entry import ENTERED_KEY
from participatie.assist.forms import ConsentForm
from participatie.assist.language import render_in
from participatie.assist.services import (
    open_surveys,
    parent_language,
    start_assisted,
    survey_in_project,
    unfinished_responses,
)
from participatie.auth.access import project_role
from participatie.models import Project

__all__ = ["bp"]


def _forget_on_logout(_app: Flask, **_extra: Any) -> None:
    # The next person on this device starts clean: no hand-over, no forms to reopen.
    session.pop(HANDOVER_KEY, None)
    session.pop(ENTERED_KEY, None)


@bp.record_once
def _connect_logout(state: BlueprintSetupState) -> None:
    user_logged_out.connect(_forget_on_logout, state.app)


@bp.route("/projecten/<slug>/samen")
@project_role(*HELPERS)
def project_surveys(project: Project) -> str:
    return render_template("assist/surveys.html", project=project, surveys=open_surveys(project))


@bp.route("/projecten/<slug>/samen/<code>")
@project_role(*HELPERS)
def survey_home(project: Project, code: str) -> str:
    survey = survey_in_project(project, code)
    return render_template(
        "assist/survey.html",
        project=project,
        survey=survey,
        unfinished=unfinished_responses(survey, current_user),
    )


@bp.route("/projecten/<slug>/samen/<code>/toestemming", methods=["GET", "POST"])
@project_role(*HELPERS)
def consent(project: Project, code: str) -> Page:
    survey = survey_in_project(project, code)
    language = parent_language(survey, request.values.get("taal") or request.form.get("language"))
    if language is None:
        return redirect(url_for("assist.survey_home", slug=project.slug, code=survey.code))
    form = ConsentForm(survey.languages, data={"language": language})
    if form.validate_on_submit():
        response = start_assisted(survey, current_user, language)
        return redirect(url_for("assist.resume", slug=project.slug, rid=response.public_id))
    page = render_template(
        "assist/consent.html",
        project=project,
        survey=survey,
        form=form,
        language=language,
        consent_text=render_in(language, "assist/_consent_text.html", survey=survey),
    )
    return (page, 400) if form.errors else page
