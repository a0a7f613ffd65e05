"""What an XLSForm row or column means to us: supported, skipped with a notice, or refused.

Types and columns follow the XLSForm specification (xlsform.org) and the spellings pyxform
accepts. Anything that would change what a participant sees or answers and that we cannot
carry over is refused, with the reason in plain words; what only concerns devices or looks
(metadata such as `start`, a message column, an appearance) is skipped with a notice.
"""

from __future__ import annotations

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
    "calculate": _CALCULATION,
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
    }
)
COLUMN_ALIASES = {"caption": "label", "relevance": "relevant", "value": "name"}
# Columns whose content participants never see in our journey: skipped with one notice each.
NOTICE_COLUMNS = {
    "required_message": _l("deelnemers krijgen onze eigen, duidelijke foutmelding"),
    "constraint_message": _l("deelnemers krijgen onze eigen, duidelijke foutmelding"),
    "guidance_hint": _l("uitleg voor wie de vragen afneemt; die tonen we niet"),
}
CHOICE_COLUMNS = frozenset({"list_name", "name", "label", "pictogram"})
CHOICE_MEDIA_COLUMNS = frozenset({"image", "big-image", "audio", "video", "media"})
USED_SETTINGS = frozenset({"form_title", "form_id", "default_language"})
# Our own columns on export; other tools ignore them.
PICTOGRAM_COLUMN = "pictogram"
GROUP_QUESTION_COLUMN = "participant_group"
YES = frozenset({"yes", "true", "true()", "1"})
NO = frozenset({"no", "false", "false()", "0", ""})


def split_header(header: str) -> tuple[str, str | None]:
    """ "label::Dutch (nl)" → ("label", "Dutch (nl)"); "media::image::English (en)" → media."""
    parts = header.split("::")
    base = parts[0].strip().lower()
    if base in {"media", "body", "bind", "instance"}:
        return base, None
    base = COLUMN_ALIASES.get(base, base)
    return base, parts[1].strip() if len(parts) > 1 else None


def normalise_row(row: dict[str, object]) -> dict[str, object]:
    """Column spellings XLSForm allows ("relevance", "caption") under the names we read."""
    normalised: dict[str, object] = {}
    for header, value in row.items():
        parts = str(header).split("::")
        base = COLUMN_ALIASES.get(parts[0].strip().lower())
        key = "::".join([base, *parts[1:]]) if base else str(header)
        normalised.setdefault(key, value)
    return normalised
