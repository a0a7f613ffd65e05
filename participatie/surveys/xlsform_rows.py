"""What an XLSForm row or column means to us: supported, skipped with a notice, or refused.

Types and columns follow the XLSForm specification (xlsform.org) and the spellings pyxform
accepts. Anything that would change what a participant sees or answers and that we cannot
carry over is refused, with the reason in plain words; what only concerns devices or looks
(metadata such as `start`, a message column, an appearance) is skipped with a notice.
"""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

# Each question type names its own spellings (surveys/question_types/).
GROUP_BEGIN = frozenset({"begin_group", "begin group"})
GROUP_END = frozenset({"end_group", "end group"})

# Recorded by the device, never asked: we keep no such data, so the row is skipped.
METADATA_TYPES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "imei",
        "subscriberid",
        "simserial",
        "phonenumber",
        "username",
        "email",
        "audit",
    }
)

_CALCULATION = _l("een berekening")
_PLACE = _l("een plaats op de kaart")
_MEDIA = _l("een foto, geluid of bestand")
_DATE = _l("een datum of tijd")
_REPEAT = _l("een groep vragen die herhaald wordt")
_FILE_LIST = _l("een lijst uit een apart bestand")
UNSUPPORTED_TYPES = {
    "hidden": _CALCULATION,
    "geopoint": _PLACE,
    "geotrace": _PLACE,
    "geoshape": _PLACE,
    "start-geopoint": _PLACE,
    "background-geopoint": _PLACE,
    "location": _PLACE,
    "gps": _PLACE,
    "image": _MEDIA,
    "photo": _MEDIA,
    "audio": _MEDIA,
    "video": _MEDIA,
    "file": _MEDIA,
    "background-audio": _MEDIA,
    "barcode": _l("een streepjescode"),
    "date": _DATE,
    "time": _DATE,
    "datetime": _DATE,
    "range": _l("een schuifbalk"),
    "rank": _l("een rangorde"),
    "acknowledge": _l("een vinkje om iets te bevestigen"),
    "trigger": _l("een vinkje om iets te bevestigen"),
    "begin_repeat": _REPEAT,
    "begin repeat": _REPEAT,
    "end_repeat": _REPEAT,
    "end repeat": _REPEAT,
    "select_one_from_file": _FILE_LIST,
    "select_multiple_from_file": _FILE_LIST,
    "select_one_external": _FILE_LIST,
    "xml-external": _FILE_LIST,
    "csv-external": _FILE_LIST,
}

# Survey columns we read. Translatable ones carry ::Language (code).
SURVEY_COLUMNS = frozenset(
    {
        "type",
        "name",
        "label",
        "hint",
        "required",
        "relevant",
        "appearance",
        "constraint",
        "pictogram",
        "participant_group",
        "calculation",
        "choice_filter",
        "constraint_message",
        "offer_decline",
        "low_label",
        "high_label",
    }
)
COLUMN_ALIASES = {
    "caption": "label",
    "relevance": "relevant",
    "value": "name",
    "list name": "list_name",
    "constraint message": "constraint_message",
    "jr:constraintmsg": "constraint_message",
    "required message": "required_message",
    "jr:requiredmsg": "required_message",
    "choice filter": "choice_filter",
}
# Columns that carry a language: `label::Dutch (nl)`, or in old forms `label:Dutch`.
TRANSLATED_COLUMNS = frozenset(
    {
        "label",
        "hint",
        "constraint_message",
        "low_label",
        "high_label",
        "required_message",
        "guidance_hint",
        "image",
        "big-image",
        "audio",
        "video",
        "media",
    }
)
MEDIA_COLUMNS = frozenset({"image", "big-image", "audio", "video", "media"})
# Columns whose content participants never see in our journey: skipped with one notice each.
_MEDIA_SKIPPED = _l(
    "het bestand zit niet in het XLSForm; neem de tekst op in de vragenlijst als je wilt"
)
NOTICE_COLUMNS = {
    "required_message": _l("deelnemers krijgen onze eigen, duidelijke foutmelding"),
    "guidance_hint": _l("uitleg voor wie de vragen afneemt; die tonen we niet"),
    **dict.fromkeys(MEDIA_COLUMNS, _MEDIA_SKIPPED),
}
CHOICE_COLUMNS = frozenset({"list_name", "name", "label", "pictogram"})
CHOICE_MEDIA_COLUMNS = frozenset({"image", "big-image", "audio", "video", "media"})
USED_SETTINGS = frozenset({"form_title", "form_id", "default_language"})
OR_OTHER = ("or_other", "or other", "or specify other")
OTHER_OPTION = "other"
# Our own columns on export; other tools ignore them.
PICTOGRAM_COLUMN = "pictogram"
GROUP_QUESTION_COLUMN = "participant_group"
DECLINE_COLUMN = "offer_decline"  # "Ik wil dit niet zeggen" is offered (optional questions)
SCALE_END_COLUMNS = ("low_label", "high_label")  # the words at both ends of a number scale
YES = frozenset({"yes", "true", "true()", "1"})
NO = frozenset({"no", "false", "false()", "0", ""})


def _parts(header: str) -> list[str]:
    """ "Label::Dutch (nl)", "label:Dutch" and "List name" → ["label", "Dutch (nl)"], …"""
    parts = [part.strip() for part in header.split("::")]
    if len(parts) == 1 and ":" in header:
        base, rest = header.split(":", 1)
        if base.strip().lower() in TRANSLATED_COLUMNS:  # `label:English`, as old forms wrote it
            parts = [base.strip(), rest.strip()]
    base = re.sub(r"\s+", " ", parts[0].lower())
    return [COLUMN_ALIASES.get(base, base), *parts[1:]]


def split_header(header: str) -> tuple[str, str | None]:
    """ "label::Dutch (nl)" → ("label", "Dutch (nl)"); "media::image::English (en)" → media."""
    parts = _parts(header)
    if parts[0] in {"body", "bind", "instance"}:
        return parts[0], None
    if parts[0] == "media" and len(parts) > 1:  # media::audio::English (en)
        return parts[1].lower(), parts[2] if len(parts) > 2 else None
    return parts[0], parts[1] if len(parts) > 1 else None


def normalise_row(row: dict[str, object]) -> dict[str, object]:
    """Column spellings XLSForm allows (any case, "relevance", "caption", "list name",
    "label:English") under the names we read."""
    normalised: dict[str, object] = {}
    for header, value in row.items():
        normalised.setdefault("::".join(_parts(str(header))), value)
    return normalised
