"""The participant journey: /s/<CODE> and one question per page at /s/<CODE>/<question-name>."""

from __future__ import annotations

import secrets
from typing import Any

import segno
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf
from werkzeug.wrappers import Response as WerkzeugResponse

from participatie.auth.access import public
from participatie.extensions import db, limiter
from participatie.models import Answer
from participatie.models import Response as SurveyResponse
from participatie.participate import journey_session, meetcodes, page_cache, page_keys
from participatie.participate.drafts import refuse_unpublished
from participatie.surveys import navigation as journey
from participatie.surveys.answers import (
    Parsed,
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


def _journey(code: str) -> journey_session.Journey:
    """The survey, the participant's response and their answers, in one query."""
    found = journey_session.load_journey(find_survey_code(code) or "")
    if found is None:
        abort(404)
    refuse_unpublished(found.survey)
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
    journey_session.read_only()
    survey, response = _survey_and_response(code)
    if "_flashes" in session:  # a message for this participant alone: rendered for them
        return render_template("participate/welcome.html", survey=survey, response=response)
    key = page_keys.welcome_key(request.path, _locale(), response is not None)
    page = page_cache.cached(
        survey,
        key,
        lambda: render_template(
            "participate/welcome.html",
            survey=survey,
            response=response,
            csrf_token=lambda: page_cache.CSRF_MARK,
        ),
    )
    return page_cache.respond(page, (generate_csrf(),))


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
    if request.method == "GET":
        journey_session.read_only()
    found = _journey(code)
    survey, response, answers = found.survey, found.response, found.answers
    if response is None or not survey.is_open:
        return redirect(url_for("participate.welcome", code=survey.code))
    earlier = answer_values(answers)
    place = journey.place_of(survey, name, earlier)
    if place is None:
        # Unknown, or skipped by routing: go to where this participant really is.
        if survey.question(name) is None:
            abort(404)
        return redirect(url_for("participate.begin_again", code=survey.code))
    if request.method == "POST":
        parsed = parse_answer(place.question, request.form, earlier)
        if parsed.error:
            html = _question_page(survey, place, answers.get(name), earlier, parsed)
            return _no_store(page_cache.respond(page_cache.build(html), _tokens(), 400))
        content = form_content_hash(name, request.form)
        if claim_idempotency_key(request.form.get("idem", ""), response, content):
            save_answer(response, survey, place.question, parsed, answers)
        following = journey.next_after(survey, name, answer_values(answers))
        if following is None:
            journey.complete(response)
            return redirect(url_for("participate.thanks", code=survey.code))
        return redirect(url_for("participate.question", code=survey.code, name=following.name))
    shown = answers.get(name)
    key = page_keys.question_key(request.path, _locale(), place, shown, earlier)
    if key is None or "_flashes" in session:
        page = page_cache.build(_question_page(survey, place, shown, earlier))
    else:
        page = page_cache.cached(survey, key, lambda: _question_page(survey, place, shown, earlier))
    return _no_store(page_cache.respond(page, _tokens()))


def _tokens() -> tuple[str, str]:
    """What fills a page's markers for this request: its CSRF token and a new idempotency key."""
    return generate_csrf(), secrets.token_urlsafe(16)


def _no_store(page: Response) -> Response:
    # Never a stored copy: the back button fetches the page again, with the answer as it is now.
    page.headers["Cache-Control"] = "no-store"
    return page


def _question_page(
    survey: SurveyDef,
    place: journey.Place,
    answer: Answer | None,
    earlier: dict[str, Any],
    submitted: Parsed | None = None,
) -> str:
    """The page with markers for its tokens (page_cache); with an error when `submitted` has one."""
    return render_template(
        "participate/question.html",
        survey=survey,
        place=place,
        answer=answer,
        submitted=submitted,
        errors=[("answer", submitted.error)] if submitted and submitted.error else [],
        csrf_token=lambda: page_cache.CSRF_MARK,
        idempotency_key=page_cache.IDEM_MARK,
        options=place.question.visible_options(earlier),
        piped=lambda texts: place.question.piped(texts, earlier),
    )


# The pages a participant reads carry no rate limit: asking Flask-Limiter so costs about 5% of
# such a page's time (issue 18). Their POSTs and every other endpoint are checked as before.
_UNLIMITED_PAGES = frozenset({"participate.welcome", "participate.question"})


@limiter.request_filter
def _participant_page() -> bool:
    return request.method == "GET" and request.endpoint in _UNLIMITED_PAGES


@bp.route("/s/<code>/verder-invullen")
@public
def begin_again(code: str) -> Page:
    """Sends a participant to their first unanswered question (or the end)."""
    found = _journey(code)
    survey, response, answers = found.survey, found.response, found.answers
    if response is None:
        return redirect(url_for("participate.welcome", code=survey.code))
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
