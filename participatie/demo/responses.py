"""130 fictional responses in six languages from three participant groups.

Deterministic (seeded), so every run of `make run` shows the same numbers. The "andere" group
is kept small on purpose so the results show suppressed cells.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from participatie.demo.texts import DIFFERENCE, GOES_WELL
from participatie.extensions import db
from participatie.models import (
    Answer,
    Question,
    Response,
    ResponseMode,
    Statement,
    StatementSource,
    Survey,
)
from participatie.models.base import utcnow
from participatie.surveys.question_types import question_type
from participatie.surveys.relevance import is_relevant

# How long the demo survey has been open; its responses start a day later.
DEMO_OPEN_DAYS = 41
LANGUAGES = [("nl", 72), ("ar", 20), ("tr", 14), ("uk", 12), ("en", 8), ("fr", 4)]
GROUPS = [("ouder", 100), ("ervaringsdeskundige", 26), ("andere", 4)]
MODES = [(ResponseMode.SELF, 90), (ResponseMode.ASSISTED, 30), (ResponseMode.PAPER, 10)]
# How often each domain is named as hard, out of 100.
DOMAIN_WEIGHTS = {
    "inkomen": 55,
    "wonen": 50,
    "gezondheid": 30,
    "onderwijs": 35,
    "gezin": 25,
    "vrije_tijd": 40,
    "mobiliteit": 20,
    "hulpverlening": 30,
    "werk": 25,
    "participatie": 12,
}


def _spread(rng: random.Random, pairs: list[tuple[Any, int]]) -> list[Any]:
    values = [value for value, count in pairs for _ in range(count)]
    rng.shuffle(values)
    return values


def _value(rng: random.Random, question: Question, language: str, group: str) -> Any:
    name = question.name
    if name == "wie":
        return group
    if name == "kinderen":
        return rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5, 6])
    if name == "moeilijk":
        chosen = [key for key, weight in DOMAIN_WEIGHTS.items() if rng.randrange(100) < weight]
        return chosen or ["inkomen"]
    if name == "vrije_tijd_drempel":
        options = ["duur", "duur", "duur", "ver", "onbekend", "onbekend", "vol", "welkom"]
        return sorted(set(rng.sample(options, rng.randint(1, 3))))
    if name == "uitpas":
        return rng.choice(["ja", "ja", "nee", "nee", "nee", "weet_niet"])
    if name == "hulp_vinden":
        return rng.choice(["1", "2", "2", "3", "3", "4", "4", "4", "5", "5", "6"])
    if name == "verschil":
        pool = DIFFERENCE.get(language) or DIFFERENCE["nl"]
        return rng.choice(pool)
    if name == "goed":
        pool = GOES_WELL.get(language) or GOES_WELL["nl"]
        return rng.choice(pool)
    return None


def add_demo_responses(survey: Survey) -> None:
    rng = random.Random(20261123)  # noqa: S311  (demo data, not security)
    languages = _spread(rng, [(code, n) for code, n in LANGUAGES])
    groups = _spread(rng, GROUPS)
    modes = _spread(rng, MODES)
    started = utcnow() - timedelta(days=DEMO_OPEN_DAYS - 1)
    for index, (language, group, mode) in enumerate(zip(languages, groups, modes, strict=True)):
        created = started + timedelta(hours=7 * index + rng.randint(0, 5))
        response = Response(
            survey=survey,
            survey_version=survey.version,
            mode=mode,
            language=language,
            consent_version=survey.consent_version,
            consented_at=created,
            participant_group=group,
            created_at=created,
            updated_at=created,
            completed_at=created + timedelta(minutes=rng.randint(3, 9)),
        )
        values: dict[str, Any] = {}
        for question in survey.questions:
            if not is_relevant(question.relevant, values):
                continue
            # Optional questions are sometimes skipped or declined, as in real life.
            roll = rng.randrange(100)
            if not question.required and roll < 8:
                continue
            if not question.required and roll < 12:
                response.answers.append(Answer(question=question, declined=True))
                continue
            value = _value(rng, question, language, group)
            values[question.name] = value
            answer = Answer(question=question, value=value)
            response.answers.append(answer)
            if question_type(question.type).open_text:
                db.session.add(
                    Statement(
                        project_id=survey.project_id,
                        source=StatementSource.SURVEY,
                        answer=answer,
                        language=language,
                    )
                )
        db.session.add(response)
    db.session.flush()
