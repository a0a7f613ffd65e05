"""Coordinators publish releases: the page that says how many new participants there are, and
the button that freezes the figures (DESIGN.md §2 "Published, not live")."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.extensions import db
from participatie.models import Project, Release, Role
from participatie.report import messages
from participatie.report.forms import ConfirmForm
from participatie.report.releases import ReleaseRefused, publish_release, release_status
from participatie.report.routes import bp


@bp.route("/projecten/<slug>/publicaties")
@project_role(Role.COORDINATOR)
def releases(project: Project) -> str:
    return _page(project, ConfirmForm())


@bp.route("/projecten/<slug>/publicaties", methods=["POST"])
@project_role(Role.COORDINATOR)
def publish(project: Project) -> str | WerkzeugResponse:
    form = ConfirmForm()
    if not form.validate_on_submit():
        return _page(project, form), 400  # type: ignore[return-value]
    try:
        release = publish_release(project, current_user)
    except ReleaseRefused as refused:
        db.session.rollback()
        return _page(project, form, error=str(refused)), 409  # type: ignore[return-value]
    flash(str(messages.RELEASE_PUBLISHED % {"number": release.number}), "info")
    return redirect(url_for("report.releases", slug=project.slug))


def _page(project: Project, form: ConfirmForm, error: str | None = None) -> str:
    history = db.session.scalars(
        select(Release).where(Release.project_id == project.id).order_by(Release.number.desc())
    ).all()
    return render_template(
        "report/releases.html",
        project=project,
        status=release_status(project),
        history=history,
        form=form,
        error=error,
    )
