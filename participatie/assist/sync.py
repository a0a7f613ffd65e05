"""Responses collected without a connection arrive in batches, each with its idempotency key.

A key seen before with the same content is acknowledged and not applied again: a sync that broke
off after the server stored it (the phone never heard back) is simply sent again. The same key with
other content (the conversation changed on the device after it was sent) is a conflict: the device
shows it, and the volunteer keeps the stored version or sends theirs with "replace". Every answer goes through the
participant journey's own parse_answer() and save_answer(); a response with a wrong answer is
refused as a whole, with the reason, and stays on the device to be looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import delete, select
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
    Statement,
    Survey,
    User,
)
from participatie.models.base import utcnow
from participatie.surveys.answers import (
    Parsed,
    content_digest,
    parse_answer,
    save_answer,
    stored_answers,
)
from participatie.surveys.codes import find_survey_code
from participatie.surveys.definition import SurveyDef, load_definition

MAX_BATCH = 50
# A device's clock may run a little ahead of ours; beyond this a start time is not believed.
CLOCK_SKEW = timedelta(minutes=10)
# The longest a conversation may wait on a device: older ones are refused, kept on the device.
LONGEST_OFFLINE = timedelta(days=30)
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
SCOPE = "offline"


class BadBatch(ValueError):
    """The request as a whole is not a batch we understand (answered 400)."""


@dataclass
class Outcome:
    key: str
    status: str  # stored, already_stored, invalid, conflict
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


def _device_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _moment(value: Any, default: datetime) -> datetime:
    """A time from the device, never later than now (device clocks drift)."""
    moment = _device_time(value)
    return default if moment is None else min(moment, utcnow())


def _time_problem(survey: SurveyDef, value: Any, now: datetime) -> str | None:
    """Why a conversation's start time cannot be right, if it cannot."""
    started = _device_time(value)
    if started is None:
        return None  # no time kept on the device: counted as now
    if started > now + CLOCK_SKEW:
        return _("Dit gesprek begint in de toekomst. Kijk de datum en het uur van dit toestel na.")
    if started < now - LONGEST_OFFLINE:
        return ngettext(
            "Dit gesprek is ouder dan %(num)s dag. Zo lang mag een gesprek niet op een toestel wachten.",
            "Dit gesprek is ouder dan %(num)s dagen. Zo lang mag een gesprek niet op een toestel wachten.",
            LONGEST_OFFLINE.days,
        )
    opened_at = db.session.scalar(select(Survey.opened_at).where(Survey.id == survey.id))
    if opened_at is not None:
        opened_at = opened_at if opened_at.tzinfo else opened_at.replace(tzinfo=UTC)
        if started < opened_at - CLOCK_SKEW:
            return _(
                "Dit gesprek begon voor de vragenlijst openging. Kijk de datum van dit toestel na."
            )
    return None


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
        elif question.answerable:
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
    problem = _time_problem(survey, item.get("started_at"), now)
    if problem:
        return Outcome(key, "invalid", problem)
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


def content_hash(item: dict[str, Any]) -> str:
    """The conversation as the device sent it, without the key and the "replace" flag (and the
    volunteer, who is always the one signed in)."""
    fields = ("survey", "language", "started_at", "completed_at", "consent", "answers")
    return content_digest({name: item.get(name) for name in fields})


def _store(key: str, digest: str, checked: Checked, volunteer: User) -> Response:
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
    db.session.add(
        IdempotencyKey(key=key, scope=SCOPE, object_id=response.public_id, content_hash=digest)
    )
    db.session.flush()  # a key stored meanwhile by a parallel sync fails here
    for question in survey.questions:
        if question.name in checked.answers:
            save_answer(response, survey, question, checked.answers[question.name])
    return response


def _replace(known: IdempotencyKey, digest: str, checked: Checked, syncing: User) -> bool:
    """The device's version instead of the stored one, when the one syncing sent it first (or
    coordinates this project); False when this key's conversation is not theirs to replace."""
    response = db.session.scalar(
        select(Response).where(
            Response.public_id == known.object_id,
            Response.mode == ResponseMode.OFFLINE,
            Response.survey_id == checked.survey.id,
        )
    )
    if response is None or response.assistance is None:
        return False
    if response.assistance.volunteer_id != syncing.id and not syncing.has_role(
        checked.survey.project_id, Role.COORDINATOR
    ):
        return False
    survey = checked.survey
    answers = stored_answers(response, survey)
    # Answers the new version no longer has go; the rest is stored as sent, routing applied.
    for name, answer in list(answers.items()):
        if name not in checked.answers:
            db.session.execute(delete(Statement).where(Statement.answer_id == answer.id))
            db.session.delete(answer)
            answers.pop(name)
    response.language = checked.language
    response.completed_at = checked.completed_at
    response.participant_group = None
    for question in survey.questions:
        if question.name in checked.answers:
            save_answer(response, survey, question, checked.answers[question.name], answers)
    known.content_hash = digest
    return True


def apply(project: Project, syncing: User, item: Any) -> Outcome:
    if not isinstance(item, dict) or not KEY_PATTERN.match(str(item.get("key", ""))):
        return Outcome(str(item.get("key", "")) if isinstance(item, dict) else "", "invalid")
    key = str(item["key"])
    digest = content_hash(item)
    known = db.session.get(IdempotencyKey, key)
    if known is not None and known.content_hash in (None, digest):
        return Outcome(key, "already_stored")
    if known is not None and item.get("replace") is not True:
        return Outcome(key, "conflict", _conflict_message())
    checked = check(project, item)
    if isinstance(checked, Outcome):
        return checked
    if known is not None:
        if known.scope != SCOPE or not _replace(known, digest, checked, syncing):
            return Outcome(key, "conflict", _conflict_message())
        return Outcome(key, "stored")
    # Whatever the payload says, the volunteer on record is the one signed in and syncing.
    try:
        with db.session.begin_nested():
            _store(key, digest, checked, syncing)
    except IntegrityError:
        return Outcome(key, "already_stored")
    return Outcome(key, "stored")


def _conflict_message() -> str:
    return _(
        "Dit gesprek was al verstuurd, maar is daarna op dit toestel veranderd. Kies welke versie blijft."
    )


def apply_batch(project: Project, syncing: User, payload: Any) -> list[Outcome]:
    if not isinstance(payload, dict) or not isinstance(payload.get("responses"), list):
        raise BadBatch('expected {"responses": [...]}')
    items = payload["responses"]
    if len(items) > MAX_BATCH:
        raise BadBatch(f"at most {MAX_BATCH} responses per request")
    return [apply(project, syncing, item) for item in items]
