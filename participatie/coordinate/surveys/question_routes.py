"""Builder pages for one question: add, edit (with options), move, copy, remove, routing, audio."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from participatie.audit import record
from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.surveys import messages as msg
from participatie.coordinate.surveys.checks import missing_languages, question_checks
from participatie.coordinate.surveys.editing import (
    add_question,
    dependents,
    duplicate_question,
    is_answered,
    move_question,
    remove_question,
    set_relevant,
    update_question,
)
from participatie.coordinate.surveys.forms import (
    AddQuestionForm,
    AudioForm,
    QuestionForm,
    RoutingForm,
)
from participatie.coordinate.surveys.media import audio_for, delete_audio, read_upload, save_audio
from participatie.coordinate.surveys.question_form import add_rows, fill, question_input, setup
from participatie.coordinate.surveys.routes import SURVEY, Page, render_builder
from participatie.coordinate.surveys.routing import (
    chosen_expression,
    earlier_questions,
    kinds_by_name,
    prefill,
)
from participatie.coordinate.surveys.routing import setup as setup_routing
from participatie.coordinate.surveys.services import question_for, survey_for
from participatie.coordinate.surveys.views import attach_errors, form_errors, survey_page_context
from participatie.models import Project, Question, Role, Survey
from participatie.surveys.conditions import conditions_from_expression
from participatie.surveys.jargon import project_jargon
from participatie.surveys.kinds import Kind

QUESTION = SURVEY + "/vragen/<name>"
Errors = list[tuple[str, str]]


def _edit_url(project: Project, survey_id: str, name: str) -> str:
    return url_for("coordinate.question_edit", slug=project.slug, survey_id=survey_id, name=name)


def _version_notice(new_version: bool, version: int) -> None:
    if new_version:
        flash(str(msg.NEW_VERSION % {"version": version}), "info")


@bp.route(SURVEY + "/vragen", methods=["POST"])
@project_role(Role.COORDINATOR)
def question_add(project: Project, survey_id: str) -> Page:
    survey = survey_for(project, survey_id)
    form = AddQuestionForm()
    if not form.validate_on_submit():
        return render_builder(project, survey, form), 400
    question = add_question(survey, Kind(form.kind.data), form.label.data or "")
    record(
        "question.add",
        project=project,
        object_type="survey",
        object_id=survey_id,
        question=question.name,
    )
    flash(str(msg.QUESTION_ADDED), "info")
    return redirect(_edit_url(project, survey_id, question.name))


@bp.route(QUESTION, methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def question_edit(project: Project, survey_id: str, name: str) -> Page:
    survey = survey_for(project, survey_id)
    question = question_for(survey, name)
    form = QuestionForm() if request.method == "POST" else fill(QuestionForm, question)
    setup(form)
    unattached: list[tuple[str, str]] = []
    if request.method == "POST" and request.form.get("more_rows"):
        add_rows(form)
    elif form.validate_on_submit():
        problems, new_version = update_question(survey, question, question_input(form))
        if not problems:
            record(
                "question.update",
                project=project,
                object_type="survey",
                object_id=survey_id,
                question=question.name,
            )
            flash(str(msg.SAVED), "info")
            _version_notice(new_version, survey.version)
            return redirect(_edit_url(project, survey_id, question.name))
        unattached = attach_errors(form, problems)
    return _question_page(project, survey, question, form, unattached)


def _question_page(
    project: Project, survey: Survey, question: Question, form: QuestionForm, unattached: Errors
) -> Page:
    errors = form_errors(form) + unattached
    page = render_template(
        "coordinate/surveys/question.html",
        **survey_page_context(project, survey),
        question=question,
        form=form,
        errors=errors,
        options_errors=[message for field, message in unattached if field == "options"],
        audio_form=AudioForm(prefix="audio", formdata=None),
        answered=is_answered(question),
        missing=missing_languages(question, project.languages),
        checks=question_checks(question, project.languages, project_jargon(project)),
    )
    return (page, 400) if errors else page


@bp.route(QUESTION + "/verplaatsen", methods=["POST"])
@project_role(Role.COORDINATOR)
def question_move(project: Project, survey_id: str, name: str) -> Page:
    survey = survey_for(project, survey_id)
    question = question_for(survey, name)
    step = -1 if request.form.get("direction") == "up" else 1
    problem = move_question(survey, question, step)
    if problem:
        flash(problem, "error")
    else:
        record(
            "question.move",
            project=project,
            object_type="survey",
            object_id=survey_id,
            question=name,
            step=step,
        )
    return redirect(
        url_for("coordinate.survey_edit", slug=project.slug, survey_id=survey_id) + f"#vraag-{name}"
    )


@bp.route(QUESTION + "/kopie", methods=["POST"])
@project_role(Role.COORDINATOR)
def question_duplicate(project: Project, survey_id: str, name: str) -> Page:
    survey = survey_for(project, survey_id)
    copy = duplicate_question(survey, question_for(survey, name))
    record(
        "question.duplicate",
        project=project,
        object_type="survey",
        object_id=survey_id,
        question=name,
        copy=copy.name,
    )
    flash(str(msg.QUESTION_COPIED), "info")
    return redirect(_edit_url(project, survey_id, copy.name))


@bp.route(QUESTION + "/wissen", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def question_delete(project: Project, survey_id: str, name: str) -> Page:
    survey = survey_for(project, survey_id)
    question = question_for(survey, name)
    if request.method == "POST":
        problem, retired = remove_question(survey, question)
        if problem is None:
            record(
                "question.retire" if retired else "question.delete",
                project=project,
                object_type="survey",
                object_id=survey_id,
                question=name,
            )
            flash(str(msg.QUESTION_RETIRED if retired else msg.QUESTION_DELETED), "info")
            return redirect(
                url_for("coordinate.survey_edit", slug=project.slug, survey_id=survey_id)
            )
        flash(problem, "error")
    return render_template(
        "coordinate/surveys/delete_question.html",
        **survey_page_context(project, survey),
        question=question,
        answered=is_answered(question),
        used_by=dependents(survey, question),
    )


@bp.route(QUESTION + "/tonen", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def question_routing(project: Project, survey_id: str, name: str) -> Page:
    survey = survey_for(project, survey_id)
    question = question_for(survey, name)
    earlier = earlier_questions(survey, question)
    form = RoutingForm()
    if request.method == "GET":
        prefill(form, question)
    setup_routing(form, earlier)
    errors: list[tuple[str, str]] = []
    if form.validate_on_submit():
        button = (
            "clear"
            if request.form.get("clear")
            else "advanced"
            if request.form.get("use_advanced")
            else "rows"
        )
        expression, errors = chosen_expression(form, button, earlier)
        if not errors:
            new_version = set_relevant(survey, question, expression)
            record(
                "question.routing",
                project=project,
                object_type="survey",
                object_id=survey_id,
                question=name,
                relevant=expression,
            )
            flash(str(msg.SAVED), "info")
            _version_notice(new_version, survey.version)
            return redirect(
                url_for("coordinate.survey_edit", slug=project.slug, survey_id=survey_id)
                + f"#vraag-{name}"
            )
    errors = form_errors(form) + errors
    page = render_template(
        "coordinate/surveys/routing.html",
        **survey_page_context(project, survey),
        question=question,
        form=form,
        errors=errors,
        earlier=earlier,
        kinds=kinds_by_name(earlier),
        rows_fit=conditions_from_expression(question.relevant) is not None,
    )
    return (page, 400) if errors else page


@bp.route(QUESTION + "/opname", methods=["POST"])
@project_role(Role.COORDINATOR)
def question_audio(project: Project, survey_id: str, name: str) -> Page:
    survey = survey_for(project, survey_id)
    question = question_for(survey, name)
    form = AudioForm(prefix="audio")
    upload = form.file.data
    language = form.language.data or ""
    errors = save_audio(
        survey, question, language, read_upload(upload) if upload else None, list(project.languages)
    )
    if errors:
        for _field, message in errors:
            flash(message, "error")
    else:
        record(
            "question.audio.add",
            project=project,
            object_type="survey",
            object_id=survey_id,
            question=name,
            language=language,
        )
        flash(str(msg.AUDIO_SAVED), "info")
    return redirect(_edit_url(project, survey_id, name) + "#voorlezen")


@bp.route(QUESTION + "/opname/<audio_id>/wissen", methods=["POST"])
@project_role(Role.COORDINATOR)
def question_audio_delete(project: Project, survey_id: str, name: str, audio_id: str) -> Page:
    survey = survey_for(project, survey_id)
    question = question_for(survey, name)
    recording = audio_for(question, audio_id)
    if recording is not None:
        record(
            "question.audio.delete",
            project=project,
            object_type="survey",
            object_id=survey_id,
            question=name,
            language=recording.language,
        )
        delete_audio(survey, question, recording)
        flash(str(msg.AUDIO_DELETED), "info")
    return redirect(_edit_url(project, survey_id, name) + "#voorlezen")
