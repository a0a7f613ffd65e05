"""The review queue: statements with their suggested codes, accepted, rejected or added by hand.

Routes live on the coordinate blueprint (endpoint `coordinate.review_queue`, the project menu's
"Uitspraken taggen"). Without JavaScript every button is a plain POST that comes back to the same
filtered page, at the statement it acted on; `review.js` adds the keyboard shortcuts.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.review import messages as msg
from participatie.coordinate.review.forms import QueueForm
from participatie.coordinate.review.queries import QueueFilters
from participatie.coordinate.review.undo import undo_last
from participatie.coordinate.review.views import perform, prepare_form, queue_context, queue_url
from participatie.models import Project, Role
from participatie.tagging.project_codebook import load_codebook


@bp.route("/projecten/<slug>/uitspraken")
@project_role(Role.COORDINATOR)
def review_queue(project: Project) -> str:
    form = QueueForm(formdata=None)
    context = queue_context(project, QueueFilters.read(request.args), form)
    return render_template("coordinate/review/queue.html", **context)


@bp.route("/projecten/<slug>/uitspraken", methods=["POST"])
@project_role(Role.COORDINATOR)
def review_action(project: Project) -> str | WerkzeugResponse:
    form = QueueForm()
    prepare_form(form, project, load_codebook(project))
    filters = QueueFilters.read(request.form)
    if not form.validate_on_submit():
        return render_template(
            "coordinate/review/queue.html", **queue_context(project, filters, form)
        )
    anchor = perform(project, form)
    return redirect(queue_url(project, filters, anchor))


@bp.route("/projecten/<slug>/uitspraken/ongedaan-maken", methods=["POST"])
@project_role(Role.COORDINATOR)
def review_undo(project: Project) -> WerkzeugResponse:
    # CSRFProtect has checked the token before the view runs, as for every POST.
    result = undo_last(project, current_user, "review")
    if result is None:
        flash(str(msg.NOTHING_TO_UNDO), "info")
    else:
        flash(str(msg.UNDONE if result.complete else msg.UNDONE_PARTLY), "info")
    return redirect(queue_url(project, QueueFilters.read(request.form)))
