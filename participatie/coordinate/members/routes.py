"""The project's members page: who holds which role, and the translators per language, whom the
coordinator adds by the e-mail address of their account and can take off again (with undo)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.members.forms import RevokeForm, TranslatorForm, UndoForm
from participatie.coordinate.members.services import (
    find_account,
    find_account_by_id,
    find_member,
    grant_translator,
    members,
    revoke_translator,
)
from participatie.i18n import LANGUAGE_NAMES, SOURCE_LOCALE
from participatie.models import Project, Role

Page = str | WerkzeugResponse | tuple[str, int]
BASE = "/projecten/<slug>/leden"
UNDO_KEY = "members_undo"  # the last translator taken off, so the coordinator can undo it


def _form(project: Project) -> TranslatorForm:
    form = TranslatorForm()
    form.language.choices = [
        (code, LANGUAGE_NAMES.get(code, code))
        for code in project.languages
        if code != SOURCE_LOCALE
    ]
    return form


def _page(project: Project, form: TranslatorForm) -> Page:
    undo = session.get(UNDO_KEY)
    undo = undo if isinstance(undo, dict) and undo.get("project") == project.slug else None
    page = render_template(
        "coordinate/members.html",
        project=project,
        members=members(project),
        form=form,
        revoke=RevokeForm(formdata=None),
        undo_form=UndoForm(formdata=None),
        undo=undo,
    )
    return (page, 400) if form.errors else page


@bp.route(BASE)
@project_role(Role.COORDINATOR)
def members_page(project: Project) -> Page:
    return _page(project, _form(project))


@bp.route(BASE + "/vertaler", methods=["POST"])
@project_role(Role.COORDINATOR)
def add_translator(project: Project) -> Page:
    form = _form(project)
    if form.validate_on_submit():
        user = find_account(form.email.data or "")
        if user is None:
            form.email.errors = [
                _(
                    "Er is geen account met dit e-mailadres. Vraag de beheerder van de site om er een te maken."
                )
            ]
            return _page(project, form)
        language = LANGUAGE_NAMES.get(form.language.data or "", "")
        if grant_translator(project, user, form.language.data or ""):
            flash(
                _(
                    "%(name)s vertaalt nu naar het %(language)s.",
                    name=user.name or user.email,
                    language=language,
                ),
                "info",
            )
        else:
            flash(
                _(
                    "%(name)s vertaalt al naar het %(language)s.",
                    name=user.name or user.email,
                    language=language,
                ),
                "info",
            )
        session.pop(UNDO_KEY, None)
        return redirect(url_for("coordinate.members_page", slug=project.slug))
    return _page(project, form)


@bp.route(BASE + "/vertaler/intrekken", methods=["POST"])
@project_role(Role.COORDINATOR)
def remove_translator(project: Project) -> WerkzeugResponse:
    form = RevokeForm()
    if not form.validate_on_submit():
        abort(400)
    user = find_member(project, form.user.data or "")
    language = form.language.data or ""
    if user is None or not revoke_translator(project, user, language):
        abort(404)
    session[UNDO_KEY] = {"project": project.slug, "user": user.public_id, "language": language}
    flash(
        _(
            "%(name)s vertaalt niet meer naar het %(language)s. Was dat een vergissing? Maak het hieronder ongedaan.",
            name=user.name or user.email,
            language=LANGUAGE_NAMES.get(language, language),
        ),
        "info",
    )
    return redirect(url_for("coordinate.members_page", slug=project.slug))


@bp.route(BASE + "/ongedaan-maken", methods=["POST"])
@project_role(Role.COORDINATOR)
def undo_member_change(project: Project) -> WerkzeugResponse:
    # Only the CSRF token comes with the form: what to undo comes from this session.
    if not UndoForm().validate_on_submit():
        abort(400)
    undo = session.pop(UNDO_KEY, None)
    user = None
    if isinstance(undo, dict) and undo.get("project") == project.slug:
        user = find_account_by_id(str(undo.get("user")))
    language = str(undo.get("language")) if isinstance(undo, dict) else ""
    if user is None or language not in project.languages:
        flash(_("Er is niets om ongedaan te maken."), "info")
    else:
        grant_translator(project, user, language)
        flash(_("Ongedaan gemaakt: de vertaler is terug."), "info")
    return redirect(url_for("coordinate.members_page", slug=project.slug))
