"""Forms of the follow-through pages. Texts the public page may show (goal, action and indicator
names) are asked in every language of the project; only the first language is needed.

Incomplete goals are not refused: only a title is needed, the rest makes a goal SMART later.
"""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
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

from participatie.follow import messages
from participatie.follow.indicators import parse_value
from participatie.follow.labels import ACTION_STATUS, INDICATOR_KIND, INDICATOR_UNIT, PROPOSED_BY
from participatie.forms import StripWhitespaceForm
from participatie.i18n import LANGUAGE_NAMES, html_lang, text_direction
from participatie.models import Indicator, IndicatorUnit, Project

# Pseudonyms as focus groups use them: P3, OG12 — letters then digits, never a name.
PSEUDONYM = re.compile(r"[A-Za-z]{1,3}[0-9]{1,3}")


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def split_pseudonyms(raw: str) -> tuple[list[str], list[str]]:
    """(valid pseudonyms in upper case, entries that are not pseudonyms)."""
    entries = [e.strip() for e in re.split(r"[,;\s]+", raw or "") if e.strip()]
    good = [e.upper() for e in entries if PSEUDONYM.fullmatch(e)]
    return list(dict.fromkeys(good)), [e for e in entries if not PSEUDONYM.fullmatch(e)]


class _Translated:
    """Fields `<prefix>_<lang>` for each project language, added per form instance's class."""

    project: Project

    def texts(self, prefix: str) -> dict[str, str]:
        return {
            lang: getattr(self, f"{prefix}_{lang}").data or "" for lang in self.project.languages
        }

    def text_fields(self, prefix: str) -> list[Any]:
        return [getattr(self, f"{prefix}_{lang}") for lang in self.project.languages]


def _language_fields(
    form: type, prefix: str, project: Project, label: Any, required_message: Any
) -> None:
    for index, lang in enumerate(project.languages):
        validators: list[Any] = [Length(max=300)]
        if index == 0:
            validators.insert(0, DataRequired(message=required_message))
        setattr(
            form,
            f"{prefix}_{lang}",
            StringField(
                _l("%(what)s (%(language)s)", what=label, language=LANGUAGE_NAMES.get(lang, lang)),
                validators=validators,
                render_kw={"lang": html_lang(lang), "dir": text_direction(lang)},
            ),
        )


def _with_texts(
    base: type, prefix: str, project: Project, label: Any, message: Any, data: dict[str, Any]
) -> Any:
    form_class = type(base.__name__, (base,), {})
    _language_fields(form_class, prefix, project, label, message)
    form = form_class(data=data)
    form.project = project
    return form


# --- Priorities -----------------------------------------------------------------------------------

PROPOSER_CHOICES = [SelectChoice("", _l("niemand"))] + [
    SelectChoice(value, label) for value, label in PROPOSED_BY.items()
]


class PrioritiesForm(StripWhitespaceForm):
    """Per domain: who proposed it and whether the stuurgroep chose it (fields added per key)."""

    keys: list[str]


def priorities_form(labels: dict[str, str], current: dict[str, tuple[str, bool]]) -> Any:
    form_class = type("ProjectPrioritiesForm", (PrioritiesForm,), {})
    data: dict[str, Any] = {}
    for key, label in labels.items():
        setattr(
            form_class,
            f"proposed_{key}",
            SelectField(
                _l("Voorgesteld door (%(domain)s)", domain=label),
                choices=PROPOSER_CHOICES,
                validate_choice=True,
            ),
        )
        setattr(
            form_class,
            f"chosen_{key}",
            BooleanField(_l("Prioritair: gekozen door de stuurgroep (%(domain)s)", domain=label)),
        )
        proposed, chosen = current.get(key, ("", False))
        data[f"proposed_{key}"] = proposed
        data[f"chosen_{key}"] = chosen
    form = form_class(data=data)
    form.keys = list(labels)
    return form


class ProposalForm(StripWhitespaceForm):
    proposed_on = DateField(
        _l("Datum van de bijeenkomst van de oudergroep"),
        validators=[InputRequired(message=messages.ENTER_DATE)],
        format="%Y-%m-%d",
    )
    domains = CheckboxesField(_l("Welke domeinen stelt de oudergroep voor?"))
    delegates = StringField(
        _l("Afgevaardigden in de stuurgroep (schuilnamen, zoals P3, P7)"),
        validators=[DataRequired(message=messages.ENTER_DELEGATE), Length(max=200)],
    )
    note = TextAreaField(_l("Wat zei de oudergroep erbij?"), validators=[Length(max=2000)])

    def validate_delegates(self, field: Any) -> None:
        _good, bad = split_pseudonyms(field.data)
        if bad:
            raise ValidationError(str(messages.PSEUDONYM_ONLY) % {"names": ", ".join(bad)})


# --- Werkgroepen ----------------------------------------------------------------------------------


class WorkgroupForm(StripWhitespaceForm):
    name = StringField(
        _l("Naam van de werkgroep"),
        validators=[DataRequired(message=messages.ENTER_WORKGROUP_NAME), Length(max=200)],
    )
    domain = SelectField(_l("Levensdomein"), default="", validate_choice=True)
    users = CheckboxesField(_l("Leden met een account"))
    pseudonyms = StringField(
        _l("Ouders in de werkgroep (alleen schuilnamen, zoals P3, P7)"),
        validators=[Length(max=300)],
    )
    themes = CheckboxesField(_l("Thema's waar de werkgroep aan werkt"))

    def validate_pseudonyms(self, field: Any) -> None:
        _good, bad = split_pseudonyms(field.data)
        if bad:
            raise ValidationError(str(messages.PSEUDONYM_ONLY) % {"names": ", ".join(bad)})


