"""Forms of the focus-group pages. Choices that depend on the group (speakers, guide questions,
languages, codes) are filled in by the `for_group` constructors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
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
from wtforms.widgets import CheckboxInput, ListWidget

from participatie.coordinate.focusgroups.guides import GUIDE_TEMPLATES
from participatie.forms import StripWhitespaceForm
from participatie.i18n import LANGUAGE_NAMES
from participatie.labels import PARTICIPANT_GROUP
from participatie.models import Code, FocusGroup

QUOTE_MAX = 5000
GUIDE_MAX_QUESTIONS = 30
GUIDE_QUESTION_MAX = 500
IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")


def options(pairs: Iterable[tuple[str, Any]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


LANGUAGE_CHOICES = options(LANGUAGE_NAMES.items())


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class InChoices:
    """WTForms' own choice check speaks English; this one says it in a sentence of ours."""

    def __init__(self, message: Any) -> None:
        self.message = message

    def __call__(self, form: Any, field: Any) -> None:  # noqa: ARG002  (WTForms' validator signature)
        allowed = {str(choice.value) for choice in field.choices or []}
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(value not in (None, "") and str(value) not in allowed for value in values):
            raise ValidationError(self.message)


CHOOSE_FROM_LIST = _l("Kies een van de mogelijkheden in de lijst.")


def choice(**kwargs: Any) -> dict[str, Any]:
    """Field arguments for a choice checked by InChoices."""
    validators = [*kwargs.pop("validators", []), InChoices(CHOOSE_FROM_LIST)]
    return {"validate_choice": False, "validators": validators, **kwargs}


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("Vul een getal in, zoals 1.")) from error


class DateInputField(DateField):
    """A date field whose error is our own sentence, not WTForms' English one."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("Vul een datum in zoals 14-10-2026.")) from error


def guide_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def group_languages(group: FocusGroup) -> list[SelectChoice]:
    """The group's languages, after "as the speaker" (the attendee's own language)."""
    return options(
        [("", _l("Zoals de spreker"))]
        + [(code, LANGUAGE_NAMES.get(code, code)) for code in group.languages]
    )


class FocusGroupForm(StripWhitespaceForm):
    title = StringField(
        _l("Naam van de focusgroep"),
        validators=[
            DataRequired(_l("Geef de focusgroep een naam.")),
            Length(max=200, message=_l("De naam mag hoogstens 200 tekens hebben.")),
        ],
    )
    held_on = DateInputField(_l("Datum"), validators=[Optional()])
    place = StringField(
        _l("Plaats"),
        validators=[Length(max=200, message=_l("De plaats mag hoogstens 200 tekens hebben."))],
    )
    facilitator = StringField(
        _l("Begeleider"),
        validators=[Length(max=120, message=_l("De begeleider mag hoogstens 120 tekens hebben."))],
    )
    languages = MultiCheckboxField(
        _l("Talen in de groep"),
        **choice(
            choices=LANGUAGE_CHOICES, validators=[InputRequired(_l("Kies minstens één taal."))]
        ),
    )
    template = SelectField(
        _l("Vragen uit een voorbeeld"),
        **choice(
            choices=options(
                [("", _l("Geen voorbeeld"))] + [(t.key, t.name) for t in GUIDE_TEMPLATES]
            ),
            default="",
        ),
    )
    guide = TextAreaField(_l("Vragen van de leidraad, één vraag per regel"), render_kw={"rows": 8})

    def validate_guide(self, field: TextAreaField) -> None:
        lines = guide_lines(field.data or "")
        if len(lines) > GUIDE_MAX_QUESTIONS:
            raise ValidationError(_l("Gebruik hoogstens 30 vragen."))
        if any(len(line) > GUIDE_QUESTION_MAX for line in lines):
            raise ValidationError(_l("Een vraag mag hoogstens 500 tekens hebben."))


class AttendeeForm(StripWhitespaceForm):
    participant_group = SelectField(
        _l("Groep"), **choice(choices=options(PARTICIPANT_GROUP.items()), default="ouder")
    )
    language = SelectField(_l("Taal"), **choice(choices=LANGUAGE_CHOICES, default="nl"))
    consent = BooleanField(_l("Heeft toestemming gegeven"))
    consent_version = WholeNumberField(
        _l("Versie van het toestemmingsformulier"),
        default=1,
        validators=[
            InputRequired(_l("Vul de versie van het toestemmingsformulier in, zoals 1.")),
            NumberRange(min=1, max=99, message=_l("Vul een versie in van 1 tot 99.")),
        ],
    )
    compensation = StringField(
        _l("Vergoeding"),
        validators=[Length(max=200, message=_l("De vergoeding mag hoogstens 200 tekens hebben."))],
    )


class QuoteForm(StripWhitespaceForm):
    """One quote, from the capture page (a form) or its script (JSON, same checks)."""

    speaker = RadioField(_l("Wie spreekt?"), **choice(default=""))
    question = SelectField(_l("Vraag uit de leidraad"), **choice(default=""))
    language = SelectField(_l("Taal van de uitspraak"), **choice(default=""))
    tags = MultiCheckboxField(_l("Snelle tags"), **choice())
    text = TextAreaField(
        _l("Uitspraak"),
        validators=[
            DataRequired(_l("Typ wat er gezegd werd.")),
            Length(max=QUOTE_MAX, message=_l("De uitspraak mag hoogstens 5000 tekens hebben.")),
        ],
        render_kw={"rows": 4, "autofocus": True, "maxlength": QUOTE_MAX, "spellcheck": "true"},
    )
    idem = HiddenField()

    def validate_idem(self, field: HiddenField) -> None:
        if field.data and not IDEMPOTENCY_KEY.fullmatch(field.data):
            raise ValidationError(_l("Vernieuw de pagina en probeer het opnieuw."))

    @classmethod
    def for_group(cls, group: FocusGroup, codes: list[Code], **kwargs: Any) -> QuoteForm:
        form = cls(**kwargs)
        form.speaker.choices = options(
            [(a.pseudonym, a.pseudonym) for a in group.attendees] + [("", _l("Onbekend"))]
        )
        form.question.choices = options(
            [("", _l("Geen vraag"))]
            + [(str(i), question) for i, question in enumerate(group.guide)]
        )
        form.language.choices = group_languages(group)
        tags = form._fields.get("tags")
        if isinstance(tags, SelectMultipleField):
            tags.choices = options((code.key, code.key) for code in codes)
        return form


class QuoteEditForm(QuoteForm):
    # Tags are corrected in the review queue; here: who said it, what, and in which language.
    tags = None  # type: ignore[assignment]
    idem = None


class TranscriptForm(StripWhitespaceForm):
    file = FileField(_l("Bestand (.txt, .docx of .odt)"))
    text = TextAreaField(_l("Of plak de tekst"), render_kw={"rows": 12})
    language = SelectField(_l("Taal van de uitspraken"), **choice(default=""))

    @classmethod
    def for_group(cls, group: FocusGroup, **kwargs: Any) -> TranscriptForm:
        form = cls(**kwargs)
        form.language.choices = group_languages(group)
        return form


class RedactionForm(StripWhitespaceForm):
    remove = MultiCheckboxField(_l("Weglaten"), **choice(choices=[]))
    extra = TextAreaField(
        _l("Nog andere woorden weglaten"),
        validators=[Length(max=2000, message=_l("Gebruik hoogstens 2000 tekens."))],
    )
    remember = BooleanField(
        _l("Woorden die blijven staan, zijn in dit project geen persoonsgegevens.")
    )
    fingerprint = HiddenField()
