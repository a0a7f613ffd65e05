"""Goals of a werkgroep (routes on the follow blueprint). Their actions are in action_routes.py,
indicators in indicator_routes.py, measurements in measurement_routes.py.

Each route passes `project_role` first, then `require_edit`/`require_view` for the werkgroep the
object belongs to: a werkgroep member reaches only their own werkgroep's plan.
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.content import localise
from participatie.follow import messages, services
from participatie.follow.access import can_edit, require_edit, require_view
from participatie.follow.blueprint import C, S, W, bp, locale
from participatie.follow.forms import goal_form
from participatie.follow.indicators import format_value
from participatie.follow.plan import smartness
from participatie.follow.plan_pages import confirm_delete, goal_url, indicator_chart
from participatie.models import Goal, GoalKind, Project, Workgroup


def _goal_form(project: Project, workgroup: Workgroup, goal: Goal | None) -> Any:
    data: dict[str, Any] = {}
    if goal is not None:
        data = {f"title_{k}": v for k, v in goal.title.items()}
        data.update(
            description=goal.description,
            parent=goal.parent.public_id if goal.parent is not None else "",
            owner=goal.owner,
            deadline=goal.deadline,
            themes=[t.public_id for t in goal.themes],
        )
    elif request.args.get("onder"):
        data["parent"] = request.args["onder"]
    form = goal_form(project, data)
    strategic = [g for g in workgroup.goals if g.kind == GoalKind.STRATEGIC and g is not goal]
    form.parent.choices = [("", _("strategische doelstelling"))] + [
        (
            g.public_id,
            _("operationele doelstelling onder: %(title)s", title=localise(g.title, locale())),
        )
        for g in strategic
    ]
    form.themes.choices = [
        (t.public_id, str(localise(t.title, locale()))) for t in services.project_themes(project)
    ]
    return form


def _goal_values(workgroup: Workgroup, form: Any) -> dict[str, Any]:
    parent = next((g for g in workgroup.goals if g.public_id == form.parent.data), None)
    return {
        "title": form.texts("title"),
        "description": form.description.data or "",
        "parent": parent,
        "owner": form.owner.data or "",
        "deadline": form.deadline.data,
        "themes": list(form.themes.data or []),
    }


def _saved_goal(project: Project, goal: Goal) -> WerkzeugResponse:
    # Saved either way; an incomplete goal is a draft and the page says what it lacks.
    state = smartness(goal)
    flash(str(messages.GOAL_SAVED if state.is_smart else messages.GOAL_DRAFT), "info")
    return redirect(goal_url(project, goal))


@bp.route("/projecten/<slug>/werkgroepen/<workgroup_id>/doelen/nieuw", methods=["GET", "POST"])
@project_role(C, W)
def new_goal(project: Project, workgroup_id: str) -> str | WerkzeugResponse:
    workgroup = services.workgroup_in(project, workgroup_id)
    require_edit(project, workgroup)
    form = _goal_form(project, workgroup, None)
    if form.validate_on_submit():
        goal = services.save_goal(project, workgroup, None, _goal_values(workgroup, form))
        return _saved_goal(project, goal)
    return render_template(
        "follow/goal_form.html", project=project, workgroup=workgroup, form=form, goal=None
    )


@bp.route("/projecten/<slug>/doelen/<goal_id>")
@project_role(C, S, W)
def goal(project: Project, goal_id: str) -> str:
    found = services.goal_in(project, goal_id)
    require_view(project, found.workgroup)
    return render_template(
        "follow/goal.html",
        project=project,
        goal=found,
        state=smartness(found),
        can_edit=can_edit(project, found.workgroup),
        chart=indicator_chart,
        value=format_value,
    )


@bp.route("/projecten/<slug>/doelen/<goal_id>/bewerken", methods=["GET", "POST"])
@project_role(C, W)
def edit_goal(project: Project, goal_id: str) -> str | WerkzeugResponse:
    found = services.goal_in(project, goal_id)
    require_edit(project, found.workgroup)
    form = _goal_form(project, found.workgroup, found)
    if form.validate_on_submit():
        services.save_goal(project, found.workgroup, found, _goal_values(found.workgroup, form))
        return _saved_goal(project, found)
    return render_template(
        "follow/goal_form.html",
        project=project,
        workgroup=found.workgroup,
        form=form,
        goal=found,
    )


@bp.route("/projecten/<slug>/doelen/<goal_id>/verwijderen", methods=["GET", "POST"])
@project_role(C, W)
def delete_goal(project: Project, goal_id: str) -> str | WerkzeugResponse:
    found = services.goal_in(project, goal_id)
    workgroup = found.workgroup
    require_edit(project, workgroup)
    return confirm_delete(
        project,
        what="goal",
        name=localise(found.title, locale()),
        measurements=services.measurements_under(found),
        back=goal_url(project, found),
        delete=lambda: services.delete_goal(project, found),
        deleted_message=messages.GOAL_DELETED,
        then=url_for("follow.workgroup", slug=project.slug, workgroup_id=workgroup.public_id),
    )
