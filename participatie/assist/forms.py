"""Forms of the volunteer pages. The data-entry form is built per survey (see entry.py)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, Field, HiddenField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, Length, StopValidation

from participatie.assist import messages
from participatie.forms import StripWhitespaceForm
from participatie.i18n import LANGUAGE_NAMES

MAX_COPIES = 500  # a coordinator printing for a whole neighbourhood
# A volunteer prints for one round of home visits: each copy is a waiting response, so a
# mistyped 5000 would fill the survey with empty forms.
VOLUNTEER_MAX_COPIES = 100


class ConsentForm(StripWhitespaceForm):
    """The volunteer confirms that the parent agreed, after hearing the text in their language."""

    language = HiddenField()
    consent = BooleanField(
        _l("De ouder hoorde of las de uitleg en wil meedoen."),
        validators=[DataRequired(message=messages.CONFIRM_CONSENT)],
    )

    def __init__(self, languages: tuple[str, ...], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.validators = [AnyOf(list(languages), message=messages.CHOOSE_LANGUAGE)]


class _CopiesInRange:
    """1 up to the form's maximum, which depends on who prints (so the message does too)."""

    field_flags = {"required": True}  # the input keeps its required attribute

    def __call__(self, form: Any, field: Field) -> None:
        text = (field.data or "").strip()
        if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= form.max_copies:
            raise StopValidation(str(messages.ENTER_COPIES) % {"most": form.max_copies})


class PaperForm(StripWhitespaceForm):
    # validate_choice=False: AnyOf below says what to do, in our words.
    language = SelectField(_l("Taal van het formulier"), validate_choice=False)
    copies = StringField(
        _l("Hoeveel formulieren?"),
        default="10",
        validators=[_CopiesInRange()],
    )

    def __init__(
        self, languages: tuple[str, ...], *args: Any, max_copies: int = MAX_COPIES, **kwargs: Any
    ) -> None:
        self.max_copies = max_copies
        super().__init__(*args, **kwargs)
        self.language.choices = [(code, LANGUAGE_NAMES.get(code, code)) for code in languages]
        self.language.validators = [
            DataRequired(message=messages.CHOOSE_PAPER_LANGUAGE),
            AnyOf(list(languages), message=messages.CHOOSE_PAPER_LANGUAGE),
        ]

    @property
    def copies_wanted(self) -> int:
        return int(self.copies.data or "1")


class JumpForm(StripWhitespaceForm):
    number = StringField(
        _l("Nummer van het formulier"),
        validators=[DataRequired(message=messages.ENTER_PAPER_NUMBER), Length(max=300)],
        # The one field of a page made for typing many numbers in a row.
        render_kw={"autofocus": True, "autocomplete": "off", "inputmode": "numeric"},
    )
