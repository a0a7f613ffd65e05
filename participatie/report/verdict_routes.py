"""The verdict under each decision on the public page, and the influence figures for the stuurgroep.

The vote is a plain form (no JavaScript), rate limited per hashed address (ratelimit.py: the
address itself is never kept), and stores no identity at all (voice/verdicts.py).
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit
from participatie.auth.access import project_role, public
from participatie.extensions import db, limiter
from participatie.models import (
    ActionStatus,
    Decision,
    IndicatorUnit,
    Project,
    Role,
    Theme,
    VerdictChoice,
)
from participatie.report.decisions import influence
from participatie.report.filters import format_percent_value
from participatie.report.releases import latest_release
from participatie.report.routes import READERS, bp
from participatie.report.suppression import percent
from participatie.voice import influence as voice
from participatie.voice import verdicts


@bp.app_template_filter()
def indicator_value(value: float, unit: str) -> str:
    """An indicator's value as a participant reads it: 45%, 12, 2,5, ja or nee."""
    if unit == IndicatorUnit.YES_NO:
        return str(_("ja") if value else _("nee"))
    if unit == IndicatorUnit.PERCENTAGE:
        return format_percent_value(value)
    return str(format_decimal(value, format="#,##0.#"))


@bp.app_template_global()
def voted_here(decision: Decision) -> bool:
    return verdicts.voted_here(decision)


@bp.route("/p/<slug>/oordeel/<decision_id>", methods=["POST"])
@limiter.limit("30 per hour")
@public
def verdict(slug: str, decision_id: str) -> WerkzeugResponse:
    decision = db.session.scalar(
        select(Decision)
        .join(Theme, Theme.id == Decision.theme_id)
        .join(Project, Project.id == Theme.project_id)
        .where(Decision.public_id == decision_id, Project.slug == slug)
    )
    if decision is None:
        abort(404)
    back = url_for("report.public_page", slug=slug) + f"#v-{decision.public_id}"
    try:
        choice = VerdictChoice(request.form.get("choice", ""))
    except ValueError:
        flash(_("Kies ja, een beetje of nee."), "error")
        return redirect(back)
    if verdicts.cast(decision, choice):
        flash(_("Bedankt! We tellen je mening mee."), "info")
    else:
        flash(_("Je gaf al je mening over deze beslissing. We tellen ze maar één keer."), "info")
    return redirect(back)


# --- Influence, seen from both sides -----------------------------------------------------------


def current_release_number(project: Project) -> int:
    """The release the estimate belongs to: 0 before anything was published."""
    release = latest_release(project)
    return release.number if release is not None else 0


def _page(project: Project, errors: list[tuple[str, str]], typed: str) -> str:
    themes = list(db.session.scalars(select(Theme).where(Theme.project_id == project.id)))
    done = sum(
        1
        for theme in themes
        if theme.decisions
        and any(a.status == ActionStatus.DONE for a in theme.decisions[-1].actions)
    )
    release = current_release_number(project)
    return render_template(
        "report/influence.html",
        project=project,
        influence=influence(themes),
        done=done,
        done_percent=percent(done, len(themes)),
        voice=voice.project_verdicts(project),
        estimate=voice.estimate_for(project, release),
        can_estimate=current_user.has_role(project.id, Role.COORDINATOR),
        errors=errors,
        typed=typed,
    )


@bp.route("/projecten/<slug>/invloed")
@project_role(*READERS)
def influence_page(project: Project) -> str:
    return _page(project, [], "")


@bp.route("/projecten/<slug>/invloed/schatting", methods=["POST"])
@project_role(Role.COORDINATOR)
def influence_estimate(project: Project) -> str | WerkzeugResponse | tuple[str, int]:
    typed = request.form.get("expected", "").strip()[:10]
    value = int(typed) if typed.isdigit() else None
    if value is None or not 0 <= value <= 100:
        message = _("Vul een getal van 0 tot 100 in.")
        return _page(project, [("expected", message)], typed), 400
    release = current_release_number(project)
    estimate = voice.record_estimate(project, release, value, current_user.id)
    if estimate is None:
        flash(_("Voor deze publicatie gaf je al een schatting."), "info")
    else:
        audit.record(
            "influence.estimate",
            project=project,
            object_type="project",
            object_id=project.slug,
            release=release,
            expected_yes_percent=value,
        )
        flash(_("Je schatting is bewaard."), "info")
    return redirect(url_for("report.influence_page", slug=project.slug))
