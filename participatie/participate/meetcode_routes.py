"""The meetcode on the participant's side: kept after the first round, typed in after the second.

Both happen after the questions, from the thanks page, so a parent who wants no code answers
exactly as in any other survey.
"""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _

from participatie.auth.access import public
from participatie.extensions import limiter
from participatie.models import MeasureRound
from participatie.participate import journey_session, meetcodes
from participatie.participate.meetcodes import PairingResult
from participatie.participate.routes import Page, _survey, bp


def _messages() -> dict[PairingResult, str]:
    return {
        PairingResult.UNKNOWN: _("We vinden deze meetcode niet. Kijk of je hem goed overnam."),
        PairingResult.USED: _("Deze meetcode is al gebruikt voor deze ronde. We koppelen niets."),
        PairingResult.ALREADY_PAIRED: _("Je antwoorden zijn al gekoppeld aan een meetcode."),
    }


@bp.route("/s/<code>/meetcode", methods=["GET", "POST"])
@limiter.limit("20 per 10 minutes", methods=["POST"])
@public
def meetcode(code: str) -> Page:
    survey = _survey(code)
    measure = meetcodes.measure_for_survey(survey.id)
    if measure is None:
        abort(404)
    response = journey_session.current_response(survey)
    if response is None:
        return redirect(url_for("participate.welcome", code=survey.code))
    if meetcodes.round_of(measure, response) is MeasureRound.BEFORE:
        new_code = (
            meetcodes.assign_meetcode(measure, response) if request.method == "POST" else None
        )
        return render_template(
            "participate/meetcode_keep.html",
            survey=survey,
            new_code=new_code,
            has_code=meetcodes.before_code_of(response) is not None,
        )
    errors: list[tuple[str, str]] = []
    typed = request.form.get("meetcode", "")[:40]
    paired = meetcodes.is_paired(response)
    if request.method == "POST" and not paired:
        if not typed.strip():
            errors.append(("meetcode", _("Vul je meetcode in.")))
        else:
            result = meetcodes.pair(measure, response, typed)
            if result is PairingResult.PAIRED:
                paired = True
            else:
                errors.append(("meetcode", _messages()[result]))
    page = render_template(
        "participate/meetcode_enter.html",
        survey=survey,
        errors=errors,
        typed=typed,
        paired=paired,
    )
    return (page, 400) if errors else page
