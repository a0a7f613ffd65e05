"""Themes (bevindingen): list, one theme with its statements and chosen quotes, edit, delete, undo."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.review import messages as msg
from participatie.coordinate.review.forms import ButtonForm, ThemeStatementForm, theme_form_class
from participatie.coordinate.review.undo import undo_last
from participatie.coordinate.review.views import undo_label
from participatie.coordinate.themes.services import (
    delete_theme,
    edit_theme,
    find_theme,
    has_decisions,
    remove_from_theme,
    set_chosen_quote,
    statements_by_public_id,
)
from participatie.coordinate.themes.views import (
    domain_choices,
    fill_theme_form,
    link_views,
    theme_rows,
)
from participatie.models import Project, Role, Theme
from participatie.tagging.project_codebook import load_codebook
from participatie.untranslated import saved_stuurgroep_text


def _theme_or_404(project: Project, theme_id: str) -> Theme:
    theme = find_theme(project, theme_id)
    if theme is None:
        abort(404)
    return theme


@bp.route("/projecten/<slug>/themas")
@project_role(Role.COORDINATOR)
def themes(project: Project) -> str:
    codebook = load_codebook(project)
    return render_template(
        "coordinate/review/themes.html",
        project=project,
        rows=theme_rows(project, codebook),
        undo=undo_label(project, current_user, "review", codebook),
    )


@bp.route("/projecten/<slug>/themas/<theme_id>")
@project_role(Role.COORDINATOR)
def theme(project: Project, theme_id: str) -> str:
    found = _theme_or_404(project, theme_id)
    codebook = load_codebook(project)
    return render_template(
        "coordinate/review/theme.html",
        project=project,
        theme=found,
        domain=codebook.label(found.domain) if found.domain else None,
        links=link_views(found),
        decided=has_decisions(found),
        form=ButtonForm(),
    )


@bp.route("/projecten/<slug>/themas/<theme_id>/uitspraken", methods=["POST"])
@project_role(Role.COORDINATOR)
def theme_statement(project: Project, theme_id: str) -> WerkzeugResponse:
    found = _theme_or_404(project, theme_id)
    form = ThemeStatementForm()
    if form.validate_on_submit():
        name, statement_id = form.parsed_action()
        statements = statements_by_public_id(project, [statement_id])
        if not statements:
            flash(str(msg.STATEMENT_GONE), "error")
        elif name == "remove":
            remove_from_theme(project, found, statements[0])
        else:
            set_chosen_quote(project, found, statements[0], chosen=name == "quote")
    else:
        flash(str(msg.UNKNOWN_ACTION), "error")
    return redirect(url_for("coordinate.theme", slug=project.slug, theme_id=found.public_id))


@bp.route("/projecten/<slug>/themas/<theme_id>/wijzigen", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def theme_edit(project: Project, theme_id: str) -> str | WerkzeugResponse:
    found = _theme_or_404(project, theme_id)
    codebook = load_codebook(project)
    form = theme_form_class(project.languages or ["nl"])()
    form.domain.choices = domain_choices(codebook)
    if form.validate_on_submit():
        edit_theme(project, found, form.titles(), codebook.by_key.get(form.domain.data or ""))
        flash(str(msg.THEME_SAVED), "info")
        saved_stuurgroep_text(project, found, "title")
        return redirect(url_for("coordinate.theme", slug=project.slug, theme_id=found.public_id))
    if not form.is_submitted():
        fill_theme_form(form, found)
    return render_template(
        "coordinate/review/theme_edit.html", project=project, theme=found, form=form
    )


@bp.route("/projecten/<slug>/themas/<theme_id>/verwijderen", methods=["POST"])
@project_role(Role.COORDINATOR)
def theme_delete(project: Project, theme_id: str) -> WerkzeugResponse:
    found = _theme_or_404(project, theme_id)
    if not delete_theme(project, found):
        flash(str(msg.THEME_HAS_DECISIONS), "error")
        return redirect(url_for("coordinate.theme", slug=project.slug, theme_id=found.public_id))
    flash(str(msg.THEME_DELETED), "info")
    return redirect(url_for("coordinate.themes", slug=project.slug))


@bp.route("/projecten/<slug>/themas/ongedaan-maken", methods=["POST"])
@project_role(Role.COORDINATOR)
def themes_undo(project: Project) -> WerkzeugResponse:
    result = undo_last(project, current_user, "review")
    if result is None:
        flash(str(msg.NOTHING_TO_UNDO), "info")
    else:
        flash(str(msg.UNDONE if result.complete else msg.UNDONE_PARTLY), "info")
    return redirect(url_for("coordinate.themes", slug=project.slug))
