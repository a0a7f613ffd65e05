"""Forms: the reminder sign-up on the invitation page, and the coordinator's meeting pages.

Every message is a whole sentence of ours, translated (WTForms' own messages speak English).
"""

from __future__ import annotations

from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from participatie.forms import StripWhitespaceForm
from participatie.i18n import LANGUAGE_NAMES
from participatie.meetings.labels import KIND_LABELS, PAYMENT_LABELS


def choices(pairs: Any) -> list[SelectChoice]:
    """WTForms wants SelectChoice objects, not (value, label) tuples."""
    return [SelectChoice(value, label) for value, label in pairs]


MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def normalise_mobile(value: str) -> str | None:
    """A Belgian (0470 12 34 56) or international (+31 6 …) mobile number as E.164, or None."""
    if not value or len(value) > 32:
        return None
    try:
        number = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.number_type(number) not in MOBILE_TYPES:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(value: str) -> str | None:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


class SignupForm(StripWhitespaceForm):
    phone = StringField(_l("Je gsm-nummer"), validators=[Optional(), Length(max=32)])
    email = StringField(_l("Je e-mailadres"), validators=[Optional(), Length(max=254)])
    language = SelectField(_l("In welke taal?"))
    consent = BooleanField(
        _l("Ik wil een bericht krijgen. Jullie mogen mijn nummer of adres daarvoor bewaren.")
    )
    release_news = BooleanField(_l("Stuur me ook een bericht als er nieuws is over het project."))

    def __init__(self, languages: list[str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.choices = choices(
            (code, LANGUAGE_NAMES.get(code, code)) for code in languages
        )
        self.normalised_phone = ""
        self.normalised_email = ""

    def validate_phone(self, field: StringField) -> None:
        if field.data:
            number = normalise_mobile(field.data)
            if number is None:
                raise ValidationError(
                    _l("Dit is geen gsm-nummer. Schrijf het zo: 0470 12 34 56 of +32 470 12 34 56.")
                )
            self.normalised_phone = number

    def validate_email(self, field: StringField) -> None:
        if field.data:
            address = normalise_email(field.data)
            if address is None:
                raise ValidationError(
                    _l("Dit is geen e-mailadres. Schrijf het zo: naam@voorbeeld.be.")
                )
            self.normalised_email = address

    def validate_consent(self, field: BooleanField) -> None:
        if not field.data:
            raise ValidationError(_l("Zet een vinkje als je een bericht wilt krijgen."))

    def validate(self, extra_validators: Any = None) -> bool:
        valid: bool = super().validate(extra_validators)
        if not self.phone.data and not self.email.data:
            self.phone.errors = [
                *self.phone.errors,
                _l("Schrijf een gsm-nummer of een e-mailadres."),
            ]
            return False
        return valid


class MeetingForm(StripWhitespaceForm):
    kind = SelectField(_l("Soort bijeenkomst"), choices=choices(KIND_LABELS.items()))
    title = StringField(
        _l("Titel"),
        validators=[InputRequired(_l("Geef de bijeenkomst een titel.")), Length(max=200)],
    )
    day = DateField(_l("Dag"), validators=[InputRequired(_l("Kies de dag."))])
    start = TimeField(_l("Beginuur"), validators=[InputRequired(_l("Kies het beginuur."))])
    end = TimeField(_l("Einduur"), validators=[InputRequired(_l("Kies het einduur."))])
    place = StringField(
        _l("Plaats"), validators=[InputRequired(_l("Schrijf waar het is.")), Length(max=200)]
    )
    address = StringField(_l("Adres"), validators=[Optional(), Length(max=300)])
    accessibility = TextAreaField(_l("Toegankelijkheid"), validators=[Optional(), Length(max=1000)])
    childcare = BooleanField(_l("Er is kinderopvang"))
    compensation = DecimalField(
        _l("Vergoeding in euro"),
        places=2,
        validators=[
            Optional(),
            NumberRange(min=0, max=1000, message=_l("Geef een bedrag tussen 0 en 1000 euro.")),
        ],
    )
    payment_method = SelectField(
        _l("Hoe wordt de vergoeding betaald?"), choices=choices(PAYMENT_LABELS.items())
    )
    contact_name = StringField(
        _l("Voornaam van de vertrouwenspersoon"), validators=[Optional(), Length(max=80)]
    )
    contact_phone = StringField(
        _l("Telefoon van de vertrouwenspersoon"), validators=[Optional(), Length(max=32)]
    )
    series = SelectField(_l("Reeks"), validators=[Optional()])
    reminder_days_before = IntegerField(
        _l("Herinnering: hoeveel dagen vooraf?"),
        default=1,
        validators=[
            InputRequired(_l("Geef een aantal dagen.")),
            NumberRange(min=0, max=14, message=_l("Kies tussen 0 en 14 dagen.")),
        ],
    )
    reminder_time = TimeField(
        _l("Herinnering: om hoe laat?"),
        validators=[InputRequired(_l("Kies het uur van de herinnering."))],
    )
    minutes = TextAreaField(_l("Verslag"), validators=[Optional(), Length(max=20000)])

    def validate_end(self, field: TimeField) -> None:
        if self.start.data and field.data and field.data <= self.start.data:
            raise ValidationError(_l("Het einduur komt na het beginuur."))


class AgendaItemForm(StripWhitespaceForm):
    text = StringField(
        _l("Agendapunt"), validators=[InputRequired(_l("Schrijf het agendapunt.")), Length(max=300)]
    )
    theme = SelectField(_l("Thema"), validators=[Optional()])
    decision = SelectField(_l("Beslissing"), validators=[Optional()])


class AttendeeForm(StripWhitespaceForm):
    pseudonym = StringField(
        _l("Schuilnaam"),
        validators=[InputRequired(_l("Geef een schuilnaam, zoals P3.")), Length(max=12)],
    )
    participant_group = SelectField(_l("Groep"))
    delegate = BooleanField(_l("Afgevaardigde van de oudergroep"))
    compensation = DecimalField(
        _l("Vergoeding in euro"),
        places=2,
        validators=[
            Optional(),
            NumberRange(min=0, max=1000, message=_l("Geef een bedrag tussen 0 en 1000 euro.")),
        ],
    )


class TakenDecisionForm(StripWhitespaceForm):
    taken_decision = SelectField(
        _l("Beslissing"), validators=[InputRequired(_l("Kies een beslissing."))]
    )


class PeriodForm(StripWhitespaceForm):
    class Meta:
        csrf = False  # a GET form: it only chooses what the sheet shows

    start = DateField(_l("Van"), validators=[Optional()])
    end = DateField(_l("Tot en met"), validators=[Optional()])


class PostitsForm(StripWhitespaceForm):
    table = IntegerField(
        _l("Tafel"),
        default=1,
        validators=[
            InputRequired(_l("Geef het nummer van de tafel.")),
            NumberRange(min=1, max=50, message=_l("Kies een tafel van 1 tot 50.")),
        ],
    )
    round_number = IntegerField(
        _l("Ronde"),
        default=1,
        validators=[
            InputRequired(_l("Geef het nummer van de ronde.")),
            NumberRange(min=1, max=10, message=_l("Kies een ronde van 1 tot 10.")),
        ],
    )
    postit_language = SelectField(_l("Taal van de post-its"))
    postits = TextAreaField(
        _l("Post-its, één per regel"),
        validators=[
            DataRequired(_l("Schrijf minstens één post-it.")),
            Length(max=50000),
        ],
    )
