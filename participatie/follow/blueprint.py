"""The follow-through area's blueprint; routes.py and the plan's *_routes.py add its routes."""

from __future__ import annotations

from flask import Blueprint
from flask_babel import get_locale

from participatie.follow.labels import (
    DELETE_TITLES,
    GOAL_KIND,
    INDICATOR_KIND,
    INDICATOR_UNIT,
    MISSING,
    PROPOSED_BY,
    UNIT_HINTS,
)
from participatie.follow.plan import smartness
from participatie.i18n import SOURCE_LOCALE
from participatie.models import Role

bp = Blueprint("follow", __name__, template_folder="templates")
for _name, _value in {
    "proposed_by_labels": PROPOSED_BY,
    "goal_kind_labels": GOAL_KIND,
    "missing_labels": MISSING,
    "indicator_kind_labels": INDICATOR_KIND,
    "indicator_unit_labels": INDICATOR_UNIT,
    "unit_hints": UNIT_HINTS,
    "delete_titles": DELETE_TITLES,
    "smartness": smartness,
}.items():
    bp.add_app_template_global(_value, _name)  # type: ignore[arg-type]

C, S, W = Role.COORDINATOR, Role.STUURGROEP, Role.WERKGROEP


def locale() -> str:
    return str(get_locale() or SOURCE_LOCALE)
