"""Results for the stuurgroep, their downloads, decisions and actions, and the public page."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit
from participatie.auth.access import project_role, public
from participatie.extensions import db, limiter
from participatie.i18n import SOURCE_LOCALE
from participatie.models import DecisionOutcome, Project, Role
from participatie.report import decisions as service
from participatie.report import messages
from participatie.report.circle import legend_swatch, radar_svg
from participatie.report.exports import MIMETYPES
from participatie.report.filters import format_count, format_percent, format_whole_percent
from participatie.report.forms import ConfirmForm, action_form, decision_form
from participatie.report.labels import TEMPLATE_GLOBALS
from participatie.report.pdf import PdfUnavailable, poster_pdf
from participatie.report.release_figures import latest_release, release_view
from participatie.report.services import (
    EXPORT_FORMATS,
    NotReleased,
    PublicPage,
    bins_chart,
    column_label,
    export_survey,
    project_results,
    public_page_data,
    question_chart,
    ranking_chart,
    report_surveys,
)
from participatie.untranslated import saved_stuurgroep_text

bp = Blueprint("report", __name__, template_folder="templates")
bp.add_app_template_filter(format_percent, "pct")
bp.add_app_template_filter(format_whole_percent, "wholepct")
bp.add_app_template_filter(format_count, "count")
bp.add_app_template_global(column_label)
bp.add_app_template_global(question_chart)
bp.add_app_template_global(bins_chart)
bp.add_app_template_global(radar_svg)
bp.add_app_template_global(legend_swatch)
bp.add_app_template_global(ranking_chart)
for _name, _value in TEMPLATE_GLOBALS.items():
    bp.add_app_template_global(_value, _name)  # type: ignore[arg-type]

READERS = (Role.COORDINATOR, Role.STUURGROEP)


def _locale() -> str:
    return str(get_locale() or SOURCE_LOCALE)


# --- Results and downloads -----------------------------------------------------------------------


def _live(project: Project) -> bool:
    """Coordinators may ask for the live figures (`?live=1`); everyone else sees the release."""
    return request.args.get("live") == "1" and current_user.has_role(project.id, Role.COORDINATOR)


@bp.route("/projecten/<slug>/resultaten")
@project_role(*READERS)
def results(project: Project) -> str:
    live = _live(project)
    audit.record(
        "report.view", project=project, object_type="project", object_id=project.slug, live=live
    )
    if live:
        release, shown = latest_release(project), project_results(project, _locale())
    else:
        release, shown = release_view(project, _locale())
    return render_template(
        "report/results.html",
        project=project,
        results=shown,
        release=release,
        live=live,
        is_coordinator=current_user.has_role(project.id, Role.COORDINATOR),
        formats=EXPORT_FORMATS,
    )


@bp.route("/projecten/<slug>/resultaten/<code>/<fmt>")
@project_role(*READERS)
def export(project: Project, code: str, fmt: str) -> Response | str:
    survey = next((s for s in report_surveys(project) if s.code == code.upper()), None)
    if survey is None or fmt not in EXPORT_FORMATS:
        abort(404)
    locale = _locale()
    live = _live(project)
    release = None if live else latest_release(project)
    if release is None and not live:
        abort(404)  # nothing published yet
    try:
        body = export_survey(survey, fmt, locale, release)
    except NotReleased:
        abort(404)
    except PdfUnavailable as error:
        return _pdf_unavailable(error)
    audit.record(
        "report.export",
        project=project,
        object_type="survey",
        object_id=survey.code,
        format=fmt,
        lang=locale,
        release=release.number if release is not None else None,
    )
    response = Response(body, mimetype=MIMETYPES[fmt])
    filename = f"{survey.code.lower()}-{locale}.{fmt}"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _pdf_unavailable(error: PdfUnavailable) -> str:
    return render_template("report/pdf_unavailable.html", message=str(error)), 503  # type: ignore[return-value]


# --- Decisions and actions -----------------------------------------------------------------------


@bp.route("/projecten/<slug>/beslissingen")
@project_role(*READERS)
def decisions(project: Project) -> str:
    audit.record("decisions.view", project=project, object_type="project", object_id=project.slug)
    release, results = release_view(project, _locale(), surveys=[])
    return render_template(
        "report/decisions.html", project=project, results=results, release=release
    )


@bp.route("/projecten/<slug>/beslissingen/<theme_id>/nieuw", methods=["GET", "POST"])
@project_role(*READERS)
def new_decision(project: Project, theme_id: str) -> str | WerkzeugResponse:
    theme = service.theme_in(project, theme_id)
    form = decision_form(project)
    if form.validate_on_submit():
        decision = service.record_decision(
            theme,
            DecisionOutcome(form.outcome.data),
            form.motivation(),
            current_user.id,
            form.follows(),
        )
        flash(str(messages.DECISION_SAVED), "info")
        saved_stuurgroep_text(project, decision, "motivation")
        return _back_to(project, theme.public_id)
    return render_template(
        "report/decision_form.html", project=project, theme=theme, form=form, decision=None
    )


@bp.route("/projecten/<slug>/beslissingen/besluit/<decision_id>", methods=["GET", "POST"])
@project_role(*READERS)
def edit_decision(project: Project, decision_id: str) -> str | WerkzeugResponse:
    decision = service.decision_in(project, decision_id)
    form = decision_form(project, decision)
    if form.validate_on_submit():
        service.update_decision(
            decision, DecisionOutcome(form.outcome.data), form.motivation(), form.follows()
        )
        flash(str(messages.DECISION_SAVED), "info")
        saved_stuurgroep_text(project, decision, "motivation")
        return _back_to(project, decision.theme.public_id)
    return render_template(
        "report/decision_form.html",
        project=project,
        theme=decision.theme,
        form=form,
        decision=decision,
    )


@bp.route(
    "/projecten/<slug>/beslissingen/besluit/<decision_id>/verwijderen", methods=["GET", "POST"]
)
@project_role(*READERS)
def delete_decision(project: Project, decision_id: str) -> str | WerkzeugResponse:
    decision = service.decision_in(project, decision_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        theme_id = decision.theme.public_id
        service.delete_decision(decision)
        flash(str(messages.DECISION_DELETED), "info")
        return _back_to(project, theme_id)
    return render_template(
        "report/confirm_delete.html",
        project=project,
        form=form,
        theme=decision.theme,
        decision=decision,
        action=None,
    )


@bp.route(
    "/projecten/<slug>/beslissingen/besluit/<decision_id>/acties/nieuw", methods=["GET", "POST"]
)
@project_role(*READERS)
def new_action(project: Project, decision_id: str) -> str | WerkzeugResponse:
    decision = service.decision_in(project, decision_id)
    form = action_form(project)
    if form.validate_on_submit():
        action = service.save_action(decision, None, form.values())
        flash(str(messages.ACTION_SAVED), "info")
        saved_stuurgroep_text(project, action, "title")
        return _back_to(project, decision.theme.public_id)
    return render_template(
        "report/action_form.html", project=project, decision=decision, form=form, action=None
    )


@bp.route("/projecten/<slug>/beslissingen/acties/<action_id>", methods=["GET", "POST"])
@project_role(*READERS)
def edit_action(project: Project, action_id: str) -> str | WerkzeugResponse:
    action = service.action_in(project, action_id)
    decision = service.decision_of(action)
    form = action_form(project, action)
    if form.validate_on_submit():
        service.save_action(decision, action, form.values())
        flash(str(messages.ACTION_SAVED), "info")
        saved_stuurgroep_text(project, action, "title")
        return _back_to(project, decision.theme.public_id)
    return render_template(
        "report/action_form.html",
        project=project,
        decision=decision,
        form=form,
        action=action,
    )


@bp.route("/projecten/<slug>/beslissingen/acties/<action_id>/verwijderen", methods=["GET", "POST"])
@project_role(*READERS)
def delete_action(project: Project, action_id: str) -> str | WerkzeugResponse:
    action = service.action_in(project, action_id)
    theme = service.decision_of(action).theme
    form = ConfirmForm()
    if form.validate_on_submit():
        theme_id = theme.public_id
        service.delete_action(action)
        flash(str(messages.ACTION_DELETED), "info")
        return _back_to(project, theme_id)
    return render_template(
        "report/confirm_delete.html",
        project=project,
        form=form,
        theme=theme,
        decision=None,
        action=action,
    )


def _back_to(project: Project, theme_id: str) -> WerkzeugResponse:
    return redirect(url_for("report.decisions", slug=project.slug) + f"#t-{theme_id}")


# --- The public page -----------------------------------------------------------------------------


def _public_data(project: Project, locale: str) -> PublicPage:
    release, results = release_view(project, locale, surveys=[])
    return public_page_data(results, release)


@bp.route("/p/<slug>")
@public
def public_page(slug: str) -> str:
    from participatie.report.public_line import public_line, public_plan

    project = _public_project(slug)
    locale = _locale()
    return render_template(
        "report/public.html",
        line=public_line(project, locale),
        plan=public_plan(project, locale),
        project=project,
    )


@bp.route("/p/<slug>.json")
@public
def public_json(slug: str) -> Response:
    from participatie.report.public_line import as_json, plan_json, public_line, public_plan

    project = _public_project(slug)
    locale = _locale()
    data = as_json(public_line(project, locale))
    data["plan"] = plan_json(public_plan(project, locale), locale)
    return jsonify(data)


@bp.route("/p/<slug>/poster.pdf")
@limiter.limit("10 per minute")
@public
def poster(slug: str) -> Response | str:
    project = _public_project(slug)
    locale = _locale()
    try:
        body = poster_pdf(_public_data(project, locale), locale)
    except PdfUnavailable as error:
        return _pdf_unavailable(error)
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{project.slug}-{locale}.pdf"'
    return response


def _public_project(slug: str) -> Project:
    project = db.session.scalar(select(Project).where(Project.slug == slug))
    return project if project is not None else abort(404)
