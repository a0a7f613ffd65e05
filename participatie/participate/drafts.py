"""A survey still in draft is not public: its participant pages name neither it nor its project.

A draft's code can leak early (a flyer printed before the survey opens, a code guessed); the
visitor then learns only that this survey is not open yet. Members of the project still see
the pages, as they did (the builder's preview is the usual way to look).
"""

from __future__ import annotations

from flask import abort, make_response
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participatie.errors import render_error
from participatie.surveys.definition import SurveyDef

NOT_OPEN_YET = (
    _l("Deze vragenlijst is nog niet open"),
    _l("Kom later terug. Of vraag aan wie je de code gaf wanneer je kunt meedoen."),
)


def refuse_unpublished(survey: SurveyDef) -> None:
    """Stop the request with a neutral page when an outsider opens a draft survey."""
    if survey.status != "draft":
        return
    if current_user.is_authenticated and current_user.roles_in(survey.project_id):
        return
    abort(make_response(render_error(404, *NOT_OPEN_YET)))
