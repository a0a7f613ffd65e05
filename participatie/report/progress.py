"""The progress report (voortgangsrapport) for the stuurgroep and the college, per period: what
was heard (the latest release), decided and done in the period, and how each indicator moved since
the last report. Each report keeps the indicator values it showed, so "since the last report" is
defined even when a measurement is corrected later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select

from participatie import audit
from participatie.content import Localised, localise
from participatie.extensions import db
from participatie.models import (
    Action,
    ActionStatus,
    Decision,
    Goal,
    Indicator,
    ProgressReport,
    Project,
    Release,
    Theme,
    User,
    Workgroup,
)
from participatie.report.domains import DomainRow
from participatie.report.release_figures import release_view
from participatie.voice.verdicts import BRUSSELS


@dataclass(frozen=True)
class IndicatorMove:
    indicator: Indicator
    name: Localised
    before: float | None  # at the last report (or the baseline, for the first report)
    before_on: date | None
    now: float | None
    now_on: date | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.now is None:
            return None
        return self.now - self.before


@dataclass(frozen=True)
class ProgressView:
    project: Project
    report: ProgressReport
    previous: ProgressReport | None
    release: Release | None
    participants: int | None
    heard: list[DomainRow]
    decided: list[tuple[Decision, Localised, Localised]]  # decision, theme title, reason
    done: list[tuple[Action, Localised]]
    indicators: list[IndicatorMove]


def project_reports(project: Project) -> list[ProgressReport]:
    return list(
        db.session.scalars(
            select(ProgressReport)
            .where(ProgressReport.project_id == project.id)
            .order_by(ProgressReport.period_end.desc())
        )
    )


def report_in(project: Project, public_id: str) -> ProgressReport | None:
    return db.session.scalar(
        select(ProgressReport).where(
            ProgressReport.project_id == project.id, ProgressReport.public_id == public_id
        )
    )


def previous_report(report: ProgressReport) -> ProgressReport | None:
    return db.session.scalar(
        select(ProgressReport)
        .where(
            ProgressReport.project_id == report.project_id,
            ProgressReport.period_end < report.period_end,
        )
        .order_by(ProgressReport.period_end.desc())
        .limit(1)
    )


def project_indicators(project: Project) -> list[Indicator]:
    goal_ids = (
        select(Goal.id)
        .join(Workgroup, Workgroup.id == Goal.workgroup_id)
        .where(Workgroup.project_id == project.id)
    )
    action_ids = select(Action.id).where(Action.goal_id.in_(goal_ids))
    return list(
        db.session.scalars(
            select(Indicator)
            .where(or_(Indicator.goal_id.in_(goal_ids), Indicator.action_id.in_(action_ids)))
            .order_by(Indicator.id)
        )
    )


def _value_at(indicator: Indicator, day: date) -> tuple[float | None, date | None]:
    measured = [m for m in indicator.measurements if m.measured_on <= day]
    if not measured:
        return None, None
    latest = max(measured, key=lambda m: (m.measured_on, m.id))
    return latest.value, latest.measured_on


def create_report(
    project: Project, start: date, end: date, user: User | None, *, audited: bool = True
) -> ProgressReport:
    """Records the period and each indicator's value at its end. The caller commits. Loaders
    like the demo's pass audited=False: they write no audit events for the data they make."""
    values: dict[str, Any] = {}
    for indicator in project_indicators(project):
        value, day = _value_at(indicator, end)
        if value is not None and day is not None:
            values[indicator.public_id] = {"date": day.isoformat(), "value": value}
    report = ProgressReport(
        project_id=project.id,
        period_start=start,
        period_end=end,
        indicator_values=values,
        created_by_id=user.id if user is not None else None,
    )
    db.session.add(report)
    db.session.flush()
    if not audited:
        return report
    audit.record(
        "progress_report.create",
        project=project,
        object_type="progress_report",
        object_id=report.public_id,
        period_start=start.isoformat(),
        period_end=end.isoformat(),
    )
    return report


def _in_period(moment: datetime, report: ProgressReport) -> bool:
    day = moment.astimezone(BRUSSELS).date()
    return report.period_start <= day <= report.period_end


def progress_view(project: Project, report: ProgressReport, locale: str) -> ProgressView:
    release, results = release_view(project, locale, surveys=[])
    previous = previous_report(report)
    decisions = db.session.scalars(
        select(Decision)
        .join(Theme, Theme.id == Decision.theme_id)
        .where(Theme.project_id == project.id)
        .order_by(Decision.decided_at)
    ).all()
    decided = [
        (d, localise(d.theme.title, locale), localise(d.motivation, locale))
        for d in decisions
        if _in_period(d.decided_at, report)
    ]
    actions = db.session.scalars(
        select(Action)
        .join(Goal, Goal.id == Action.goal_id)
        .join(Workgroup, Workgroup.id == Goal.workgroup_id)
        .where(Workgroup.project_id == project.id, Action.status == ActionStatus.DONE)
        .order_by(Action.id)
    ).all()
    done = [(a, localise(a.title, locale)) for a in actions]
    moves = []
    for indicator in project_indicators(project):
        now = report.indicator_values.get(indicator.public_id)
        if previous is not None:
            before = previous.indicator_values.get(indicator.public_id)
            before_value = before["value"] if before else None
            before_on = date.fromisoformat(before["date"]) if before else None
        else:
            before_value, before_on = indicator.baseline_value, indicator.baseline_on
        moves.append(
            IndicatorMove(
                indicator,
                localise(indicator.name, locale),
                before_value,
                before_on,
                now["value"] if now else None,
                date.fromisoformat(now["date"]) if now else None,
            )
        )
    return ProgressView(
        project=project,
        report=report,
        previous=previous,
        release=release,
        participants=results.domains.participants or None,
        heard=[row for row in results.domains.ranking if row.count != 0],
        decided=decided,
        done=done,
        indicators=moves,
    )


def default_period(project: Project, today: date) -> tuple[date, date]:
    """From the day after the last report (or half a year back) until today."""
    reports = project_reports(project)
    if reports:
        start = date.fromordinal(reports[0].period_end.toordinal() + 1)
    else:
        start = date.fromordinal(today.toordinal() - 182)
    return start, today
