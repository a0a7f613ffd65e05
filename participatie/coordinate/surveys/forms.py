"""Forms of the survey builder. Choices that depend on the survey are set by the route."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    FieldList,
    FormField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from participatie.coordinate.surveys import messages as msg
from participatie.forms import StripWhitespaceForm
from participatie.surveys.catalogue import TEMPLATES
from participatie.surveys.codes import find_survey_code
from participatie.surveys.kinds import KINDS, LABELS, Kind

KIND_CHOICES = [SelectChoice(kind.value, LABELS[kind]) for kind in KINDS]


class NumberField(StringField):
    """A number as people type it here: "2,5" or "2.5"; empty is None."""

    number: float | None = None

    def process_formdata(self, valuelist: list[Any]) -> None:
        super().process_formdata(valuelist)
        self.number = None
        text = (self.data or "").strip().replace(" ", "").replace(",", ".")
        if text:
            try:
                self.number = float(text)
            except ValueError as error:
                raise ValueError(str(msg.ENTER_NUMBER)) from error


class _WithRows(StripWhitespaceForm):
    """A form with repeated rows: whitespace is stripped in each row's own fields, because
    FieldList and FormField take no filters themselves."""

    class Meta:
        def bind_field(self, form: Any, unbound_field: Any, options: dict[str, Any]) -> Any:
            if unbound_field.field_class in (FieldList, FormField):
                return unbound_field.bind(form=form, **options)
            return super().bind_field(form, unbound_field, options)  # type: ignore[misc]


def _code(_form: Any, field: Any) -> None:
    if field.data and find_survey_code(field.data) is None:
        raise ValidationError(str(msg.CODE_FORMAT))


class NewSurveyForm(StripWhitespaceForm):
    start = RadioField(
        _l("Waarmee wil je beginnen?"),
        choices=[SelectChoice("", _l("Een lege vragenlijst"))]
        + [SelectChoice(template.key, template.title) for template in TEMPLATES],
        default="",
    )
    title = StringField(_l("Titel voor de deelnemers"), validators=[Length(max=200)])
    subject = StringField(
        _l("Over welke dienst of activiteit gaat het?"), validators=[Length(max=80)]
    )

    def validate_title(self, field: Any) -> None:
        if not field.data and not self.start.data:
            raise ValidationError(str(msg.ENTER_TITLE))


class ImportForm(StripWhitespaceForm):
    file = FileField(
        _l("XLSForm-bestand"),
        validators=[FileRequired(msg.CHOOSE_FILE), FileAllowed(["xlsx"], msg.XLSX_ONLY)],
    )
    code = StringField(_l("Code voor de flyer (mag leeg)"), validators=[Length(max=16), _code])


class SettingsForm(StripWhitespaceForm):
    title = StringField(_l("Titel"), validators=[DataRequired(msg.ENTER_TITLE), Length(max=200)])
    intro = TextAreaField(_l("Uitleg op de eerste pagina"), validators=[Length(max=2000)])
    thanks = TextAreaField(_l("Tekst op de laatste pagina"), validators=[Length(max=2000)])
    estimated_minutes = IntegerField(
        _l("Hoeveel minuten duurt het ongeveer?"),
        validators=[DataRequired(msg.ENTER_MINUTES), NumberRange(1, 60, msg.ENTER_MINUTES)],
    )
    code = StringField(_l("Code voor de flyer"), validators=[Length(max=16), _code])


class AddQuestionForm(StripWhitespaceForm):
    label = StringField(
        _l("Nieuwe vraag"), validators=[DataRequired(msg.ENTER_QUESTION), Length(max=500)]
    )
    kind = SelectField(
        _l("Soort vraag"),
        choices=KIND_CHOICES,
        default=Kind.CHOICE.value,
    )


class OptionRowForm(StripWhitespaceForm):
    class Meta:
        csrf = False

    label = StringField(_l("Tekst"), validators=[Length(max=300)])
    name = StringField(_l("Naam"), validators=[Length(max=64)])
    pictogram = SelectField(_l("Prentje"), validate_choice=False)
    position = IntegerField(_l("Plaats"), validators=[Optional()])
    remove = BooleanField(_l("Wissen"))

    @property
    def is_blank(self) -> bool:
        return not (self.label.data or self.name.data)


class QuestionForm(_WithRows):
    label = TextAreaField(
        _l("Vraag"), validators=[DataRequired(msg.ENTER_QUESTION), Length(max=500)]
    )
    hint = TextAreaField(_l("Uitleg onder de vraag (mag leeg)"), validators=[Length(max=500)])
    kind = RadioField(
        _l("Soort vraag"), choices=KIND_CHOICES, invalid_choice_message=msg.CHOOSE_KIND
    )
    required = BooleanField(_l("Verplicht: de deelnemer moet deze vraag beantwoorden"))
    offer_decline = BooleanField(_l("Toon ook de knop „Ik wil dit niet zeggen”"))
    pictogram = SelectField(_l("Prentje bij de vraag"), validate_choice=False)
    minimum = NumberField(_l("Kleinste getal (mag leeg)"))
    maximum = NumberField(_l("Grootste getal (mag leeg)"))
    low_label = StringField(
        _l("Woord bij het kleinste getal (mag leeg)"), validators=[Length(max=60)]
    )
    high_label = StringField(
        _l("Woord bij het grootste getal (mag leeg)"), validators=[Length(max=60)]
    )
    is_group_question = BooleanField(
        _l("Dit is de vraag 'Wie ben je?': het antwoord wordt de groep van de deelnemer")
    )
    name = StringField(_l("Korte naam voor exports en voorwaarden"), validators=[Length(max=64)])
    options = FieldList(FormField(OptionRowForm), min_entries=0)


class ConditionRowForm(StripWhitespaceForm):
    class Meta:
        csrf = False

    question = SelectField(_l("Vraag"), validate_choice=False)
    operator = SelectField(_l("Voorwaarde"), validate_choice=False)
    option = SelectField(_l("Antwoord"), validate_choice=False)
    number = StringField(_l("Getal"), validators=[Length(max=20)])


class RoutingForm(_WithRows):
    join = RadioField(
        _l("Wanneer tonen we de vraag?"),
        choices=[
            SelectChoice("and", _l("Als alle voorwaarden kloppen")),
            SelectChoice("or", _l("Als minstens één voorwaarde klopt")),
        ],
        default="and",
    )
    conditions = FieldList(FormField(ConditionRowForm), min_entries=3)
    advanced = TextAreaField(
        _l("Voorwaarde als XLSForm-uitdrukking"), validators=[Length(max=2000)]
    )


class AudioForm(StripWhitespaceForm):
    language = SelectField(_l("Taal van de opname"), validate_choice=False)
    file = FileField(_l("Geluidsbestand (mp3, ogg, webm, m4a of wav; hoogstens 2 MB)"))


class JargonForm(StripWhitespaceForm):
    words = TextAreaField(
        _l("Moeilijke woorden, één per regel: moeilijk woord = beter woord"),
        validators=[Length(max=20000)],
    )
