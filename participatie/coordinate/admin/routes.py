"""The site admin's pages: new and edited projects, accounts and their roles."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import admin_required
from participatie.coordinate import bp
from participatie.coordinate.admin import services as services
from participatie.coordinate.admin.forms import AccountForm, ProjectForm, RoleForm
from participatie.extensions import db
from participatie.models import Project, Role, User

Page = str | WerkzeugResponse


def _project(slug: str) -> Project:
    project = db.session.scalar(select(Project).where(Project.slug == slug))
    if project is None:
        abort(404)
    return project


def _user(public_id: str) -> User:
    user: User | None = db.session.scalar(select(User).where(User.public_id == public_id))
    if user is None:
        abort(404)
    return user


@bp.route("/beheer/projecten/nieuw", methods=["GET", "POST"])
@admin_required
def new_project() -> Page:
    form = ProjectForm()
    if form.validate_on_submit():
        project = services.save_project(None, form.data)
        flash(_("Het project is gemaakt."), "info")
        return redirect(url_for("coordinate.edit_project", slug=project.slug))
    return render_template("coordinate/admin/project_form.html", form=form, project=None)


@bp.route("/beheer/projecten/<slug>", methods=["GET", "POST"])
@admin_required
def edit_project(slug: str) -> Page:
    project = _project(slug)
    form = ProjectForm(
        data={
            "name": project.name,
            "slug": project.slug,
            "organisation": project.organisation.name,
            "municipality": project.municipality,
            "languages": project.languages,
            "k_threshold": project.k_threshold,
            "retention_days": project.retention_days,
            "contact": project.contact,
        },
        editing=project,
    )
    if form.validate_on_submit():
        services.save_project(project, form.data)
        flash(_("De wijzigingen zijn bewaard."), "info")
        return redirect(url_for("coordinate.edit_project", slug=project.slug))
    return render_template("coordinate/admin/project_form.html", form=form, project=project)


@bp.route("/beheer/accounts/nieuw", methods=["GET", "POST"])
@admin_required
def new_account() -> Page:
    form = AccountForm()
    if form.validate_on_submit():
        user, token = services.create_account(form.email.data or "", form.name.data or "")
        return render_template("coordinate/admin/password_link.html", user=user, token=token)
    return render_template("coordinate/admin/account_form.html", form=form)


@bp.route("/beheer/accounts/<public_id>", methods=["GET", "POST"])
@admin_required
def account(public_id: str) -> Page:
    user = _user(public_id)
    form = RoleForm()
    form.project.choices = [
        (p.slug, p.name) for p in db.session.scalars(select(Project).order_by(Project.name))
    ]
    if form.validate_on_submit():
        services.grant(user, _project(form.project.data or ""), Role(form.role.data))
        return redirect(url_for("coordinate.account", public_id=user.public_id))
    return render_template("coordinate/admin/account.html", user=user, form=form)


@bp.route("/beheer/accounts/<public_id>/intrekken", methods=["POST"])
@admin_required
def revoke_role(public_id: str) -> Page:
    user = _user(public_id)
    try:
        role = Role(request.form.get("role", ""))
    except ValueError:
        abort(400)
    services.revoke(
        user, _project(request.form.get("project", "")), role, request.form.get("language", "")
    )
    flash(
        _("De rol is ingetrokken. Was dat een vergissing? Geef de rol hieronder opnieuw."), "info"
    )
    return redirect(url_for("coordinate.account", public_id=user.public_id))


@bp.route("/beheer/accounts/<public_id>/actief", methods=["POST"])
@admin_required
def toggle_active(public_id: str) -> Page:
    user = _user(public_id)
    services.set_active(user, request.form.get("active") == "1")
    return redirect(url_for("coordinate.account", public_id=user.public_id))


@bp.route("/beheer/accounts/<public_id>/herstellink", methods=["POST"])
@admin_required
def password_link(public_id: str) -> Page:
    user = _user(public_id)
    return render_template(
        "coordinate/admin/password_link.html", user=user, token=services.password_link(user)
    )


@bp.route("/beheer/accounts/<public_id>/tweede-stap", methods=["POST"])
@admin_required
def reset_two_factor(public_id: str) -> Page:
    user = _user(public_id)
    services.reset_two_factor(user)
    flash(_("Bij de volgende aanmelding stelt deze persoon de app opnieuw in."), "info")
    return redirect(url_for("coordinate.account", public_id=user.public_id))