# --- Goals and actions ----------------------------------------------------------------------------


class GoalForm(_Translated, StripWhitespaceForm):
    description = TextAreaField(
        _l("Uitleg: wat willen jullie bereiken, voor wie?"), validators=[Length(max=4000)]
    )
    parent = SelectField(_l("Soort doelstelling"), default="", validate_choice=True)
    owner = StringField(_l("Wie is verantwoordelijk?"), validators=[Length(max=200)])
    deadline = DateField(_l("Tegen wanneer?"), validators=[Optional()], format="%Y-%m-%d")
    themes = CheckboxesField(_l("Op welke thema's antwoordt deze doelstelling?"))


def goal_form(project: Project, data: dict[str, Any]) -> Any:
    return _with_texts(
        GoalForm,
        "title",
        project,
        _l("Wat willen jullie bereiken"),
        messages.ENTER_GOAL_TITLE,
        data,
    )


class ActionForm(_Translated, StripWhitespaceForm):
    owner = StringField(_l("Wie doet het?"), validators=[Length(max=200)])
    partners = TextAreaField(_l("Met welke partners?"), validators=[Length(max=2000)])
    start_on = DateField(_l("Begindatum"), validators=[Optional()], format="%Y-%m-%d")
    due_on = DateField(_l("Tegen wanneer?"), validators=[Optional()], format="%Y-%m-%d")
    expected_result = TextAreaField(
        _l("Wat is het verwachte resultaat?"), validators=[Length(max=2000)]
    )
    status = SelectField(
        _l("Stand van zaken"),
        choices=[SelectChoice(value, label) for value, label in ACTION_STATUS.items()],
    )
    progress = IntegerField(
        _l("Hoe ver staat het, in procent?"),
        default=0,
        validators=[
            InputRequired(message=messages.ENTER_PROGRESS),
            NumberRange(min=0, max=100, message=messages.ENTER_PROGRESS),
        ],
    )


def action_form(project: Project, data: dict[str, Any]) -> Any:
    return _with_texts(
        ActionForm, "title", project, _l("Wat gaan jullie doen"), messages.ENTER_ACTION_TITLE, data
    )


# --- Indicators and measurements -------------------------------------------------------------------


class IndicatorForm(_Translated, StripWhitespaceForm):
    kind = RadioField(
        _l("Soort indicator"),
        choices=[SelectChoice(value, label) for value, label in INDICATOR_KIND.items()],
        default="output",
    )
    unit = RadioField(
        _l("Eenheid"),
        choices=[SelectChoice(value, label) for value, label in INDICATOR_UNIT.items()],
        default="number",
    )
    baseline_value = StringField(_l("Beginwaarde"), validators=[Length(max=30)])
    baseline_on = DateField(
        _l("Datum van de beginwaarde"), validators=[Optional()], format="%Y-%m-%d"
    )
    target_value = StringField(_l("Streefwaarde"), validators=[Length(max=30)])
    target_on = DateField(
        _l("Tegen wanneer moet de streefwaarde gehaald zijn?"),
        validators=[Optional()],
        format="%Y-%m-%d",
    )
    source_question = SelectField(
        _l("Gevoed door een vraag uit een vragenlijst (mag leeg)"),
        default="",
        validate_choice=True,
    )
    source_options = StringField(
        _l("Welke antwoorden tellen mee? (namen van de antwoorden, gescheiden door komma's)"),
        validators=[Length(max=300)],
    )

    def validate_baseline_value(self, field: Any) -> None:
        self._number(field)

    def validate_target_value(self, field: Any) -> None:
        self._number(field)

    def _number(self, field: Any) -> None:
        if field.data:
            parsed = parse_value(field.data, IndicatorUnit(self.unit.data or "number"))
            if parsed.error:
                raise ValidationError(parsed.error)

    def number(self, field: Any) -> float | None:
        if not field.data:
            return None
        return parse_value(field.data, IndicatorUnit(self.unit.data)).value

    def option_names(self) -> list[str]:
        return [n.strip() for n in (self.source_options.data or "").split(",") if n.strip()]


def indicator_form(project: Project, data: dict[str, Any]) -> Any:
    return _with_texts(
        IndicatorForm, "name", project, _l("Wat meten jullie"), messages.ENTER_INDICATOR_NAME, data
    )


class MeasurementForm(StripWhitespaceForm):
    measured_on = DateField(
        _l("Datum van de meting"),
        validators=[InputRequired(message=messages.ENTER_DATE)],
        format="%Y-%m-%d",
    )
    value = StringField(_l("Waarde"), validators=[Length(max=30)])
    source = StringField(_l("Bron (waar komt het cijfer vandaan?)"), validators=[Length(max=200)])
    note = TextAreaField(_l("Opmerking"), validators=[Length(max=2000)])

    indicator: Indicator

    def validate_value(self, field: Any) -> None:
        parsed = parse_value(field.data or "", self.indicator.unit)
        if parsed.error:
            raise ValidationError(parsed.error)

    def validate_measured_on(self, field: Any) -> None:
        baseline = self.indicator.baseline_on
        if field.data is not None and baseline is not None and field.data < baseline:
            raise ValidationError(str(messages.BEFORE_BASELINE) % {"date": baseline.isoformat()})

    def parsed_value(self) -> float:
        value = parse_value(self.value.data or "", self.indicator.unit).value
        assert value is not None  # validated
        return value
