"""Priorities, the actieplan overview and its downloads, and the werkgroepen.

Goals, actions, indicators and measurements are in goal_routes.py, action_routes.py,
indicator_routes.py and measurement_routes.py (same blueprint).
"""

from __future__ import annotations

from typing import Any

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit
from participatie.auth.access import project_role
from participatie.content import localise
from participatie.extensions import db
from participatie.follow import messages, services
from participatie.follow import priorities as priority_service
from participatie.follow.access import can_edit, require_view, visible_workgroups
from participatie.follow.blueprint import C, S, W, bp, locale
from participatie.follow.evidence import priority_board
from participatie.follow.export import MIMETYPES, PLAN_FORMATS, export_plan, ordered_goals
from participatie.follow.forms import (
    ProposalForm,
    WorkgroupForm,
    priorities_form,
    split_pseudonyms,
)
from participatie.models import Membership, ProposedBy, Release, User, Workgroup
from participatie.models.projects import Project
from participatie.report.forms import ConfirmForm
from participatie.report.pdf import PdfUnavailable

# --- Priorities -----------------------------------------------------------------------------------


@bp.route("/projecten/<slug>/prioriteiten", methods=["GET", "POST"])
@project_role(C, S)
def priorities(project: Project) -> str | WerkzeugResponse:
    release, board = priority_board(project, locale())
    codes = priority_service.domain_codes(project)
    current = {
        row.key: (row.priority.proposed_by.value, row.priority.chosen)
        for row in board
        if row.priority is not None
    }
    form = priorities_form({row.key: str(row.label) for row in board}, current)
    if form.validate_on_submit():
        for row in board:
            proposed = getattr(form, f"proposed_{row.key}").data
            priority_service.save_priority(
                project,
                codes[row.key],
                ProposedBy(proposed) if proposed else None,
                bool(getattr(form, f"chosen_{row.key}").data),
                row.evidence(),
            )
        flash(str(messages.PRIORITIES_SAVED), "info")
        return redirect(url_for("follow.priorities", slug=project.slug))
    return _priorities_page(project, release, board, form, _proposal_form(project))


def _proposal_form(project: Project, data: dict[str, Any] | None = None) -> ProposalForm:
    form = ProposalForm(data=data) if data is not None else ProposalForm()
    form.domains.choices = [
        (key, str(localise(code.label, locale())))
        for key, code in priority_service.domain_codes(project).items()
    ]
    return form


def _priorities_page(
    project: Project, release: Release | None, board: list[Any], form: Any, proposal_form: Any
) -> str:
    proposal = priority_service.latest_proposal(project)
    return render_template(
        "follow/priorities.html",
        project=project,
        release=release,
        board=board,
        form=form,
        proposal_form=proposal_form,
        proposal=proposal,
        survey_result=priority_service.priority_survey_result(project, locale()),
        survey_form=ConfirmForm(),
        is_coordinator=current_user.has_role(project.id, C),
    )


@bp.route("/projecten/<slug>/prioriteiten/oudergroep", methods=["POST"])
@project_role(C, S)
def parent_group_proposal(project: Project) -> str | WerkzeugResponse:
    form = _proposal_form(project, None)
    if form.validate_on_submit():
        delegates, _bad = split_pseudonyms(form.delegates.data or "")
        priority_service.record_proposal(
            project,
            form.proposed_on.data,
            list(form.domains.data or []),
            delegates,
            form.note.data or "",
        )
        flash(str(messages.PROPOSAL_SAVED), "info")
        return redirect(url_for("follow.priorities", slug=project.slug))
    release, board = priority_board(project, locale())
    page_form = priorities_form(
        {row.key: str(row.label) for row in board},
        {
            row.key: (row.priority.proposed_by.value, row.priority.chosen)
            for row in board
            if row.priority is not None
        },
    )
    return _priorities_page(project, release, board, page_form, form)


@bp.route("/projecten/<slug>/prioriteiten/wat-moet-eerst", methods=["POST"])
@project_role(C)
def priority_survey(project: Project) -> WerkzeugResponse:
    if not ConfirmForm().validate_on_submit():
        abort(400)
    survey = priority_service.create_priority_survey(project)
    if survey is None:
        flash(str(messages.NO_THEMES_YET), "error")
        return redirect(url_for("follow.priorities", slug=project.slug))
    flash(str(messages.PRIORITY_SURVEY_MADE) % {"code": survey.code}, "info")
    return redirect(url_for("follow.priorities", slug=project.slug) + "#wat-moet-eerst")


# --- The actieplan -------------------------------------------------------------------------------


@bp.route("/projecten/<slug>/actieplan")
@project_role(C, S, W)
def plan(project: Project) -> str:
    workgroups = visible_workgroups(project, services.project_workgroups(project))
    return render_template(
        "follow/plan.html",
        project=project,
        workgroups=workgroups,
        ordered_goals=ordered_goals,
        formats=PLAN_FORMATS,
        can_export=current_user.has_role(project.id, C, S),
        is_coordinator=current_user.has_role(project.id, C),
    )


