"""The coordinate area's home pages: the site admin's overview and a project's home.

A project's home carries the roadmap as a task list and, above it, "Wat vraagt aandacht".
"""

from __future__ import annotations

from flask import redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit
from participatie.auth.access import admin_required, project_role
from participatie.coordinate import bp
from participatie.coordinate.home.attention import attention_items
from participatie.coordinate.home.figures import POSTER_PRINTED, project_figures
from participatie.coordinate.home.forms import PosterForm, PreparationForm
from participatie.coordinate.home.roadmap import STATUS_LABELS, task_list
from participatie.coordinate.home.roles import stuurgroep_home, volunteer_home, workgroup_homes
from participatie.coordinate.home.services import (
    all_projects,
    all_users,
    focus_group_rows,
    stuurgroep_members,
    survey_rows,
)
from participatie.models import Project, Role
from participatie.report.release_figures import latest_release


@bp.route("/beheer")
@admin_required
def admin_home() -> str:
    return render_template("coordinate/admin.html", projects=all_projects(), users=all_users())


@bp.route("/projecten/<slug>")
@project_role(Role.COORDINATOR)
def project_home(project: Project) -> str:
    surveys = survey_rows(project)
    figures = project_figures(project, sum(row.responses for row in surveys))
    return render_template(
        "coordinate/project.html",
        project=project,
        attention=attention_items(project, figures),
        phases=task_list(project, figures),
        step_labels=STATUS_LABELS,
        poster_form=PosterForm(),
        surveys=surveys,
        focus_groups=focus_group_rows(project),
    )


@bp.route("/projecten/<slug>/voorbereiding", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def preparation(project: Project) -> str | tuple[str, int] | WerkzeugResponse:
    form = PreparationForm(data={"omgevingsanalyse": project.omgevingsanalyse})
    if form.validate_on_submit():
        project.omgevingsanalyse = form.omgevingsanalyse.data or ""
        audit.record(
            "project.omgevingsanalyse",
            project=project,
            object_type="project",
            object_id=project.slug,
            characters=len(project.omgevingsanalyse),
        )
        return redirect(url_for("coordinate.project_home", slug=project.slug) + "#voorbereiden")
    page = render_template(
        "coordinate/preparation.html",
        project=project,
        form=form,
        members=stuurgroep_members(project),
    )
    return (page, 400) if form.errors else page


@bp.route("/projecten/<slug>/poster-gedrukt", methods=["POST"])
@project_role(Role.COORDINATOR)
def poster_printed(project: Project) -> WerkzeugResponse:
    form = PosterForm()
    if form.validate_on_submit():
        latest = latest_release(project)
        audit.record(
            POSTER_PRINTED,
            project=project,
            object_type="release",
            object_id=str(latest.number) if latest else "",
        )
    return redirect(url_for("coordinate.project_home", slug=project.slug) + "#terugkoppelen")


@bp.route("/projecten/<slug>/start")
@project_role(Role.COORDINATOR, Role.STUURGROEP, Role.WERKGROEP, Role.VOLUNTEER)
def role_home(project: Project) -> str:
    """One page per person: a section for each role they hold in the project."""
    roles = current_user.roles_in(project.id)
    return render_template(
        "coordinate/role_home.html",
        project=project,
        is_coordinator=Role.COORDINATOR in roles,
        stuurgroep=stuurgroep_home(project) if Role.STUURGROEP in roles else None,
        workgroups=workgroup_homes(project, current_user) if Role.WERKGROEP in roles else None,
        volunteer=volunteer_home(project, current_user) if Role.VOLUNTEER in roles else None,
    )
