"""The builder's language panel: in which languages the survey will be offered, before publishing.

A coordinator sees the offered set (offered.py) next to the publish button, and per language
that is not complete yet how many welcome texts, questions, hints, options and thanks it lacks,
with a link to translate them.
"""

from __future__ import annotations

from typing import Any

from participatie.models import Project, Survey
from participatie.surveys.offered import incomplete_languages, offered_languages
from participatie.surveys.snapshot import current_questions


def language_panel(survey: Survey, project: Project) -> dict[str, Any]:
    questions = current_questions(survey)
    languages = list(project.languages or [])
    return {
        "offered_languages_panel": offered_languages(survey, questions, languages),
        "incomplete_languages": incomplete_languages(survey, questions, languages),
    }
