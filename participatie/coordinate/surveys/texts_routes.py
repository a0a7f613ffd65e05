"""A survey's texts for a translator: download them as .po or XLIFF, read the translated file
back in. Reading in shows what will change first; only the confirmation writes (all in this
request's transaction). The format code lives in participatie/surveys/texts*.py."""

from __future__ import annotations

import base64
import binascii
from io import BytesIO

from flask import abort, flash, redirect, render_template, send_file, url_for
from flask_babel import ngettext
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.audit import record
from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.surveys.services import survey_for
from participatie.coordinate.surveys.texts_forms import TextsConfirmForm, TextsUploadForm
from participatie.coordinate.surveys.views import attach_errors, survey_page_context
from participatie.i18n import SOURCE_LOCALE, html_lang, text_direction
from participatie.models import Project, Role, Survey
from participatie.surveys import texts_messages as msg
from participatie.surveys.texts import (
    FORMATS,
    MAX_FILE_SIZE,
    FileRefused,
    ImportPlan,
    apply_import,
    export_texts,
    file_name,
    plan_import,
)

Page = str | WerkzeugResponse | tuple[str, int]
TEXTS = "/projecten/<slug>/vragenlijsten/<survey_id>/vertalen/<lang>"
MIMETYPES = {"po": "text/x-gettext-translation", "xliff": "application/xliff+xml"}


def _translatable(project: Project, survey_id: str, lang: str) -> Survey:
    """The survey, when `lang` is one of the project's languages to translate into; else 404."""
    survey = survey_for(project, survey_id)
    if lang not in project.languages or lang == SOURCE_LOCALE:
        abort(404)
    return survey


@bp.route(TEXTS + "/download/<format_>")
@project_role(Role.COORDINATOR)
def survey_texts_export(
    project: Project, survey_id: str, lang: str, format_: str
) -> WerkzeugResponse:
    survey = _translatable(project, survey_id, lang)
    if format_ not in FORMATS:
        abort(404)
    record(
        "survey.texts.export",
        project=project,
        object_type="survey",
        object_id=survey.public_id,
        language=lang,
        format=format_,
        via="web",
    )
    return send_file(
        BytesIO(export_texts(survey, lang, format_)),
        mimetype=MIMETYPES[format_],
        as_attachment=True,
        download_name=file_name(survey, lang, format_),
    )


def _upload_page(project: Project, survey: Survey, lang: str, form: TextsUploadForm) -> Page:
    # Flask-WTF's file validators keep our lazy messages as they are: str() them here.
    errors = [(field.id, str(message)) for field in form for message in field.errors]
    page = render_template(
        "coordinate/surveys/texts_upload.html",
        **survey_page_context(project, survey),
        form=form,
        lang=lang,
        errors=errors,
    )
    return (page, 400) if errors else page


def _preview_page(
    project: Project, survey: Survey, plan: ImportPlan, data: bytes, notice: str = ""
) -> str:
    confirm = TextsConfirmForm(
        formdata=None,
        content=base64.b64encode(data).decode("ascii"),
        revision=str(survey.revision),
    )
    return render_template(
        "coordinate/surveys/texts_preview.html",
        **survey_page_context(project, survey),
        plan=plan,
        lang=plan.language,
        target_lang=html_lang(plan.language),
        target_dir=text_direction(plan.language),
        confirm=confirm,
        notice=notice,
    )


@bp.route(TEXTS + "/inlezen", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def survey_texts_import(project: Project, survey_id: str, lang: str) -> Page:
    survey = _translatable(project, survey_id, lang)
    form = TextsUploadForm()
    if form.validate_on_submit():
        data = form.file.data.read(MAX_FILE_SIZE + 1)
        try:
            return _preview_page(project, survey, plan_import(survey, data, lang), data)
        except FileRefused as refused:
            lines = [refused.message, *refused.lines]
            attach_errors(form, [(form.file.id, line) for line in lines])
    return _upload_page(project, survey, lang, form)


@bp.route(TEXTS + "/inlezen/bevestigen", methods=["POST"])
@project_role(Role.COORDINATOR)
def survey_texts_apply(project: Project, survey_id: str, lang: str) -> Page:
    survey = _translatable(project, survey_id, lang)
    confirm = TextsConfirmForm()
    try:
        data = base64.b64decode(confirm.content.data or "", validate=True)
        plan = plan_import(survey, data, lang) if confirm.validate_on_submit() else None
    except (binascii.Error, FileRefused):
        plan = None
    if plan is None:  # not what our own preview page sends: start again from the upload
        upload = TextsUploadForm(formdata=None)
        attach_errors(upload, [(upload.file.id, str(msg.CHOOSE_FILE))])
        return _upload_page(project, survey, lang, upload)
    if confirm.revision.data != str(survey.revision):
        return _preview_page(project, survey, plan, data, str(msg.CHANGED_MEANWHILE)), 409
    changed = apply_import(survey, plan)
    record(
        "survey.texts.import",
        project=project,
        object_type="survey",
        object_id=survey.public_id,
        language=lang,
        format=plan.format,
        changed=changed,
        skipped=len(plan.skipped),
        via="web",
    )
    flash(
        ngettext("%(num)s vertaling is bewaard.", "%(num)s vertalingen zijn bewaard.", changed),
        "info",
    )
    return redirect(
        url_for(
            "coordinate.survey_translate", slug=project.slug, survey_id=survey.public_id, lang=lang
        )
    )
