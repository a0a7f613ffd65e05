"""The survey builder's pages on the coordinate blueprint: list, new, import, settings, status,
export, translations and the project's word list. Questions, routing and audio live in
question_routes.py, the phone preview in preview.py (blueprints.py imports each)."""

from __future__ import annotations

from io import BytesIO

from flask import flash, redirect, render_template, request, send_file, url_for
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.audit import record
from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.home.services import survey_rows
from participatie.coordinate.surveys import messages as msg
from participatie.coordinate.surveys.checks import survey_report, survey_text_checks
from participatie.coordinate.surveys.forms import (
    AddQuestionForm,
    ImportForm,
    JargonForm,
    NewSurveyForm,
    SettingsForm,
)
from participatie.coordinate.surveys.import_languages import (
    Upload,
    chosen,
    kept_file,
    languages_form,
)
from participatie.coordinate.surveys.languages import language_panel
from participatie.coordinate.surveys.services import (
    SurveySettings,
    change_status,
    code_editable,
    create_survey,
    current_settings,
    delete_survey,
    response_count,
    survey_for,
    update_settings,
)
from participatie.coordinate.surveys.translations import (
    save_translations,
    translation_form,
    translation_sections,
)
from participatie.coordinate.surveys.views import attach_errors, form_errors, survey_page_context
from participatie.models import Project, Role, Survey
from participatie.surveys import speech
from participatie.surveys.catalogue import TEMPLATES
from participatie.surveys.definition import build_definition
from participatie.surveys.jargon import jargon_as_text, parse_jargon, project_jargon, save_jargon

Page = str | WerkzeugResponse | tuple[str, int]
BASE = "/projecten/<slug>/vragenlijsten"
SURVEY = BASE + "/<survey_id>"


@bp.route(BASE)
@project_role(Role.COORDINATOR)
def surveys(project: Project) -> Page:
    return render_template(
        "coordinate/surveys/list.html", project=project, rows=survey_rows(project)
    )


