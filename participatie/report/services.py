"""What the results page, its PDF and the public page show, built once from the pure services.

Every figure comes from aggregate.py, domains.py and themes.py, so the pages, the charts, the
exports, the CLI and the public page hide the same cells (suppression.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import select

from participatie.extensions import db
from participatie.i18n import LANGUAGE_NAMES, text_direction
from participatie.labels import PARTICIPANT_GROUP, RESPONSE_MODE
from participatie.models import (
    Action,
    ActionStatus,
    DecisionOutcome,
    Project,
    Release,
    Survey,
    SurveyStatus,
)
from participatie.report import charts
from participatie.report.aggregate import survey_result
from participatie.report.decisions import Influence, influence
from participatie.report.distribution import Bin
from participatie.report.domains import DomainResults, DomainRow, domain_results
from participatie.report.exports import as_csv, as_json, as_ods, as_xlsx
from participatie.report.filters import format_percent
from participatie.report.labels import SOURCE_LABELS, UNKNOWN_LABEL
from participatie.report.participants import FOCUS_GROUP, UNKNOWN, load_evidence
from participatie.report.results import OptionResult, QuestionResult, SurveyResult
from participatie.report.themes import ThemeView, theme_views

EXPORT_FORMATS = ("json", "csv", "xlsx", "ods", "pdf")


@dataclass(frozen=True)
class ProjectResults:
    project: Project
    locale: str
    domains: DomainResults
    themes: list[ThemeView]
    influence: Influence
    surveys: list[SurveyResult]


def report_surveys(project: Project) -> list[Survey]:
    surveys = db.session.scalars(
        select(Survey).where(Survey.project_id == project.id).order_by(Survey.created_at, Survey.id)
    )
    return [s for s in surveys if s.status != SurveyStatus.DRAFT or s.frozen_at is not None]


def survey_by_code(code: str) -> Survey | None:
    return db.session.scalar(select(Survey).where(Survey.code == code.strip().upper()))


def project_results(
    project: Project, locale: str, surveys: list[Survey] | None = None
) -> ProjectResults:
    evidence = load_evidence(project)
    domains = domain_results(project, locale, evidence)
    views = theme_views(project, evidence, domains, locale)
    return ProjectResults(
        project=project,
        locale=locale,
        domains=domains,
        themes=views,
        influence=influence([view.theme for view in views]),
        surveys=[
            survey_result(s, locale)
            for s in (report_surveys(project) if surveys is None else surveys)
        ],
    )


def ranking_chart(rows: list[DomainRow], locale: str) -> Markup:
    return charts.bar_chart(
        [charts.Bar(str(row.label), row.count, _number(row.count)) for row in rows],
        name=_("Levensdomeinen: aantal mensen dat erover vertelde"),
        hidden_text=_("verborgen"),
        rtl=text_direction(locale) == "rtl",
    )


def question_chart(question: QuestionResult, locale: str) -> Markup:
    return _percent_chart(question, question.options, locale)


def bins_chart(question: QuestionResult, locale: str) -> Markup:
    """A number question's distribution: one bar per group of answers, never only a median."""
    return _percent_chart(question, question.bins, locale)


def _percent_chart(
    question: QuestionResult, rows: Sequence[OptionResult] | Sequence[Bin], locale: str
) -> Markup:
    """One bar per option or bin of a question, as a share of its people (hidden cells empty)."""
    return charts.bar_chart(
        [
            charts.Bar(
                str(row.label),
                None if row.percent is None else float(row.percent),
                format_percent(row.percent, locale),
            )
            for row in rows
        ],
        name=_("Grafiek bij de vraag: %(question)s", question=str(question.label)),
        hidden_text=_("verborgen"),
        rtl=text_direction(locale) == "rtl",
        scale=100,
    )


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


# --- The public page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicTheme:
    view: ThemeView
    outcome: DecisionOutcome
    actions: list[Action]


@dataclass(frozen=True)
class PublicPage:
    project: Project
    release: Release | None  # None: nothing published yet, so no figures
    domains: DomainResults
    themes: list[ThemeView]
    decided: list[PublicTheme]
    influence: Influence
    next_steps: list[Action]


def public_page_data(results: ProjectResults, release: Release | None) -> PublicPage:
    """What was heard (per domain, from how many people), decided and why, and what happens next.

    The figures come from `results`, the view of the latest release (release_figures.py), never
    from live counts. Nothing identifying: only figures that passed small-number protection,
    theme titles, decisions and actions; no quotes.
    """
    themes = results.themes
    decided = [
        PublicTheme(view, view.decision.outcome, list(view.decision.actions))
        for view in themes
        if view.decision is not None
    ]
    next_steps = sorted(
        (
            action
            for item in decided
            for action in item.actions
            if action.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
        ),
        key=lambda a: (a.due_on is None, a.due_on or date.max, a.id),
    )
    return PublicPage(
        project=results.project,
        release=release,
        domains=results.domains,
        themes=themes,
        decided=decided,
        influence=results.influence,
        next_steps=next_steps,
    )


# --- Downloads and labels ----------------------------------------------------------------------


class NotReleased(LookupError):
    """The survey has no figures in the release asked for."""


def export_survey(
    survey: Survey, fmt: str, locale: str, release: Release | None = None
) -> bytes | str:
    """The same figures as the results page, as a file (exports.py, pdf.py): those of `release`,
    or the live ones when it is None (coordinators only: the `participatie report` command)."""
    from participatie.report.release_figures import released_results, released_survey

    if fmt == "pdf":
        from participatie.report.pdf import report_pdf

        if release is None:
            return report_pdf(project_results(survey.project, locale, surveys=[survey]))
        results = released_results(survey.project, release, locale, surveys=[survey])
        if not results.surveys:
            raise NotReleased(survey.code)
        return report_pdf(results)
    found = (
        survey_result(survey, locale)
        if release is None
        else released_survey(release, survey, locale)
    )
    if found is None:
        raise NotReleased(survey.code)
    result = found
    if fmt == "json":
        return json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return "\ufeff" + as_csv(result, locale)  # the BOM tells Excel the file is UTF-8
    if fmt == "xlsx":
        return as_xlsx(result)
    if fmt == "ods":
        return as_ods(result)
    raise ValueError(fmt)


def column_label(dimension: str, key: str) -> str:
    if key == UNKNOWN:
        return str(UNKNOWN_LABEL)
    if dimension == "group":
        return str(PARTICIPANT_GROUP.get(key, key))
    if dimension == "source":
        return str(SOURCE_LABELS.get(key, key))
    if dimension == "mode":
        return str(
            SOURCE_LABELS[FOCUS_GROUP] if key == FOCUS_GROUP else RESPONSE_MODE.get(key, key)
        )
    return LANGUAGE_NAMES.get(key, key)
