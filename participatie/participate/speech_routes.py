"""The generated read-aloud of a question page (surveys/speech.py), fetched only on a tap.

The URL carries a hash of the text (`v=`), so it can be cached for a year: a changed text is a
new URL. The file is made on the first tap (or ahead by `participatie surveys speak CODE`).
"""

from __future__ import annotations

import subprocess

from flask import Response, abort, url_for

from participatie.auth.access import public
from participatie.participate.routes import _survey, bp
from participatie.surveys import speech
from participatie.surveys.definition import QuestionDef, SurveyDef

YEAR = 365 * 24 * 3600


@bp.route("/s/<code>/<name>/voorlezen/<lang>.ogg")
@public
def spoken(code: str, name: str, lang: str) -> Response:
    survey = _survey(code)
    question = survey.question(name)
    if question is None or lang not in survey.languages or not speech.speaks(lang):
        abort(404)
    text = speech.page_text(question, lang)
    if not text:
        abort(404)
    try:
        path = speech.synthesise(lang, text)
    except (speech.SpeechUnavailable, OSError, subprocess.SubprocessError):
        abort(404)
    # A few kilobytes: read whole, so no file handle outlives the request.
    out = Response(path.read_bytes(), mimetype=speech.MIMETYPE)
    out.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return out


@bp.app_template_global()
def spoken_url(survey: SurveyDef, question: QuestionDef, lang: str) -> str | None:
    """The generated audio's URL for this page, or None where no engine speaks the language or
    the survey is not open (a draft's preview has none)."""
    if not survey.is_open or lang not in survey.languages or not speech.speaks(lang):
        return None
    text = speech.page_text(question, lang)
    if not text:
        return None
    return url_for(
        "participate.spoken",
        code=survey.code,
        name=question.name,
        lang=lang,
        v=speech.text_key(lang, text),
    )
