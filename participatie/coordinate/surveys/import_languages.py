"""The import page's second step: a code for each language an XLSForm names without one.

The uploaded file travels along in the page (base64, in a hidden field) so the coordinator does
not upload it again and the server keeps nothing between the two steps. Werkzeug reads at most
500 kB of form fields, so a very large form is not carried over: the page then says how to put
the code in the file itself. Every step runs the same checks as a first upload.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, HiddenField, SelectField
from wtforms.validators import DataRequired

from participatie.i18n import LANGUAGE_NAMES
from participatie.surveys import xlsform_messages as m

if TYPE_CHECKING:
    from participatie.coordinate.surveys.services import ImportOutcome
    from participatie.models import Project

# Base64 of the file, well below Werkzeug's 500 kB for all form fields together.
MAX_KEPT = 400_000
CHOOSE_LANGUAGE = _l("Kies de taal van deze kolommen.")


def language_choices() -> list[tuple[str, str]]:
    """Our 13 languages first, then every other language Babel names, in the page's language."""
    names = Locale.parse(str(get_locale() or "nl")).languages
    ours = [(code, f"{LANGUAGE_NAMES[code]} ({code})") for code in LANGUAGE_NAMES]
    others = sorted(
        ((code, f"{name} ({code})") for code, name in names.items() if len(code) in {2, 3}),
        key=lambda choice: choice[1].lower(),
    )
    return [
        ("", str(_l("Kies een taal"))),
        *ours,
        *(c for c in others if c[0] not in LANGUAGE_NAMES),
    ]


class _LanguageRow(FlaskForm):
    class Meta:
        csrf = False

    name = HiddenField()
    code = SelectField(_l("Taal"), validators=[DataRequired(CHOOSE_LANGUAGE)], validate_choice=True)


class ImportLanguagesForm(FlaskForm):
    kept = HiddenField()
    filename = HiddenField()
    code = HiddenField()
    languages = FieldList(FormField(_LanguageRow))


def languages_form(formdata: Any = None, **data: Any) -> ImportLanguagesForm:
    form = ImportLanguagesForm(formdata=formdata, data=data or None)
    choices = language_choices()
    for row in form.languages.entries:
        row.form.code.choices = choices
        row.form.code.label.text = str(
            _l("Welke taal is %(language)s?", language=row.form.name.data)
        )
    return form


def keep(data: bytes) -> str | None:
    """The file as text for the page, or None when it is too large to carry."""
    kept = base64.b64encode(data).decode("ascii")
    return kept if len(kept) <= MAX_KEPT else None


def kept_file(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True) if text else None
    except (binascii.Error, UnicodeEncodeError):
        return None


def chosen(form: ImportLanguagesForm) -> dict[str, str]:
    return {row.form.name.data: row.form.code.data for row in form.languages.entries}


@dataclass
class NextStep:
    form: ImportLanguagesForm | None = None
    problems: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Upload:
    data: bytes | None = None
    filename: str | None = ""
    code: str | None = ""

    def import_into(self, project: Project, languages: dict[str, str]) -> ImportOutcome:
        from participatie.coordinate.surveys.services import import_xlsform

        return import_xlsform(
            project, self.data or b"", self.filename or "", self.code or "", "web", languages
        )

    def next_step(self, outcome: ImportOutcome | None, refused: bool) -> NextStep:
        """The language question when only language names stand in the way; else each unknown
        name as a problem (the form is refused anyway, or too large to carry along)."""
        unknown = outcome.unknown_languages if outcome else []
        kept = keep(self.data or b"") if unknown and not refused else None
        if kept is not None:
            rows = [{"name": name, "code": ""} for name in unknown]
            return NextStep(
                languages_form(kept=kept, filename=self.filename, code=self.code, languages=rows)
            )
        return NextStep(
            problems=[
                ("file", str(m.UNKNOWN_LANGUAGE % {"sheet": "survey", "language": name}))
                for name in unknown
            ]
        )
