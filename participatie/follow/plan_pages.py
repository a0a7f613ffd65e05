"""What the goal, action, indicator and measurement pages share: their URLs, the indicator's
chart, and deleting with a confirmation page (one way for all four)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.content import Localised, localise
from participatie.follow.blueprint import locale
from participatie.follow.indicators import format_value, line_chart
from participatie.models import Goal, Indicator, Project
from participatie.report.forms import ConfirmForm


def goal_url(project: Project, goal: Goal) -> str:
    return url_for("follow.goal", slug=project.slug, goal_id=goal.public_id)


def indicator_url(project: Project, indicator: Indicator) -> str:
    return url_for("follow.indicator", slug=project.slug, indicator_id=indicator.public_id)


def indicator_chart(indicator: Indicator) -> Any:
    name = _(
        "Lijngrafiek: %(name)s, van de beginwaarde tot de laatste meting, met de streefwaarde.",
        name=localise(indicator.name, locale()),
    )
    target = _("streefwaarde %(value)s", value=format_value(indicator.target_value, indicator.unit))
    return line_chart(indicator, name=name, target_text=target)


def confirm_delete(
    project: Project,
    *,
    what: str,
    name: str | Localised,
    measurements: int,
    back: str,
    delete: Callable[[], object],
    deleted_message: object,
    then: str,
) -> str | WerkzeugResponse:
    """The confirmation page (GET, or a POST without a valid token); once confirmed, `delete`
    runs, the message is flashed and the browser goes to `then`. `measurements` is how many
    measurements go with it, said on the page before anyone confirms."""
    form = ConfirmForm()
    if form.validate_on_submit():
        delete()
        flash(str(deleted_message), "info")
        return redirect(then)
    return render_template(
        "follow/confirm_delete.html",
        project=project,
        form=form,
        what=what,
        name=name,
        measurements=measurements,
        back=back,
    )
