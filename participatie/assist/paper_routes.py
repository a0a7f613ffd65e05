"""Paper: printing numbered forms, and keying them in fast."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from participatie import audit
from participatie.assist import messages, paper_numbers
from participatie.assist.blueprint import HELPERS, Page, bp
from participatie.assist.entry import (
    declined_name,
    entry_fields,
    entry_form,
    entry_specs,
    gloss_name,
    may_open,
    note_opened,
    option_hint,
    read_entries,
    save_entries,
    typed_glosses,
)
from participatie.assist.forms import MAX_COPIES, VOLUNTEER_MAX_COPIES, JumpForm, PaperForm
from participatie.assist.paper import PaperUnavailable, paper_pdf
from participatie.assist.services import survey_in_project
from participatie.auth.access import project_role
from participatie.extensions import db
from participatie.models import Project, ResponseMode, Role
from participatie.models import Response as SurveyResponse
from participatie.surveys.definition import SurveyDef

ENTRY_STATUSES = ("open", "closed")  # forms handed in before closing still count


def _print_statuses(project: Project) -> tuple[str, ...]:
    # Coordinators may print a draft to check it, or a closed survey again.
    if current_user.has_role(project.id, Role.COORDINATOR):
        return ("open", "closed", "draft")
    return ("open",)


@bp.route("/projecten/<slug>/samen/<code>/papier", methods=["GET", "POST"])
@project_role(*HELPERS)
def paper(project: Project, code: str) -> Page | Response:
    survey = survey_in_project(project, code, _print_statuses(project))
    coordinator = current_user.has_role(project.id, Role.COORDINATOR)
    form = PaperForm(
        survey.languages,
        data={"language": survey.languages[0]},
        max_copies=MAX_COPIES if coordinator else VOLUNTEER_MAX_COPIES,
    )
    unavailable = None
    if form.validate_on_submit():
        try:
            return _download(project, survey, str(form.language.data), form.copies_wanted)
        except PaperUnavailable as problem:
            unavailable = str(problem)
    page = render_template(
        "assist/paper.html", project=project, survey=survey, form=form, unavailable=unavailable
    )
    return (page, 503) if unavailable else (page, 400) if form.errors else page


def _download(project: Project, survey: SurveyDef, language: str, copies: int) -> Response:
    pdf = paper_pdf(survey, language, copies)
    # Printing adds a waiting response per copy: logged for everyone who prints.
    audit.record(
        "paper_forms.printed",
        project=project,
        object_type="survey",
        object_id=survey.code,
        copies=copies,
        language=language,
    )
    filename = f"{survey.code}-{language}.pdf"
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _jump(project: Project, survey: SurveyDef, typed: str) -> SurveyResponse | str:
    """The response of a typed or scanned number, or the message to show."""
    number = paper_numbers.normalise(typed)
    if number is None or not paper_numbers.is_valid(number):
        return str(messages.PAPER_NUMBER_TYPO)
    response = paper_numbers.find(survey, number)
    if response is None:
        return str(messages.PAPER_NUMBER_UNKNOWN)
    if not may_open(project, response):
        return str(messages.PAPER_ALREADY_ENTERED)
    return response


@bp.route("/projecten/<slug>/samen/<code>/invoer", methods=["GET", "POST"])
@project_role(*HELPERS)
def entry_jump(project: Project, code: str) -> Page:
    survey = survey_in_project(project, code, ENTRY_STATUSES)
    form = JumpForm()
    scanned = request.args.get("nummer") if request.method == "GET" else None
    if scanned is not None:  # a QR code's link: look up only, nothing changes
        form.number.data = scanned[:300]
    if scanned is not None or form.validate_on_submit():
        found = _jump(project, survey, form.number.data or "")
        if not isinstance(found, str):
            return redirect(
                url_for("assist.entry", slug=project.slug, code=survey.code, rid=found.public_id)
            )
        form.number.errors = [found]
    page = render_template("assist/entry_jump.html", project=project, survey=survey, form=form)
    return (page, 400) if form.number.errors else page


def _paper_response(survey: SurveyDef, public_id: str) -> SurveyResponse:
    response = db.session.scalar(
        select(SurveyResponse).where(
            SurveyResponse.public_id == public_id,
            SurveyResponse.survey_id == survey.id,
            SurveyResponse.mode == ResponseMode.PAPER,
            SurveyResponse.paper_number.is_not(None),
        )
    )
    if response is None:
        abort(404)
    return response


@bp.route("/projecten/<slug>/samen/<code>/invoer/<rid>", methods=["GET", "POST"])
@project_role(*HELPERS)
def entry(project: Project, code: str, rid: str) -> Page:
    survey = survey_in_project(project, code, ENTRY_STATUSES)
    response = _paper_response(survey, rid)
    if not may_open(project, response):
        flash(str(messages.PAPER_ALREADY_ENTERED), "error")
        return redirect(url_for("assist.entry_jump", slug=project.slug, code=survey.code))
    form = entry_form(survey, response)
    if request.method == "GET":
        note_opened(project, response)
    if form.validate_on_submit():
        entries = read_entries(form, survey)
        if entries is not None:
            save_entries(project, survey, response, entries, typed_glosses(form, survey))
            shown = paper_numbers.display(response.paper_number or "")
            flash(str(messages.PAPER_SAVED) % {"number": shown}, "info")
            return redirect(url_for("assist.entry_jump", slug=project.slug, code=survey.code))
    page = render_template(
        "assist/entry.html",
        project=project,
        survey=survey,
        response=response,
        form=form,
        fields=entry_fields(survey),
        specs=entry_specs(survey),
        option_hint=option_hint,
        gloss_name=gloss_name,
        declined_name=declined_name,
        shown_number=paper_numbers.display(response.paper_number or ""),
    )
    return (page, 400) if any(field.errors for field in form) else page
