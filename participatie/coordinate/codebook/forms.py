"""Forms of the codebook pages: labels per language, sub-codes, switching off, merging."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from participatie.coordinate.review import messages as msg
from participatie.forms import StripWhitespaceForm
from participatie.i18n import LANGUAGE_NAMES, SUPPORTED_LOCALES

MAX_LABEL = 120
MAX_SCOPE = 2000


def code_form_class() -> type[StripWhitespaceForm]:
    """A code's label in every UI language (empty = the default translation) and its scope note."""

    class CodeForm(StripWhitespaceForm):
        scope_note = TextAreaField(
            _l("Wat valt onder deze code"),
            validators=[Length(max=MAX_SCOPE, message=msg.SCOPE_TOO_LONG)],
        )

        def label_fields(self) -> list[Any]:
            return [self[f"label_{lang}"] for lang in SUPPORTED_LOCALES]

        def labels(self) -> dict[str, str]:
            return {lang: self[f"label_{lang}"].data or "" for lang in SUPPORTED_LOCALES}

    for lang in SUPPORTED_LOCALES:
        field = StringField(
            _l("Label (%(language)s)", language=LANGUAGE_NAMES[lang]),
            validators=[Length(max=MAX_LABEL, message=msg.LABEL_TOO_LONG)],
        )
        setattr(CodeForm, f"label_{lang}", field)
    return CodeForm


class SubcodeForm(StripWhitespaceForm):
    sub_label = StringField(
        _l("Naam van de subcode"),
        validators=[
            DataRequired(message=msg.SUBCODE_LABEL_NEEDED),
            Length(max=MAX_LABEL, message=msg.LABEL_TOO_LONG),
        ],
    )
    sub_scope_note = TextAreaField(
        _l("Wat valt onder de subcode"),
        validators=[Length(max=MAX_SCOPE, message=msg.SCOPE_TOO_LONG)],
    )


class MergeForm(StripWhitespaceForm):
    target = SelectField(_l("Samenvoegen met"), choices=[], validate_choice=False)

    def validate_target(self, field: Any) -> None:
        if not field.data or field.data not in {value for value, _ in field.choices}:
            raise ValidationError(str(msg.CHOOSE_MERGE_TARGET))
