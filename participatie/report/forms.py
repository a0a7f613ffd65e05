"""Forms of the stuurgroep: a decision per theme, an action per decision, a confirmed delete.

Texts the public page shows (a decision's motivation, an action's title) are asked in every
language of the project; only the project's first language is needed, the page falls back to it.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from participatie.forms import StripWhitespaceForm
from participatie.i18n import LANGUAGE_NAMES, html_lang, text_direction
from participatie.models import Action, Decision, Project
from participatie.report import messages
from participatie.report.decisions import NEEDS_MOTIVATION
from participatie.report.labels import ACTION_STATUS_LABELS, OUTCOME_LABELS


def _language_fields(form: type, prefix: str, project: Project, label: Any, area: bool) -> None:
    for index, lang in enumerate(project.languages):
        field_type = TextAreaField if area else StringField
        validators: list[Any] = [Length(max=2000)]
        if index == 0 and not area:
            validators.insert(0, DataRequired(message=messages.ENTER_ACTION_TITLE))
        setattr(
            form,
            f"{prefix}_{lang}",
            field_type(
                _l("%(what)s (%(language)s)", what=label, language=LANGUAGE_NAMES.get(lang, lang)),
                validators=validators,
                # Typed in that language: Arabic runs right to left in its own box.
                render_kw={"lang": html_lang(lang), "dir": text_direction(lang)},
            ),
        )


class DecisionForm(StripWhitespaceForm):
    outcome = RadioField(
        _l("Wat besliste de stuurgroep?"),
        choices=[SelectChoice(value.value, label) for value, label in OUTCOME_LABELS.items()],
        validators=[InputRequired(message=messages.CHOOSE_OUTCOME)],
    )
    # Indirect participation: does the decision follow what the oudergroep proposed?
    follows_oudergroep = RadioField(
        _l("Volgt de stuurgroep het voorstel van de oudergroep?"),
        choices=[
            SelectChoice("", _l("De oudergroep deed hierover geen voorstel.")),
            SelectChoice("ja", _l("Ja, de beslissing volgt het voorstel van de oudergroep.")),
            SelectChoice(
                "nee", _l("Nee, de beslissing wijkt af van het voorstel van de oudergroep.")
            ),
        ],
        default="",
        validate_choice=True,
    )

    project: Project

    def follows(self) -> bool | None:
        return {"ja": True, "nee": False}.get(self.follows_oudergroep.data or "")

    def validate(self, extra_validators: Any = None) -> bool:
        valid: bool = super().validate(extra_validators)
        first = getattr(self, f"motivation_{self.project.languages[0]}")
        if self.outcome.data in NEEDS_MOTIVATION and not first.data:
            first.errors = [*first.errors, str(messages.ENTER_MOTIVATION)]
            return False
        return valid

    def motivation(self) -> dict[str, str]:
        return {
            lang: getattr(self, f"motivation_{lang}").data or "" for lang in self.project.languages
        }

    def motivation_fields(self) -> list[Any]:
        return [getattr(self, f"motivation_{lang}") for lang in self.project.languages]


def decision_form(project: Project, decision: Decision | None = None) -> DecisionForm:
    class ProjectDecisionForm(DecisionForm):
        pass

    _language_fields(ProjectDecisionForm, "motivation", project, _l("Waarom"), area=True)
    data: dict[str, Any] = {}
    if decision is not None:
        data["outcome"] = decision.outcome.value
        follows = decision.follows_oudergroep
        data["follows_oudergroep"] = "" if follows is None else "ja" if follows else "nee"
        data.update({f"motivation_{k}": v for k, v in decision.motivation.items()})
    form = ProjectDecisionForm(data=data)
    form.project = project
    return form


class ActionForm(StripWhitespaceForm):
    owner = StringField(
        _l("Wie doet het?"),
        validators=[DataRequired(message=messages.ENTER_OWNER), Length(max=200)],
    )
    due_on = DateField(
        _l("Tegen wanneer?"),
        validators=[Optional()],
        format="%Y-%m-%d",
    )
    output_indicator = TextAreaField(
        _l("Wat is er klaar als het gedaan is? (output)"), validators=[Length(max=2000)]
    )
    outcome_indicator = TextAreaField(
        _l("Wat verandert er dan voor gezinnen? (effect)"), validators=[Length(max=2000)]
    )
    status = SelectField(
        _l("Stand van zaken"),
        choices=[SelectChoice(value.value, label) for value, label in ACTION_STATUS_LABELS.items()],
    )
    progress = IntegerField(
        _l("Hoe ver staat het, in procent?"),
        default=0,
        validators=[
            InputRequired(message=messages.ENTER_PROGRESS),
            NumberRange(min=0, max=100, message=messages.ENTER_PROGRESS),
        ],
    )

    project: Project

    def title(self) -> dict[str, str]:
        return {lang: getattr(self, f"title_{lang}").data or "" for lang in self.project.languages}

    def title_fields(self) -> list[Any]:
        return [getattr(self, f"title_{lang}") for lang in self.project.languages]

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title(),
            "owner": self.owner.data,
            "due_on": self.due_on.data,
            "output_indicator": self.output_indicator.data or "",
            "outcome_indicator": self.outcome_indicator.data or "",
            "status": self.status.data,
            "progress": self.progress.data,
        }


def action_form(project: Project, action: Action | None = None) -> ActionForm:
    class ProjectActionForm(ActionForm):
        pass

    _language_fields(ProjectActionForm, "title", project, _l("Wat gaan we doen"), area=False)
    data: dict[str, Any] = {}
    if action is not None:
        data.update({f"title_{k}": v for k, v in action.title.items()})
        data.update(
            owner=action.owner,
            due_on=action.due_on,
            output_indicator=action.output_indicator,
            outcome_indicator=action.outcome_indicator,
            status=action.status.value,
            progress=action.progress,
        )
    form = ProjectActionForm(data=data)
    form.project = project
    return form


class ConfirmForm(StripWhitespaceForm):
    """A delete is posted from its own confirmation page."""
