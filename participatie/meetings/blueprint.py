"""The meetings area's blueprint and the template globals its pages share. Routes are added by
meetings.routes (public) and meetings.coordinator_routes (coordinators); participatie.blueprints
imports both."""

from __future__ import annotations

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from participatie.labels import PARTICIPANT_GROUP
from participatie.meetings.labels import KIND_LABELS
from participatie.meetings.views import euro

bp = Blueprint("meetings", __name__, template_folder="templates")
bp.add_app_template_global(euro, "euro")


@bp.record_once
def _label_globals(state: BlueprintSetupState) -> None:
    state.app.jinja_env.globals.update(
        meeting_kinds=KIND_LABELS, participant_groups=PARTICIPANT_GROUP
    )
