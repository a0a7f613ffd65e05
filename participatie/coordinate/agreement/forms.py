"""Forms of the agreement pages: ask for a blind sample, add a coder, code one statement blind."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, SelectField, SelectMultipleField
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError

from participatie.coordinate.agreement.services import MAX_SAMPLE
from participatie.coordinate.review import messages as msg
from participatie.forms import StripWhitespaceForm

MIN_SAMPLE = 5


def _offered(field: Any) -> bool:
    return bool(field.data) and field.data in {value for value, _ in field.choices}


class SampleForm(StripWhitespaceForm):
    coder = SelectField(_l("Collega die blind codeert"), choices=[], validate_choice=False)
    size = IntegerField(
        _l("Aantal uitspraken"),
        default=20,
        validators=[
            InputRequired(message=msg.ENTER_SAMPLE_SIZE),
            NumberRange(min=MIN_SAMPLE, max=MAX_SAMPLE, message=msg.ENTER_SAMPLE_SIZE),
        ],
    )
    seed = IntegerField(
        _l("Startgetal voor het toeval (mag leeg)"),
        validators=[Optional(), NumberRange(min=0, max=999999, message=msg.ENTER_SEED)],
    )

    def validate_coder(self, field: Any) -> None:
        if not _offered(field):
            raise ValidationError(str(msg.CHOOSE_CODER))

    def process_formdata_errors(self) -> None:
        """IntegerField's own parse error is in English: replace it with ours."""
        for field, message in ((self.size, msg.ENTER_SAMPLE_SIZE), (self.seed, msg.ENTER_SEED)):
            if field.process_errors:
                field.process_errors = [str(message)]

    def validate(self, extra_validators: Any = None) -> bool:
        self.process_formdata_errors()
        valid: bool = super().validate(extra_validators)
        return valid


class AddCoderForm(StripWhitespaceForm):
    coder = SelectField(_l("Nog een collega"), choices=[], validate_choice=False)

    def validate_coder(self, field: Any) -> None:
        if not _offered(field):
            raise ValidationError(str(msg.CHOOSE_CODER))


class BlindForm(StripWhitespaceForm):
    statement = HiddenField()
    codes = SelectMultipleField(choices=[], validate_choice=False)

    def validate_codes(self, field: Any) -> None:
        offered = {value for value, _ in field.choices}
        field.data = [value for value in field.data or [] if value in offered]
