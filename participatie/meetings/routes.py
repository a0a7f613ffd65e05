"""The public side of a meeting: the invitation behind its unguessable link, the reminder
sign-up on it, the calendar file and printable PDFs, and the stop link of every message."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import public
from participatie.extensions import db, limiter
from participatie.i18n import SOURCE_LOCALE
from participatie.meetings import contacts
from participatie.meetings.blueprint import bp
from participatie.meetings.documents import PAPER_SIZES, ics, invitation_pdf
from participatie.meetings.forms import SignupForm
from participatie.meetings.views import invitation
from participatie.models import Meeting
from participatie.report.pdf import PdfUnavailable

Page = str | WerkzeugResponse | tuple[str, int]


def _locale() -> str:
    return str(get_locale() or SOURCE_LOCALE)


def _meeting(token: str) -> Meeting:
    meeting = db.session.scalar(select(Meeting).where(Meeting.invitation_token == token))
    return meeting if meeting is not None else abort(404)


def _languages(meeting: Meeting) -> list[str]:
    languages = list(meeting.project.languages or [SOURCE_LOCALE])
    locale = _locale()
    return languages if locale in languages else [locale, *languages]


def _page(meeting: Meeting, form: SignupForm) -> str:
    return render_template(
        "meetings/invitation.html",
        view=invitation(meeting),
        form=form,
        languages=meeting.project.languages or [SOURCE_LOCALE],
    )


@bp.route("/m/<token>", methods=["GET", "POST"], endpoint="invitation")
@limiter.limit("20 per minute", methods=["POST"])
@public
def invitation_page(token: str) -> Page:
    meeting = _meeting(token)
    form = SignupForm(_languages(meeting))
    if request.method == "GET":
        form.language.data = _locale()
        return _page(meeting, form)
    if not form.validate_on_submit():
        return _page(meeting, form), 400
    contacts.sign_up(
        meeting,
        phone=form.normalised_phone,
        email=form.normalised_email,
        language=form.language.data or _locale(),
        wants_release_news=bool(form.release_news.data),
    )
    flash(_("Dank je. We sturen je een bericht voor de bijeenkomst."))
    return redirect(url_for("meetings.invitation", token=token))


@bp.route("/m/<token>/agenda.ics")
@public
def calendar_file(token: str) -> Response:
    meeting = _meeting(token)
    response = Response(ics(meeting), mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'attachment; filename="bijeenkomst.ics"'
    return response


@bp.route("/m/<token>/<size>.pdf")
@limiter.limit("10 per minute")
@public
def printable(token: str, size: str) -> Response | tuple[str, int]:
    meeting = _meeting(token)
    if size not in PAPER_SIZES:
        abort(404)
    try:
        body = invitation_pdf(meeting, size)
    except PdfUnavailable as error:
        return render_template("meetings/pdf_unavailable.html", message=str(error)), 503
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="uitnodiging-{size}.pdf"'
    return response


@bp.route("/m/stop/<token>")
@limiter.limit("20 per minute")
@public
def stop(token: str) -> Page:
    """Deletes at once, on the first click: a parent must not have to do more to be forgotten."""
    stopped = contacts.stop(token)
    return render_template("meetings/stopped.html", stopped=stopped)
