"""The participant journey: /s/<CODE> and one question per page at /s/<CODE>/<question-name>."""

from __future__ import annotations

import secrets

import segno
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import public
from participatie.extensions import db, limiter
from participatie.models import Response as SurveyResponse
from participatie.participate import journey_session, meetcodes
from participatie.participate.drafts import refuse_unpublished
from participatie.surveys import navigation as journey
from participatie.surveys.answers import (
    answer_values,
    claim_idempotency_key,
    form_content_hash,
    parse_answer,
    save_answer,
    stored_answers,
)
from participatie.surveys.codes import find_survey_code
from participatie.surveys.definition import SurveyDef, load_definition

bp = Blueprint("participate", __name__, template_folder="templates")

Page = str | WerkzeugResponse | tuple[str, int]


def _survey(code: str) -> SurveyDef:
    survey = load_definition(find_survey_code(code) or "")
    if survey is None:
        abort(404)
    refuse_unpublished(survey)
    return survey


def _survey_and_response(code: str) -> tuple[SurveyDef, SurveyResponse | None]:
    found = journey_session.load_with_response(find_survey_code(code) or "")
    if found is None:
        abort(404)
    refuse_unpublished(found[0])
    return found


def _locale() -> str:
    return str(get_locale() or "nl")


@bp.route("/", methods=["GET", "POST"])
@public
def start() -> Page:
    errors: list[tuple[str, str]] = []
    code = request.form.get("code", "")[:32]
    if request.method == "POST":
        found = find_survey_code(code)
        if not code.strip():
            errors.append(("code", _("Vul de code in. Die staat op je brief of flyer.")))
        elif found is None or load_definition(found) is None:
            errors.append(
                ("code", _("We vinden geen vragenlijst met deze code. Kijk of je ze goed overnam."))
            )
        else:
            return redirect(url_for("participate.welcome", code=found))
    return render_template("participate/start.html", errors=errors, code=code)


@bp.route("/s/<code>")
@public
def welcome(code: str) -> Page:
    survey, response = _survey_and_response(code)
    return render_template("participate/welcome.html", survey=survey, response=response)


@bp.route("/s/<code>/start", methods=["POST"])
@limiter.limit("600 per hour")  # generous: a school class shares one address
@public
def begin(code: str) -> Page:
    survey, response = _survey_and_response(code)
    # A filled-in honeypot field: a robot, not a parent. It gets the page back, no response.
    if not survey.is_open or request.form.get("website"):
        return redirect(url_for("participate.welcome", code=survey.code))
    if response is not None and meetcodes.from_earlier_round(survey.id, response):
        response = None
    response = response or journey_session.start_response(survey, _locale())
    answers = stored_answers(response, survey)
    question = journey.first_unanswered(survey, set(answers), answer_values(answers))
    if question is None:
        return redirect(url_for("participate.thanks", code=survey.code))
    return redirect(url_for("participate.question", code=survey.code, name=question.name))


@bp.route("/s/<code>/<name>", methods=["GET", "POST"])
@public
def question(code: str, name: str) -> Page:
    survey, response = _survey_and_response(code)
    if response is None or not survey.is_open:
        return redirect(url_for("participate.welcome", code=survey.code))
    answers = stored_answers(response, survey)
    earlier = answer_values(answers)
    place = journey.place_of(survey, name, earlier)
    if place is None:
        # Unknown, or skipped by routing: go to where this participant really is.
        if survey.question(name) is None:
            abort(404)
        return redirect(url_for("participate.begin_again", code=survey.code))
    errors: list[tuple[str, str]] = []
    shown = answers.get(name)
    submitted = None
    if request.method == "POST":
        parsed = parse_answer(place.question, request.form, earlier)
        if parsed.error:
            errors.append(("answer", parsed.error))
            submitted = parsed
        else:
            content = form_content_hash(name, request.form)
            if claim_idempotency_key(request.form.get("idem", ""), response, content):
                save_answer(response, survey, place.question, parsed, answers)
            values = answer_values(answers)
            following = journey.next_after(survey, name, values)
            if following is None:
                journey.complete(response)
                return redirect(url_for("participate.thanks", code=survey.code))
            return redirect(url_for("participate.question", code=survey.code, name=following.name))
    page = make_response(
        render_template(
            "participate/question.html",
            survey=survey,
            place=place,
            answer=shown,
            submitted=submitted,
            errors=errors,
            idempotency_key=secrets.token_urlsafe(16),
            options=place.question.visible_options(earlier),
            piped=lambda texts: place.question.piped(texts, earlier),
        ),
        400 if errors else 200,
    )
    # Never a stored copy: the back button fetches the page again, with the answer as it is now.
    page.headers["Cache-Control"] = "no-store"
    return page


@bp.route("/s/<code>/verder-invullen")
@public
def begin_again(code: str) -> Page:
    """Sends a participant to their first unanswered question (or the end)."""
    survey, response = _survey_and_response(code)
    if response is None:
        return redirect(url_for("participate.welcome", code=survey.code))
    answers = stored_answers(response, survey)
    question = journey.first_unanswered(survey, set(answers), answer_values(answers))
    if question is None:
        return redirect(url_for("participate.thanks", code=survey.code))
    return redirect(url_for("participate.question", code=survey.code, name=question.name))


@bp.route("/s/<code>/klaar")
@public
def thanks(code: str) -> Page:
    survey, response = _survey_and_response(code)
    return render_template(
        "participate/thanks.html",
        survey=survey,
        response=response,
        meetcode_round=meetcodes.offered_round(survey.id, response),
    )


@bp.route("/s/<code>/qr.svg")
@public
def qr_code(code: str) -> Response:
    survey = _survey(code)
    url = current_app.config["BASE_URL"].rstrip("/") + url_for(
        "participate.welcome", code=survey.code
    )
    svg = segno.make(url, error="m").svg_inline(scale=8, border=2)
    out = Response(svg, mimetype="image/svg+xml")
    out.headers["Cache-Control"] = "public, max-age=86400"
    return out


@bp.route("/a/<public_id>")
@public
def audio(public_id: str) -> Response:
    from sqlalchemy import select

    from participatie.models import QuestionAudio

    recording = db.session.scalar(select(QuestionAudio).where(QuestionAudio.public_id == public_id))
    if recording is None:
        abort(404)
    out = Response(recording.data, mimetype=recording.mimetype)
    out.headers["Cache-Control"] = "public, max-age=604800"
    return out


@bp.app_template_global()
def survey_pictograms(question: object) -> set[str]:
    names = {getattr(question, "pictogram", "")} | {"speaker"}
    names |= {option.pictogram for option in getattr(question, "options", ())}
    return {name for name in names if name}


@bp.app_template_filter()
def format_answer_number(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")
