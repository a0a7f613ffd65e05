"""The translator's forms: one text, a reviewed mark, a file and its confirmation."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from participatie.forms import StripWhitespaceForm
from participatie.surveys import texts_messages as msg

EXTENSIONS = ["po", "xlf", "xliff", "xml"]


class TextForm(StripWhitespaceForm):
    text_id = HiddenField(validators=[DataRequired()])
    translation = TextAreaField(_l("Vertaling"), validators=[Length(max=msg.MAX_TEXT_LENGTH)])


class ReviewForm(StripWhitespaceForm):
    text_id = HiddenField(validators=[DataRequired()])


class UploadForm(StripWhitespaceForm):
    file = FileField(
        _l("Bestand met vertalingen (.po of XLIFF)"),
        validators=[FileRequired(msg.CHOOSE_FILE), FileAllowed(EXTENSIONS, msg.FILE_TYPE)],
    )


class ConfirmForm(StripWhitespaceForm):
    """The checked file travels back with the confirmation; it is checked again on the way in."""

    content = HiddenField()
