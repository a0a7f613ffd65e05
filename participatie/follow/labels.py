"""Translated words for the follow-through area, keyed by the stored values."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from participatie.models import ActionStatus, GoalKind, IndicatorKind, IndicatorUnit, ProposedBy

PROPOSED_BY = {
    ProposedBy.OUDERGROEP.value: _l("de oudergroep"),
    ProposedBy.STUURGROEP.value: _l("de stuurgroep"),
    ProposedBy.WERKGROEP.value: _l("een werkgroep"),
}
GOAL_KIND = {
    GoalKind.STRATEGIC.value: _l("strategische doelstelling"),
    GoalKind.OPERATIONAL.value: _l("operationele doelstelling"),
}
INDICATOR_KIND = {
    IndicatorKind.OUTPUT.value: _l("output: wat is er gedaan"),
    IndicatorKind.OUTCOME.value: _l("outcome: wat is er veranderd voor gezinnen"),
}
INDICATOR_UNIT = {
    IndicatorUnit.NUMBER.value: _l("een aantal"),
    IndicatorUnit.PERCENTAGE.value: _l("een percentage"),
    IndicatorUnit.YES_NO.value: _l("ja of nee"),
}
ACTION_STATUS = {
    ActionStatus.PLANNED.value: _l("gepland"),
    ActionStatus.IN_PROGRESS.value: _l("bezig"),
    ActionStatus.DONE.value: _l("klaar"),
    ActionStatus.STOPPED.value: _l("gestopt"),
}
MISSING = {
    "title": _l("wat jullie willen bereiken"),
    "owner": _l("wie verantwoordelijk is"),
    "deadline": _l("een deadline"),
    "indicator": _l("minstens één indicator"),
}
UNIT_HINTS = {
    IndicatorUnit.NUMBER.value: _l("Een getal, zoals 12 of 3,5."),
    IndicatorUnit.PERCENTAGE.value: _l("Een percentage van 0 tot 100."),
    IndicatorUnit.YES_NO.value: _l("1 voor ja, 0 voor nee."),
}
DELETE_TITLES = {
    "workgroup": _l("Werkgroep verwijderen?"),
    "goal": _l("Doelstelling verwijderen?"),
    "action": _l("Actie verwijderen?"),
    "indicator": _l("Indicator verwijderen?"),
    "measurement": _l("Meting verwijderen?"),
}
