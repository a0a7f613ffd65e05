"""Personal data in statements: the list still to review and the page to redact one."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.privacy.services import (
    FINDING_LABELS,
    apply_redaction,
    get_statement,
    redaction_form,
    segments,
    statements_to_review,
    text_still_the_same,
)
from participatie.models import Project, Role, Statement
from participatie.privacy import report_text, statement_findings

Page = str | WerkzeugResponse | tuple[str, int]


def _back(project: Project, statement: Statement) -> str:
    if statement.quote is not None:
        group_id = statement.quote.focus_group.public_id
        return url_for("coordinate.focus_group", slug=project.slug, group_id=group_id)
    return url_for("coordinate.privacy_review", slug=project.slug)


@bp.route("/projecten/<slug>/privacy")
@project_role(Role.COORDINATOR)
def privacy_review(project: Project) -> Page:
    return render_template(
        "coordinate/focusgroups/privacy_list.html",
        project=project,
        rows=statements_to_review(project),
        labels=FINDING_LABELS,
    )


@bp.route("/projecten/<slug>/privacy/<statement_id>", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def redact_statement(project: Project, statement_id: str) -> Page:
    statement = get_statement(project, statement_id)
    findings = statement_findings(statement)
    form = redaction_form(statement, findings)
    if form.validate_on_submit() and text_still_the_same(statement, form):
        apply_redaction(project, statement, findings, form)
        flash(_("Bewaard. Rapporten tonen deze uitspraak zoals je ze nakeek."))
        return redirect(_back(project, statement))
    page = render_template(
        "coordinate/focusgroups/redact.html",
        project=project,
        statement=statement,
        form=form,
        pieces=segments(statement.text, findings),
        findings=findings,
        labels=FINDING_LABELS,
        shown=report_text(statement),
        back=_back(project, statement),
    )
    return (page, 400) if form.errors else page
