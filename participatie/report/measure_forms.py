"""The form that starts a resultaatsmeting."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from participatie.forms import StripWhitespaceForm
from participatie.i18n import SOURCE_LOCALE
from participatie.models import Decision, Goal
from participatie.report.labels import OUTCOME_LABELS


class MeasureForm(StripWhitespaceForm):
    subject = StringField(
        _l("Over welke actie of activiteit gaat het?"),
        validators=[
            DataRequired(
                message=_l("Schrijf waarover de vragen gaan, bijvoorbeeld: de huiswerkklas.")
            ),
            Length(max=120),
        ],
    )
    decision = SelectField(_l("Bij welke beslissing hoort ze?"), choices=[], validate_choice=True)
    goal = SelectField(
        _l("Bij welk doel of welke actie hoort ze?"), choices=[], validate_choice=True
    )


def _title(texts: dict[str, str]) -> str:
    return texts.get(SOURCE_LOCALE) or next(iter(texts.values()), "")


def measure_form(decisions: list[Decision], goals: list[Goal]) -> MeasureForm:
    form = MeasureForm()
    form.decision.choices = [("", str(_l("Bij geen enkele beslissing")))] + [
        (
            decision.public_id,
            f"{decision.theme.title.get(SOURCE_LOCALE) or next(iter(decision.theme.title.values()), '')}"
            f" ({OUTCOME_LABELS[decision.outcome]})",
        )
        for decision in decisions
    ]
    form.goal.choices = [("", str(_l("Bij geen enkel doel of actie")))]
    for goal in goals:
        form.goal.choices.append(
            (f"goal:{goal.public_id}", str(_l("Doel: %(title)s", title=_title(goal.title))))
        )
        form.goal.choices += [
            (f"action:{action.public_id}", str(_l("Actie: %(title)s", title=_title(action.title))))
            for action in goal.actions
        ]
    return form