@bp.route("/projecten/<slug>/actieplan/download/<fmt>")
@project_role(C, S)
def export(project: Project, fmt: str) -> Response | tuple[str, int]:
    if fmt not in PLAN_FORMATS:
        abort(404)
    try:
        body = export_plan(project, fmt, locale())
    except PdfUnavailable as error:
        return render_template("report/pdf_unavailable.html", message=str(error)), 503
    audit.record(
        "plan.export",
        project=project,
        object_type="project",
        object_id=project.slug,
        format=fmt,
        lang=locale(),
    )
    response = Response(body, mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = (
        f'attachment; filename="actieplan-{project.slug}-{locale()}.{fmt}"'
    )
    return response


# --- Werkgroepen ----------------------------------------------------------------------------------


def _workgroup_form(project: Project, workgroup: Workgroup | None) -> WorkgroupForm:
    data: dict[str, Any] = {}
    if workgroup is not None:
        data = {
            "name": workgroup.name,
            "domain": workgroup.domain.key if workgroup.domain is not None else "",
            "users": [m.user.public_id for m in workgroup.members if m.user is not None],
            "pseudonyms": ", ".join(m.pseudonym for m in workgroup.members if m.pseudonym),
            "themes": [t.public_id for t in workgroup.themes],
        }
    form = WorkgroupForm(data=data)
    codes = priority_service.domain_codes(project)
    form.domain.choices = [("", "–")] + [
        (key, str(localise(code.label, locale()))) for key, code in codes.items()
    ]
    form.users.choices = [(u.public_id, f"{u.name or u.email}") for u in _staff(project)]
    form.themes.choices = [
        (t.public_id, str(localise(t.title, locale()))) for t in services.project_themes(project)
    ]
    return form


def _staff(project: Project) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.id.in_(select(Membership.user_id).where(Membership.project_id == project.id))
            )
            .order_by(User.name, User.email)
        )
    )


def _workgroup_values(project: Project, form: WorkgroupForm) -> dict[str, Any]:
    codes = priority_service.domain_codes(project)
    wanted = set(form.users.data or [])
    pseudonyms, _bad = split_pseudonyms(form.pseudonyms.data or "")
    domain = codes.get(form.domain.data or "")
    return {
        "name": form.name.data,
        "domain_id": domain.id if domain is not None else None,
        "users": [u for u in _staff(project) if u.public_id in wanted],
        "pseudonyms": pseudonyms,
        "themes": list(form.themes.data or []),
    }


@bp.route("/projecten/<slug>/werkgroepen/nieuw", methods=["GET", "POST"])
@project_role(C)
def new_workgroup(project: Project) -> str | WerkzeugResponse:
    form = _workgroup_form(project, None)
    if form.validate_on_submit():
        workgroup = services.save_workgroup(project, None, _workgroup_values(project, form))
        flash(str(messages.WORKGROUP_SAVED), "info")
        return redirect(_workgroup_url(project, workgroup))
    return render_template("follow/workgroup_form.html", project=project, form=form, workgroup=None)


@bp.route("/projecten/<slug>/werkgroepen/<workgroup_id>")
@project_role(C, S, W)
def workgroup(project: Project, workgroup_id: str) -> str:
    found = services.workgroup_in(project, workgroup_id)
    require_view(project, found)
    return render_template(
        "follow/workgroup.html",
        project=project,
        workgroup=found,
        goals=ordered_goals(found),
        can_edit=can_edit(project, found),
        is_coordinator=current_user.has_role(project.id, C),
    )


@bp.route("/projecten/<slug>/werkgroepen/<workgroup_id>/bewerken", methods=["GET", "POST"])
@project_role(C)
def edit_workgroup(project: Project, workgroup_id: str) -> str | WerkzeugResponse:
    found = services.workgroup_in(project, workgroup_id)
    form = _workgroup_form(project, found)
    if form.validate_on_submit():
        services.save_workgroup(project, found, _workgroup_values(project, form))
        flash(str(messages.WORKGROUP_SAVED), "info")
        return redirect(_workgroup_url(project, found))
    return render_template(
        "follow/workgroup_form.html", project=project, form=form, workgroup=found
    )


@bp.route("/projecten/<slug>/werkgroepen/<workgroup_id>/verwijderen", methods=["GET", "POST"])
@project_role(C)
def delete_workgroup(project: Project, workgroup_id: str) -> str | WerkzeugResponse:
    found = services.workgroup_in(project, workgroup_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.delete_workgroup(project, found)
        flash(str(messages.WORKGROUP_DELETED), "info")
        return redirect(url_for("follow.plan", slug=project.slug))
    return render_template(
        "follow/confirm_delete.html",
        project=project,
        form=form,
        what="workgroup",
        name=found.name,
        measurements=sum(
            services.measurements_under(g) for g in found.goals if g.parent_id is None
        ),
        back=_workgroup_url(project, found),
    )


def _workgroup_url(project: Project, workgroup: Workgroup) -> str:
    return url_for("follow.workgroup", slug=project.slug, workgroup_id=workgroup.public_id)
