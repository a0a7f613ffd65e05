"""Forms for the site admin: projects and accounts."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import (
    EmailField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, NumberRange, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from participatie.extensions import db
from participatie.forms import StripWhitespaceForm
from participatie.i18n import LANGUAGE_NAMES
from participatie.models import Project, Role, User
from participatie.models.projects import MIN_SUPPRESSION_THRESHOLD

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ProjectForm(StripWhitespaceForm):
    name = StringField(
        _l("Naam van het project"),
        validators=[DataRequired(message=_l("Geef het project een naam.")), Length(max=200)],
    )
    slug = StringField(
        _l("Korte naam voor het webadres"),
        validators=[
            DataRequired(message=_l("Kies een korte naam voor het webadres.")),
            Length(max=64),
        ],
    )
    organisation = StringField(
        _l("Organisatie"),
        validators=[
            DataRequired(message=_l("Vul de organisatie in, bijvoorbeeld het OCMW.")),
            Length(max=200),
        ],
    )
    municipality = StringField(_l("Gemeente"), validators=[Length(max=120)])
    languages = MultiCheckboxField(
        _l("Talen"),
        choices=[SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()],
        default=["nl"],
    )
    k_threshold = IntegerField(
        _l("Kleinste groep die we tonen"),
        default=5,
        validators=[
            NumberRange(
                min=MIN_SUPPRESSION_THRESHOLD,
                max=50,
                message=_l("Kies een getal van 3 tot 50. Onder 3 kan iemand herkend worden."),
            )
        ],
    )
    retention_days = IntegerField(
        _l("Hoe lang we antwoorden bewaren (dagen)"),
        default=3 * 365,
        validators=[
            NumberRange(min=30, max=3650, message=_l("Kies een getal van 30 tot 3650 dagen."))
        ],
    )
    contact = TextAreaField(_l("Contact voor vragen over privacy"), validators=[Length(max=500)])

    def __init__(self, *args: object, editing: Project | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.editing = editing

    def validate_slug(self, field: StringField) -> None:
        value = (field.data or "").lower()
        if not SLUG.match(value):
            raise ValidationError(
                _l("Gebruik kleine letters, cijfers en streepjes, zoals kempen-2026.")
            )
        other = db.session.scalar(select(Project.id).where(Project.slug == value))
        if other is not None and (self.editing is None or other != self.editing.id):
            raise ValidationError(_l("Deze korte naam is al in gebruik. Kies een andere."))

    def validate_languages(self, field: MultiCheckboxField) -> None:
        if "nl" not in (field.data or []):
            raise ValidationError(_l("Nederlands moet erbij: het is de brontaal."))


class AccountForm(StripWhitespaceForm):
    email = EmailField(
        _l("E-mailadres"),
        validators=[
            DataRequired(message=_l("Vul een e-mailadres in.")),
            Email(message=_l("Vul een e-mailadres in zoals naam@voorbeeld.be.")),
            Length(max=254),
        ],
    )
    name = StringField(_l("Naam"), validators=[Length(max=120)])

    def validate_email(self, field: EmailField) -> None:
        from sqlalchemy import func

        exists = db.session.scalar(
            select(User.id).where(func.lower(User.email) == (field.data or "").lower())
        )
        if exists is not None:
            raise ValidationError(_l("Er is al een account met dit e-mailadres."))


ROLE_CHOICES = [
    SelectChoice(Role.COORDINATOR.value, _l("coördinator")),
    SelectChoice(Role.VOLUNTEER.value, _l("vrijwilliger")),
    SelectChoice(Role.STUURGROEP.value, _l("lid van de stuurgroep")),
    SelectChoice(Role.WERKGROEP.value, _l("lid van een werkgroep")),
]


class RoleForm(StripWhitespaceForm):
    project = SelectField(_l("Project"), validators=[DataRequired(message=_l("Kies een project."))])
    role = SelectField(
        _l("Rol"), choices=ROLE_CHOICES, validators=[DataRequired(message=_l("Kies een rol."))]
    )
