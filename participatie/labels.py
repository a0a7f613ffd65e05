"""Translated labels for stored values (statuses, modes, groups), in one place."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

SURVEY_STATUS = {
    "draft": _l("in opmaak"),
    "open": _l("open"),
    "closed": _l("gesloten"),
}

RESPONSE_MODE = {
    "self": _l("zelf ingevuld"),
    "assisted": _l("samen met een vrijwilliger"),
    "paper": _l("op papier"),
    "offline": _l("zonder internet"),
}

PARTICIPANT_GROUP = {
    "ouder": _l("ouder"),
    "ervaringsdeskundige": _l("ervaringsdeskundige"),
    "jongere": _l("jongere"),
    "professional": _l("professional"),
    "andere": _l("andere"),
}
