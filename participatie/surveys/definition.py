"""Published surveys as immutable, in-process cached definitions.

The participant hot path reads these instead of the ORM: one small query checks the survey's
revision, and only an edited survey is loaded again (DESIGN.md §7 measured 0.21 → 0.56 of bare
Flask's throughput for this change). Each worker keeps its own cache, keyed by revision, so
several workers or servers never serve a stale survey for longer than one request.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from participatie.extensions import db
from participatie.models import Option, Project, Question, Survey
from participatie.surveys import relevance
from participatie.surveys.offered import offered_languages
from participatie.surveys.question_types import QuestionType, question_type


@dataclass(frozen=True)
class OptionDef:
    name: str
    label: dict[str, str]
    pictogram: str
    filters: dict[str, str] = field(default_factory=dict)  # columns a choice_filter reads


@dataclass(frozen=True)
class QuestionDef:
    id: int
    name: str
    type: str
    appearance: str
    label: dict[str, str]
    hint: dict[str, str]
    required: bool
    relevant: str
    pictogram: str
    minimum: float | None
    maximum: float | None
    is_group_question: bool
    options: tuple[OptionDef, ...]
    audio: dict[str, str] = field(default_factory=dict)  # language → audio public id
    choice_filter: str = ""
    pattern: str = ""  # a regex() constraint (surveys/patterns.py)
    constraint_message: dict[str, str] = field(default_factory=dict)
    # The survey's calculations (name → expression), which relevance and labels may use.
    calculations: Mapping[str, str] = field(default_factory=dict, compare=False)
    offer_decline: bool = False
    low_label: dict[str, str] = field(default_factory=dict)
    high_label: dict[str, str] = field(default_factory=dict)

    @property
    def answer_type(self) -> QuestionType:
        """Its type from the registry: UnknownQuestionType for a name no type owns."""
        return question_type(self.type)

    @property
    def declinable(self) -> bool:
        """ "Ik wil dit niet zeggen" is offered: the coordinator asked for it, and only an optional
        question can be declined (the builder and the XLSForm import keep it so; an older
        definition might not, hence the check here)."""
        return self.offer_decline and not self.required

    @property
    def is_choice(self) -> bool:
        return self.answer_type.is_choice

    @property
    def answerable(self) -> bool:
        return self.answer_type.answerable

    @property
    def option_names(self) -> frozenset[str]:
        return frozenset(option.name for option in self.options)

    def is_relevant(self, answers: dict[str, Any]) -> bool:
        return relevance.is_relevant(self.relevant, answers, self.calculations)

    def visible_options(self, answers: dict[str, Any]) -> tuple[OptionDef, ...]:
        """The options a participant sees: all, or those its choice_filter keeps."""
        if not self.choice_filter:
            return self.options
        return tuple(
            option
            for option in self.options
            if relevance.choice_passes(
                self.choice_filter,
                answers,
                {"name": option.name, **option.filters},
                self.calculations,
            )
        )

    def piped(self, texts: dict[str, str], answers: dict[str, Any]) -> dict[str, str]:
        """Texts with each ${name} replaced by that answer or calculation (XLSForm piping)."""
        return {
            language: _PIPED.sub(
                lambda found: relevance.calculate(found.group(0), answers, self.calculations),
                text,
            )
            for language, text in texts.items()
        }


_PIPED = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9._-]*\}")


@dataclass(frozen=True)
class SurveyDef:
    id: int
    code: str
    revision: int
    version: int
    status: str
    title: dict[str, str]
    intro: dict[str, str]
    thanks: dict[str, str]
    default_language: str
    languages: tuple[str, ...]  # offered: complete participant texts only, Dutch first
    consent_version: int
    estimated_minutes: int
    project_id: int
    project_name: str
    project_slug: str
    questions: tuple[QuestionDef, ...]
    calculations: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @cached_property
    def question_names(self) -> dict[int, str]:
        """Question id → name, for answers read from the database."""
        return {question.id: question.name for question in self.questions}

    def question(self, name: str) -> QuestionDef | None:
        for question in self.questions:
            if question.name == name:
                return question
        return None

    def relevant_questions(self, answers: dict[str, Any]) -> list[QuestionDef]:
        """The questions this participant sees, in order, given their answers so far."""
        return [q for q in self.questions if q.is_relevant(answers)]

    def pictograms(self) -> set[str]:
        names = {q.pictogram for q in self.questions}
        names |= {o.pictogram for q in self.questions for o in q.options}
        return {name for name in names if name}


def _question_def(question: Question, calculations: Mapping[str, str]) -> QuestionDef:
    return QuestionDef(
        id=question.id,
        name=question.name,
        type=str(question.type),
        appearance=str(question.appearance),
        label=dict(question.label),
        hint=dict(question.hint),
        required=question.required,
        relevant=question.relevant,
        pictogram=question.pictogram,
        minimum=question.minimum,
        maximum=question.maximum,
        is_group_question=question.is_group_question,
        options=tuple(_option_def(option) for option in question.options),
        audio={audio.language: audio.public_id for audio in question.audio},
        choice_filter=question.choice_filter,
        pattern=question.pattern,
        constraint_message=dict(question.constraint_message),
        calculations=calculations,
        offer_decline=question.offer_decline,
        low_label=dict(question.low_label or {}),
        high_label=dict(question.high_label or {}),
    )


def _option_def(option: Option) -> OptionDef:
    return OptionDef(
        name=option.name,
        label=dict(option.label),
        pictogram=option.pictogram,
        filters=dict(option.filters),
    )


def build_definition(survey: Survey, project: Project) -> SurveyDef:
    current = [q for q in survey.questions if q.until_version is None]
    # Offered only where every participant text exists (offered.py), never Dutch under
    # translated buttons.
    languages = offered_languages(survey, current, project.languages or [])
    calculations = {c["name"]: c["calculation"] for c in survey.calculations or []}
    return SurveyDef(
        id=survey.id,
        code=survey.code,
        revision=survey.revision,
        version=survey.version,
        status=str(survey.status),
        title=dict(survey.title),
        intro=dict(survey.intro),
        thanks=dict(survey.thanks),
        default_language=survey.default_language,
        languages=languages,
        consent_version=survey.consent_version,
        estimated_minutes=survey.estimated_minutes,
        project_id=project.id,
        project_name=project.name,
        project_slug=project.slug,
        questions=tuple(_question_def(q, calculations) for q in current),
        calculations=calculations,
    )


_cache: dict[str, SurveyDef] = {}
_lock = threading.Lock()


def load_definition(code: str) -> SurveyDef | None:
    """The survey with this (normalised) code, from the cache when its revision is unchanged."""
    row = db.session.execute(
        select(Survey.id, Survey.revision, Survey.status).where(Survey.code == code)
    ).first()
    if row is None:
        return None
    return definition_at(code, row.id, row.revision, str(row.status))


def definition_at(code: str, survey_id: int, revision: int, status: str) -> SurveyDef:
    """The definition of this revision: cached, or loaded once when the survey changed.

    For callers that read the revision in a query of their own (journey.load_with_response)."""
    return cached_definition(code, survey_id, revision, status) or _load(code, survey_id)


def cached_definition(code: str, survey_id: int, revision: int, status: str) -> SurveyDef | None:
    """The definition of this revision when it is in the cache, else None: for the participant
    pages' fast path (participate/fast_path.py), which leaves loading to the normal path."""
    cached = _cache.get(code)
    if cached is None or (cached.id, cached.revision, cached.status) != (
        survey_id,
        revision,
        status,
    ):
        return None
    return cached


def _load(code: str, survey_id: int) -> SurveyDef:
    survey = db.session.scalar(
        select(Survey)
        .where(Survey.id == survey_id)
        .options(
            selectinload(Survey.questions).selectinload(Question.options),
            selectinload(Survey.questions).selectinload(Question.audio),
            selectinload(Survey.project),
        )
    )
    assert survey is not None
    definition = build_definition(survey, survey.project)
    with _lock:
        _cache[code] = definition
    return definition
