"""Small helpers the builder's routes share: error lists and the context every page needs."""

from __future__ import annotations

from typing import Any

from wtforms import Field, FieldList, FormField
from wtforms.fields.choices import SelectChoice
from wtforms.form import BaseForm

from participatie.coordinate.surveys.routing import summary
from participatie.coordinate.surveys.services import response_count
from participatie.models import Project, Survey, SurveyStatus
from participatie.report.participants import survey_participants
from participatie.surveys.kinds import LABELS, PICTOGRAM_LABELS, kind_of
from participatie.surveys.versions import freeze_if_answered

Errors = list[tuple[str, str]]


def _field_errors(field: Field) -> Errors:
    if isinstance(field, FieldList):
        found: Errors = []
        for entry in field.entries:
            found.extend(_field_errors(entry))
        return found
    if isinstance(field, FormField):
        return [pair for sub in field.form for pair in _field_errors(sub)]
    # Lazy (translated) messages are strings to be; nested containers are handled above.
    return [
        (field.id, str(message))
        for message in field.errors
        if not isinstance(message, dict | list | tuple)
    ]


def form_errors(form: BaseForm) -> Errors:
    """(field id, message) for every error, nested option and condition rows included, so
    the error summary can link each message to its field."""
    first = next(iter(form), None)
    found: Errors = [(first.id if first else "", str(m)) for m in getattr(form, "form_errors", [])]
    for field in form:
        found.extend(_field_errors(field))
    return found


def attach_errors(form: BaseForm, errors: Errors) -> Errors:
    """Puts each (field id, message) from a service on its field, so it shows beside it;
    returns those that belong to no single field."""
    fields: dict[str, Field] = {}

    def collect(field: Field) -> None:
        if isinstance(field, FieldList):
            for entry in field.entries:
                collect(entry)
        elif isinstance(field, FormField):
            for sub in field.form:
                collect(sub)
        else:
            fields[field.id] = field

    for field in form:
        collect(field)
    left: Errors = []
    for field_id, message in errors:
        target = fields.get(field_id)
        if target is None:
            left.append((field_id, message))
        else:
            target.errors = [*target.errors, message]
    return left


def invalid(field: Field) -> dict[str, str]:
    """aria attributes for a field rendered by hand next to its error message."""
    if not field.errors:
        return {}
    return {"aria-invalid": "true", "aria-describedby": f"{field.id}-error"}


def pictogram_choices(empty_label: str) -> list[SelectChoice]:
    return [SelectChoice("", empty_label)] + [
        SelectChoice(name, str(label)) for name, label in PICTOGRAM_LABELS.items()
    ]


def survey_page_context(project: Project, survey: Survey) -> dict[str, Any]:
    return {
        "project": project,
        "survey": survey,
        "responses": response_count(survey),  # any response at all: the survey is in use
        "participants": survey_participants(survey),  # the figure every results page shows
        "frozen": freeze_if_answered(survey),
        "is_draft": survey.status == SurveyStatus.DRAFT,
        "other_languages": [lang for lang in project.languages if lang != "nl"],
        "kind_labels": LABELS,
        "kind_of": kind_of,
        "routing_summary": summary,
        "pictogram_labels": PICTOGRAM_LABELS,
        "invalid": invalid,
    }
