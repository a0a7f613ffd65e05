"""A survey's revision and version, moved on by every edit.

Every edit bumps `revision` (participant pages cache a published survey per revision). A
structural edit of a survey whose current version has responses starts a new `version`: answers
keep the version they were given in and are never rewritten. The builder and a translator's file
both edit surveys, so both call record_change() before applying an edit.
"""

from __future__ import annotations

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Response, Survey


def freeze_if_answered(survey: Survey) -> bool:
    """True once the survey has a response; `frozen_at` records the first one."""
    if survey.frozen_at is not None:
        return True
    first = db.session.scalar(
        select(func.min(Response.created_at)).where(Response.survey_id == survey.id)
    )
    if first is None:
        return False
    survey.frozen_at = first
    return True


def _current_version_answered(survey: Survey) -> bool:
    return (
        db.session.scalar(
            select(Response.id)
            .where(Response.survey_id == survey.id, Response.survey_version == survey.version)
            .limit(1)
        )
        is not None
    )


def record_change(survey: Survey, structural: bool) -> bool:
    """Call before applying an edit. True when it started a new version."""
    survey.revision += 1
    if structural and freeze_if_answered(survey) and _current_version_answered(survey):
        survey.version += 1
        return True
    return False
