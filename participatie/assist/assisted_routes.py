"""The question pages of an assisted response: the participant's own pages and answer services,
shown in the parent's language, with a bar for the volunteer and a hand-over for sensitive
questions ("Geef de telefoon even aan de ouder")."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from flask import abort, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.assist.blueprint import HELPERS, Page, bp
from participatie.assist.language import in_language, render_own
from participatie.assist.services import (
    assisted_response,
    definition_of,
    is_sensitive,
    record_answer,
    switch_language,
    where_to_continue,
)
from participatie.auth.access import project_role
from participatie.i18n import normalise_locale
from participatie.models import Project, Response
from participatie.surveys.answers import Parsed, answer_values, stored_answers
from participatie.surveys.definition import SurveyDef
from participatie.surveys.navigation import Place, complete, next_after, place_of

HANDOVER_KEY = "assist:handover"  # "<response>:<question>" while the parent holds the phone


def assisted_url_for(project: Project, response: Response, survey: SurveyDef) -> Callable[..., str]:
    """url_for for the participant's templates: their links lead to the assisted pages."""

    def build(endpoint: str, **values: Any) -> str:
        if endpoint == "participate.question":
            return url_for(
                "assist.question", slug=project.slug, rid=response.public_id, name=values["name"]
            )
        if endpoint in {"participate.welcome", "participate.resume_code"}:
            # Back from the first question, or "later verder doen": the volunteer's survey page,
            # which lists paused conversations.
            return url_for("assist.survey_home", slug=project.slug, code=survey.code)
        return url_for(endpoint, **values)

    return build


def _handed_over(response: Response, name: str) -> bool:
    return session.get(HANDOVER_KEY) == f"{response.public_id}:{name}"


def _question_url(project: Project, response: Response, name: str) -> str:
    return url_for("assist.question", slug=project.slug, rid=response.public_id, name=name)


@bp.route("/projecten/<slug>/samen/antwoord/<rid>")
@project_role(*HELPERS)
def resume(project: Project, rid: str) -> WerkzeugResponse:
    response = assisted_response(project, current_user, rid)
    survey = definition_of(response)
    question = where_to_continue(response, survey)
    if question is None or response.completed_at is not None:
        return redirect(url_for("assist.done", slug=project.slug, rid=rid))
    return redirect(_question_url(project, response, question.name))


@bp.route("/projecten/<slug>/samen/antwoord/<rid>/vraag/<name>", methods=["GET", "POST"])
@project_role(*HELPERS)
def question(project: Project, rid: str, name: str) -> Page:
    response = assisted_response(project, current_user, rid)
    survey = definition_of(response)
    elsewhere = _elsewhere(project, response, survey, name)
    if elsewhere is not None:
        return redirect(elsewhere)
    place = place_of(survey, name, answer_values(stored_answers(response, survey)))
    assert place is not None  # _elsewhere sent every other case away
    submitted = None
    if request.method == "POST":
        submitted = record_answer(response, survey, place.question, request.form)
        if submitted.error is None:
            return redirect(_after_answer(project, response, survey, name))
    return _question_page(project, response, survey, place, submitted)


def _elsewhere(project: Project, response: Response, survey: SurveyDef, name: str) -> str | None:
    """Where to go instead of this question page, if anywhere."""
    if "lang" in request.args:  # the language menu: this participant's language only
        switch_language(response, survey, normalise_locale(request.args["lang"]))
        return _question_url(project, response, name)
    if response.completed_at is not None or not survey.is_open:
        # Finished: the answers are the parent's, not to be read again.
        return url_for("assist.done", slug=project.slug, rid=response.public_id)
    if survey.question(name) is None:
        abort(404)
    if place_of(survey, name, answer_values(stored_answers(response, survey))) is None:
        # Skipped by routing: go to where this participant really is.
        return url_for("assist.resume", slug=project.slug, rid=response.public_id)
    return None


def _question_page(
    project: Project, response: Response, survey: SurveyDef, place: Place, submitted: Parsed | None
) -> Page:
    """The participant's question page in the parent's language, the volunteer's bar in theirs."""
    bar = None
    if not _handed_over(response, place.question.name):
        bar = render_own(
            "assist/_volunteer_bar.html",
            project=project,
            survey=survey,
            response=response,
            question=place.question,
            sensitive=is_sensitive(project, place.question),
        )
    errors = [("answer", submitted.error)] if submitted and submitted.error else []
    answers = stored_answers(response, survey)
    earlier = answer_values(answers)
    with in_language(response.language):
        page = render_template(
            "assist/question.html",
            survey=survey,
            place=place,
            answer=answers.get(place.question.name),
            options=place.question.visible_options(earlier),
            piped=lambda texts: place.question.piped(texts, earlier),
            submitted=submitted if errors else None,
            errors=errors,
            idempotency_key=secrets.token_urlsafe(16),
            url_for=assisted_url_for(project, response, survey),
            volunteer_bar=bar,
        )
    out = make_response(page, 400 if errors else 200)
    out.headers["Cache-Control"] = "no-store"  # the back button fetches the page anew
    return out


def _after_answer(project: Project, response: Response, survey: SurveyDef, name: str) -> str:
    following = next_after(survey, name, answer_values(stored_answers(response, survey)))
    if following is None:
        complete(response)
    if _handed_over(response, name):
        session.pop(HANDOVER_KEY, None)
        return url_for(
            "assist.give_back",
            slug=project.slug,
            rid=response.public_id,
            verder=following.name if following else None,
        )
    if following is None:
        return url_for("assist.done", slug=project.slug, rid=response.public_id)
    return _question_url(project, response, following.name)


@bp.route("/projecten/<slug>/samen/antwoord/<rid>/doorgeven/<name>", methods=["GET", "POST"])
@project_role(*HELPERS)
def hand_over(project: Project, rid: str, name: str) -> Page:
    response = assisted_response(project, current_user, rid)
    survey = definition_of(response)
    if survey.question(name) is None:
        abort(404)
    if request.method == "POST":
        session[HANDOVER_KEY] = f"{response.public_id}:{name}"
        return redirect(_question_url(project, response, name))
    with in_language(response.language):
        return render_template("assist/hand_over.html", survey=survey, project=project)


@bp.route("/projecten/<slug>/samen/antwoord/<rid>/teruggeven")
@project_role(*HELPERS)
def give_back(project: Project, rid: str) -> str:
    response = assisted_response(project, current_user, rid)
    survey = definition_of(response)
    following = survey.question(request.args.get("verder", ""))
    next_url = (
        _question_url(project, response, following.name)
        if following is not None
        else url_for("assist.done", slug=project.slug, rid=rid)
    )
    bar = render_own("assist/_give_back.html", next_url=next_url)
    with in_language(response.language):
        return render_template("assist/give_back.html", survey=survey, volunteer_bar=bar)


@bp.route("/projecten/<slug>/samen/antwoord/<rid>/klaar")
@project_role(*HELPERS)
def done(project: Project, rid: str) -> str:
    response = assisted_response(project, current_user, rid)
    survey = definition_of(response)
    bar = render_own("assist/_done.html", project=project, survey=survey, response=response)
    with in_language(response.language):
        return render_template("assist/done.html", survey=survey, volunteer_bar=bar)