@bp.route(BASE + "/nieuw", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def survey_new(project: Project) -> Page:
    form = NewSurveyForm()
    if form.validate_on_submit():
        survey = create_survey(
            project, form.title.data or "", form.start.data or "", form.subject.data or ""
        )
        record(
            "survey.create",
            project=project,
            object_type="survey",
            object_id=survey.public_id,
            template=form.start.data or "",
        )
        return redirect(
            url_for("coordinate.survey_edit", slug=project.slug, survey_id=survey.public_id)
        )
    errors = form_errors(form)
    page = render_template(
        "coordinate/surveys/new.html",
        project=project,
        form=form,
        templates=TEMPLATES,
        errors=errors,
    )
    return (page, 400) if errors else page


@bp.route(BASE + "/inlezen", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def survey_import(project: Project) -> Page:
    """Upload an XLSForm; when it names a language we cannot place, a second step asks for
    its code, with the file kept in the page (import_languages.py)."""
    form = ImportForm()
    outcome, upload, asked = None, Upload(), None
    if request.form.get("step") == "languages":
        asked = languages_form(request.form)
        upload = Upload(kept_file(asked.kept.data or ""), asked.filename.data, asked.code.data)
        if asked.validate_on_submit() and upload.data:
            outcome = upload.import_into(project, chosen(asked))
    elif form.validate_on_submit():
        file = form.file.data
        upload = Upload(file.read(), file.filename, form.code.data)
        outcome = upload.import_into(project, {})
    if outcome is not None and outcome.survey is not None:
        for message in [str(msg.IMPORTED), *outcome.notices]:
            flash(message, "info")
        return redirect(
            url_for("coordinate.survey_edit", slug=project.slug, survey_id=outcome.survey.public_id)
        )
    unattached = attach_errors(form, outcome.errors if outcome else [])
    errors = form_errors(form) + (form_errors(asked) if asked else []) + unattached
    step = upload.next_step(outcome, refused=bool(outcome and outcome.errors))
    errors += step.problems
    page = render_template(
        "coordinate/surveys/import.html",
        project=project,
        form=form,
        errors=errors,
        notices=outcome.notices if outcome else [],
        asked=step.form or (asked if asked and errors else None),
    )
    return (page, 400) if errors else page


@bp.route(BASE + "/woorden", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def survey_jargon(project: Project) -> Page:
    form = JargonForm(
        data={"words": jargon_as_text(project_jargon(project))} if request.method == "GET" else None
    )
    if form.validate_on_submit():
        entries = parse_jargon(form.words.data or "")
        save_jargon(project, entries)
        record(
            "project.jargon",
            project=project,
            object_type="project",
            object_id=project.slug,
            words=len(entries),
        )
        flash(str(msg.SAVED), "info")
        return redirect(url_for("coordinate.survey_jargon", slug=project.slug))
    errors = form_errors(form)
    page = render_template(
        "coordinate/surveys/jargon.html", project=project, form=form, errors=errors
    )
    return (page, 400) if errors else page


def render_builder(project: Project, survey: Survey, add_form: AddQuestionForm) -> str:
    return render_template(
        "coordinate/surveys/builder.html",
        **survey_page_context(project, survey),
        add_form=add_form,
        errors=form_errors(add_form),
        reports=survey_report(survey, project),
        text_checks=survey_text_checks(survey, project),
        **language_panel(survey, project),
    )


@bp.route(SURVEY)
@project_role(Role.COORDINATOR)
def survey_edit(project: Project, survey_id: str) -> Page:
    survey = survey_for(project, survey_id)
    return render_builder(project, survey, AddQuestionForm(formdata=None))


@bp.route(SURVEY + "/instellingen", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def survey_settings(project: Project, survey_id: str) -> Page:
    survey = survey_for(project, survey_id)
    form = SettingsForm(data=current_settings(survey) if request.method == "GET" else None)
    left: list[tuple[str, str]] = []
    if form.validate_on_submit():
        data = SurveySettings(
            form.title.data or "",
            form.intro.data or "",
            form.thanks.data or "",
            form.estimated_minutes.data or 5,
            form.code.data or "",
        )
        left = update_settings(survey, data)
        if not left:
            record(
                "survey.update",
                project=project,
                object_type="survey",
                object_id=survey.public_id,
                part="settings",
            )
            flash(str(msg.SAVED), "info")
            return redirect(
                url_for("coordinate.survey_edit", slug=project.slug, survey_id=survey.public_id)
            )
    unattached = attach_errors(form, left)
    errors = form_errors(form) + unattached
    page = render_template(
        "coordinate/surveys/settings.html",
        **survey_page_context(project, survey),
        form=form,
        errors=errors,
        code_editable=code_editable(survey),
    )
    return (page, 400) if errors else page


@bp.route(SURVEY + "/status", methods=["POST"])
@project_role(Role.COORDINATOR)
def survey_status(project: Project, survey_id: str) -> Page:
    survey = survey_for(project, survey_id)
    action = request.form.get("action", "")
    problems = change_status(survey, action) if action in {"publish", "close", "reopen"} else []
    if problems:
        for problem in problems:
            flash(problem, "error")
    elif action in {"publish", "close", "reopen"}:
        record(
            "survey.status",
            project=project,
            object_type="survey",
            object_id=survey.public_id,
            change=action,
            status=str(survey.status),
        )
        flash(
            str({"publish": msg.PUBLISHED, "close": msg.CLOSED, "reopen": msg.REOPENED}[action]),
            "info",
        )
        if action in {"publish", "reopen"}:
            # Read-aloud is made on each page's first tap (speech.py): here only what is missing.
            spoken = speech.check_for_survey(build_definition(survey, project))
            for message in speech.outcome_messages(spoken):
                flash(message, "info")
    return redirect(
        url_for("coordinate.survey_edit", slug=project.slug, survey_id=survey.public_id)
    )


@bp.route(SURVEY + "/wissen", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def survey_delete(project: Project, survey_id: str) -> Page:
    survey = survey_for(project, survey_id)
    answered = response_count(survey) > 0
    if request.method == "POST" and not answered:
        record(
            "survey.delete",
            project=project,
            object_type="survey",
            object_id=survey.public_id,
            code=survey.code,
        )
        delete_survey(survey)
        flash(str(msg.SURVEY_DELETED), "info")
        return redirect(url_for("coordinate.surveys", slug=project.slug))
    return render_template(
        "coordinate/surveys/delete_survey.html",
        **survey_page_context(project, survey),
        answered=answered,
    )


@bp.route(SURVEY + "/xlsform")
@project_role(Role.COORDINATOR)
def survey_export(project: Project, survey_id: str) -> WerkzeugResponse:
    # openpyxl is heavy: loaded only by the worker that exports a form.
    from participatie.surveys.xlsform_export import export_xlsform

    survey = survey_for(project, survey_id)
    record(
        "survey.export",
        project=project,
        object_type="survey",
        object_id=survey.public_id,
        format="xlsform",
        via="web",
    )
    return send_file(
        BytesIO(export_xlsform(survey)),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        as_attachment=True,
        download_name=f"{survey.code.lower()}.xlsx",
    )


@bp.route(SURVEY + "/vertalen/<lang>", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def survey_translate(project: Project, survey_id: str, lang: str) -> Page:
    survey = survey_for(project, survey_id)
    if lang not in project.languages or lang == "nl":
        return redirect(
            url_for("coordinate.survey_edit", slug=project.slug, survey_id=survey.public_id)
        )
    sections = translation_sections(survey)
    form = translation_form(sections, lang)
    if form.validate_on_submit():
        save_translations(survey, sections, form, lang)
        record(
            "survey.translate",
            project=project,
            object_type="survey",
            object_id=survey.public_id,
            language=lang,
        )
        flash(str(msg.SAVED), "info")
        return redirect(
            url_for(
                "coordinate.survey_translate",
                slug=project.slug,
                survey_id=survey.public_id,
                lang=lang,
            )
        )
    errors = form_errors(form)
    page = render_template(
        "coordinate/surveys/translate.html",
        **survey_page_context(project, survey),
        form=form,
        sections=sections,
        lang=lang,
        errors=errors,
    )
    return (page, 400) if errors else page
