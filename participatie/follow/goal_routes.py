"""Goals, actions, indicators and measurements of a werkgroep (routes on the follow blueprint).

Each route passes `project_role` first, then `require_edit`/`require_view` for the werkgroep the
object belongs to: a werkgroep member reaches only their own werkgroep's plan.
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.content import localise
from participatie.extensions import db
from participatie.follow import messages, services
from participatie.follow.access import can_edit, require_edit, require_view
from participatie.follow.blueprint import C, S, W, bp, locale
from participatie.follow.forms import (
    MeasurementForm,
    action_form,
    goal_form,
    indicator_form,
)
from participatie.follow.indicators import format_value, line_chart
from participatie.follow.plan import smartness
from participatie.models import (
    Action,
    Goal,
    GoalKind,
    Indicator,
    IndicatorUnit,
    Project,
    Question,
    Survey,
    Workgroup,
)
from participatie.report.forms import ConfirmForm
from participatie.surveys.question_types import type_names

# --- Goals ----------------------------------------------------------------------------------------


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


def goal_url(project: Project, goal: Goal) -> str:
    return url_for("follow.goal", slug=project.slug, goal_id=goal.public_id)


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
        chart=_chart,
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
    form = ConfirmForm()
    if form.validate_on_submit():
        services.delete_goal(project, found)
        flash(str(messages.GOAL_DELETED), "info")
        return redirect(
            url_for("follow.workgroup", slug=project.slug, workgroup_id=workgroup.public_id)
        )
    return render_template(
        "follow/confirm_delete.html",
        project=project,
        form=form,
        what="goal",
        name=localise(found.title, locale()),
        measurements=services.measurements_under(found),
        back=goal_url(project, found),
    )


# --- Actions --------------------------------------------------------------------------------------


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
    form = ConfirmForm()
    if form.validate_on_submit():
        services.delete_action(project, action)
        flash(str(messages.ACTION_DELETED), "info")
        return redirect(goal_url(project, goal_of_action) + "#acties")
    return render_template(
        "follow/confirm_delete.html",
        project=project,
        form=form,
        what="action",
        name=localise(action.title, locale()),
        measurements=sum(len(i.measurements) for i in action.indicators),
        back=goal_url(project, goal_of_action),
    )


# --- Indicators -----------------------------------------------------------------------------------


def _source_questions(project: Project) -> list[Question]:
    return list(
        db.session.scalars(
            select(Question)
            .join(Survey, Survey.id == Question.survey_id)
            .where(
                Survey.project_id == project.id,
                Question.type.in_(type_names(lambda t: t.is_choice)),
            )
            .order_by(Survey.id, Question.position)
        )
    )


def _indicator_form(project: Project, indicator: Indicator | None) -> Any:
    data: dict[str, Any] = {}
    if indicator is not None:
        data = {f"name_{k}": v for k, v in indicator.name.items()}
        data.update(
            kind=indicator.kind.value,
            unit=indicator.unit.value,
            baseline_value=format_value(indicator.baseline_value, IndicatorUnit.NUMBER)
            if indicator.baseline_value is not None
            else "",
            baseline_on=indicator.baseline_on,
            target_value=format_value(indicator.target_value, IndicatorUnit.NUMBER)
            if indicator.target_value is not None
            else "",
            target_on=indicator.target_on,
            source_question=str(indicator.source_question_id or ""),
            source_options=", ".join(indicator.source_options),
        )
    form = indicator_form(project, data)
    form.source_question.choices = [("", "–")] + [
        (str(q.id), f"{q.survey.code} · {q.name}: {localise(q.label, locale())}")
        for q in _source_questions(project)
    ]
    return form


def _indicator_values(project: Project, form: Any) -> dict[str, Any] | None:
    question = next(
        (q for q in _source_questions(project) if str(q.id) == form.source_question.data), None
    )
    names = form.option_names()
    if question is not None:
        known = {o.name for o in question.options}
        if not names or any(n not in known for n in names):
            form.source_options.errors = [
                *form.source_options.errors,
                str(messages.CHOOSE_OPTIONS) + " " + ", ".join(sorted(known)),
            ]
            return None
    return {
        "name": form.texts("name"),
        "kind": form.kind.data,
        "unit": form.unit.data,
        "baseline_value": form.number(form.baseline_value),
        "baseline_on": form.baseline_on.data,
        "target_value": form.number(form.target_value),
        "target_on": form.target_on.data,
        "source_question": question,
        "source_options": names,
    }


def indicator_url(project: Project, indicator: Indicator) -> str:
    return url_for("follow.indicator", slug=project.slug, indicator_id=indicator.public_id)


def _new_indicator(project: Project, owner: Goal | Action) -> str | WerkzeugResponse:
    workgroup = owner.workgroup if isinstance(owner, Goal) else owner.goal.workgroup
    require_edit(project, workgroup)
    form = _indicator_form(project, None)
    if form.validate_on_submit():
        values = _indicator_values(project, form)
        if values is not None:
            indicator = services.save_indicator(project, owner, None, values)
            flash(str(messages.INDICATOR_SAVED), "info")
            return redirect(indicator_url(project, indicator))
    return render_template(
        "follow/indicator_form.html", project=project, owner=owner, form=form, indicator=None
    )


@bp.route("/projecten/<slug>/doelen/<goal_id>/indicatoren/nieuw", methods=["GET", "POST"])
@project_role(C, W)
def new_goal_indicator(project: Project, goal_id: str) -> str | WerkzeugResponse:
    return _new_indicator(project, services.goal_in(project, goal_id))


@bp.route("/projecten/<slug>/acties/<action_id>/indicatoren/nieuw", methods=["GET", "POST"])
@project_role(C, W)
def new_action_indicator(project: Project, action_id: str) -> str | WerkzeugResponse:
    return _new_indicator(project, services.action_in(project, action_id))


def _chart(indicator: Indicator) -> Any:
    name = _(
        "Lijngrafiek: %(name)s, van de beginwaarde tot de laatste meting, met de streefwaarde.",
        name=localise(indicator.name, locale()),
    )
    target = _("streefwaarde %(value)s", value=format_value(indicator.target_value, indicator.unit))
    return line_chart(indicator, name=name, target_text=target)


@bp.route("/projecten/<slug>/indicatoren/<indicator_id>", methods=["GET", "POST"])
@project_role(C, S, W)
def indicator(project: Project, indicator_id: str) -> str | WerkzeugResponse:
    found = services.indicator_in(project, indicator_id)
    workgroup = services.workgroup_of(found)
    require_view(project, workgroup)
    editable = can_edit(project, workgroup)
    form = MeasurementForm()
    form.indicator = found
    if request.method == "POST":
        require_edit(project, workgroup)
        if form.validate_on_submit():
            services.add_measurement(
                project,
                found,
                form.measured_on.data,
                form.parsed_value(),
                form.source.data or "",
                form.note.data or "",
                current_user.id,
            )
            flash(str(messages.MEASUREMENT_SAVED), "info")
            return redirect(indicator_url(project, found) + "#metingen")
    return render_template(
        "follow/indicator.html",
        project=project,
        indicator=found,
        goal=services.goal_of(found),
        form=form,
        can_edit=editable,
        chart=_chart(found),
        value=format_value,
        delete_form=ConfirmForm(),
    )


@bp.route("/projecten/<slug>/indicatoren/<indicator_id>/bewerken", methods=["GET", "POST"])
@project_role(C, W)
def edit_indicator(project: Project, indicator_id: str) -> str | WerkzeugResponse:
    found = services.indicator_in(project, indicator_id)
    require_edit(project, services.workgroup_of(found))
    form = _indicator_form(project, found)
    if form.validate_on_submit():
        values = _indicator_values(project, form)
        if values is not None:
            owner: Goal | Action = found.goal if found.goal is not None else found.action  # type: ignore[assignment]
            services.save_indicator(project, owner, found, values)
            flash(str(messages.INDICATOR_SAVED), "info")
            return redirect(indicator_url(project, found))
    owner_of = found.goal if found.goal is not None else found.action
    return render_template(
        "follow/indicator_form.html", project=project, owner=owner_of, form=form, indicator=found
    )


@bp.route("/projecten/<slug>/indicatoren/<indicator_id>/verwijderen", methods=["GET", "POST"])
@project_role(C, W)
def delete_indicator(project: Project, indicator_id: str) -> str | WerkzeugResponse:
    found = services.indicator_in(project, indicator_id)
    require_edit(project, services.workgroup_of(found))
    parent_goal = services.goal_of(found)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.delete_indicator(project, found)
        flash(str(messages.INDICATOR_DELETED), "info")
        return redirect(goal_url(project, parent_goal))
    return render_template(
        "follow/confirm_delete.html",
        project=project,
        form=form,
        what="indicator",
        name=localise(found.name, locale()),
        measurements=len(found.measurements),
        back=indicator_url(project, found),
    )


@bp.route(
    "/projecten/<slug>/indicatoren/<indicator_id>/metingen/<measurement_id>/verwijderen",
    methods=["GET", "POST"],
)
@project_role(C, W)
def delete_measurement(
    project: Project, indicator_id: str, measurement_id: str
) -> str | WerkzeugResponse:
    found = services.indicator_in(project, indicator_id)
    require_edit(project, services.workgroup_of(found))
    measurement = services.measurement_in(found, measurement_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.delete_measurement(project, measurement)
        flash(str(messages.MEASUREMENT_DELETED), "info")
        return redirect(indicator_url(project, found) + "#metingen")
    return render_template(
        "follow/confirm_delete.html",
        project=project,
        form=form,
        what="measurement",
        name=f"{measurement.measured_on.isoformat()}: {format_value(measurement.value, found.unit)}",
        measurements=1,
        back=indicator_url(project, found),
    )
