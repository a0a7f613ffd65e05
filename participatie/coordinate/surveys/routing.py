"""The "Wanneer tonen?" page: routing picked from earlier questions, no typing needed.

Each row is (question, operator, answer or number). Without JavaScript the answer list shows the
options of every earlier question, grouped per question; the server checks that the answer
belongs to the chosen question. builder.js narrows the lists as you choose.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from participatie.coordinate.surveys import messages as msg
from participatie.coordinate.surveys.forms import RoutingForm
from participatie.models import Question, Survey
from participatie.surveys.conditions import (
    NUMERIC_ONLY,
    VALUE_FREE,
    Condition,
    conditions_expression,
    conditions_from_expression,
    expression_problem,
    number_literal,
)
from participatie.surveys.kinds import CHOICE_KINDS, NUMBER_KINDS, question_kind
from participatie.surveys.question_types import question_type
from participatie.surveys.snapshot import current_questions

OPERATOR_LABELS = {
    "eq": _l("is"),
    "ne": _l("is niet"),
    "gt": _l("is meer dan"),
    "ge": _l("is minstens"),
    "lt": _l("is minder dan"),
    "le": _l("is hoogstens"),
    "answered": _l("is beantwoord"),
    "unanswered": _l("is niet beantwoord"),
}
# The overview says each condition as a whole sentence.
CONDITION_SENTENCES = {
    "eq": _l("„%(question)s” is „%(value)s”"),
    "ne": _l("„%(question)s” is niet „%(value)s”"),
    "gt": _l("„%(question)s” is meer dan %(value)s"),
    "ge": _l("„%(question)s” is minstens %(value)s"),
    "lt": _l("„%(question)s” is minder dan %(value)s"),
    "le": _l("„%(question)s” is hoogstens %(value)s"),
    "answered": _l("„%(question)s” is beantwoord"),
    "unanswered": _l("„%(question)s” is niet beantwoord"),
}
EXTRA_ROWS = 2
Errors = list[tuple[str, str]]


def earlier_questions(survey: Survey, question: Question) -> list[Question]:
    """Questions asked before this one that have an answer to test (notes have none)."""
    ordered = current_questions(survey)
    return [q for q in ordered[: ordered.index(question)] if question_type(str(q.type)).answerable]


def label_of(question: Question) -> str:
    return question.label.get("nl") or question.name


def setup(form: RoutingForm, earlier: list[Question]) -> None:
    blank = SelectChoice("", "—")
    questions = [blank] + [SelectChoice(q.name, label_of(q)) for q in earlier]
    operators = [blank] + [SelectChoice(k, str(v)) for k, v in OPERATOR_LABELS.items()]
    # One list of every earlier question's answers, grouped per question.
    options = [blank] + [
        SelectChoice(f"{q.name}={o.name}", o.label.get("nl") or o.name, optgroup=label_of(q))
        for q in earlier
        for o in q.options
    ]
    for row in form.conditions:
        row.question.choices = questions
        row.operator.choices = operators
        row.option.choices = options


def prefill(form: RoutingForm, question: Question) -> None:
    """Show the current routing in the pickers (when they can express it) and in the box."""
    form.advanced.data = question.relevant
    parsed = conditions_from_expression(question.relevant)
    conditions, join = parsed if parsed else ([], "and")
    form.join.data = join
    while len(form.conditions) < len(conditions) + EXTRA_ROWS:
        form.conditions.append_entry()
    for row, condition in zip(form.conditions, conditions, strict=False):
        row.question.data = condition.question
        row.operator.data = condition.operator
        row.option.data = f"{condition.question}={condition.value}"
        row.number.data = condition.value


def _row_condition(
    row: object, index: int, by_name: dict[str, Question], errors: Errors
) -> Condition | None:
    name = row.question.data or ""  # type: ignore[attr-defined]
    operator = row.operator.data or ""  # type: ignore[attr-defined]
    prefix = f"conditions-{index}"
    if not name:
        return None
    question = by_name.get(name)
    if question is None:
        errors.append((f"{prefix}-question", str(msg.ROUTE_QUESTION)))
        return None
    kind = question_kind(question)
    if not operator or (operator in NUMERIC_ONLY and kind not in NUMBER_KINDS):
        errors.append((f"{prefix}-operator", str(msg.ROUTE_OPERATOR)))
        return None
    if operator in VALUE_FREE:
        return Condition(name, operator)
    if kind in CHOICE_KINDS:
        chosen_question, _, option = (row.option.data or "").partition("=")  # type: ignore[attr-defined]
        if chosen_question != name or option not in {o.name for o in question.options}:
            errors.append((f"{prefix}-option", str(msg.ROUTE_OPTION)))
            return None
        return Condition(name, operator, option)
    if kind in NUMBER_KINDS:
        number = number_literal(row.number.data or "")  # type: ignore[attr-defined]
        if number is None:
            errors.append((f"{prefix}-number", str(msg.ROUTE_NUMBER)))
            return None
        return Condition(name, operator, number)
    errors.append((f"{prefix}-operator", str(msg.ROUTE_OPERATOR)))
    return None


def chosen_expression(
    form: RoutingForm, button: str, earlier: list[Question]
) -> tuple[str, Errors]:
    """The expression the pressed button asks for: none ("Altijd tonen"), the typed one, or
    the one the pickers make."""
    if button == "clear":
        return "", []
    if button == "advanced":
        expression = (form.advanced.data or "").strip()
        if not expression:
            return "", [("advanced", str(msg.ROUTE_EXPRESSION))]
        calculations = [c["name"] for q in earlier[:1] for c in q.survey.calculations or []]
        problem = expression_problem(expression, [*calculations, *(q.name for q in earlier)])
        return expression, [("advanced", problem)] if problem else []
    return expression_from_rows(form, earlier)


def expression_from_rows(form: RoutingForm, earlier: list[Question]) -> tuple[str, Errors]:
    by_name = {q.name: q for q in earlier}
    errors: Errors = []
    conditions = [
        condition
        for index, row in enumerate(form.conditions)
        if (condition := _row_condition(row, index, by_name, errors)) is not None
    ]
    if not conditions and not errors:
        errors.append(("conditions-0-question", str(msg.ROUTE_EMPTY)))
    types = {q.name: str(q.type) for q in earlier}
    return conditions_expression(conditions, form.join.data or "and", types), errors


@dataclass(frozen=True)
class RoutingSummary:
    """The routing in words for the overview; `raw` when the pickers cannot express it."""

    join: str
    sentences: tuple[str, ...] = ()
    raw: str = ""


def summary(question: Question, survey: Survey) -> RoutingSummary | None:
    if not question.relevant:
        return None
    parsed = conditions_from_expression(question.relevant)
    by_name = {q.name: q for q in survey.questions}
    if parsed is None or any(c.question not in by_name for c in parsed[0]):
        return RoutingSummary("and", raw=question.relevant)
    sentences = []
    for condition in parsed[0]:
        subject = by_name[condition.question]
        option = next((o for o in subject.options if o.name == condition.value), None)
        value = (option.label.get("nl") or option.name) if option else condition.value
        sentence = CONDITION_SENTENCES[condition.operator] % {
            "question": label_of(subject),
            "value": value,
        }
        sentences.append(str(sentence))
    return RoutingSummary(parsed[1], tuple(sentences))


def kinds_by_name(earlier: list[Question]) -> dict[str, str]:
    """For builder.js: which earlier questions route by option, which by number."""
    groups = {}
    for question in earlier:
        kind = question_kind(question)
        groups[question.name] = (
            "choice" if kind in CHOICE_KINDS else "number" if kind in NUMBER_KINDS else ""
        )
    return groups
