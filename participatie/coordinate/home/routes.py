"""The coordinate area's home pages: the site admin's overview and a project's home."""

from __future__ import annotations

from flask import render_template

from participatie.auth.access import admin_required, project_role
from participatie.coordinate import bp
from participatie.coordinate.home.services import (
    all_projects,
    all_users,
    focus_group_rows,
    survey_rows,
)
from participatie.models import Project, Role


@bp.route("/beheer")
@admin_required
def admin_home() -> str:
    return render_template("coordinate/admin.html", projects=all_projects(), users=all_users())


@bp.route("/projecten/<slug>")
@project_role(Role.COORDINATOR)
def project_home(project: Project) -> str:
    return render_template(
        "coordinate/project.html",
        project=project,
        surveys=survey_rows(project),
        focus_groups=focus_group_rows(project),
    )
