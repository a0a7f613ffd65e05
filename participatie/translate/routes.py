"""The translator's pages. Every route takes the project from the URL and the language from the
URL too, and refuses a language that is not the person's (views.allowed_language): a translator
for Arabic gets 403 on the Turkish page, and 404 on any page of a project they are not in."""

from __future__ import annotations

import base64
import binascii
from io import BytesIO

from flask import abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.audit import record
from participatie.auth.access import project_role
from participatie.i18n import html_lang, text_direction
from participatie.models import Project, Role, Survey
from participatie.surveys import texts_messages as msg
from participatie.surveys.texts import (
    FORMATS,
    MAX_FILE_SIZE,
    FileRefused,
    ImportPlan,
    export_texts,
    file_name,
    plan_import,
)
from participatie.translate.blueprint import bp
from participatie.translate.forms import ConfirmForm, ReviewForm, TextForm, UploadForm
from participatie.translate.views import (
    allowed_language,
    is_coordinator,
    language_label,
    my_languages,
)
from participatie.translating.state import (
    mark_reviewed,
    may_review,
    record_translation,
    text_hash,
)
from participatie.translating.stuurgroep import FILE_NAME
from participatie.translating.work import find_item, project_surveys, translation_work
from participatie.translating.writing import (
    apply_stuurgroep_import,
    apply_survey_import,
    export_stuurgroep,
    line_problems,
    plan_stuurgroep_import,
    save_one,
    stuurgroep_file_name,
)

Page = str | WerkzeugResponse | tuple[str, int]
BASE = "/projecten/<slug>/vertalen"
WHO = (Role.COORDINATOR, Role.VERTALER)
MIMETYPES = {"po": "text/x-gettext-translation", "xliff": "application/xliff+xml"}


@bp.route(BASE)
@project_role(*WHO)
def overview(project: Project) -> Page:
    languages = my_languages(project)
    if len(languages) == 1 and not is_coordinator(project):
        return redirect(url_for("translate.language", slug=project.slug, lang=languages[0]))
    rows = [
        (code, language_label(code), translation_work(project, code).counts) for code in languages
    ]
    return render_template("translate/overview.html", project=project, rows=rows)


def _page(
    project: Project,
    lang: str,
    errors: dict[str, list[str]] | None = None,
    typed: dict[str, str] | None = None,
) -> Page:
    work = translation_work(project, lang)
    page = render_template(
        "translate/language.html",
        project=project,
        lang=lang,
        label=language_label(lang),
        work=work,
        errors=errors or {},
        target_lang=html_lang(lang),
        target_dir=text_direction(lang),
        coordinator=is_coordinator(project),
        may_review=lambda item: may_review(
            item.standing, item.state, current_user.id, is_coordinator(project)
        ),
        typed=typed or {},
    )
    return (page, 400) if errors else page


@bp.route(BASE + "/<lang>")
@project_role(*WHO)
def language(project: Project, lang: str) -> Page:
    return _page(project, allowed_language(project, lang))


def _back(project: Project, lang: str, anchor: str = "") -> WerkzeugResponse:
    return redirect(url_for("translate.language", slug=project.slug, lang=lang) + anchor)


@bp.route(BASE + "/<lang>/tekst", methods=["POST"])
@project_role(*WHO)
def save_text(project: Project, lang: str) -> Page:
    lang = allowed_language(project, lang)
    form = TextForm()
    if not form.validate_on_submit():
        abort(400)
    item = find_item(project, lang, form.text_id.data or "")
    if item is None:
        flash(_("Die tekst bestaat niet meer. Hieronder staan de teksten van nu."), "error")
        return _back(project, lang)
    target = form.translation.data or ""
    problems = line_problems(item, lang, target) if target.strip() else []
    if problems:
        # Shown again as typed, with the reasons beside it: nothing the translator wrote is lost.
        return _page(project, lang, {item.text_id: problems}, {item.text_id: target})
    save_one(project, item, lang, target, current_user.id)
    record(
        "translation.save",
        project=project,
        object_type="text",
        object_id=item.text_id,
        language=lang,
    )
    flash(_("De vertaling is bewaard."), "info")
    return _back(project, lang)


