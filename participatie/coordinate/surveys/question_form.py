"""The question form ↔ a question: filling it, its pickers, and reading it into QuestionInput."""

from __future__ import annotations

from flask_babel import gettext as _

from participatie.coordinate.surveys.editing import OptionInput, QuestionInput
from participatie.coordinate.surveys.forms import QuestionForm
from participatie.coordinate.surveys.views import pictogram_choices
from participatie.models import Question
from participatie.surveys.kinds import Kind, question_kind

BLANK_ROWS = 2


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def fill(form_class: type[QuestionForm], question: Question) -> QuestionForm:
    kind = question_kind(question)
    options = [
        {
            "label": option.label.get("nl", ""),
            "name": option.name,
            "pictogram": option.pictogram,
            "position": index + 1,
        }
        for index, option in enumerate(question.options)
    ]
    # Blank rows on every kind: switching to a choice question and typing its answers is one save.
    options += [{} for _row in range(BLANK_ROWS)]
    return form_class(
        data={
            "label": question.label.get("nl", ""),
            "hint": question.hint.get("nl", ""),
            "kind": kind.value,
            "required": question.required,
            "offer_decline": question.offer_decline,
            "low_label": (question.low_label or {}).get("nl", ""),
            "high_label": (question.high_label or {}).get("nl", ""),
            "pictogram": question.pictogram,
            "minimum": _number_text(question.minimum),
            "maximum": _number_text(question.maximum),
            "is_group_question": question.is_group_question,
            "name": question.name,
            "options": options,
        }
    )


def setup(form: QuestionForm) -> None:
    form.pictogram.choices = pictogram_choices(_("Geen prentje"))
    for row in form.options:
        row.form.pictogram.choices = pictogram_choices(_("Geen prentje"))


def add_rows(form: QuestionForm, count: int = 3) -> None:
    """ "Meer rijen voor antwoorden": more empty rows, and everything typed stays."""
    for _row in range(count):
        form.options.append_entry()
    setup(form)


def question_input(form: QuestionForm) -> QuestionInput:
    rows = [row.form for row in form.options]
    # Rows keep their order unless a "Plaats" number says otherwise.
    ordered = sorted(
        (row for row in rows if not row.is_blank),
        key=lambda row: row.position.data if row.position.data is not None else 10_000,
    )
    options = [
        OptionInput(
            name=row.name.data or "",
            label=row.label.data or "",
            pictogram=row.pictogram.data or "",
            remove=bool(row.remove.data),
            field_id=row.label.id.rsplit("-", 1)[0],
        )
        for row in ordered
    ]
    return QuestionInput(
        name=form.name.data or "",
        kind=Kind(form.kind.data),
        label=form.label.data or "",
        hint=form.hint.data or "",
        required=bool(form.required.data),
        pictogram=form.pictogram.data or "",
        minimum=form.minimum.number,
        maximum=form.maximum.number,
        is_group_question=bool(form.is_group_question.data),
        options=options,
        offer_decline=bool(form.offer_decline.data),
        low_label=form.low_label.data or "",
        high_label=form.high_label.data or "",
    )
