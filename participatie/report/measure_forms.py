"""The form that starts a resultaatsmeting."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from participatie.forms import StripWhitespaceForm
from participatie.i18n import SOURCE_LOCALE
from participatie.models import Decision, Project
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


def measure_form(project: Project, decisions: list[Decision]) -> MeasureForm:
    form = MeasureForm()
    form.decision.choices = [("", str(_l("Bij geen enkele beslissing")))] + [
        (
            decision.public_id,
            f"{decision.theme.title.get(SOURCE_LOCALE) or next(iter(decision.theme.title.values()), '')}"
            f" ({OUTCOME_LABELS[decision.outcome]})",
        )
        for decision in decisions
    ]
    return form
