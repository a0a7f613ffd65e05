"""Per project: what is stored, why, and for how long (supports the municipality's DPIA)."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, render_template
from sqlalchemy import select

from participatie.auth.access import public
from participatie.extensions import db
from participatie.models import Project
from participatie.report.routes import bp


@bp.route("/p/<slug>/privacy")
@public
def privacy(slug: str) -> str:
    project = db.session.scalar(select(Project).where(Project.slug == slug))
    if project is None:
        abort(404)
    return render_template(
        "report/privacy.html",
        project=project,
        retention=timedelta(days=project.retention_days),
    )
