"""What a translator has to do in one language: every text of the project (the stuurgroep's and
those of each survey that is not closed), Dutch beside the translation, with its standing.

Survey texts keep the ids of the survey's own files (`question:kinderen:label`), prefixed with
the survey's public id for the state table: `survey:<public id>/question:kinderen:label`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Project, Survey, SurveyStatus, TranslationState
from participatie.surveys.texts import TextUnit, text_units
from participatie.translating.state import Standing, standing, states_in
from participatie.translating.stuurgroep import stuurgroep_units

SURVEY_PREFIX = "survey:"


@dataclass(frozen=True)
class WorkItem:
    text_id: str
    unit: TextUnit
    standing: Standing
    state: TranslationState | None
    survey: Survey | None = None  # None for a stuurgroep text


@dataclass
class WorkGroup:
    """The texts of the stuurgroep, or of one survey."""

    survey: Survey | None
    items: list[WorkItem] = field(default_factory=list)


@dataclass
class Work:
    language: str
    groups: list[WorkGroup]
    counts: Counter[Standing]

    def to_do(self, group: WorkGroup) -> list[WorkItem]:
        """Missing and changed first, then drafts waiting for a second look."""
        order = [Standing.MISSING, Standing.CHANGED, Standing.DRAFT]
        return sorted(
            (item for item in group.items if item.standing in order),
            key=lambda item: order.index(item.standing),
        )


def survey_text_id(survey: Survey, unit_id: str) -> str:
    return f"{SURVEY_PREFIX}{survey.public_id}/{unit_id}"


def project_surveys(project: Project) -> list[Survey]:
    return list(
        db.session.scalars(
            select(Survey)
            .where(Survey.project_id == project.id, Survey.status != SurveyStatus.CLOSED)
            .order_by(Survey.created_at, Survey.id)
        )
    )


def translation_work(project: Project, language: str) -> Work:
    states = states_in(project, language)
    groups = [WorkGroup(None)]
    for unit in stuurgroep_units(project, language):
        state = states.get(unit.id)
        groups[0].items.append(
            WorkItem(unit.id, unit, standing(unit.source, unit.target, state), state)
        )
    for survey in project_surveys(project):
        group = WorkGroup(survey)
        for unit in text_units(survey, language):
            text_id = survey_text_id(survey, unit.id)
            state = states.get(text_id)
            group.items.append(
                WorkItem(text_id, unit, standing(unit.source, unit.target, state), state, survey)
            )
        groups.append(group)
    counts: Counter[Standing] = Counter(item.standing for g in groups for item in g.items)
    return Work(language, groups, counts)


def find_item(project: Project, language: str, text_id: str) -> WorkItem | None:
    """One text of this project, or None: an id of another project's text finds nothing."""
    states = states_in(project, language)
    if text_id.startswith(SURVEY_PREFIX):
        public_id, _, unit_id = text_id[len(SURVEY_PREFIX) :].partition("/")
        survey = next((s for s in project_surveys(project) if s.public_id == public_id), None)
        units = text_units(survey, language) if survey is not None else []
    else:
        survey, unit_id = None, text_id
        units = stuurgroep_units(project, language)
    unit = next((u for u in units if u.id == unit_id), None)
    if unit is None:
        return None
    state = states.get(text_id)
    return WorkItem(text_id, unit, standing(unit.source, unit.target, state), state, survey)
