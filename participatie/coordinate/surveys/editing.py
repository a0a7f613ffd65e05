"""Adding, changing, moving, copying and removing questions without ever touching answers.

Once people answered a question: its name and the names of chosen options stay, its kind may
only change into one that keeps the answers valid, and removing it takes it out of the current
version (`until_version`) instead of deleting it. The builder says so in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from participatie.coordinate.surveys import messages as msg
from participatie.extensions import db
from participatie.models import Answer, Option, Question, Survey
from participatie.pictograms import PICTOGRAMS
from participatie.surveys.assemble import question_from_definition
from participatie.surveys.catalogue import agreement_options, domain_options
from participatie.surveys.conditions import references, rename_references
from participatie.surveys.kinds import (
    CHOICE_KINDS,
    NAME_PATTERN,
    NUMBER_KINDS,
    OPTION_NAME_PATTERN,
    SHAPES,
    Kind,
    keeps_answers,
    question_kind,
    slug_name,
    unique_name,
)
from participatie.surveys.navigation import RESERVED_NAMES
from participatie.surveys.question_types import question_type
from participatie.surveys.snapshot import current_questions
from participatie.surveys.versions import record_change
from participatie.tagging.codebook import DOMAINS

Errors = list[tuple[str, str]]  # (field id, message)


def preset_options(kind: Kind) -> list[dict[str, Any]]:
    if kind == Kind.SCALE:
        return agreement_options()
    if kind == Kind.DOMAINS:
        return domain_options()
    return []


def answer_values(question: Question) -> list[Any]:
    return list(db.session.scalars(select(Answer.value).where(Answer.question_id == question.id)))


def is_answered(question: Question) -> bool:
    found = select(Answer.id).where(Answer.question_id == question.id).limit(1)
    return question.id is not None and db.session.scalar(found) is not None


def chosen_option_names(question: Question) -> set[str]:
    chosen: set[str] = set()
    for value in answer_values(question):
        if isinstance(value, list):
            chosen.update(str(v) for v in value)
        elif value is not None:
            chosen.add(str(value))
    return chosen


def _renumber(ordered: list[Question]) -> None:
    for position, question in enumerate(ordered):
        question.position = position


def add_question(survey: Survey, kind: Kind, label: str) -> Question:
    record_change(survey, structural=True)
    taken = [q.name for q in survey.questions]
    type_, appearance = SHAPES[kind]
    question = question_from_definition(
        {
            "name": unique_name(slug_name(label), taken),
            "type": type_.value,
            "appearance": appearance.value,
            "label": {"nl": label},
            "options": preset_options(kind),
        },
        position=len(current_questions(survey)),
    )
    question.since_version = survey.version
    survey.questions.append(question)
    db.session.flush()
    return question


@dataclass
class OptionInput:
    name: str
    label: str
    pictogram: str
    remove: bool = False
    field_id: str = ""


@dataclass
class QuestionInput:
    name: str
    kind: Kind
    label: str
    hint: str
    required: bool
    pictogram: str
    minimum: float | None
    maximum: float | None
    is_group_question: bool
    options: list[OptionInput] = field(default_factory=list)
    offer_decline: bool = False
    low_label: str = ""
    high_label: str = ""


def _check_name(survey: Survey, question: Question, data: QuestionInput, answered: bool) -> Errors:
    if data.name == question.name:
        return []
    if answered:
        return [("name", str(msg.NAME_ANSWERED))]
    if not NAME_PATTERN.match(data.name):
        return [("name", str(msg.NAME_FORMAT))]
    if data.name in RESERVED_NAMES:
        return [("name", str(msg.NAME_RESERVED))]
    if any(q.name == data.name for q in survey.questions if q is not question):
        return [("name", str(msg.NAME_TAKEN))]
    return []


def _check_options(question: Question, data: QuestionInput, answered: bool) -> Errors:
    errors: Errors = []
    kept = [option for option in data.options if not option.remove]
    if data.kind in CHOICE_KINDS and not kept:
        errors.append(("options", str(msg.NEED_OPTIONS)))
    names: set[str] = set()
    for option in kept:
        if not option.label:
            errors.append((f"{option.field_id}-label", str(msg.OPTION_LABEL)))
        option.name = option.name or unique_name(slug_name(option.label, "antwoord"), names)
        if not OPTION_NAME_PATTERN.match(option.name):
            errors.append((f"{option.field_id}-name", str(msg.OPTION_NAME)))
        elif option.name in names:
            errors.append((f"{option.field_id}-name", str(msg.OPTION_TWICE)))
        elif data.kind == Kind.DOMAINS and option.name not in DOMAINS:
            errors.append((f"{option.field_id}-name", str(msg.OPTION_DOMAIN)))
        if option.pictogram and option.pictogram not in PICTOGRAMS:
            errors.append((f"{option.field_id}-pictogram", str(msg.PICTOGRAM_UNKNOWN)))
        names.add(option.name)
    if answered:
        for name in sorted(chosen_option_names(question) - names):
            where = next((o.field_id for o in data.options if o.name == name), "options")
            errors.append(
                (f"{where}-name" if where != "options" else where, str(msg.OPTION_ANSWERED))
            )
    return errors


def check_question(survey: Survey, question: Question, data: QuestionInput) -> Errors:
    answered = is_answered(question)
    errors = _check_name(survey, question, data, answered)
    if answered and not keeps_answers(question_kind(question), data.kind):
        errors.append(("kind", str(msg.KIND_ANSWERED)))
    low, high = data.minimum, data.maximum
    if data.kind in NUMBER_KINDS and low is not None and high is not None and low >= high:
        errors.append(("minimum", str(msg.MIN_ABOVE_MAX)))
    if data.is_group_question and data.kind not in {Kind.CHOICE, Kind.SCALE}:
        errors.append(("is_group_question", str(msg.GROUP_ONE_ANSWER)))
    if data.pictogram and data.pictogram not in PICTOGRAMS:
        errors.append(("pictogram", str(msg.PICTOGRAM_UNKNOWN)))
    if data.kind in CHOICE_KINDS:
        errors.extend(_check_options(question, data, answered))
    return errors


def _options_shape(question: Question) -> list[str]:
    return [option.name for option in question.options]


def update_question(survey: Survey, question: Question, data: QuestionInput) -> tuple[Errors, bool]:
    """Applies the change when it is valid; returns (errors, started a new version)."""
    if not [o for o in data.options if not o.remove]:
        # A scale or a levensdomein picker without options gets the usual ones.
        data.options = [
            OptionInput(o["name"], o["label"]["nl"], o.get("pictogram", ""))
            for o in preset_options(data.kind)
        ]
    errors = check_question(survey, question, data)
    if errors:
        return errors, False
    type_, appearance = SHAPES[data.kind]
    # Limits the builder does not offer (a date's earliest and latest, from an import) stay.
    own_limits = type_ == question.type and not question_type(type_).limits_in_builder
    if own_limits:
        data.minimum, data.maximum = question.minimum, question.maximum
    kept = [o for o in data.options if not o.remove] if data.kind in CHOICE_KINDS else []
    structural = (
        data.name != question.name
        or type_ != question.type
        or appearance != question.appearance
        or data.required != question.required
        or data.minimum != question.minimum
        or data.maximum != question.maximum
        or data.is_group_question != question.is_group_question
        or [o.name for o in kept] != _options_shape(question)
    )
    new_version = record_change(survey, structural)
    if data.name != question.name:
        for other in survey.questions:
            other.relevant = rename_references(other.relevant, question.name, data.name)
        question.name = data.name
    question.type, question.appearance = type_, appearance
    question.label = {**question.label, "nl": data.label}
    question.hint = {**question.hint, "nl": data.hint}
    question.required = data.required
    # A refusal is only offered where skipping is allowed: a required question has neither.
    question.offer_decline = data.offer_decline and not data.required
    question.pictogram = data.pictogram
    numeric = data.kind in NUMBER_KINDS or own_limits
    scale = data.kind in NUMBER_KINDS
    question.low_label = _source_text(question.low_label, data.low_label if scale else "")
    question.high_label = _source_text(question.high_label, data.high_label if scale else "")
    question.minimum = data.minimum if numeric else None
    question.maximum = data.maximum if numeric else None
    if data.is_group_question:
        for other in survey.questions:
            other.is_group_question = False
    question.is_group_question = data.is_group_question
    _apply_options(question, kept)
    return [], new_version


def _source_text(texts: dict[str, str] | None, dutch: str) -> dict[str, str]:
    """The Dutch text set, translations kept; no Dutch text means no text in any language."""
    return {**(texts or {}), "nl": dutch} if dutch else {}


def _apply_options(question: Question, kept: list[OptionInput]) -> None:
    existing = {option.name: option for option in question.options}
    ordered: list[Option] = []
    for position, data in enumerate(kept):
        option = existing.pop(data.name, None) or Option(name=data.name, label={})
        option.position = position
        option.label = {**option.label, "nl": data.label}
        option.pictogram = data.pictogram
        ordered.append(option)
    # Only options nobody chose get here (checked above): deleting them loses nothing.
    question.options = ordered


def dependents(survey: Survey, question: Question) -> list[Question]:
    return [q for q in current_questions(survey) if question.name in references(q.relevant)]


def remove_question(survey: Survey, question: Question) -> tuple[str | None, bool]:
    """(why not, retired instead of deleted)."""
    used_by = dependents(survey, question)
    if used_by:
        names = ", ".join(f"'{q.label.get('nl') or q.name}'" for q in used_by)
        return str(msg.DELETE_USED % {"questions": names}), False
    record_change(survey, structural=True)
    retired = is_answered(question)
    if retired:
        question.until_version = survey.version
    else:
        survey.questions.remove(question)
    _renumber([q for q in current_questions(survey) if q is not question])
    return None, retired


def move_question(survey: Survey, question: Question, step: int) -> str | None:
    ordered = current_questions(survey)
    index = ordered.index(question)
    target = index + step
    if not 0 <= target < len(ordered):
        return None
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, later in enumerate(ordered):
        for earlier_name in references(later.relevant):
            if earlier_name not in {q.name for q in ordered[:position]}:
                earlier = next((q for q in ordered if q.name == earlier_name), None)
                return str(
                    msg.MOVE_BLOCKED
                    % {
                        "later": later.label.get("nl") or later.name,
                        "earlier": (earlier.label.get("nl") if earlier else None) or earlier_name,
                    }
                )
    record_change(survey, structural=True)
    _renumber(ordered)
    return None


def duplicate_question(survey: Survey, question: Question) -> Question:
    record_change(survey, structural=True)
    ordered = current_questions(survey)
    copy = Question(
        name=unique_name(question.name, [q.name for q in survey.questions]),
        type=question.type,
        appearance=question.appearance,
        label=dict(question.label),
        hint=dict(question.hint),
        required=question.required,
        relevant=question.relevant,
        pictogram=question.pictogram,
        minimum=question.minimum,
        maximum=question.maximum,
        choice_filter=question.choice_filter,
        pattern=question.pattern,
        constraint_message=dict(question.constraint_message),
        offer_decline=question.offer_decline,
        low_label=dict(question.low_label or {}),
        high_label=dict(question.high_label or {}),
        since_version=survey.version,
        options=[
            Option(
                name=o.name,
                label=dict(o.label),
                pictogram=o.pictogram,
                position=o.position,
                filters=dict(o.filters),
            )
            for o in question.options
        ],
    )
    survey.questions.append(copy)
    ordered.insert(ordered.index(question) + 1, copy)
    _renumber(ordered)
    db.session.flush()
    return copy


def set_relevant(survey: Survey, question: Question, expression: str) -> bool:
    """Routing decides what people are asked: a structural change. True when a new version."""
    if expression == question.relevant:
        return False
    new_version = record_change(survey, structural=True)
    question.relevant = expression
    return new_version
