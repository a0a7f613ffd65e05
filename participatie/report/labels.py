"""Translated words for the results area: outcomes, statuses, splits and file formats."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from participatie.models import ActionStatus, DecisionOutcome

# For the stuurgroep.
OUTCOME_LABELS = {
    DecisionOutcome.TAKEN_UP: _l("Opgenomen in het plan"),
    DecisionOutcome.WORKING_GROUP: _l("Naar een werkgroep"),
    DecisionOutcome.LATER: _l("Later"),
    DecisionOutcome.NOT_POSSIBLE: _l("Niet mogelijk"),
}
ACTION_STATUS_LABELS = {
    ActionStatus.PLANNED: _l("gepland"),
    ActionStatus.IN_PROGRESS: _l("bezig"),
    ActionStatus.DONE: _l("klaar"),
    ActionStatus.STOPPED: _l("gestopt"),
}

# For everyone who took part: plain words on the public page and the poster.
PUBLIC_OUTCOMES = {
    DecisionOutcome.TAKEN_UP: _l("We doen dit."),
    DecisionOutcome.WORKING_GROUP: _l("Een werkgroep zoekt uit hoe we dit doen."),
    DecisionOutcome.LATER: _l("Dit komt later."),
    DecisionOutcome.NOT_POSSIBLE: _l("Dit kan niet."),
}
PUBLIC_STATUS = {
    ActionStatus.PLANNED: _l("Dit is gepland."),
    ActionStatus.IN_PROGRESS: _l("We zijn ermee bezig."),
    ActionStatus.DONE: _l("Dit is klaar."),
    ActionStatus.STOPPED: _l("Dit is gestopt."),
}

DIMENSION_LABELS = {
    "group": _l("Per groep"),
    "source": _l("Per bron: vragenlijst of focusgroep"),
    "mode": _l("Per manier van meedoen"),
    "language": _l("Per taal"),
}
SOURCE_LABELS = {"survey": _l("vragenlijst"), "focus_group": _l("focusgroep")}
UNKNOWN_LABEL = _l("onbekend")
FORMAT_NAMES = {
    "json": "JSON",
    "csv": "CSV",
    "xlsx": _l("Excel (xlsx)"),
    "ods": _l("OpenDocument (ods)"),
    "pdf": _l("Verslag (PDF)"),
}

TEMPLATE_GLOBALS = {
    "outcome_labels": OUTCOME_LABELS,
    "action_status_labels": ACTION_STATUS_LABELS,
    "public_outcomes": PUBLIC_OUTCOMES,
    "public_status": PUBLIC_STATUS,
    "dimension_labels": DIMENSION_LABELS,
    "format_names": FORMAT_NAMES,
}
