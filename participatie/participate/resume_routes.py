"""Resume codes and deleting one's own answers, on the participant's side."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _

from participatie.auth.access import public
from participatie.extensions import db, limiter
from participatie.participate import journey_session, resume
from participatie.participate.routes import Page, _survey, bp
from participatie.surveys import navigation as journey
from participatie.surveys.answers import answer_values, stored_answers


@bp.route("/s/<code>/code", methods=["GET", "POST"])
@public
def resume_code(code: str) -> Page:
    survey = _survey(code)
    response = journey_session.current_response(survey)
    if response is None:
        return redirect(url_for("participate.welcome", code=survey.code))
    new_code = resume.assign_code(response) if request.method == "POST" else None
    # Shown once, on this page only: the code is never put in a URL or stored in clear.
    return render_template(
        "participate/code.html",
        survey=survey,
        new_code=new_code,
        has_code=bool(response.resume_hash),
        finished=response.completed_at is not None,
    )


@bp.route("/s/<code>/verder", methods=["GET", "POST"])
@limiter.limit("20 per 10 minutes", methods=["POST"])
@public
def resume_with_code(code: str) -> Page:
    survey = _survey(code)
    errors: list[tuple[str, str]] = []
    typed = request.form.get("resume_code", "")[:40]
    if request.method == "POST":
        response = resume.find_by_code(survey.id, typed)
        if response is None:
            errors.append(
                ("resume_code", _("We vinden deze code niet. Kijk of je ze goed overnam."))
            )
        else:
            journey_session.attach(survey, response)
            answers = stored_answers(response, survey)
            following = journey.first_unanswered(survey, set(answers), answer_values(answers))
            if following is None:
                return redirect(url_for("participate.thanks", code=survey.code))
            return redirect(url_for("participate.question", code=survey.code, name=following.name))
    page = render_template("participate/resume.html", survey=survey, errors=errors, typed=typed)
    return (page, 400) if errors else page


@bp.route("/s/<code>/wissen", methods=["GET", "POST"])
@limiter.limit("20 per 10 minutes", methods=["POST"])
@public
def delete_answers(code: str) -> Page:
    survey = _survey(code)
    current = journey_session.current_response(survey)
    errors: list[tuple[str, str]] = []
    typed = request.form.get("resume_code", "")[:40]
    if request.method == "POST":
        response = (
            current if current is not None and not typed else resume.find_by_code(survey.id, typed)
        )
        if response is None:
            message = _("We vinden deze code niet. Kijk of je ze goed overnam.")
            if not typed:
                message = _("Vul je code in.")
            errors.append(("resume_code", message))
        else:
            db.session.delete(response)
            journey_session.forget(survey)
            return render_template("participate/deleted.html", survey=survey)
    page = render_template(
        "participate/delete.html",
        survey=survey,
        errors=errors,
        typed=typed,
        has_current=current is not None,
        # Someone who came back with a code on another phone: speak of the code, not "this phone".
        by_code=current is not None and bool(current.resume_hash),
    )
    return (page, 400) if errors else page
