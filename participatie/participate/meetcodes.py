"""Meetcodes: pair a parent's "voor" and "na" answers without knowing who the parent is.

The code works like the resume code (participate/resume.py): it is shown once, and only an HMAC
under RESUME_CODE_KEY is stored, so it can be looked up but not read back from the database.
"""

from __future__ import annotations

import enum

from sqlalchemy import select

from participatie.extensions import db
from participatie.models import MeasureRound, Meetcode, Response, ResultMeasure
from participatie.models.base import utcnow
from participatie.participate import resume


class PairingResult(enum.StrEnum):
    PAIRED = "paired"
    UNKNOWN = "unknown"  # no code like this for this measurement
    USED = "used"  # the code already paired another "na" answer
    ALREADY_PAIRED = "already_paired"  # this answer already has its "voor" answer


def measure_for_survey(survey_id: int) -> ResultMeasure | None:
    return db.session.scalar(select(ResultMeasure).where(ResultMeasure.survey_id == survey_id))


def round_of(measure: ResultMeasure, response: Response) -> MeasureRound:
    return measure.round_of(response.created_at)


def before_code_of(response: Response) -> Meetcode | None:
    return db.session.scalar(select(Meetcode).where(Meetcode.before_response_id == response.id))


def is_paired(response: Response) -> bool:
    found = db.session.scalar(select(Meetcode.id).where(Meetcode.after_response_id == response.id))
    return found is not None


def assign_meetcode(measure: ResultMeasure, response: Response) -> str:
    """A fresh code for a "voor" answer; an earlier code of the same answer stops working."""
    if round_of(measure, response) is not MeasureRound.BEFORE:
        raise ValueError("a meetcode is handed out in the first round only")
    while True:
        code = resume.new_code()
        digest = resume.code_hash(code)
        taken = db.session.scalar(select(Meetcode.id).where(Meetcode.code_hash == digest))
        if taken is None and resume.find_by_code(measure.survey_id, code) is None:
            break
    existing = before_code_of(response)
    if existing is None:
        db.session.add(
            Meetcode(measure_id=measure.id, code_hash=digest, before_response_id=response.id)
        )
    else:
        existing.code_hash = digest
    db.session.flush()
    return code


def pair(measure: ResultMeasure, response: Response, typed: str) -> PairingResult:
    """Links this "na" answer to the "voor" answer the code was given for."""
    if is_paired(response):
        return PairingResult.ALREADY_PAIRED
    if len(resume.normalise(typed)) != resume.LENGTH:
        return PairingResult.UNKNOWN
    meetcode = db.session.scalar(
        select(Meetcode).where(
            Meetcode.code_hash == resume.code_hash(typed), Meetcode.measure_id == measure.id
        )
    )
    if meetcode is None:
        return PairingResult.UNKNOWN
    if meetcode.after_response_id is not None:
        return PairingResult.USED
    meetcode.after_response_id = response.id
    meetcode.paired_at = utcnow()
    db.session.flush()
    return PairingResult.PAIRED


def offered_round(survey_id: int, response: Response | None) -> MeasureRound | None:
    """Which meetcode step the thanks page offers this response, if the survey is measured."""
    if response is None:
        return None
    measure = measure_for_survey(survey_id)
    return None if measure is None else round_of(measure, response)


def from_earlier_round(survey_id: int, response: Response) -> bool:
    """True when the session still holds this browser's "voor" answer while "na" is open: the
    second round starts a new response instead of reopening the first."""
    measure = measure_for_survey(survey_id)
    return (
        measure is not None
        and measure.current_round is MeasureRound.AFTER
        and round_of(measure, response) is MeasureRound.BEFORE
    )
