"""The public page as a traceable line per theme (issue 14, item 9), from the latest release:
what you said (how many people, one or two redacted quotes) → what the stuurgroep decided, and
why when it cannot be done → the actions → the latest value of each indicator against its target
→ what participants say of it ("Is dit wat jullie vroegen?").

The HTML page (/p/<slug>) and the data (/p/<slug>.json, DESIGN §6) are both built from this one
object, so they cannot show different figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select

from participatie.content import Localised, localise
from participatie.extensions import db
from participatie.models import (
    Action,
    ActionStatus,
    Decision,
    DecisionOutcome,
    Goal,
    GoalKind,
    GoalTheme,
    Indicator,
    Measurement,
    Priority,
    Project,
    ProposedBy,
    Release,
    Workgroup,
)
from participatie.report.domains import DomainRow
from participatie.report.release_figures import release_view
from participatie.report.themes import QuoteView, ThemeView
from participatie.voice.verdicts import VerdictCounts, counts

QUOTES_SHOWN = 2


@dataclass(frozen=True)
class LineIndicator:
    indicator: Indicator
    name: Localised
    latest: Measurement | None


@dataclass(frozen=True)
class LineTheme:
    view: ThemeView
    quotes: list[QuoteView]
    decision: Decision | None
    reason: Localised | None
    actions: list[tuple[Action, Localised]]
    indicators: list[LineIndicator]
    verdict: VerdictCounts | None


@dataclass(frozen=True)
class PublicLine:
    project: Project
    locale: str
    release: Release | None
    participants: int | None  # everyone who took part, None when it would give a group away
    heard: list[DomainRow]  # domains people raised (count None: fewer than k)
    themes: list[LineTheme]
    k: int

    @property
    def decided(self) -> list[LineTheme]:
        return [theme for theme in self.themes if theme.decision is not None]

    @property
    def done(self) -> list[tuple[Action, Localised]]:
        return [
            (action, title)
            for theme in self.themes
            for action, title in theme.actions
            if action.status == ActionStatus.DONE
        ]


def _indicators(decision: Decision, locale: str) -> list[LineIndicator]:
    # A theme's line reaches every goal that answers it: goals made from its decision and goals
    # a werkgroep linked to the theme itself, with the actions under them.
    goal_ids = select(Goal.id).where(
        or_(
            Goal.decision_id == decision.id,
            Goal.id.in_(select(GoalTheme.goal_id).where(GoalTheme.theme_id == decision.theme_id)),
        )
    )
    action_ids = select(Action.id).where(
        or_(Action.decision_id == decision.id, Action.goal_id.in_(goal_ids))
    )
    found = db.session.scalars(
        select(Indicator)
        .where(or_(Indicator.goal_id.in_(goal_ids), Indicator.action_id.in_(action_ids)))
        .order_by(Indicator.id)
    ).all()
    return [
        LineIndicator(
            indicator,
            localise(indicator.name, locale),
            max(indicator.measurements, key=lambda m: (m.measured_on, m.id), default=None),
        )
        for indicator in found
    ]


def public_line(project: Project, locale: str) -> PublicLine:
    """Without a release there are no figures at all, only the themes and their decisions (the
    stuurgroep's own work, not figures about people: release_figures.release_view)."""
    release, results = release_view(project, locale, surveys=[])
    k = project.k_threshold
    views = results.themes
    decided = [view.decision.id for view in views if view.decision is not None]
    verdicts = counts(decided, k)
    themes = []
    for view in views:
        decision = view.decision
        reason = None
        if decision is not None:
            why = localise(decision.motivation, locale)
            reason = why if why else None
        themes.append(
            LineTheme(
                view=view,
                quotes=view.quotes[:QUOTES_SHOWN],
                decision=decision,
                reason=reason,
                actions=[(a, localise(a.title, locale)) for a in decision.actions]
                if decision
                else [],
                indicators=_indicators(decision, locale) if decision else [],
                verdict=verdicts.get(decision.id) if decision else None,
            )
        )
    heard = [row for row in results.domains.ranking if row.count != 0]
    participants = results.domains.participants or None
    return PublicLine(project, locale, release, participants, heard, themes, k)


# --- As data (DESIGN §6) ---------------------------------------------------------------------


def _lang(text: Localised, locale: str) -> str:
    return text.lang or locale


def _text_json(text: Localised, locale: str) -> dict[str, str] | None:
    """A free text with the language it is really in ("nl" while not yet translated)."""
    return {"text": text.text, "lang": _lang(text, locale)} if text else None


def plan_json(plan: list[PlanGroup], locale: str) -> list[dict[str, Any]]:
    return [
        {
            "workgroup": group.name,
            "goals": [
                {
                    "title": goal.title.text,
                    "lang": _lang(goal.title, locale),
                    "deadline": _iso(goal.deadline),
                }
                for goal in group.goals
            ],
        }
        for group in plan
    ]


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def as_json(line: PublicLine) -> dict[str, Any]:
    locale = line.locale
    release = line.release
    return {
        "project": {"slug": line.project.slug, "name": line.project.name},
        "release": None
        if release is None
        else {
            "number": release.number,
            "published_at": release.published_at.isoformat(),
            # The total as the pages show it: hidden (null) where it would give a group away.
            "participants": line.participants,
        },
        "intro": _text_json(localise(line.project.public_intro, locale), locale),
        "heard": [{"domain": row.key, "participants": row.count} for row in line.heard],
        "themes": [_theme_json(theme, locale) for theme in line.themes],
    }


def _theme_json(theme: LineTheme, locale: str) -> dict[str, Any]:
    decision = theme.decision
    return {
        "title": theme.view.title.text,
        "domain": theme.view.domain_key,
        "lang": _lang(theme.view.title, locale),
        "decision": None
        if decision is None
        else {
            "outcome": DecisionOutcome(decision.outcome).value,
            "reason": theme.reason.text if theme.reason else None,
            "lang": _lang(theme.reason, locale) if theme.reason else locale,
        },
        "actions": [
            {
                "title": title.text,
                "status": ActionStatus(action.status).value,
                "progress": action.progress,
                "lang": _lang(title, locale),
            }
            for action, title in theme.actions
        ],
        "indicators": [
            {
                "name": item.name.text,
                "lang": _lang(item.name, locale),
                "kind": item.indicator.kind.value,
                "unit": item.indicator.unit.value,
                "latest": None
                if item.latest is None
                else {"date": _iso(item.latest.measured_on), "value": _number(item.latest.value)},
                "target": {
                    "date": _iso(item.indicator.target_on),
                    "value": _number(item.indicator.target_value),
                },
            }
            for item in theme.indicators
        ],
        "verdict": theme.verdict.as_json() if theme.verdict else None,
    }


# --- The actieplan in plain words, for participants --------------------------------------------


@dataclass(frozen=True)
class PlanGoal:
    title: Localised
    deadline: date | None
    actions: int
    done: int


@dataclass(frozen=True)
class PlanGroup:
    name: str
    goals: list[PlanGoal]
    # The oudergroep proposed this domain as a priority and the stuurgroep chose it (indirect
    # participation, DESIGN §1 step 6): the public page says so.
    proposed_by_parents: bool = False


def public_plan(project: Project, locale: str) -> list[PlanGroup]:
    """Per werkgroep, what it wants to reach and by when: no owners, no internal notes."""
    groups = db.session.scalars(
        select(Workgroup).where(Workgroup.project_id == project.id).order_by(Workgroup.id)
    ).all()
    from_parents = set(
        db.session.scalars(
            select(Priority.domain_id).where(
                Priority.project_id == project.id,
                Priority.chosen.is_(True),
                Priority.proposed_by == ProposedBy.OUDERGROEP,
            )
        )
    )
    plan = []
    for group in groups:
        goals = sorted(group.goals, key=lambda g: (g.kind != GoalKind.STRATEGIC, g.id))
        shown = [
            PlanGoal(
                localise(goal.title, locale),
                goal.deadline,
                len(goal.actions),
                sum(1 for a in goal.actions if a.status == ActionStatus.DONE),
            )
            for goal in goals
            if any(text.strip() for text in goal.title.values())
        ]
        if shown:
            plan.append(PlanGroup(group.name, shown, group.domain_id in from_parents))
    return plan
