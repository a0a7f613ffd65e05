"""Preview "as a phone": the participant's own question pages for a draft, in any project
language, without creating a response.

The survey definition is built from the draft (build_definition, not the published cache) and
the participant templates render it as they would for a parent. Answers given in the preview
only live in the coordinator's session, so routing can be tried out. The templates link to the
participant routes; here `url_for` sends those links to the preview pages instead. The language
comes from `?taal=`, so previewing in Arabic does not switch the coordinator's own screens.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import abort, redirect, render_template, request, session, url_for
from flask_babel import force_locale, get_locale

from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.surveys.routes import SURVEY, Page
from participatie.coordinate.surveys.services import survey_for
from participatie.models import Project, Role, Survey
from participatie.surveys import navigation as journey
from participatie.surveys.answers import parse_answer
from participatie.surveys.definition import SurveyDef, build_definition

PREVIEW = SURVEY + "/voorbeeld"
# Preview answers travel in the session cookie: keep long texts short there.
MAX_STORED_TEXT = 40


@dataclass(frozen=True)
class PreviewAnswer:
    value: Any
    declined: bool = False


def _language(project: Project) -> str:
    wanted = request.args.get("taal", "")
    if wanted in project.languages:
        return wanted
    current = str(get_locale() or "nl")
    return current if current in project.languages else project.languages[0]


def _session_key(survey: Survey) -> str:
    return "preview:" + survey.public_id


def _answers(survey: Survey) -> dict[str, dict[str, Any]]:
    stored = session.get(_session_key(survey), {})
    return stored if isinstance(stored, dict) else {}


def _values(answers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {name: a.get("v") for name, a in answers.items() if not a.get("d")}


def _url_for(project: Project, survey: Survey, lang: str) -> Callable[..., str]:
    """url_for for the participant templates: their links stay inside the preview."""

    def preview_url_for(endpoint: str, **values: Any) -> str:
        ids: dict[str, Any] = {"slug": project.slug, "survey_id": survey.public_id, "taal": lang}
        if endpoint == "participate.question":
            return url_for("coordinate.preview_question", name=values["name"], **ids)
        if endpoint == "participate.thanks":
            return url_for("coordinate.preview_thanks", **ids)
        if endpoint.startswith("participate.") and endpoint != "participate.audio":
            return url_for("coordinate.survey_preview", **ids)
        return url_for(endpoint, **values)

    return preview_url_for


def _render(
    template: str,
    project: Project,
    survey: Survey,
    definition: SurveyDef,
    lang: str,
    **context: Any,
) -> str:
    with force_locale(lang):
        return render_template(
            template,
            project=project,
            draft=survey,
            survey=definition,
            preview_lang=lang,
            url_for=_url_for(project, survey, lang),
            **context,
        )


@bp.route(PREVIEW)
@project_role(Role.COORDINATOR)
def survey_preview(project: Project, survey_id: str) -> Page:
    survey = survey_for(project, survey_id)
    definition = build_definition(survey, project)
    lang = _language(project)
    return _render("coordinate/surveys/preview_welcome.html", project, survey, definition, lang)


@bp.route(PREVIEW + "/start", methods=["POST"])
@project_role(Role.COORDINATOR)
def preview_start(project: Project, survey_id: str) -> Page:
    survey = survey_for(project, survey_id)
    session[_session_key(survey)] = {}
    definition = build_definition(survey, project)
    first = journey.first_unanswered(definition, set(), {})
    ids: dict[str, Any] = {"slug": project.slug, "survey_id": survey_id, "taal": _language(project)}
    if first is None:
        return redirect(url_for("coordinate.preview_thanks", **ids))
    return redirect(url_for("coordinate.preview_question", name=first.name, **ids))


@bp.route(PREVIEW + "/vraag/<name>", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def preview_question(project: Project, survey_id: str, name: str) -> Page:
    survey = survey_for(project, survey_id)
    definition = build_definition(survey, project)
    lang = _language(project)
    question = definition.question(name)
    if question is None:
        abort(404)
    answers = _answers(survey)
    errors: list[tuple[str, str]] = []
    submitted = None
    if request.method == "POST":
        with force_locale(lang):
            parsed = parse_answer(question, request.form, _values(answers))
        if parsed.error:
            errors.append(("answer", parsed.error))
            submitted = parsed
        else:
            value = (
                parsed.value[:MAX_STORED_TEXT] if isinstance(parsed.value, str) else parsed.value
            )
            answers = {**answers, name: {"v": value, "d": parsed.declined}}
            session[_session_key(survey)] = answers
            following = journey.next_after(definition, name, _values(answers))
            ids: dict[str, Any] = {"slug": project.slug, "survey_id": survey_id, "taal": lang}
            if following is None:
                return redirect(url_for("coordinate.preview_thanks", **ids))
            return redirect(url_for("coordinate.preview_question", name=following.name, **ids))
    place = journey.place_of(definition, name, _values(answers)) or _place_ignoring_routing(
        definition, name
    )
    stored = answers.get(name)
    page = _render(
        "coordinate/surveys/preview_question.html",
        project,
        survey,
        definition,
        lang,
        place=place,
        answer=PreviewAnswer(stored.get("v"), bool(stored.get("d"))) if stored else None,
        submitted=submitted,
        errors=errors,
        idempotency_key=secrets.token_urlsafe(16),
        skipped_by_routing=journey.place_of(definition, name, _values(answers)) is None,
        options=question.visible_options(_values(answers)),
        piped=lambda texts: question.piped(texts, _values(answers)),
    )
    return (page, 400) if errors else page


def _place_ignoring_routing(definition: SurveyDef, name: str) -> journey.Place:
    """A question routing would skip, opened straight from the builder, is still shown."""
    questions = list(definition.questions)
    index = next(i for i, q in enumerate(questions) if q.name == name)
    return journey.Place(
        question=questions[index],
        number=index + 1,
        total=len(questions),
        previous=questions[index - 1] if index > 0 else None,
        next=questions[index + 1] if index + 1 < len(questions) else None,
        remaining_at_most=sum(1 for q in questions[index + 1 :] if q.answerable),
    )


@bp.route(PREVIEW + "/klaar")
@project_role(Role.COORDINATOR)
def preview_thanks(project: Project, survey_id: str) -> Page:
    survey = survey_for(project, survey_id)
    definition = build_definition(survey, project)
    lang = _language(project)
    return _render(
        "coordinate/surveys/preview_thanks.html", project, survey, definition, lang, response=None
    )
