"""Forms of the review queue and the themes pages."""

from __future__ import annotations

from typing import Any

from flask import request
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from participatie.coordinate.review import messages as msg
from participatie.forms import StripWhitespaceForm
from participatie.i18n import LANGUAGE_NAMES

NEW_THEME = "nieuw"
# Actions on one statement carry its public id (and a code key): "toggle:<id>:<key>".
STATEMENT_ACTIONS = ("accept_all", "reject_all", "toggle", "reject", "gloss")
# "gloss:<id>" saves the statement's Dutch translation from the field named gloss-<id>.
GLOSS_FIELD = "gloss-%s"
GLOSS_MAX = 2000
BULK_ACTIONS = ("bulk_accept", "bulk_reject", "bulk_code", "bulk_theme")


class QueueForm(StripWhitespaceForm):
    """The whole queue page is one form: each button says what to do through its value."""

    action = StringField(validators=[DataRequired(message=msg.UNKNOWN_ACTION), Length(max=200)])
    selected = SelectMultipleField(_l("Gekozen uitspraken"), choices=[], validate_choice=False)
    code = SelectField(_l("Code voor de gekozen uitspraken"), choices=[], validate_choice=False)
    theme = SelectField(_l("Thema voor de gekozen uitspraken"), choices=[], validate_choice=False)
    theme_title = StringField(
        _l("Titel, als het een nieuw thema is"),
        validators=[Length(max=200, message=msg.THEME_TITLE_TOO_LONG)],
    )
    theme_domain = SelectField(
        _l("Levensdomein, als het een nieuw thema is"), choices=[], validate_choice=False
    )
    # The filters the page was opened with, so a redirect returns to the same list.
    domein = HiddenField()
    taal = HiddenField()
    bron = HiddenField()
    status = HiddenField()
    zoek = HiddenField()
    pagina = HiddenField()

    def parsed_action(self) -> tuple[str, str, str]:
        """(action, statement public id, code key); the last two empty where not given."""
        name, _, rest = (self.action.data or "").partition(":")
        statement, _, key = rest.partition(":")
        return name, statement, key

    def validate_action(self, field: Any) -> None:  # noqa: ARG002  (WTForms' validate_<field>)
        name, statement, key = self.parsed_action()
        if name in BULK_ACTIONS:
            return
        if name not in STATEMENT_ACTIONS or not statement:
            raise ValidationError(str(msg.UNKNOWN_ACTION))
        if name in ("toggle", "reject") and not key:
            raise ValidationError(str(msg.UNKNOWN_ACTION))
        if name == "gloss" and len(self.gloss_text()) > GLOSS_MAX:
            raise ValidationError(str(msg.GLOSS_TOO_LONG))

    def gloss_text(self) -> str:
        """What was typed in the Dutch-translation field of the statement the action names."""
        statement = self.parsed_action()[1]
        return str(request.form.get(GLOSS_FIELD % statement) or "").strip()

    def validate_selected(self, field: Any) -> None:
        if self.parsed_action()[0] in BULK_ACTIONS and not field.data:
            raise ValidationError(str(msg.CHOOSE_STATEMENTS))

    def validate_code(self, field: Any) -> None:
        if self.parsed_action()[0] != "bulk_code":
            return
        if field.data not in {value for value, _ in field.choices}:
            raise ValidationError(str(msg.CHOOSE_CODE))

    def validate_theme(self, field: Any) -> None:
        if self.parsed_action()[0] != "bulk_theme":
            return
        if field.data not in {value for value, _ in field.choices} or not field.data:
            raise ValidationError(str(msg.CHOOSE_THEME))

    def validate_theme_title(self, field: Any) -> None:
        new_theme = self.parsed_action()[0] == "bulk_theme" and self.theme.data == NEW_THEME
        if new_theme and not field.data:
            raise ValidationError(str(msg.ENTER_THEME_TITLE))


class ThemeStatementForm(StripWhitespaceForm):
    """Buttons on a theme's page: `remove:<id>`, `quote:<id>`, `unquote:<id>`."""

    action = StringField(validators=[DataRequired(message=msg.UNKNOWN_ACTION), Length(max=100)])

    def parsed_action(self) -> tuple[str, str]:
        name, _, statement = (self.action.data or "").partition(":")
        return name, statement

    def validate_action(self, field: Any) -> None:  # noqa: ARG002  (WTForms' validate_<field>)
        name, statement = self.parsed_action()
        if name not in ("remove", "quote", "unquote") or not statement:
            raise ValidationError(str(msg.UNKNOWN_ACTION))


class ButtonForm(StripWhitespaceForm):
    """A form that is only a button: the CSRF token is all it carries."""


def theme_form_class(languages: list[str]) -> type[StripWhitespaceForm]:
    """A theme's title in each of the project's languages (the first is required) and its domain."""

    class ThemeForm(StripWhitespaceForm):
        domain = SelectField(_l("Levensdomein"), choices=[], validate_choice=False)

        def title_fields(self) -> list[Any]:
            return [self[f"title_{lang}"] for lang in languages]

        def titles(self) -> dict[str, str]:
            return {
                lang: self[f"title_{lang}"].data for lang in languages if self[f"title_{lang}"].data
            }

    for index, lang in enumerate(languages):
        validators: list[Any] = [Length(max=200, message=msg.THEME_TITLE_TOO_LONG)]
        if index == 0:
            validators.insert(0, DataRequired(message=msg.THEME_TITLE_NEEDED))
        label = _l("Titel (%(language)s)", language=LANGUAGE_NAMES.get(lang, lang))
        setattr(ThemeForm, f"title_{lang}", StringField(label, validators=validators))
    return ThemeForm
