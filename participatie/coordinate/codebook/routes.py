"""The project's codebook: overview, one code's page (labels, sub-codes, on/off, merge), undo, export."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie import audit
from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.codebook import services as services
from participatie.coordinate.codebook.forms import MergeForm, SubcodeForm, code_form_class
from participatie.coordinate.codebook.qdc import export_qdc
from participatie.coordinate.review import messages as msg
from participatie.coordinate.review.forms import ButtonForm
from participatie.coordinate.review.undo import undo_last
from participatie.coordinate.review.views import undo_label
from participatie.i18n import SUPPORTED_LOCALES
from participatie.models import Code, Project, Role
from participatie.tagging.project_codebook import Codebook, load_codebook


def _code_or_404(codebook: Codebook, key: str) -> Code:
    code = codebook.by_key.get(key)
    if code is None:
        abort(404)
    return code


def _back(project: Project, code: Code) -> WerkzeugResponse:
    return redirect(url_for("coordinate.codebook_code", slug=project.slug, key=code.key))


@bp.route("/projecten/<slug>/codeboek")
@project_role(Role.COORDINATOR)
def codebook(project: Project) -> str:
    book = load_codebook(project)
    return render_template(
        "coordinate/codebook/index.html",
        project=project,
        codebook=book,
        counts=services.tag_counts(project),
        undo=undo_label(project, current_user, "codebook", book),
    )


@bp.route("/projecten/<slug>/codeboek/<key>", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def codebook_code(project: Project, key: str) -> str | WerkzeugResponse:
    book = load_codebook(project)
    code = _code_or_404(book, key)
    form = code_form_class()()
    if form.validate_on_submit():
        services.update_code(project, code, form.labels(), form.scope_note.data or "")
        flash(str(msg.CODE_SAVED), "info")
        return _back(project, code)
    return _code_page(project, book, code, form=form if form.is_submitted() else None)


def _code_data(code: Code) -> dict[str, str]:
    data = {f"label_{lang}": code.label.get(lang, "") for lang in SUPPORTED_LOCALES}
    return {**data, "scope_note": code.scope_note}


def _code_page(project: Project, book: Codebook, code: Code, **forms: Any) -> str:
    merge_form = forms.get("merge_form") or MergeForm(formdata=None)
    merge_form.target.choices = [("", "…")] + [
        (target.key, book.label(target)) for target in services.merge_targets(book, code)
    ]
    return render_template(
        "coordinate/codebook/code.html",
        project=project,
        codebook=book,
        code=code,
        form=forms.get("form") or code_form_class()(formdata=None, data=_code_data(code)),
        subcode_form=forms.get("subcode_form") or SubcodeForm(formdata=None),
        merge_form=merge_form,
        button_form=ButtonForm(formdata=None),
        default_labels=services.default_labels(code),
        count=services.tag_counts(project).get(code.id, 0),
    )


@bp.route("/projecten/<slug>/codeboek/<key>/subcode", methods=["POST"])
@project_role(Role.COORDINATOR)
def codebook_subcode(project: Project, key: str) -> str | WerkzeugResponse:
    book = load_codebook(project)
    parent = _code_or_404(book, key)
    form = SubcodeForm()
    if not form.validate_on_submit():
        return _code_page(project, book, parent, subcode_form=form)
    lang = str(get_locale() or "nl")
    code = services.add_subcode(
        project, book, parent, form.sub_label.data or "", form.sub_scope_note.data or "", lang
    )
    flash(str(msg.SUBCODE_ADDED), "info")
    return _back(project, code)


@bp.route("/projecten/<slug>/codeboek/<key>/aan-uit", methods=["POST"])
@project_role(Role.COORDINATOR)
def codebook_switch(project: Project, key: str) -> WerkzeugResponse:
    code = _code_or_404(load_codebook(project), key)
    services.set_active(project, code, not code.active)
    flash(str(msg.CODE_SWITCHED_ON if code.active else msg.CODE_SWITCHED_OFF), "info")
    return _back(project, code)


@bp.route("/projecten/<slug>/codeboek/<key>/samenvoegen", methods=["POST"])
@project_role(Role.COORDINATOR)
def codebook_merge(project: Project, key: str) -> str | WerkzeugResponse:
    book = load_codebook(project)
    code = _code_or_404(book, key)
    form = MergeForm()
    form.target.choices = [(t.key, book.label(t)) for t in services.merge_targets(book, code)]
    if not form.validate_on_submit():
        return _code_page(project, book, code, merge_form=form)
    services.merge(project, code, book.by_key[form.target.data or ""])
    flash(str(msg.CODE_MERGED), "info")
    return _back(project, code)


@bp.route("/projecten/<slug>/codeboek/<key>/splitsen", methods=["POST"])
@project_role(Role.COORDINATOR)
def codebook_unmerge(project: Project, key: str) -> WerkzeugResponse:
    code = _code_or_404(load_codebook(project), key)
    services.unmerge(project, code)
    flash(str(msg.CODE_UNMERGED), "info")
    return _back(project, code)


@bp.route("/projecten/<slug>/codeboek/ongedaan-maken", methods=["POST"])
@project_role(Role.COORDINATOR)
def codebook_undo(project: Project) -> WerkzeugResponse:
    result = undo_last(project, current_user, "codebook")
    if result is None:
        flash(str(msg.NOTHING_TO_UNDO), "info")
    else:
        flash(str(msg.UNDONE if result.complete else msg.UNDONE_PARTLY), "info")
    return redirect(url_for("coordinate.codebook", slug=project.slug))


@bp.route("/projecten/<slug>/codeboek.qdc")
@project_role(Role.COORDINATOR)
def codebook_export(project: Project) -> WerkzeugResponse:
    book = load_codebook(project)
    if not any(book.is_pickable(code) for code in book.codes):
        flash(str(msg.NOTHING_TO_EXPORT), "error")
        return redirect(url_for("coordinate.codebook", slug=project.slug))
    lang = str(get_locale() or "nl")
    audit.record(
        "codebook.export", project=project, object_type="codebook", format="qdc", lang=lang
    )
    return Response(
        export_qdc(project, book, lang),
        mimetype="application/xml",
        headers={"Content-Disposition": f'attachment; filename="{project.slug}-codeboek.qdc"'},
    )
