from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from participatie import messages
from participatie.auth.passwords import MIN_PASSWORD_LENGTH
from participatie.forms import StripWhitespaceForm


class LoginForm(StripWhitespaceForm):
    email = EmailField(
        _l("E-mailadres"),
        validators=[
            DataRequired(message=messages.ENTER_EMAIL),
            Email(message=messages.ENTER_VALID_EMAIL),
            Length(max=254),
        ],
    )
    password = PasswordField(
        _l("Wachtwoord"),
        validators=[DataRequired(message=messages.ENTER_PASSWORD), Length(max=1024)],
    )


class CodeForm(StripWhitespaceForm):
    code = StringField(
        _l("Code"),
        validators=[DataRequired(message=_l("Vul de code uit je app in.")), Length(max=40)],
    )


class NewPasswordForm(StripWhitespaceForm):
    password = PasswordField(
        _l("Nieuw wachtwoord"),
        validators=[
            DataRequired(message=_l("Kies een wachtwoord.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=1024,
                message=_l(
                    "Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden werkt goed."
                ),
            ),
        ],
    )
    confirm = PasswordField(
        _l("Nog eens hetzelfde wachtwoord"),
        validators=[
            DataRequired(message=_l("Typ je wachtwoord nog eens.")),
            EqualTo("password", message=_l("De twee wachtwoorden zijn niet hetzelfde.")),
        ],
    )