@bp.route(BASE + "/<lang>/nagekeken", methods=["POST"])
@project_role(*WHO)
def review_text(project: Project, lang: str) -> Page:
    lang = allowed_language(project, lang)
    form = ReviewForm()
    if not form.validate_on_submit():
        abort(400)
    item = find_item(project, lang, form.text_id.data or "")
    if item is None:
        abort(404)
    if not may_review(item.standing, item.state, current_user.id, is_coordinator(project)):
        flash(_("Iemand anders dan de vertaler kijkt een vertaling na."), "error")
        return _back(project, lang)
    state = item.state
    if state is None or state.target_hash != text_hash(item.unit.target):
        # A translation of unknown origin: reviewed as it reads now, against today's Dutch text.
        unit = item.unit
        state = record_translation(project, item.text_id, lang, unit.source, unit.target, None)
    assert state is not None  # a draft has a translation
    mark_reviewed(state, current_user.id)
    record(
        "translation.review",
        project=project,
        object_type="text",
        object_id=item.text_id,
        language=lang,
    )
    flash(_("De vertaling is nagekeken."), "info")
    return _back(project, lang)


# --- Files: the stuurgroep's texts, or one survey's ---------------------------------------------


def _survey(project: Project, what: str) -> Survey | None:
    """None for the stuurgroep's texts; the survey for its public id; 404 for anything else."""
    if what == FILE_NAME:
        return None
    survey = next((s for s in project_surveys(project) if s.public_id == what), None)
    return survey if survey is not None else abort(404)


@bp.route(BASE + "/<lang>/download/<what>/<format_>")
@project_role(*WHO)
def download(project: Project, lang: str, what: str, format_: str) -> WerkzeugResponse:
    lang = allowed_language(project, lang)
    survey = _survey(project, what)
    if format_ not in FORMATS:
        abort(404)
    if survey is None:
        body, name = (
            export_stuurgroep(project, lang, format_),
            stuurgroep_file_name(project, lang, format_),
        )
    else:
        body, name = export_texts(survey, lang, format_), file_name(survey, lang, format_)
    record(
        "translation.export",
        project=project,
        object_type="texts",
        object_id=what,
        language=lang,
        format=format_,
    )
    return send_file(
        BytesIO(body), mimetype=MIMETYPES[format_], as_attachment=True, download_name=name
    )


def _plan(project: Project, survey: Survey | None, data: bytes, lang: str) -> ImportPlan:
    if survey is None:
        return plan_stuurgroep_import(project, data, lang)
    return plan_import(survey, data, lang)


def _upload_page(project: Project, lang: str, what: str, form: UploadForm) -> Page:
    errors = [(field.id, str(message)) for field in form for message in field.errors]
    page = render_template(
        "translate/upload.html",
        project=project,
        lang=lang,
        label=language_label(lang),
        what=what,
        survey=_survey(project, what),
        form=form,
        errors=errors,
    )
    return (page, 400) if errors else page


@bp.route(BASE + "/<lang>/inlezen/<what>", methods=["GET", "POST"])
@project_role(*WHO)
def upload(project: Project, lang: str, what: str) -> Page:
    lang = allowed_language(project, lang)
    survey = _survey(project, what)
    form = UploadForm()
    if form.validate_on_submit():
        data = form.file.data.read(MAX_FILE_SIZE + 1)
        try:
            plan = _plan(project, survey, data, lang)
        except FileRefused as refused:
            form.file.errors = [refused.message, *refused.lines]
        else:
            confirm = ConfirmForm(formdata=None, content=base64.b64encode(data).decode("ascii"))
            return render_template(
                "translate/preview.html",
                project=project,
                lang=lang,
                label=language_label(lang),
                what=what,
                survey=survey,
                plan=plan,
                confirm=confirm,
                target_lang=html_lang(lang),
                target_dir=text_direction(lang),
            )
    return _upload_page(project, lang, what, form)


@bp.route(BASE + "/<lang>/inlezen/<what>/bevestigen", methods=["POST"])
@project_role(*WHO)
def confirm_upload(project: Project, lang: str, what: str) -> Page:
    lang = allowed_language(project, lang)
    survey = _survey(project, what)
    confirm = ConfirmForm()
    try:
        data = base64.b64decode(confirm.content.data or "", validate=True)
        plan = _plan(project, survey, data, lang) if confirm.validate_on_submit() else None
    except (binascii.Error, FileRefused):
        plan = None
    if plan is None:  # not what our own preview sends: start again from the upload
        upload_form = UploadForm(formdata=None)
        upload_form.file.errors = [str(msg.CHOOSE_FILE)]
        return _upload_page(project, lang, what, upload_form)
    if survey is None:
        changed = apply_stuurgroep_import(project, plan, current_user.id)
    else:
        changed = apply_survey_import(project, survey, plan, current_user.id)
    record(
        "translation.import",
        project=project,
        object_type="texts",
        object_id=what,
        language=lang,
        format=plan.format,
        changed=changed,
        skipped=len(plan.skipped),
    )
    flash(
        ngettext("%(num)s vertaling is bewaard.", "%(num)s vertalingen zijn bewaard.", changed),
        "info",
    )
    return _back(project, lang)
