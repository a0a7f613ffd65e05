"""Forms of the project's home: the omgevingsanalyse notes and "the poster is printed"."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import Length

from participatie.forms import StripWhitespaceForm

NOTES_MAX = 20_000


class PreparationForm(StripWhitespaceForm):
    omgevingsanalyse = TextAreaField(
        _l("Notities van de omgevingsanalyse"),
        description=_l(
            "Wie werkt hier al met gezinnen met een beperkt inkomen? Wat bestaat er al? "
            "Wie moet zeker in de stuurgroep?"
        ),
        validators=[
            Length(
                max=NOTES_MAX,
                message=_l("Schrijf hoogstens %(max)s tekens.", max=NOTES_MAX),
            )
        ],
    )


class PosterForm(StripWhitespaceForm):
    """Only a button: the coordinator says the poster of the latest release is printed and hung."""
