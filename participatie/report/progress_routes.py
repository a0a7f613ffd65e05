"""Progress reports: the coordinator closes a period, the stuurgroep and the college read the PDF."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit
from participatie.auth.access import project_role
from participatie.i18n import html_lang, text_direction
from participatie.models import Project, Role
from participatie.models.base import utcnow
from participatie.report import progress
from participatie.report.pdf import PdfUnavailable, write_pdf
from participatie.report.routes import READERS, _locale, _pdf_unavailable, bp
from participatie.voice.verdicts import BRUSSELS

BASE = "/projecten/<slug>/voortgang"


def _today() -> date:
    return utcnow().astimezone(BRUSSELS).date()


def _parse(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        return None


def _page(project: Project, errors: list[tuple[str, str]], typed: dict[str, str]) -> str:
    start, end = progress.default_period(project, _today())
    return render_template(
        "report/progress.html",
        project=project,
        reports=progress.project_reports(project),
        can_edit=current_user.has_role(project.id, Role.COORDINATOR),
        errors=errors,
        typed=typed or {"start": start.isoformat(), "end": end.isoformat()},
    )


@bp.route(BASE)
@project_role(*READERS)
def progress_reports(project: Project) -> str:
    return _page(project, [], {})


@bp.route(BASE, methods=["POST"])
@project_role(Role.COORDINATOR)
def progress_new(project: Project) -> str | WerkzeugResponse | tuple[str, int]:
    typed = {name: request.form.get(name, "")[:20] for name in ("start", "end")}
    start, end = _parse(typed["start"]), _parse(typed["end"])
    errors: list[tuple[str, str]] = []
    if start is None:
        errors.append(("start", _("Vul een datum in, zoals 2026-01-31.")))
    if end is None:
        errors.append(("end", _("Vul een datum in, zoals 2026-01-31.")))
    if start is not None and end is not None:
        if end < start:
            errors.append(("end", _("Het einde ligt voor het begin.")))
        elif any(r.period_end >= start for r in progress.project_reports(project)):
            errors.append(
                ("start", _("Deze periode begint voor het einde van het vorige rapport."))
            )
    if errors or start is None or end is None:
        return _page(project, errors, typed), 400
    report = progress.create_report(project, start, end, current_user)
    flash(_("Het voortgangsrapport is klaar."), "info")
    return redirect(
        url_for("report.progress_reports", slug=project.slug) + f"#r-{report.public_id}"
    )


@bp.route(BASE + "/<report_id>.pdf")
@project_role(*READERS)
def progress_pdf(project: Project, report_id: str) -> Response | str:
    report = progress.report_in(project, report_id) or abort(404)
    locale = _locale()
    view = progress.progress_view(project, report, locale)
    html = render_template(
        "report/pdf/progress.html",
        view=view,
        html_lang=html_lang(locale),
        text_direction=text_direction(locale),
    )
    try:
        body = write_pdf(html)
    except PdfUnavailable as error:
        return _pdf_unavailable(error)
    audit.record(
        "progress_report.download",
        project=project,
        object_type="progress_report",
        object_id=report.public_id,
        lang=locale,
    )
    response = Response(body, mimetype="application/pdf")
    filename = f"voortgang-{report.period_end.isoformat()}-{locale}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
