"""Live capture: the note-taker's screen, its plain form (works without JavaScript) and the JSON
endpoints its script uses to save, correct and delete quotes with retries."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import project_role
from participatie.coordinate import bp
from participatie.coordinate.focusgroups.forms import QuoteEditForm, QuoteForm
from participatie.coordinate.focusgroups.quotes import (
    create_quote,
    delete_quote,
    get_quote,
    quick_tag_codes,
    quote_json,
    update_quote,
)
from participatie.coordinate.focusgroups.services import get_focus_group
from participatie.coordinate.focusgroups.views import capture_page, edit_form, quote_input
from participatie.models import FocusGroup, Project, Quote, Role

Page = str | WerkzeugResponse | tuple[str, int]
JsonReply = tuple[WerkzeugResponse, int]
GROUP = "/projecten/<slug>/focusgroepen/<group_id>"
QUOTE = GROUP + "/uitspraken/<quote_id>"


def _quote_or_404(group: FocusGroup, quote_id: str) -> Quote:
    quote = get_quote(group, quote_id)
    if quote is None:
        abort(404)
    return quote


def _json_form(form_class: type[QuoteForm], group: FocusGroup, codes: list[Any]) -> QuoteForm:
    """The JSON body through the same form and checks as the plain form; CSRF came in a header."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400)
    data: MultiDict[str, str] = MultiDict()
    for name in ("speaker", "question", "language", "text", "key"):
        value = body.get(name)
        data.add("idem" if name == "key" else name, "" if value is None else str(value))
    for tag in body.get("tags") or []:
        data.add("tags", str(tag))
    return form_class.for_group(group, codes, formdata=data, meta={"csrf": False})


def _errors(form: QuoteForm) -> JsonReply:
    errors = {
        name: [str(message) for message in messages] for name, messages in form.errors.items()
    }
    return jsonify({"status": "invalid", "errors": errors}), 400


@bp.route(GROUP + "/noteren", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def capture(project: Project, group_id: str) -> Page:
    group = get_focus_group(project, group_id)
    codes = quick_tag_codes(project)
    form = QuoteForm.for_group(group, codes)
    if form.validate_on_submit():
        create_quote(group, quote_input(form), current_user.id, codes)
        flash(_("De uitspraak is bewaard."))
        remembered = {
            "spreker": form.speaker.data or None,
            "vraag": form.question.data or None,
            "taal": form.language.data or None,
        }
        return redirect(
            url_for("coordinate.capture", slug=project.slug, group_id=group_id, **remembered)
        )
    page = capture_page(project, group, form, codes)
    return (page, 400) if form.errors else page


@bp.route(GROUP + "/uitspraken.json", methods=["POST"])
@project_role(Role.COORDINATOR)
def capture_json(project: Project, group_id: str) -> JsonReply:
    group = get_focus_group(project, group_id)
    codes = quick_tag_codes(project)
    form = _json_form(QuoteForm, group, codes)
    if not form.validate():
        return _errors(form)
    quote, created = create_quote(group, quote_input(form), current_user.id, codes)
    if quote is None:  # the key's quote was deleted since: nothing to save again
        return jsonify({"status": "deleted"}), 200
    status = "created" if created else "duplicate"
    return jsonify({"status": status, "quote": quote_json(group, quote)}), 201 if created else 200


@bp.route(QUOTE + ".json", methods=["POST"])
@project_role(Role.COORDINATOR)
def quote_update_json(project: Project, group_id: str, quote_id: str) -> JsonReply:
    group = get_focus_group(project, group_id)
    quote = _quote_or_404(group, quote_id)
    form = _json_form(QuoteEditForm, group, [])
    if not form.validate():
        return _errors(form)
    update_quote(group, quote, quote_input(form))
    return jsonify({"status": "updated", "quote": quote_json(group, quote)}), 200


@bp.route(QUOTE + "/wissen.json", methods=["POST"])
@project_role(Role.COORDINATOR)
def quote_delete_json(project: Project, group_id: str, quote_id: str) -> JsonReply:
    group = get_focus_group(project, group_id)
    quote = get_quote(group, quote_id)
    if quote is not None:
        delete_quote(group, quote)
    # Deleting twice (a retry) is fine: the quote is gone either way.
    return jsonify({"status": "deleted", "id": quote_id}), 200


@bp.route(QUOTE + "/aanpassen", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def quote_edit(project: Project, group_id: str, quote_id: str) -> Page:
    group = get_focus_group(project, group_id)
    quote = _quote_or_404(group, quote_id)
    form = edit_form(group, quote)
    if form.validate_on_submit():
        update_quote(group, quote, quote_input(form))
        flash(_("De uitspraak is aangepast."))
        return redirect(url_for("coordinate.capture", slug=project.slug, group_id=group_id))
    page = render_template(
        "coordinate/focusgroups/quote_edit.html",
        project=project,
        group=group,
        quote=quote,
        form=form,
    )
    return (page, 400) if form.errors else page


@bp.route(QUOTE + "/wissen", methods=["GET", "POST"])
@project_role(Role.COORDINATOR)
def quote_delete(project: Project, group_id: str, quote_id: str) -> Page:
    group = get_focus_group(project, group_id)
    quote = _quote_or_404(group, quote_id)
    if request.method == "POST":
        delete_quote(group, quote)
        flash(_("De uitspraak is gewist."))
        return redirect(url_for("coordinate.capture", slug=project.slug, group_id=group_id))
    # Without JavaScript there is no undo: ask first.
    return render_template(
        "coordinate/focusgroups/quote_delete.html",
        project=project,
        group=group,
        quote=quote,
    )
