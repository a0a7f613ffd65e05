"""Responses collected without a connection arrive in batches, each with its idempotency key.

A key seen before is acknowledged and not applied again: a sync that broke off after the server
stored it (the phone never heard back) is simply sent again. Every answer goes through the
participant journey's own parse_answer() and save_answer(); a response with a wrong answer is
refused as a whole, with the reason, and stays on the device to be looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import MultiDict

from participatie.extensions import db
from participatie.i18n import normalise_locale
from participatie.models import (
    Assistance,
    IdempotencyKey,
    Project,
    Response,
    ResponseMode,
    Role,
    Survey,
    User,
)
from participatie.models.base import utcnow
from participatie.surveys.answers import Parsed, parse_answer, save_answer
from participatie.surveys.codes import find_survey_code
from participatie.surveys.definition import SurveyDef, load_definition

MAX_BATCH = 50
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
SCOPE = "offline"


class BadBatch(ValueError):
    """The request as a whole is not a batch we understand (answered 400)."""


@dataclass
class Outcome:
    key: str
    status: str  # stored, already_stored, invalid
    message: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "status": self.status,
            "message": self.message,
            "errors": self.errors,
        }


@dataclass(frozen=True)
class Checked:
    survey: SurveyDef
    language: str
    answers: dict[str, Parsed]
    started_at: datetime
    completed_at: datetime | None
    consent_at: datetime
    consent_version: int
    consent_language: str


def _moment(value: Any, default: datetime) -> datetime:
    """A time from the device, never later than now (device clocks drift)."""
    if not isinstance(value, str):
        return default
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return default
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return min(moment.astimezone(UTC), utcnow())


def _form(raw: Any) -> MultiDict[str, str] | None:
    """The page's form as the device recorded it: {"answer": [...], "decline": "1"}."""
    if not isinstance(raw, dict):
        return None
    answer = raw.get("answer", [])
    values = answer if isinstance(answer, list) else [answer]
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        return None
    pairs = [("answer", str(v)) for v in values]
    decline = raw.get("decline")
    if decline:
        pairs.append(("decline", "1"))
    return MultiDict(pairs)


def _parse(survey: SurveyDef, raw_answers: Any) -> tuple[dict[str, Parsed], dict[str, str]]:
    answers: dict[str, Parsed] = {}
    errors: dict[str, str] = {}
    if not isinstance(raw_answers, dict):
        return answers, {"": _("De antwoorden van dit gesprek zijn onleesbaar.")}
    for name, raw in raw_answers.items():
        question = survey.question(str(name))
        form = _form(raw)
        if question is None:
            errors[str(name)] = _("Deze vraag staat niet meer in de vragenlijst.")
        elif form is None:
            errors[question.name] = _("Dit antwoord is onleesbaar.")
        elif question.type != "note":
            try:
                parsed = parse_answer(question, form)
            except ValueError:  # a number Python's int() refuses although isdigit() accepted it
                parsed = Parsed(error=_("Vul een getal in, zoals 3."))
            if parsed.error:
                errors[question.name] = parsed.error
            else:
                answers[question.name] = parsed
    return answers, errors


def _survey_accepts(survey: SurveyDef, started_at: datetime) -> bool:
    """Open, or closed after this conversation began: answers collected in time still count."""
    if survey.is_open:
        return True
    closed_at = db.session.scalar(select(Survey.closed_at).where(Survey.id == survey.id))
    return survey.status == "closed" and closed_at is not None and closed_at >= started_at


def check(project: Project, item: dict[str, Any]) -> Checked | Outcome:
    key = str(item.get("key", ""))
    survey = load_definition(find_survey_code(str(item.get("survey", ""))) or "")
    if survey is None or survey.project_id != project.id:
        return Outcome(key, "invalid", _("Deze vragenlijst hoort niet bij dit project."))
    now = utcnow()
    started_at = _moment(item.get("started_at"), now)
    if not _survey_accepts(survey, started_at):
        return Outcome(key, "invalid", _("Deze vragenlijst is gesloten."))
    consent = item.get("consent")
    if not isinstance(consent, dict) or consent.get("confirmed") is not True:
        return Outcome(key, "invalid", _("Er is geen toestemming van de ouder bewaard."))
    answers, errors = _parse(survey, item.get("answers"))
    if errors:
        return Outcome(key, "invalid", _("Een antwoord klopt niet. Kijk het gesprek na."), errors)
    language = normalise_locale(str(item.get("language", ""))) or survey.default_language
    version = consent.get("version")
    return Checked(
        survey=survey,
        language=language,
        answers=answers,
        started_at=started_at,
        completed_at=_moment(item["completed_at"], now) if item.get("completed_at") else None,
        consent_at=_moment(consent.get("confirmed_at"), now),
        consent_version=version if isinstance(version, int) else survey.consent_version,
        consent_language=normalise_locale(str(consent.get("language", ""))) or language,
    )


def _confirmed_by(project: Project, public_id: Any, syncing: User) -> User:
    """Who confirmed the consent on the device, if they help in this project; else who syncs."""
    if isinstance(public_id, str) and public_id != syncing.public_id:
        user = db.session.scalar(select(User).where(User.public_id == public_id))
        if user is not None and user.has_role(project.id, Role.VOLUNTEER, Role.COORDINATOR):
            return user
    return syncing


def _store(key: str, checked: Checked, volunteer: User) -> Response:
    survey = checked.survey
    response = Response(
        survey_id=survey.id,
        survey_version=survey.version,
        language=checked.language,
        mode=ResponseMode.OFFLINE,
        consent_version=checked.consent_version,
        consented_at=checked.consent_at,
        created_at=checked.started_at,
        completed_at=checked.completed_at,
    )
    response.assistance = Assistance(
        volunteer_id=volunteer.id,
        consent_confirmed_at=checked.consent_at,
        consent_version=checked.consent_version,
        consent_language=checked.consent_language,
    )
    db.session.add(response)
    db.session.flush()
    db.session.add(IdempotencyKey(key=key, scope=SCOPE, object_id=response.public_id))
    db.session.flush()  # a key stored meanwhile by a parallel sync fails here
    for question in survey.questions:
        if question.name in checked.answers:
            save_answer(response, survey, question, checked.answers[question.name])
    return response


def apply(project: Project, syncing: User, item: Any) -> Outcome:
    if not isinstance(item, dict) or not KEY_PATTERN.match(str(item.get("key", ""))):
        return Outcome(str(item.get("key", "")) if isinstance(item, dict) else "", "invalid")
    key = str(item["key"])
    if db.session.get(IdempotencyKey, key) is not None:
        return Outcome(key, "already_stored")
    checked = check(project, item)
    if isinstance(checked, Outcome):
        return checked
    volunteer = _confirmed_by(project, item.get("volunteer"), syncing)
    try:
        with db.session.begin_nested():
            _store(key, checked, volunteer)
    except IntegrityError:
        return Outcome(key, "already_stored")
    return Outcome(key, "stored")


def apply_batch(project: Project, syncing: User, payload: Any) -> list[Outcome]:
    if not isinstance(payload, dict) or not isinstance(payload.get("responses"), list):
        raise BadBatch('expected {"responses": [...]}')
    items = payload["responses"]
    if len(items) > MAX_BATCH:
        raise BadBatch(f"at most {MAX_BATCH} responses per request")
    return [apply(project, syncing, item) for item in items]
