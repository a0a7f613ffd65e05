"""Focus groups: the list, a group's page, its details and attendees, the attendance sheet.

Registered on the coordinate blueprint; importing this module also registers the capture,
transcript and privacy pages.
"""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit
from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.focusgroups.attendance import (
    PdfUnavailable,
    attendance_pdf,
    pdf_unavailable_message,
)
from participatie.coordinate.focusgroups.forms import AttendeeForm
from participatie.coordinate.focusgroups.guides import GUIDE_TEMPLATES
from participatie.coordinate.focusgroups.services import (
    add_attendee,
    attendee_form,
    create_focus_group,
    edit_focus_group_form,
    focus_group_rows,
    get_attendee,
    get_focus_group,
    group_quotes,
    new_attendee_form,
    new_focus_group_form,
    next_pseudonym,
    quote_count,
    quotes_per_attendee,
    remove_attendee,
    update_attendee,
    update_focus_group,
)
from participatie.errors import render_error
from participatie.models import FocusGroup, Project, Role

Page = str | WerkzeugResponse | tuple[str, int]
BASE = "/projecten/<slug>/focusgroepen"


def _group_page(project: Project, group: FocusGroup, form: AttendeeForm) -> str:
    return render_template(
        "coordinate/focusgroups/group.html",
        project=project,
        group=group,
        attendee_form=form,
        quotes=group_quotes(group),
        speaker_quotes=quotes_per_attendee(group),
        next_pseudonym=next_pseudonym(group),
    )


def _to_group(project: Project, group_id: str) -> WerkzeugResponse:
    return redirect(url_for("coordinate.focus_group", slug=project.slug, group_id=group_id))


@bp.route(BASE)
@project_role(Role.COORDINATOR)
def focus_groups(project: Project) -> Page:
    return render_template(
        "coordinate/focusgroups/list.html", project=project, rows=focus_group_rows(project)
    )


@bp.route(BASE + "/nieuw", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def focus_group_new(project: Project) -> Page:
    form = new_focus_group_form(project)
    if "use_template" not in request.form and form.validate_on_submit():
        group = create_focus_group(project, form)
        flash(_("De focusgroep is gemaakt. Voeg nu de deelnemers toe."))
        return _to_group(project, group.public_id)
    page = render_template(
        "coordinate/focusgroups/form.html", project=project, form=form, templates=GUIDE_TEMPLATES
    )
    return (page, 400) if form.errors else page


@bp.route(BASE + "/<group_id>")
@project_role(Role.COORDINATOR)
def focus_group(project: Project, group_id: str) -> Page:
    group = get_focus_group(project, group_id)
    return _group_page(project, group, new_attendee_form(group))


@bp.route(BASE + "/<group_id>/bewerken", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def focus_group_edit(project: Project, group_id: str) -> Page:
    group = get_focus_group(project, group_id)
    form = edit_focus_group_form(group)
    if form.validate_on_submit():
        update_focus_group(group, form)
        flash(_("De gegevens van de focusgroep zijn bewaard."))
        return _to_group(project, group.public_id)
    page = render_template(
        "coordinate/focusgroups/form.html", project=project, form=form, group=group
    )
    return (page, 400) if form.errors else page


@bp.route(BASE + "/<group_id>/deelnemers", methods=["POST"])
@project_role(Role.COORDINATOR)
def attendee_add(project: Project, group_id: str) -> Page:
    group = get_focus_group(project, group_id)
    form = new_attendee_form(group)
    if form.validate_on_submit():
        attendee = add_attendee(group, form)
        flash(_("Deelnemer %(pseudonym)s is toegevoegd.", pseudonym=attendee.pseudonym))
        return _to_group(project, group.public_id)
    return _group_page(project, group, form), 400


@bp.route(BASE + "/<group_id>/deelnemers/<pseudonym>", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def attendee_edit(project: Project, group_id: str, pseudonym: str) -> Page:
    group = get_focus_group(project, group_id)
    attendee = get_attendee(group, pseudonym)
    form = attendee_form(attendee)
    if form.validate_on_submit():
        update_attendee(group, attendee, form)
        flash(_("De gegevens van %(pseudonym)s zijn bewaard.", pseudonym=attendee.pseudonym))
        return _to_group(project, group.public_id)
    page = render_template(
        "coordinate/focusgroups/attendee.html",
        project=project,
        group=group,
        attendee=attendee,
        form=form,
        quotes=quote_count(attendee),
    )
    return (page, 400) if form.errors else page


@bp.route(BASE + "/<group_id>/deelnemers/<pseudonym>/verwijderen", methods=["POST"])
@project_role(Role.COORDINATOR)
def attendee_remove(project: Project, group_id: str, pseudonym: str) -> Page:
    group = get_focus_group(project, group_id)
    attendee = get_attendee(group, pseudonym)
    if remove_attendee(group, attendee):
        flash(_("Deelnemer %(pseudonym)s is verwijderd.", pseudonym=pseudonym))
    else:
        flash(_("%(pseudonym)s heeft uitspraken. Die deelnemer blijft.", pseudonym=pseudonym))
    return _to_group(project, group.public_id)


@bp.route(BASE + "/<group_id>/aanwezigheidslijst.pdf")
@project_role(Role.COORDINATOR)
def attendance_sheet(project: Project, group_id: str) -> Page | Response:
    group = get_focus_group(project, group_id)
    with_signature = request.args.get("handtekening") == "1"
    try:
        pdf = attendance_pdf(group, with_signature)
    except PdfUnavailable:
        return render_error(503, body=pdf_unavailable_message())
    audit.record(
        "focus_group.attendance_sheet",
        project=project,
        object_type="focus_group",
        object_id=group.public_id,
    )
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = 'inline; filename="aanwezigheidslijst.pdf"'
    return response
