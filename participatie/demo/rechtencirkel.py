"""The demo's rechtencirkel RECHTEN: families and staff score the nine phases, with reasons.

Fictional and deterministic (seeded). Families score the later phases lower than staff do, as
the seeds report (people in poverty rate the offer lower than those who run it). No policy
maker answered yet: a third group would change the project's group columns, whose small-group
protection the report tests pin down.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from participatie.extensions import db
from participatie.models import (
    Answer,
    Project,
    Response,
    ResponseMode,
    Statement,
    StatementSource,
    Survey,
    SurveyStatus,
)
from participatie.models.base import utcnow
from participatie.surveys.assemble import survey_from_definition
from participatie.surveys.catalogue import template_definition

CODE = "RECHTEN"
# (group, how many, language of each, typical score per phase from preventie to nazorg)
GROUPS: list[tuple[str, list[str], list[int]]] = [
    ("gezin", ["nl"] * 9 + ["ar", "ar", "tr", "uk", "fr"], [5, 3, 5, 6, 4, 6, 4, 4, 3]),
    ("medewerker", ["nl"] * 8 + ["en"], [6, 5, 7, 7, 6, 8, 7, 6, 5]),
]
REASONS: dict[str, dict[str, list[str]]] = {
    "gezin": {
        "nl": [
            "Niemand vertelde me dat ik recht had op een studietoelage.",
            "Pas toen de schulden te hoog waren, kwam er hulp.",
            "De maatschappelijk werker nam echt tijd voor mij.",
            "Ik moest drie keer terugkomen met andere papieren.",
            "Aan het loket voelde ik me bekeken.",
            "Ze belden me zelf om te vragen hoe het ging.",
            "De brieven snap ik niet, ze zijn te moeilijk.",
            "Via de school kwam ik bij het Huis van het Kind.",
            "Het sociaal huis is alleen 's ochtends open, dan werk ik.",
            "Na het leefloon hoorde ik niets meer.",
        ],
        "ar": [
            "لم يشرح لي أحد ما هي حقوقي.",
            "الموظفة كانت لطيفة وساعدتني في الأوراق.",
        ],
        "tr": ["Randevu almak çok zor, telefon hep meşgul."],
        "uk": ["Мені допомогли знайти дитячий садок, але довго чекали."],
        "fr": ["On m'a envoyée d'un bureau à l'autre."],
    },
    "medewerker": {
        "nl": [
            "We zien gezinnen vaak pas als het al heel moeilijk is.",
            "We hebben te weinig tijd om zelf op huisbezoek te gaan.",
            "Het onthaal is vriendelijk, maar de wachtzaal is te klein.",
            "De rechtenverkenner helpt ons om niets te vergeten.",
            "Na een dossier volgen we gezinnen te weinig op.",
            "Samen met de school vinden we meer gezinnen.",
            "Sommige premies zijn te ingewikkeld om aan te vragen.",
            "Anderstalige gezinnen bereiken we nog slecht.",
        ],
        "en": ["Our outreach worker only has two days a week."],
    },
}


def add_demo_rechtencirkel(project: Project) -> None:
    if db.session.scalar(select(Survey.id).where(Survey.code == CODE)) is not None:
        return
    definition: dict[str, Any] = template_definition("rechtencirkel")
    definition["code"] = CODE
    survey = survey_from_definition(project, definition)
    survey.status = SurveyStatus.OPEN
    survey.opened_at = utcnow() - timedelta(days=30)
    db.session.add(survey)
    db.session.flush()
    rng = random.Random(20261207)  # noqa: S311  (demo data, not security)
    by_name = {q.name: q for q in survey.questions}
    phases = [q for q in survey.questions if q.type == "integer"]
    started = utcnow() - timedelta(days=29)
    count = 0
    for group, languages, typical in GROUPS:
        reasons = REASONS[group]
        seen: dict[str, int] = {}
        for language in languages:
            # Each person of a language takes the next reasons of its pool, so within one phase
            # no two people write the same words.
            person = seen[language] = seen.get(language, -1) + 1
            created = started + timedelta(hours=11 * count)
            count += 1
            response = Response(
                survey=survey,
                survey_version=survey.version,
                mode=ResponseMode.SELF,
                language=language,
                consent_version=survey.consent_version,
                consented_at=created,
                participant_group=group,
                created_at=created,
                updated_at=created,
                completed_at=created + timedelta(minutes=rng.randint(6, 14)),
            )
            response.answers.append(Answer(question=by_name["wie"], value=group))
            pool = reasons.get(language) or reasons["nl"]
            for step, (phase, score) in enumerate(zip(phases, typical, strict=True)):
                value = max(0, min(10, score + rng.choice([-2, -1, -1, 0, 0, 0, 1, 1, 2])))
                response.answers.append(Answer(question=phase, value=value))
                if rng.randrange(100) < 12:  # a reason is sometimes left out
                    continue
                words = pool[(person + 3 * step) % len(pool)]
                answer = Answer(question=by_name[f"{phase.name}_waarom"], value=words)
                response.answers.append(answer)
                db.session.add(
                    Statement(
                        project_id=project.id,
                        source=StatementSource.SURVEY,
                        answer=answer,
                        language=language,
                    )
                )
            db.session.add(response)
    db.session.flush()
