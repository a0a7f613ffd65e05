"""Inter-coder agreement: ask a colleague to code a sample blind, code it, see kappa and alpha."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.agreement import services as services
from participatie.coordinate.agreement.forms import AddCoderForm, BlindForm, SampleForm
from participatie.coordinate.agreement.views import (
    blind_items,
    coder_choices,
    report_context,
    sample_rows,
)
from participatie.coordinate.review import messages as msg
from participatie.models import Project, Role
from participatie.tagging.project_codebook import load_codebook


def _sample_or_404(project: Project, sample_id: str) -> services.Sample:
    sample = services.find_sample(project, sample_id)
    if sample is None:
        abort(404)
    return sample


@bp.route("/projecten/<slug>/overeenstemming", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def agreement(project: Project) -> str | WerkzeugResponse:
    form = SampleForm()
    form.coder.choices = coder_choices(project, current_user)
    if form.validate_on_submit():
        coder = services.colleague(project, current_user, form.coder.data or "")
        sample = services.draw_sample(
            project, current_user, coder, form.size.data or 20, form.seed.data
        )
        if sample is None:
            form.coder.errors = [str(msg.NOTHING_TO_SAMPLE)]
        else:
            flash(str(msg.SAMPLE_CREATED), "info")
            return redirect(url_for("coordinate.agreement", slug=project.slug))
    return render_template(
        "coordinate/agreement/index.html",
        project=project,
        form=form,
        rows=sample_rows(project, current_user),
    )


@bp.route("/projecten/<slug>/overeenstemming/<sample_id>", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def agreement_sample(project: Project, sample_id: str) -> str | WerkzeugResponse:
    sample = _sample_or_404(project, sample_id)
    form = AddCoderForm()
    form.coder.choices = coder_choices(project, current_user, exclude=sample.coder_ids)
    if form.validate_on_submit():
        coder = services.colleague(project, current_user, form.coder.data or "")
        if services.coded_in_queue(sample, coder):
            form.coder.errors = [str(msg.CODER_NOT_BLIND)]
        else:
            services.add_coder(project, sample, coder)
            flash(str(msg.CODER_ADDED), "info")
            return redirect(
                url_for("coordinate.agreement_sample", slug=project.slug, sample_id=sample.id)
            )
    context = report_context(project, sample, load_codebook(project), current_user)
    return render_template(
        "coordinate/agreement/sample.html", project=project, form=form, **context
    )


@bp.route("/projecten/<slug>/overeenstemming/<sample_id>/blind", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def blind_sample(project: Project, sample_id: str) -> str | WerkzeugResponse:
    sample = _sample_or_404(project, sample_id)
    if current_user.id not in sample.coder_ids:
        abort(404)
    codebook = load_codebook(project)
    form = BlindForm()
    form.codes.choices = [(c.key, codebook.label(c)) for c in services.blind_codes(codebook)]
    if form.validate_on_submit():
        statements = [
            s
            for s in services.sample_statements(project, sample)
            if s.public_id == form.statement.data
        ]
        if statements:
            chosen = {codebook.by_key[key].id for key in form.codes.data or []}
            services.save_blind_coding(
                project, sample, current_user, statements[0], chosen, codebook
            )
            flash(str(msg.BLIND_SAVED), "info")
        else:
            flash(str(msg.STATEMENT_GONE), "error")
        return redirect(
            url_for("coordinate.blind_sample", slug=project.slug, sample_id=sample.id)
            + (f"#b-{form.statement.data}" if statements else "")
        )
    return render_template(
        "coordinate/agreement/blind.html",
        project=project,
        sample=sample,
        codes=form.codes.choices,
        items=blind_items(project, sample, codebook, current_user),
    )
