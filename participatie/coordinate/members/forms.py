"""Adding a translator: an existing account and one of the project's languages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, SelectField
from wtforms.validators import DataRequired, Email, Length

from participatie.forms import StripWhitespaceForm


class TranslatorForm(StripWhitespaceForm):
    email = EmailField(
        _l("E-mailadres van de vertaler"),
        validators=[
            DataRequired(message=_l("Vul een e-mailadres in.")),
            Email(message=_l("Vul een e-mailadres in zoals naam@voorbeeld.be.")),
            Length(max=254),
        ],
    )
    language = SelectField(
        _l("Vertaalt naar"), validators=[DataRequired(message=_l("Kies een taal."))]
    )


class RevokeForm(StripWhitespaceForm):
    user = HiddenField(validators=[DataRequired()])
    language = HiddenField(validators=[DataRequired()])


class UndoForm(StripWhitespaceForm):
    """Only its CSRF token: what to undo is kept in the session."""
