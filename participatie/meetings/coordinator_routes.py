"""The coordinator's meeting pages: list, create, edit, a meeting's page with its agenda,
attendance, decisions taken and invitation, and the attendance sheets for the finance
department. Registered on the meetings blueprint."""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.i18n import LANGUAGE_NAMES
from participatie.meetings import services, tables
from participatie.meetings.blueprint import bp
from participatie.meetings.forms import (
    AgendaItemForm,
    AttendeeForm,
    PeriodForm,
    PostitsForm,
    TakenDecisionForm,
    choices,
)
from participatie.meetings.messages import invitation_url
from participatie.meetings.sheets import attendance_pdf
from participatie.models import Meeting, MeetingKind, Project, Role
from participatie.report.pdf import PdfUnavailable, qr_svg

Page = str | WerkzeugResponse | tuple[str, int]
BASE = "/projecten/<slug>/bijeenkomsten"


def _meeting_page(
    project: Project,
    meeting: Meeting,
    status: int = 200,
    *,
    agenda_form: AgendaItemForm | None = None,
    attendee_form: AttendeeForm | None = None,
    decision_form: TakenDecisionForm | None = None,
    postits_form: PostitsForm | None = None,
) -> Page:
    decision_form = decision_form or TakenDecisionForm()
    decision_form.taken_decision.choices = choices(services.decision_choices(project))
    url = invitation_url(meeting)
    page = render_template(
        "meetings/meeting.html",
        project=project,
        meeting=meeting,
        agenda_form=agenda_form or services.agenda_form(project),
        attendee_form=attendee_form or services.attendee_form(meeting),
        decision_form=decision_form,
        focus_groups=services.focus_group_choices(project),
        postits_form=postits_form or _postits_form(project),
        postits=tables.postits_by_table(meeting),
        url=url,
        qr=qr_svg(url),
    )
    return (page, status) if status != 200 else page


def _postits_form(project: Project) -> PostitsForm:
    form = PostitsForm()
    form.postit_language.choices = choices(
        (code, LANGUAGE_NAMES.get(code, code)) for code in project.languages or ["nl"]
    )
    return form


def _to_meeting(project: Project, meeting: Meeting) -> WerkzeugResponse:
    return redirect(url_for("meetings.meeting", slug=project.slug, meeting_id=meeting.public_id))


@bp.route(BASE)
@project_role(Role.COORDINATOR)
def meetings(project: Project) -> Page:
    return render_template(
        "meetings/list.html",
        project=project,
        meetings=services.meetings_of(project),
        period=PeriodForm(request.args),
    )


