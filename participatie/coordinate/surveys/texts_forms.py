"""Forms for a translator's file: choosing it, and confirming what it changes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField

from participatie.forms import StripWhitespaceForm
from participatie.surveys import texts_messages as msg

EXTENSIONS = ["po", "xlf", "xliff", "xml"]


class TextsUploadForm(StripWhitespaceForm):
    file = FileField(
        _l("Bestand van de vertaler (.po of XLIFF)"),
        validators=[FileRequired(msg.CHOOSE_FILE), FileAllowed(EXTENSIONS, msg.FILE_TYPE)],
    )


class TextsConfirmForm(StripWhitespaceForm):
    """The checked file travels back with the confirmation, with the survey revision it was
    checked against: if the survey changed in between, the coordinator checks again."""

    content = HiddenField()
    revision = HiddenField()
