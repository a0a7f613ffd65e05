"""Which languages a survey is offered in: only those in which every participant text exists.

DESIGN §2: never Dutch questions under translated buttons. A participant text is the welcome
(title, intro), every current question's label and hint, every option's label and the thanks.
A language counts as complete when each text that has a Dutch source also has a translation;
Dutch itself is always complete (it is the source). The same rule serves the welcome page, the
header's language menu on survey pages, the volunteer's language choice, the paper form, the
coordinator's publish panel and `participatie surveys publish`.

Works on the cached SurveyDef and on the ORM Survey alike (both have the same attributes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from participatie.i18n import SOURCE_LOCALE, SUPPORTED_LOCALES


@dataclass(frozen=True)
class MissingTexts:
    """The texts one language still lacks, counted by kind for the coordinator."""

    language: str
    welcome: int = 0  # title and intro
    questions: int = 0
    hints: int = 0
    options: int = 0
    thanks: int = 0

    @property
    def total(self) -> int:
        return self.welcome + self.questions + self.hints + self.options + self.thanks


def _filled(texts: dict[str, str] | None, language: str) -> bool:
    return bool((texts or {}).get(language, "").strip())


def _needed(texts: dict[str, str] | None) -> bool:
    return _filled(texts, SOURCE_LOCALE)


def _texts_by_kind(survey: Any, questions: Iterable[Any]) -> dict[str, list[dict[str, str]]]:
    kinds: dict[str, list[dict[str, str]]] = {
        "welcome": [survey.title, survey.intro],
        "questions": [],
        "hints": [],
        "options": [],
        "thanks": [survey.thanks],
    }
    for question in questions:
        kinds["questions"].append(question.label)
        kinds["hints"].append(question.hint)
        # The words at both ends of a scale are read like a hint.
        kinds["hints"].extend(
            [getattr(question, "low_label", {}), getattr(question, "high_label", {})]
        )
        kinds["options"].extend(option.label for option in question.options)
    return {kind: [t for t in texts if _needed(t)] for kind, texts in kinds.items()}


def missing_texts(survey: Any, questions: Iterable[Any], language: str) -> MissingTexts:
    """What `language` lacks of the participant texts of these (current) questions."""
    if language == SOURCE_LOCALE:
        return MissingTexts(language)
    kinds = _texts_by_kind(survey, questions)
    counts = {kind: sum(not _filled(t, language) for t in texts) for kind, texts in kinds.items()}
    return MissingTexts(language, **counts)


def candidate_languages(project_languages: Sequence[str]) -> list[str]:
    """Dutch, the project's languages in its order, then every other language we support."""
    order = [SOURCE_LOCALE, *project_languages, *SUPPORTED_LOCALES]
    return [code for code in dict.fromkeys(order) if code in SUPPORTED_LOCALES]


def offered_languages(
    survey: Any, questions: Iterable[Any], project_languages: Sequence[str]
) -> tuple[str, ...]:
    """The languages in which every participant text exists, Dutch first."""
    kinds = _texts_by_kind(survey, list(questions))
    needed = [texts for group in kinds.values() for texts in group]
    return tuple(
        language
        for language in candidate_languages(project_languages)
        if language == SOURCE_LOCALE or all(_filled(t, language) for t in needed)
    )


def incomplete_languages(
    survey: Any, questions: Sequence[Any], project_languages: Sequence[str]
) -> list[MissingTexts]:
    """The project's languages (and any other started one) that are not complete yet."""
    started = {
        language
        for texts in [survey.title, survey.intro, survey.thanks, *(q.label for q in questions)]
        for language, text in (texts or {}).items()
        if text
    }
    result = []
    for language in candidate_languages(project_languages):
        if language == SOURCE_LOCALE:
            continue
        if language not in project_languages and language not in started:
            continue
        missing = missing_texts(survey, questions, language)
        if missing.total:
            result.append(missing)
    return result
