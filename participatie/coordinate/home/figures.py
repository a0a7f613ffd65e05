"""The numbers behind a project's home: one query of scalar subqueries, plus a few small ones.

The task list (roadmap.py) and the attention list (attention.py) read only these figures, so the
home page costs the same handful of queries however many responses a project has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, exists, func, literal, or_, select

from participatie.coordinate.agreement.services import samples
from participatie.coordinate.surveys.checks import surveys_missing_language
from participatie.extensions import db
from participatie.models import (
    Action,
    ActionStatus,
    Attendee,
    AuditEvent,
    Code,
    CodeKind,
    Decision,
    FocusGroup,
    Goal,
    Indicator,
    Measurement,
    Meeting,
    Membership,
    Priority,
    Project,
    Quote,
    Release,
    Response,
    ResultMeasure,
    Role,
    Statement,
    Survey,
    SurveyStatus,
    Tag,
    TagStatus,
    Theme,
    Verdict,
    Workgroup,
)
from participatie.models.base import utcnow
from participatie.models.responses import participant_response

# An indicator is due again a quarter after its last measurement (or after it was made): the
# rhythm of the voortgangsrapport for the stuurgroep. Indicators carry no period of their own.
MEASURE_EVERY = timedelta(days=91)
POSTER_PRINTED = "poster.printed"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Figures:
    stuurgroep_members: int
    has_omgevingsanalyse: bool
    languages: int
    domain_codes: int
    surveys: int
    surveys_open: int
    surveys_closed: int
    focus_groups_held: int
    meetings_held: int
    responses: int
    quotes: int
    statements: int
    statements_waiting: int
    suggestions_waiting: int
    themes: int
    themes_without_decision: int
    agreement_samples: int
    releases: int
    latest_release_at: datetime | None
    priorities: int
    priorities_chosen: int
    decisions: int
    decisions_without_reason: int
    workgroups: int
    goals: int
    actions: int
    actions_done: int
    actions_overdue: int
    indicators: int
    indicators_due: int
    measurements: int
    result_measures: int
    result_measures_after: int
    verdicts: int
    public_languages: int
    posters_since_release: int
    posters: int
    meetings_this_week: int
    surveys_missing_language: int
    first_survey_missing_language: str | None
    k_threshold: int
    # Participants who consented after the latest release (all of them before the first one):
    # none of them can be in it, since a release counts only consented participants. A lower
    # bound of "not counted in the latest release" (report/releases.py) that never reads the
    # release's whole list: it misses only people who consented before a release and answered
    # after it, so "a release could be published" is never claimed wrongly. The publish page
    # computes the exact set before it publishes.
    new_participants: int

    @property
    def can_publish(self) -> bool:
        return self.new_participants >= self.k_threshold


def _count(statement: Any) -> ColumnElement[int]:
    subquery: ColumnElement[int] = statement.scalar_subquery()
    return subquery


def _project_surveys(pid: Any) -> Any:
    return select(Survey.id).where(Survey.project_id == pid)


def _project_goals(pid: Any) -> Any:
    return select(Goal.id).join(Workgroup).where(Workgroup.project_id == pid)


def _project_decisions(pid: Any) -> Any:
    return select(Decision.id).join(Theme).where(Theme.project_id == pid)


def _reviewed() -> ColumnElement[bool]:
    """A statement someone looked at: at least one tag accepted or rejected by a person."""
    return exists().where(
        Tag.statement_id == Statement.id,
        Tag.status != TagStatus.SUGGESTED,
        Tag.is_blind_sample.is_(False),
    )


def _no_reason(language: str) -> ColumnElement[bool]:
    # The motivation is a dict per language; none in the project's first language means none.
    return func.coalesce(Decision.motivation[language].as_string(), "") == ""


def _indicators_due(pid: Any) -> ColumnElement[int]:
    """Indicators whose last measurement (or creation, if none) is older than MEASURE_EVERY."""
    goals = _project_goals(pid)
    last = (
        select(func.max(Measurement.measured_on))
        .where(Measurement.indicator_id == Indicator.id)
        .scalar_subquery()
    )
    return _count(
        select(func.count(Indicator.id)).where(
            or_(
                Indicator.goal_id.in_(goals),
                Indicator.action_id.in_(select(Action.id).where(Action.goal_id.in_(goals))),
            ),
            or_(
                last < bindparam("due_before"),
                and_(last.is_(None), Indicator.created_at < bindparam("made_before")),
            ),
        )
    )


def _indicator_ids(pid: Any) -> Any:
    goals = _project_goals(pid)
    return select(Indicator.id).where(
        or_(
            Indicator.goal_id.in_(goals),
            Indicator.action_id.in_(select(Action.id).where(Action.goal_id.in_(goals))),
        )
    )


def _main_counts(project: Project, now: datetime) -> dict[str, Any]:
    """Every count that is one number, in a single SELECT of scalar subqueries."""
    parameters = {
        "pid": project.id,
        "now": now,
        "today": now.date(),
        "week_end": now + timedelta(days=7),
        "due_before": (now - MEASURE_EVERY).date(),
        "made_before": now - MEASURE_EVERY,
    }
    language = (project.languages or ["nl"])[0]
    row = db.session.execute(_main_statement(language), parameters).one()
    return dict(row._mapping)


@cache
def _main_statement(language: str) -> Any:
    """The SELECT of _main_counts, built once per first language: the project and the moment
    are bound parameters. Building its ~40 subqueries took ~13 ms of CPU on every request."""
    pid: Any = bindparam("pid")
    now: Any = bindparam("now")
    today: Any = bindparam("today")
    surveys = _project_surveys(pid)
    goals = _project_goals(pid)
    decisions = _project_decisions(pid)
    statements = select(func.count(Statement.id)).where(Statement.project_id == pid)
    latest_at = (
        select(func.max(Release.published_at)).where(Release.project_id == pid).scalar_subquery()
    )
    # Before the first release everyone is new. One bound, not `latest IS NULL OR consented_at >
    # latest`: PostgreSQL ranges over ix_responses_participants with it instead of filtering
    # every response of the project (30 ms with 100,000 responses against 0.1 ms).
    since = func.coalesce(latest_at, literal(EPOCH, Release.published_at.type))
    columns: dict[str, ColumnElement[Any]] = {
        "stuurgroep_members": _count(
            select(func.count(Membership.id)).where(
                Membership.project_id == pid, Membership.role == Role.STUURGROEP
            )
        ),
        "domain_codes": _count(
            select(func.count(Code.id)).where(
                Code.project_id == pid, Code.kind == CodeKind.DOMAIN, Code.active.is_(True)
            )
        ),
        "surveys": _count(select(func.count(Survey.id)).where(Survey.project_id == pid)),
        "surveys_open": _count(
            select(func.count(Survey.id)).where(
                Survey.project_id == pid, Survey.status == SurveyStatus.OPEN
            )
        ),
        "surveys_closed": _count(
            select(func.count(Survey.id)).where(
                Survey.project_id == pid, Survey.status == SurveyStatus.CLOSED
            )
        ),
        "focus_groups_held": _count(
            select(func.count(FocusGroup.id)).where(
                FocusGroup.project_id == pid, FocusGroup.held_on <= today
            )
        ),
        "meetings_held": _count(
            select(func.count(Meeting.id)).where(Meeting.project_id == pid, Meeting.starts_at < now)
        ),
        "meetings_this_week": _count(
            select(func.count(Meeting.id)).where(
                Meeting.project_id == pid,
                Meeting.starts_at >= now,
                Meeting.starts_at < bindparam("week_end"),
            )
        ),
        "new_responses": _count(
            # count(*), not count(id): the index holds no id, so it is read alone.
            select(func.count()).where(
                Response.survey_id.in_(surveys),
                participant_response(),
                Response.consented_at > since,
            )
        ),
        "new_attendees": _count(
            select(func.count(Attendee.id)).where(
                Attendee.focus_group_id.in_(
                    select(FocusGroup.id).where(FocusGroup.project_id == pid)
                ),
                Attendee.consented_at.is_not(None),
                Attendee.consented_at > since,
            )
        ),
        "quotes": _count(
            select(func.count(Quote.id)).where(
                Quote.focus_group_id.in_(select(FocusGroup.id).where(FocusGroup.project_id == pid))
            )
        ),
        "statements": _count(statements),
        "statements_waiting": _count(statements.where(~_reviewed())),
        "suggestions_waiting": _count(
            select(func.count(Tag.id))
            .join(Statement, Statement.id == Tag.statement_id)
            .where(
                Statement.project_id == pid,
                Tag.status == TagStatus.SUGGESTED,
                Tag.is_blind_sample.is_(False),
            )
        ),
        "themes": _count(select(func.count(Theme.id)).where(Theme.project_id == pid)),
        "themes_without_decision": _count(
            select(func.count(Theme.id)).where(
                Theme.project_id == pid, ~exists().where(Decision.theme_id == Theme.id)
            )
        ),
        "releases": _count(select(func.count(Release.id)).where(Release.project_id == pid)),
        "latest_release_at": _count(
            select(func.max(Release.published_at)).where(Release.project_id == pid)
        ),
        "priorities": _count(select(func.count(Priority.id)).where(Priority.project_id == pid)),
        "priorities_chosen": _count(
            select(func.count(Priority.id)).where(
                Priority.project_id == pid, Priority.chosen.is_(True)
            )
        ),
        "decisions": _count(select(func.count()).select_from(decisions.subquery())),
        "decisions_without_reason": _count(
            select(func.count(Decision.id)).where(Decision.id.in_(decisions), _no_reason(language))
        ),
        "workgroups": _count(select(func.count(Workgroup.id)).where(Workgroup.project_id == pid)),
        "goals": _count(select(func.count()).select_from(goals.subquery())),
        "actions": _count(select(func.count(Action.id)).where(Action.goal_id.in_(goals))),
        "actions_done": _count(
            select(func.count(Action.id)).where(
                Action.goal_id.in_(goals), Action.status == ActionStatus.DONE
            )
        ),
        "actions_overdue": _count(
            select(func.count(Action.id)).where(
                Action.goal_id.in_(goals),
                Action.due_on < today,
                Action.status.in_((ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)),
            )
        ),
        "indicators": _count(select(func.count()).select_from(_indicator_ids(pid).subquery())),
        "indicators_due": _indicators_due(pid),
        "measurements": _count(
            select(func.count(Measurement.id)).where(
                Measurement.indicator_id.in_(_indicator_ids(pid))
            )
        ),
        "result_measures": _count(
            select(func.count(ResultMeasure.id)).where(ResultMeasure.project_id == pid)
        ),
        "result_measures_after": _count(
            select(func.count(ResultMeasure.id)).where(
                ResultMeasure.project_id == pid, ResultMeasure.after_started_at.is_not(None)
            )
        ),
        "verdicts": _count(
            select(func.count(Verdict.id)).where(Verdict.decision_id.in_(decisions))
        ),
        "posters": _count(
            select(func.count(AuditEvent.id)).where(
                AuditEvent.project_id == pid, AuditEvent.action == POSTER_PRINTED
            )
        ),
        "posters_since_release": _count(
            select(func.count(AuditEvent.id)).where(
                AuditEvent.project_id == pid,
                AuditEvent.action == POSTER_PRINTED,
                AuditEvent.at >= since,
            )
        ),
    }
    return select(*(c.label(name) for name, c in columns.items()))


def _as_aware(moment: datetime | None) -> datetime | None:
    # SQLite gives naive datetimes back from MAX(); they are UTC like everything stored.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def project_figures(project: Project, responses: int, now: datetime | None = None) -> Figures:
    """`responses`: the project's survey participants, as the surveys table of the page counts
    them (report/participants.py), so the page shows one number, computed once."""
    now = now or utcnow()
    counts = _main_counts(project, now)
    latest_at = _as_aware(counts.pop("latest_release_at"))
    new = counts.pop("new_responses") + counts.pop("new_attendees")
    missing = surveys_missing_language(project)
    languages = project.languages or ["nl"]
    intro = project.public_intro or {}
    return Figures(
        **counts,
        latest_release_at=latest_at,
        has_omgevingsanalyse=bool((project.omgevingsanalyse or "").strip()),
        languages=len(languages),
        agreement_samples=len(samples(project)),
        public_languages=sum(1 for lang in languages if (intro.get(lang) or "").strip()),
        surveys_missing_language=len(missing),
        first_survey_missing_language=missing[0] if missing else None,
        k_threshold=project.k_threshold,
        new_participants=new,
        responses=responses,
    )
