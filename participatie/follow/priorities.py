"""Prioritaire domeinen: the stuurgroep's choice, the oudergroep's proposal beside it, and the
short "Wat moet eerst?" survey in which parents weigh in directly.

Nothing commits here; each change adds its audit event to the request's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from participatie import audit
from participatie.coordinate.surveys.services import new_code
from participatie.extensions import db
from participatie.models import (
    Code,
    CodeKind,
    ParentGroupProposal,
    Priority,
    Project,
    ProposedBy,
    Survey,
    Theme,
)
from participatie.models.base import utcnow
from participatie.report.aggregate import survey_result
from participatie.report.suppression import shown
from participatie.surveys.assemble import survey_from_definition

PRIORITY_SURVEY_SETTING = "priority_survey"
PRIORITY_QUESTION = "eerst"
MOST_CHOICES = 3


def domain_codes(project: Project) -> dict[str, Code]:
    return {
        code.key: code
        for code in db.session.scalars(
            select(Code)
            .where(Code.project_id == project.id, Code.kind == CodeKind.DOMAIN, Code.active)
            .order_by(Code.position)
        )
    }


def save_priority(
    project: Project,
    domain: Code,
    proposed_by: ProposedBy | None,
    chosen: bool,
    evidence: dict[str, Any],
) -> Priority | None:
    """Sets one domain's priority; a domain nobody proposes and nobody chose has none."""
    priority = db.session.scalar(
        select(Priority).where(Priority.project_id == project.id, Priority.domain_id == domain.id)
    )
    if proposed_by is None and not chosen:
        if priority is not None:
            _audit(project, "priority.delete", priority, domain=domain.key)
            db.session.delete(priority)
        return None
    if priority is None:
        priority = Priority(project_id=project.id, domain=domain, evidence={})
        db.session.add(priority)
    before = (priority.proposed_by, priority.chosen)
    priority.proposed_by = proposed_by or ProposedBy.STUURGROEP
    if chosen and not priority.chosen:
        # The figures the stuurgroep saw when it chose stay with the choice.
        priority.evidence = evidence
        priority.chosen_at = utcnow()
    if not chosen:
        priority.chosen_at = None
    priority.chosen = chosen
    if before != (priority.proposed_by, priority.chosen):
        db.session.flush()
        _audit(
            project,
            "priority.save",
            priority,
            domain=domain.key,
            proposed_by=priority.proposed_by.value,
            chosen=chosen,
        )
    return priority


def record_proposal(
    project: Project, proposed_on: date, domains: list[str], delegates: list[str], note: str
) -> ParentGroupProposal:
    proposal = ParentGroupProposal(
        project_id=project.id,
        proposed_on=proposed_on,
        domains=domains,
        delegates=delegates,
        note=note,
    )
    db.session.add(proposal)
    db.session.flush()
    _audit(project, "parent_group_proposal.create", proposal, domains=domains)
    return proposal


def latest_proposal(project: Project) -> ParentGroupProposal | None:
    return db.session.scalar(
        select(ParentGroupProposal)
        .where(ParentGroupProposal.project_id == project.id)
        .order_by(ParentGroupProposal.proposed_on.desc(), ParentGroupProposal.id.desc())
        .limit(1)
    )


# --- "Wat moet eerst?" ---------------------------------------------------------------------------


def create_priority_survey(project: Project) -> Survey | None:
    """A draft survey with one question: pick at most 3 of the current themes. None without
    themes (there is nothing to choose from)."""
    themes = db.session.scalars(
        select(Theme).where(Theme.project_id == project.id).order_by(Theme.id)
    ).all()
    if not themes:
        return None
    definition = {
        "code": new_code(),
        "title": {"nl": "Wat moet eerst?"},
        "intro": {"nl": "We willen weten wat voor jou het belangrijkste is."},
        "thanks": {"nl": "Dank je wel. We nemen je keuze mee naar de stuurgroep."},
        "estimated_minutes": 1,
        "questions": [
            {
                "name": PRIORITY_QUESTION,
                "type": "select_multiple",
                "label": {"nl": "Wat moet eerst beter? Kies er hoogstens 3."},
                "required": True,
                "maximum": MOST_CHOICES,
                "options": [
                    {"name": theme_option(theme), "label": dict(theme.title)} for theme in themes
                ],
            }
        ],
    }
    survey = survey_from_definition(project, definition)
    db.session.add(survey)
    db.session.flush()
    project.settings = {**project.settings, PRIORITY_SURVEY_SETTING: survey.code}
    audit.record(
        "priority_survey.create",
        project=project,
        object_type="survey",
        object_id=survey.public_id,
        code=survey.code,
    )
    return survey


def theme_option(theme: Theme) -> str:
    return f"thema_{theme.id}"


def priority_survey(project: Project) -> Survey | None:
    code = project.settings.get(PRIORITY_SURVEY_SETTING)
    if not code:
        return None
    return db.session.scalar(
        select(Survey).where(Survey.project_id == project.id, Survey.code == code)
    )


@dataclass(frozen=True)
class SurveyChoice:
    label: Any
    count: int | None  # None = fewer than k chose it, or fewer than k answered at all


@dataclass(frozen=True)
class PrioritySurveyResult:
    survey: Survey
    answered: int | None  # None = fewer than k answered
    choices: list[SurveyChoice]


def priority_survey_result(project: Project, locale: str) -> PrioritySurveyResult | None:
    survey = priority_survey(project)
    if survey is None:
        return None
    result = survey_result(survey, locale)
    question = next((q for q in result.questions if q.name == PRIORITY_QUESTION), None)
    if question is None:
        return PrioritySurveyResult(survey, None, [])
    k = project.k_threshold
    # Each choice follows the threshold rule too (a theme chosen by 1..k-1 parents is hidden);
    # choices of a select_multiple do not add up to the total, so nothing follows by subtraction.
    choices = sorted(
        (
            SurveyChoice(o.label, o.count if o.count is not None and shown(o.count, k) else None)
            for o in question.options
        ),
        key=lambda choice: -(choice.count or 0),
    )
    return PrioritySurveyResult(survey, question.n, choices)


def _audit(
    project: Project, what: str, thing: Priority | ParentGroupProposal, **details: Any
) -> None:
    audit.record(
        what,
        project=project,
        object_type=type(thing).__name__.lower(),
        object_id=thing.public_id,
        **details,
    )
