"""Indicators of a goal or an action, and adding a measurement on the indicator's page (routes on
the follow blueprint; see goal_routes.py for the access rule)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.content import localise
from participatie.extensions import db
from participatie.follow import messages, services
from participatie.follow.access import can_edit, require_edit, require_view
from participatie.follow.blueprint import C, S, W, bp, locale
from participatie.follow.forms import MeasurementForm, indicator_form
from participatie.follow.indicators import format_value
from participatie.follow.plan_pages import confirm_delete, goal_url, indicator_chart, indicator_url
from participatie.models import (
    Action,
    Goal,
    Indicator,
    IndicatorUnit,
    Project,
    Question,
    Survey,
)
from participatie.report.forms import ConfirmForm
from participatie.surveys.question_types import type_names


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
        chart=indicator_chart(found),
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
    return confirm_delete(
        project,
        what="indicator",
        name=localise(found.name, locale()),
        measurements=len(found.measurements),
        back=indicator_url(project, found),
        delete=lambda: services.delete_indicator(project, found),
        deleted_message=messages.INDICATOR_DELETED,
        then=goal_url(project, services.goal_of(found)),
    )
