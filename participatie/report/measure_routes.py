"""Resultaatsmetingen: started by the coordinator, read by the stuurgroep (change per person)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit
from participatie.auth.access import project_role
from participatie.models import Project, Role
from participatie.report import measures
from participatie.report.forms import ConfirmForm
from participatie.report.measure_forms import measure_form
from participatie.report.routes import READERS, bp
from participatie.report.voice_labels import TEMPLATE_GLOBALS
from participatie.voice.change import measure_result

BASE = "/projecten/<slug>/resultaatsmetingen"

for _name, _value in TEMPLATE_GLOBALS.items():
    bp.add_app_template_global(_value, _name)  # type: ignore[arg-type]


def _can_edit(project: Project) -> bool:
    return bool(current_user.has_role(project.id, Role.COORDINATOR))


@bp.route(BASE)
@project_role(*READERS)
def measures_list(project: Project) -> str:
    return render_template(
        "report/measures.html",
        project=project,
        measures=measures.project_measures(project),
        can_edit=_can_edit(project),
    )


@bp.route(BASE + "/nieuw", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def measure_new(project: Project) -> str | WerkzeugResponse:
    decisions = measures.project_decisions(project)
    goals = measures.project_goals(project)
    form = measure_form(decisions, goals)
    if form.validate_on_submit():
        chosen = next((d for d in decisions if d.public_id == form.decision.data), None)
        kind, _sep, link = (form.goal.data or "").partition(":")
        goal = next((g for g in goals if kind == "goal" and g.public_id == link), None)
        actions = [a for g in goals for a in g.actions]
        action = next((a for a in actions if kind == "action" and a.public_id == link), None)
        measure = measures.create_measure(
            project, form.subject.data or "", chosen, goal=goal, action=action
        )
        flash(_("De resultaatsmeting is klaar. Kijk de vragen na en open ze."), "info")
        return redirect(
            url_for("coordinate.survey_edit", slug=project.slug, survey_id=measure.survey.public_id)
        )
    page = render_template("report/measure_new.html", project=project, form=form)
    return (page, 400) if form.errors else page  # type: ignore[return-value]


@bp.route(BASE + "/<measure_id>")
@project_role(*READERS)
def measure_detail(project: Project, measure_id: str) -> str:
    measure = measures.measure_in(project, measure_id) or abort(404)
    audit.record(
        "measure.view", project=project, object_type="result_measure", object_id=measure.public_id
    )
    return render_template(
        "report/measure.html",
        project=project,
        measure=measure,
        result=measure_result(measure),
        form=ConfirmForm(),
        can_edit=_can_edit(project),
    )


@bp.route(BASE + "/<measure_id>/tweede-ronde", methods=["POST"])
@project_role(Role.COORDINATOR)
def measure_after_round(project: Project, measure_id: str) -> WerkzeugResponse:
    measure = measures.measure_in(project, measure_id) or abort(404)
    form = ConfirmForm()
    if form.validate_on_submit() and measures.start_after_round(measure):
        flash(_("De tweede ronde is begonnen. Nieuwe antwoorden horen nu bij ‘na’."), "info")
    return redirect(url_for("report.measure_detail", slug=project.slug, measure_id=measure_id))
