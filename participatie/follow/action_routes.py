"""Actions under a goal (routes on the follow blueprint; see goal_routes.py for the access rule)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.content import localise
from participatie.follow import messages, services
from participatie.follow.access import require_edit
from participatie.follow.blueprint import C, W, bp, locale
from participatie.follow.forms import action_form
from participatie.follow.plan_pages import confirm_delete, goal_url
from participatie.models import Action, Project


def _action_form(project: Project, action: Action | None) -> Any:
    data: dict[str, Any] = {}
    if action is not None:
        data = {f"title_{k}": v for k, v in action.title.items()}
        data.update(
            owner=action.owner,
            partners=action.partners,
            start_on=action.start_on,
            due_on=action.due_on,
            expected_result=action.expected_result,
            status=action.status.value,
            progress=action.progress,
        )
    return action_form(project, data)


def _action_values(form: Any) -> dict[str, Any]:
    return {
        "title": form.texts("title"),
        "owner": form.owner.data or "",
        "partners": form.partners.data or "",
        "start_on": form.start_on.data,
        "due_on": form.due_on.data,
        "expected_result": form.expected_result.data or "",
        "status": form.status.data,
        "progress": form.progress.data,
    }


@bp.route("/projecten/<slug>/doelen/<goal_id>/acties/nieuw", methods=["GET", "POST"])
@project_role(C, W)
def new_action(project: Project, goal_id: str) -> str | WerkzeugResponse:
    found = services.goal_in(project, goal_id)
    require_edit(project, found.workgroup)
    form = _action_form(project, None)
    if form.validate_on_submit():
        services.save_action(project, found, None, _action_values(form))
        flash(str(messages.ACTION_SAVED), "info")
        return redirect(goal_url(project, found) + "#acties")
    return render_template(
        "follow/action_form.html", project=project, goal=found, form=form, action=None
    )


@bp.route("/projecten/<slug>/acties/<action_id>/bewerken", methods=["GET", "POST"])
@project_role(C, W)
def edit_action(project: Project, action_id: str) -> str | WerkzeugResponse:
    action = services.action_in(project, action_id)
    require_edit(project, action.goal.workgroup)
    form = _action_form(project, action)
    if form.validate_on_submit():
        services.save_action(project, action.goal, action, _action_values(form))
        flash(str(messages.ACTION_SAVED), "info")
        return redirect(goal_url(project, action.goal) + "#acties")
    return render_template(
        "follow/action_form.html", project=project, goal=action.goal, form=form, action=action
    )


@bp.route("/projecten/<slug>/acties/<action_id>/verwijderen", methods=["GET", "POST"])
@project_role(C, W)
def delete_action(project: Project, action_id: str) -> str | WerkzeugResponse:
    action = services.action_in(project, action_id)
    goal_of_action = action.goal
    require_edit(project, goal_of_action.workgroup)
    return confirm_delete(
        project,
        what="action",
        name=localise(action.title, locale()),
        measurements=sum(len(i.measurements) for i in action.indicators),
        back=goal_url(project, goal_of_action),
        delete=lambda: services.delete_action(project, action),
        deleted_message=messages.ACTION_DELETED,
        then=goal_url(project, goal_of_action) + "#acties",
    )
