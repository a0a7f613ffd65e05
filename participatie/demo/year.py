"""A year of the Kempenaar trajectory, dated relative to today (issue 14, item 11): priorities
onderwijs and vrije tijd, werkgroepen with goals, actions and indicators measured three times, a
resultaatsmeting with a "voor" and a "na" round paired by meetcodes, verdicts, the coordinator's
estimate and one progress report. Fictional. Loaded once: the onderwijs werkgroep marks it.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from participatie.extensions import db
from participatie.models import (
    Action,
    ActionStatus,
    Answer,
    Code,
    CodeKind,
    Decision,
    DecisionOutcome,
    Goal,
    GoalKind,
    Indicator,
    IndicatorKind,
    IndicatorUnit,
    InfluenceEstimate,
    Measurement,
    Meetcode,
    Priority,
    ProgressReport,
    Project,
    ProposedBy,
    Response,
    ResultMeasure,
    SurveyStatus,
    Theme,
    User,
    Verdict,
    VerdictChoice,
    Workgroup,
    WorkgroupMember,
)
from participatie.models.base import utcnow
from participatie.surveys.assemble import survey_from_definition
from participatie.surveys.catalogue import template_definition

ONDERWIJS = "Werkgroep Onderwijs"
COORDINATOR = "coordinator@kempenaar.example"
# Each parent's answers per verb (kan, doe, durf, wil, weet) and blij, before → after.
MEASURED = [
    (
        ("hetzelfde", "hetzelfde", "minder", "hetzelfde", "hetzelfde", "gaat"),
        ("meer", "meer", "hetzelfde", "hetzelfde", "meer", "tevreden"),
    ),
    (
        ("minder", "hetzelfde", "minder", "meer", "hetzelfde", "niet"),
        ("hetzelfde", "meer", "meer", "meer", "meer", "tevreden"),
    ),
    (
        ("hetzelfde", "hetzelfde", "hetzelfde", "hetzelfde", "minder", "gaat"),
        ("meer", "hetzelfde", "meer", "hetzelfde", "meer", "heel"),
    ),
    (
        ("hetzelfde", "minder", "hetzelfde", "hetzelfde", "hetzelfde", "gaat"),
        ("hetzelfde", "hetzelfde", "hetzelfde", "anders", "meer", "gaat"),
    ),
    (
        ("meer", "hetzelfde", "hetzelfde", "hetzelfde", "hetzelfde", "tevreden"),
        ("meer", "meer", "meer", "hetzelfde", "hetzelfde", "heel"),
    ),
    (
        ("hetzelfde", "hetzelfde", "minder", "minder", "hetzelfde", "gaat"),
        ("hetzelfde", "minder", "hetzelfde", "hetzelfde", "meer", "gaat"),
    ),
]
VERDICTS = {
    DecisionOutcome.TAKEN_UP: {VerdictChoice.YES: 5, VerdictChoice.PARTLY: 3, VerdictChoice.NO: 1},
    DecisionOutcome.NOT_POSSIBLE: {
        VerdictChoice.YES: 1,
        VerdictChoice.PARTLY: 2,
        VerdictChoice.NO: 3,
    },
    DecisionOutcome.WORKING_GROUP: {VerdictChoice.YES: 2, VerdictChoice.PARTLY: 1},  # below k
}


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(10), tzinfo=UTC)


def _domain(project: Project, key: str) -> Code:
    code = db.session.scalar(
        select(Code).where(
            Code.project_id == project.id, Code.kind == CodeKind.DOMAIN, Code.key == key
        )
    )
    assert code is not None, key
    return code


def _indicator(
    name: dict[str, str],
    kind: IndicatorKind,
    unit: IndicatorUnit,
    start: date,
    values: tuple[float, float, float, float, float],
    source: str,
) -> Indicator:
    """values: baseline, three measurements, target; measured every ~100 days."""
    indicator = Indicator(
        name=name,
        kind=kind,
        unit=unit,
        baseline_value=values[0],
        baseline_on=start,
        target_value=values[4],
        target_on=start + timedelta(days=540),
    )
    for index, value in enumerate(values[1:4], start=1):
        indicator.measurements.append(
            Measurement(measured_on=start + timedelta(days=100 * index), value=value, source=source)
        )
    return indicator


def add_demo_year(project: Project, today: date) -> None:
    if db.session.scalar(select(Workgroup.id).where(Workgroup.name == ONDERWIJS)) is not None:
        return
    start = today - timedelta(days=365)
    coordinator = db.session.scalar(select(User).where(User.email == COORDINATOR))
    _priorities(project, start)
    onderwijs_goal = _onderwijs(project, start, coordinator)
    _vrije_tijd(project, start)
    db.session.flush()
    _resultaatsmeting(project, onderwijs_goal, start)
    _verdicts(project, start)
    db.session.add(InfluenceEstimate(project=project, release_number=1, expected_yes_percent=80))
    _progress_report(project, start, coordinator)
    db.session.flush()


def _priorities(project: Project, start: date) -> None:
    for key, proposed_by, chosen in (
        ("onderwijs", ProposedBy.OUDERGROEP, True),
        ("vrije_tijd", ProposedBy.STUURGROEP, True),
        ("wonen", ProposedBy.WERKGROEP, False),
    ):
        db.session.add(
            Priority(
                project_id=project.id,
                domain=_domain(project, key),
                proposed_by=proposed_by,
                chosen=chosen,
                chosen_at=_moment(start + timedelta(days=30)) if chosen else None,
            )
        )


def _onderwijs(project: Project, start: date, coordinator: User | None) -> Goal:
    group = Workgroup(project_id=project.id, domain=_domain(project, "onderwijs"), name=ONDERWIJS)
    if coordinator is not None:
        group.members.append(WorkgroupMember(user_id=coordinator.id))
    group.members.append(WorkgroupMember(pseudonym="P2"))
    strategic = Goal(
        workgroup=group,
        kind=GoalKind.STRATEGIC,
        title={"nl": "Elk kind kan mee op school, ook als het geld krap is"},
        description="Schoolkosten en huiswerk mogen geen drempel zijn.",
        owner="Schepen van onderwijs",
        deadline=start + timedelta(days=540),
    )
    homework = Goal(
        workgroup=group,
        kind=GoalKind.OPERATIONAL,
        parent=strategic,
        title={"nl": "Een gratis huiswerkklas in elke wijk"},
        description="Elke woensdag, met vrijwilligers, in de bib en in het buurthuis.",
        owner="Huis van het Kind",
        deadline=start + timedelta(days=300),
    )
    homework.actions.append(
        Action(
            title={"nl": "Huiswerkklas in de bib, elke woensdag"},
            owner="Bibliotheek",
            due_on=start + timedelta(days=150),
            status=ActionStatus.DONE,
            progress=100,
        )
    )
    homework.actions.append(
        Action(
            title={"nl": "Huiswerkklas in het buurthuis De Linde"},
            owner="Huis van het Kind",
            due_on=start + timedelta(days=400),
            status=ActionStatus.IN_PROGRESS,
            progress=60,
        )
    )
    homework.indicators.append(
        _indicator(
            {"nl": "Ouders die weten waar ze hulp vinden voor school"},
            IndicatorKind.OUTCOME,
            IndicatorUnit.PERCENTAGE,
            start,
            (35, 38, 44, 52, 60),
            "resultaatsmeting",
        )
    )
    strategic.indicators.append(
        _indicator(
            {"nl": "Kinderen die naar een huiswerkklas gaan"},
            IndicatorKind.OUTPUT,
            IndicatorUnit.NUMBER,
            start,
            (0, 12, 21, 27, 40),
            "aanwezigheidslijsten",
        )
    )
    db.session.add(group)
    return homework


def _vrije_tijd(project: Project, start: date) -> None:
    """The goal made from the decision on club fees gets an owner, a deadline and indicators."""
    goal = db.session.scalar(
        select(Goal)
        .join(Decision, Decision.id == Goal.decision_id)
        .join(Theme, Theme.id == Decision.theme_id)
        .where(Theme.project_id == project.id, Decision.outcome == DecisionOutcome.TAKEN_UP)
    )
    if goal is None:
        return
    goal.owner = "Dienst vrije tijd"
    goal.deadline = start + timedelta(days=540)
    goal.indicators.append(
        _indicator(
            {"nl": "Kinderen uit gezinnen met een beperkt inkomen die lid zijn van een club"},
            IndicatorKind.OUTCOME,
            IndicatorUnit.PERCENTAGE,
            start,
            (31, 34, 39, 43, 50),
            "UiTPAS-gegevens",
        )
    )
    if goal.actions:
        goal.actions[0].indicators.append(
            _indicator(
                {"nl": "Sportclubs die 80% korting geven met de UiTPAS"},
                IndicatorKind.OUTPUT,
                IndicatorUnit.NUMBER,
                start,
                (3, 6, 11, 14, 18),
                "Dienst vrije tijd",
            )
        )


def _resultaatsmeting(project: Project, goal: Goal, start: date) -> None:
    definition: dict[str, Any] = template_definition("resultaatsmeting", "de huiswerkklas")
    definition["code"] = "METING"
    survey = survey_from_definition(project, definition)
    survey.status = SurveyStatus.OPEN
    survey.opened_at = _moment(start + timedelta(days=100))
    survey.frozen_at = _moment(start + timedelta(days=110))
    db.session.add(survey)
    db.session.flush()
    measure = ResultMeasure(
        project=project,
        survey=survey,
        goal=goal,
        after_started_at=_moment(start + timedelta(days=280)),
    )
    db.session.add(measure)
    questions = {q.name: q for q in survey.questions}
    names = ("kan", "doe", "durf", "wil", "weet", "tevreden")
    for index, (before, after) in enumerate(MEASURED):
        responses = []
        for offset, values in ((110, before), (290, after)):
            moment = _moment(start + timedelta(days=offset + index))
            response = Response(
                survey_id=survey.id,
                language="nl",
                consent_version=1,
                consented_at=moment,
                participant_group="ouder",
                created_at=moment,
                updated_at=moment,
                completed_at=moment,
            )
            response.answers.append(Answer(question_id=questions["wie"].id, value="ouder"))
            for name, value in zip(names, values, strict=True):
                response.answers.append(Answer(question_id=questions[name].id, value=value))
            db.session.add(response)
            responses.append(response)
        db.session.flush()
        # The parents kept their codes; the demo does not know them (only a hash is stored).
        db.session.add(
            Meetcode(
                measure_id=measure.id,
                code_hash=secrets.token_hex(32),
                before_response_id=responses[0].id,
                after_response_id=responses[1].id,
                created_at=responses[0].created_at,
                paired_at=responses[1].created_at,
            )
        )


def _verdicts(project: Project, start: date) -> None:
    decisions = db.session.scalars(
        select(Decision)
        .join(Theme, Theme.id == Decision.theme_id)
        .where(Theme.project_id == project.id)
    ).all()
    for decision in decisions:
        for choice, number in VERDICTS.get(DecisionOutcome(decision.outcome), {}).items():
            for index in range(number):
                day = start + timedelta(days=200 + 7 * index)
                db.session.add(Verdict(decision_id=decision.id, choice=choice, day=day))


def _progress_report(project: Project, start: date, coordinator: User | None) -> None:
    from participatie.report.progress import create_report

    report: ProgressReport = create_report(
        project, start, start + timedelta(days=182), coordinator, audited=False
    )
    report.created_at = _moment(start + timedelta(days=185))


def demo_today() -> date:
    return utcnow().date()
