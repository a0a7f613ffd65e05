"""The audit log, for site admins: who did what, when, to which object."""

from __future__ import annotations

from flask import render_template, request
from sqlalchemy import func, select

from participatie.auth.access import admin_required
from participatie.coordinate import bp
from participatie.extensions import db
from participatie.models import AuditEvent, Project, User

PAGE_SIZE = 50


@bp.route("/beheer/audit")
@admin_required
def audit_log() -> str:
    page = max(1, request.args.get("pagina", 1, type=int) or 1)
    project_slug = request.args.get("project", "")
    query = (
        select(AuditEvent, User.email, Project.slug)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .outerjoin(Project, Project.id == AuditEvent.project_id)
    )
    if project_slug:
        query = query.where(Project.slug == project_slug)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.session.execute(
        query.order_by(AuditEvent.id.desc()).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    ).all()
    projects = db.session.scalars(select(Project.slug).order_by(Project.slug)).all()
    return render_template(
        "coordinate/audit.html",
        rows=rows,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        total=total,
        projects=projects,
        project_slug=project_slug,
    )