@bp.route(BASE + "/nieuw", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def meeting_new(project: Project) -> Page:
    form = services.meeting_form(project)
    if form.validate_on_submit():
        meeting = services.create_meeting(project, form)
        flash(_("De bijeenkomst is gemaakt."))
        return _to_meeting(project, meeting)
    page = render_template("meetings/form.html", project=project, form=form, meeting=None)
    return (page, 400) if form.errors else page


@bp.route(BASE + "/<meeting_id>")
@project_role(Role.COORDINATOR)
def meeting(project: Project, meeting_id: str) -> Page:
    return _meeting_page(project, services.get_meeting(project, meeting_id))


@bp.route(BASE + "/<meeting_id>/bewerken", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def meeting_edit(project: Project, meeting_id: str) -> Page:
    meeting = services.get_meeting(project, meeting_id)
    form = services.meeting_form(project, None if request.method == "POST" else meeting)
    if form.validate_on_submit():
        corrections = services.update_meeting(project, meeting, form)
        flash(_("De bijeenkomst is bewaard."))
        if corrections:
            flash(
                _(
                    "De bijeenkomst is verplaatst. Wie al een herinnering kreeg, krijgt een kort bericht."
                )
            )
        return _to_meeting(project, meeting)
    page = render_template("meetings/form.html", project=project, form=form, meeting=meeting)
    return (page, 400) if form.errors else page


@bp.route(BASE + "/<meeting_id>/focusgroep", methods=["POST"])
@project_role(Role.COORDINATOR)
def meeting_focus_group(project: Project, meeting_id: str) -> Page:
    meeting = services.get_meeting(project, meeting_id)
    services.link_focus_group(project, meeting, request.form.get("focus_group", ""))
    flash(_("De bijeenkomst is bewaard."))
    return _to_meeting(project, meeting)


@bp.route(BASE + "/<meeting_id>/agenda", methods=["POST"])
@project_role(Role.COORDINATOR)
def agenda_add(project: Project, meeting_id: str) -> Page:
    meeting = services.get_meeting(project, meeting_id)
    form = services.agenda_form(project)
    if not form.validate_on_submit():
        return _meeting_page(project, meeting, 400, agenda_form=form)
    services.add_agenda_item(project, meeting, form)
    flash(_("Het agendapunt is toegevoegd."))
    return _to_meeting(project, meeting)


@bp.route(BASE + "/<meeting_id>/agenda/<int:item_id>/wissen", methods=["POST"])
@project_role(Role.COORDINATOR)
def agenda_remove(project: Project, meeting_id: str, item_id: int) -> Page:
    meeting = services.get_meeting(project, meeting_id)
    services.remove_agenda_item(project, meeting, item_id)
    flash(_("Het agendapunt is gewist."))
    return _to_meeting(project, meeting)


@bp.route(BASE + "/<meeting_id>/aanwezigen", methods=["POST"])
@project_role(Role.COORDINATOR)
def attendee_add(project: Project, meeting_id: str) -> Page:
    meeting = services.get_meeting(project, meeting_id)
    form = services.attendee_form(meeting)
    if not form.validate_on_submit():
        return _meeting_page(project, meeting, 400, attendee_form=form)
    if services.add_attendee(project, meeting, form) is None:
        form.pseudonym.errors = [_("Deze schuilnaam is al gebruikt in deze bijeenkomst.")]
        return _meeting_page(project, meeting, 400, attendee_form=form)
    flash(_("De aanwezige is toegevoegd."))
    return _to_meeting(project, meeting)


@bp.route(BASE + "/<meeting_id>/aanwezigen/<int:attendee_id>/wissen", methods=["POST"])
@project_role(Role.COORDINATOR)
def attendee_remove(project: Project, meeting_id: str, attendee_id: int) -> Page:
    meeting = services.get_meeting(project, meeting_id)
    services.remove_attendee(project, meeting, attendee_id)
    flash(_("De aanwezige is gewist."))
    return _to_meeting(project, meeting)


@bp.route(BASE + "/<meeting_id>/beslissingen", methods=["POST"])
@project_role(Role.COORDINATOR)
def decision_taken(project: Project, meeting_id: str) -> Page:
    meeting = services.get_meeting(project, meeting_id)
    form = TakenDecisionForm()
    form.taken_decision.choices = choices(services.decision_choices(project))
    if form.validate_on_submit() and services.add_taken_decision(
        project, meeting, form.taken_decision.data or ""
    ):
        flash(_("De beslissing is gekoppeld aan deze bijeenkomst."))
        return _to_meeting(project, meeting)
    form.taken_decision.errors = [_("Kies een beslissing.")]
    return _meeting_page(project, meeting, 400, decision_form=form)


def _pdf(body_maker: Callable[[], bytes], filename: str) -> Response | tuple[str, int]:
    try:
        body = body_maker()
    except PdfUnavailable as error:
        return render_template("meetings/pdf_unavailable.html", message=str(error)), 503
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@bp.route(BASE + "/<meeting_id>/aanwezigheid.pdf")
@project_role(Role.COORDINATOR)
def meeting_sheet(project: Project, meeting_id: str) -> Response | tuple[str, int]:
    meeting = services.get_meeting(project, meeting_id)
    rows = services.attendance_rows(project, None, None)
    rows = [row for row in rows if row.meeting.id == meeting.id]
    return _pdf(lambda: attendance_pdf(project, rows, None, None), "aanwezigheid.pdf")


@bp.route(BASE + "/aanwezigheid.pdf")
@project_role(Role.COORDINATOR)
def period_sheet(project: Project) -> Page | Response:
    form = PeriodForm(request.args)
    if not form.validate():
        page = render_template(
            "meetings/list.html",
            project=project,
            meetings=services.meetings_of(project),
            period=form,
        )
        return page, 400
    start, end = services.period_bounds(form.start.data, form.end.data)
    rows = services.attendance_rows(project, start, end)
    return _pdf(lambda: attendance_pdf(project, rows, start, end), "aanwezigheid-periode.pdf")


@bp.route(BASE + "/<meeting_id>/postits", methods=["POST"])
@project_role(Role.COORDINATOR)
def postits_add(project: Project, meeting_id: str) -> Page:
    meeting = services.get_meeting(project, meeting_id)
    if meeting.kind != MeetingKind.GESPREKSTAFEL:
        abort(404)
    form = _postits_form(project)
    if not form.validate_on_submit():
        return _meeting_page(project, meeting, 400, postits_form=form)
    count = tables.add_postits(
        project,
        meeting,
        form.table.data or 1,
        form.round_number.data or 1,
        form.postit_language.data or "nl",
        form.postits.data or "",
    )
    flash(
        ngettext(
            "%(num)d post-it is bewaard. Je vindt hem terug bij de uitspraken om te taggen.",
            "%(num)d post-its zijn bewaard. Je vindt ze terug bij de uitspraken om te taggen.",
            count,
        )
    )
    return _to_meeting(project, meeting)
