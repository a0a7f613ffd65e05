"""Small worlds for the results tests: each test builds exactly the rows it reasons about.

Codes and tags are made here too (the demo's codebook and tagging are not relied on).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from participatie.extensions import db
from participatie.models import (
    Answer,
    Attendee,
    Code,
    CodeKind,
    FocusGroup,
    Organisation,
    Project,
    Quote,
    Response,
    ResponseMode,
    Statement,
    StatementSource,
    Survey,
    SurveyStatus,
    Tag,
    TagStatus,
)
from participatie.models.base import utcnow
from participatie.surveys.assemble import survey_from_definition

LIKERT = [
    {"name": str(i), "label": {"nl": label}}
    for i, label in enumerate(
        [
            "Helemaal niet akkoord",
            "Niet akkoord",
            "Eerder niet akkoord",
            "Eerder akkoord",
            "Akkoord",
            "Helemaal akkoord",
        ],
        start=1,
    )
]


def project(slug: str = "p", k: int = 5, languages: list[str] | None = None) -> Project:
    made = Project(
        organisation=Organisation(name="Org"),
        name="Project " + slug,
        slug=slug,
        k_threshold=k,
        languages=languages or ["nl", "en", "ar"],
    )
    db.session.add(made)
    db.session.flush()
    return made


def survey(owner: Project, questions: list[dict[str, Any]], code: str = "TEST") -> Survey:
    made = survey_from_definition(
        owner,
        {"code": code, "title": {"nl": "Testlijst", "en": "Test survey"}, "questions": questions},
    )
    made.status = SurveyStatus.OPEN
    made.frozen_at = utcnow()
    db.session.add(made)
    db.session.flush()
    return made


def respond(
    owner: Survey,
    answers: dict[str, Any],
    *,
    group: str | None = "ouder",
    mode: ResponseMode = ResponseMode.SELF,
    language: str = "nl",
    consented: bool = True,
    declined: tuple[str, ...] = (),
) -> Response:
    """One response; text answers become statements, as in the journey."""
    by_name = {q.name: q for q in owner.questions}
    response = Response(
        survey=owner,
        mode=mode,
        language=language,
        participant_group=group,
        consented_at=utcnow() - timedelta(days=20) if consented else None,
        completed_at=utcnow() - timedelta(days=20),
    )
    for name, value in answers.items():
        answer = Answer(question=by_name[name], value=value)
        response.answers.append(answer)
        if by_name[name].type == "text":
            db.session.add(
                Statement(
                    project_id=owner.project_id,
                    source=StatementSource.SURVEY,
                    answer=answer,
                    language=language,
                )
            )
    for name in declined:
        response.answers.append(Answer(question=by_name[name], declined=True))
    db.session.add(response)
    db.session.flush()
    return response


def code(owner: Project, kind: CodeKind, key: str, **extra: Any) -> Code:
    made = Code(
        project_id=owner.id,
        kind=kind,
        key=key,
        label=extra.pop("label", {"nl": key.title()}),
        **extra,
    )
    db.session.add(made)
    db.session.flush()
    return made


def statement_of(response: Response, question: str) -> Statement:
    answer = next(a for a in response.answers if a.question.name == question)
    return db.session.query(Statement).filter_by(answer_id=answer.id).one()


def tag(statement: Statement, *codes: Code, status: TagStatus = TagStatus.ACCEPTED) -> None:
    for made in codes:
        db.session.add(Tag(statement=statement, code=made, status=status))
    db.session.flush()


def focus_group(owner: Project, people: list[tuple[str, str, str]]) -> dict[str, Attendee]:
    """people: (pseudonym, group, language); returns the attendees by pseudonym."""
    group = FocusGroup(project=owner, title="Praatcafe", held_on=date(2026, 10, 1))
    attendees = {}
    for pseudonym, participant_group, language in people:
        attendee = Attendee(
            pseudonym=pseudonym,
            participant_group=participant_group,
            language=language,
            consent_version=1,
            consented_at=utcnow(),
        )
        group.attendees.append(attendee)
        attendees[pseudonym] = attendee
    db.session.add(group)
    db.session.flush()
    return attendees


def say(attendee: Attendee, text: str, language: str = "nl") -> Statement:
    quote = Quote(
        focus_group_id=attendee.focus_group_id, attendee=attendee, text=text, language=language
    )
    statement = Statement(
        project_id=attendee.focus_group.project_id,
        source=StatementSource.FOCUS_GROUP,
        quote=quote,
        language=language,
    )
    db.session.add_all([quote, statement])
    db.session.flush()
    return statement
