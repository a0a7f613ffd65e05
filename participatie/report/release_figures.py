"""The figures a release freezes, and the results pages built back from them.

`freeze` runs the same services as the live pages (aggregate.py, domains.py, themes.py, with
their small-number protection) and keeps only numbers and stable keys: survey codes, question
and option names, domain and code keys, theme ids. `released_results` builds the same view
objects the templates know from those numbers, with the labels of today in the reader's
language, so a translation added later shows in an old release, and a figure never moves.

What is not frozen, on purpose: the titles of themes, the decisions and actions (the
stuurgroep's own work, not figures about people), the quotes coordinators chose for a theme
(curated, redacted text), and the redacted copy of a "waarom?" answer (a release keeps which
answers it showed, and shows their latest redacted copy, so a later redaction is never undone).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from participatie.content import Localised, localise
from participatie.extensions import db
from participatie.i18n import SOURCE_LOCALE
from participatie.models import Answer, CodeKind, Project, Release, Statement, Survey
from participatie.models.surveys import Appearance, QuestionType
from participatie.report.aggregate import survey_result
from participatie.report.circle import freeze_circle, thaw_circle
from participatie.report.decisions import influence
from participatie.report.distribution import Bin
from participatie.report.domains import (
    Column,
    DomainResults,
    DomainRow,
    Grid,
    Split,
    domain_results,
)
from participatie.report.exports import as_json
from participatie.report.participants import Evidence, ParticipantKey, load_evidence
from participatie.report.reasons import reason_questions
from participatie.report.results import Figure, OptionResult, QuestionResult, Reason, SurveyResult
from participatie.report.services import ProjectResults, report_surveys
from participatie.report.themes import theme_views
from participatie.surveys.question_types import question_type

FIGURES_VERSION = 1


# --- Freezing ------------------------------------------------------------------------------------


def freeze(project: Project) -> tuple[dict[str, Any], dict[ParticipantKey, Any]]:
    """(figures, participants counted) of the project as it is now."""
    evidence = load_evidence(project)
    domains = domain_results(project, SOURCE_LOCALE, evidence)
    views = theme_views(project, evidence, domains, SOURCE_LOCALE)
    surveys = [survey_result(s, SOURCE_LOCALE) for s in report_surveys(project)]
    figures = {
        "version": FIGURES_VERSION,
        "k": project.k_threshold,
        "domains": _freeze_domains(domains),
        "themes": {view.public_id: view.people for view in views},
        "surveys": [_freeze_survey(result) for result in surveys],
    }
    return figures, dict(evidence.participants)


def _freeze_domains(d: DomainResults) -> dict[str, Any]:
    return {
        "participants": d.participants,
        "responses": d.responses,
        "attendees": d.attendees,
        "ranking": [[row.key, row.count] for row in d.ranking],
        "splits": {
            dimension: {
                "columns": [[column.key, column.base, column.why] for column in split.columns],
                "rows": [[row.key, cells] for row, cells in split.rows],
            }
            for dimension, split in d.splits.items()
        },
        "kinds": _freeze_grid(d.kinds),
        "barriers": _freeze_grid(d.barriers),
        "group_sizes": d.group_sizes,
    }


def _freeze_grid(grid: Grid) -> dict[str, Any]:
    return {
        "columns": [key for key, _ in grid.columns],
        "rows": [[row.key, cells] for row, cells in grid.rows],
        "tagged": grid.tagged,
    }


def _freeze_survey(result: SurveyResult) -> dict[str, Any]:
    """The report JSON of DESIGN.md §6 (labels in the source language), plus what the pages
    need besides: the appearance and which "waarom?" answers were shown under which score."""
    data = as_json(result)
    for frozen, question in zip(data["questions"], result.questions, strict=True):
        frozen["appearance"] = question.appearance.value
        if question.reasons:
            frozen["reasons"] = [
                [option.name if option else None, score, [r.answer_id for r in reasons]]
                for option, score, reasons in question.reasons
            ]
    data["circle"] = freeze_circle(result.circle)
    return data


# --- Reading back --------------------------------------------------------------------------------


def latest_release(project: Project) -> Release | None:
    return db.session.scalar(
        select(Release)
        .where(Release.project_id == project.id)
        .order_by(Release.number.desc())
        .limit(1)
    )


def release_view(
    project: Project, locale: str, surveys: list[Survey] | None = None
) -> tuple[Release | None, ProjectResults]:
    """The latest release and the results pages' view of it. Without a release: no figures at
    all (no domains, no survey, no theme counts), only the themes and their decisions."""
    release = latest_release(project)
    if release is None:
        empty = Release(project_id=project.id, number=0, figures=_no_figures(project))
        return None, released_results(project, empty, locale, surveys=[])
    return release, released_results(project, release, locale, surveys)


def _no_figures(project: Project) -> dict[str, Any]:
    grid = {"columns": [], "rows": [], "tagged": False}
    return {
        "version": FIGURES_VERSION,
        "k": project.k_threshold,
        "domains": {
            "participants": None,
            "responses": 0,
            "attendees": None,
            "ranking": [],
            "splits": {},
            "kinds": grid,
            "barriers": grid,
            "group_sizes": {},
        },
        "themes": {},
        "surveys": [],
    }


def released_results(
    project: Project, release: Release, locale: str, surveys: list[Survey] | None = None
) -> ProjectResults:
    """The results pages' view of `release`, labelled in `locale`. `surveys` limits the
    surveys shown (None: every survey in the release)."""
    figures = release.figures
    evidence = load_evidence(project)  # labels, and which quotes may still be shown
    domains = _thaw_domains(figures, evidence, locale)
    people = figures.get("themes", {})
    views = [
        replace(view, people=people.get(view.public_id), counted=view.public_id in people)
        for view in theme_views(project, evidence, domains, locale)
    ]
    wanted = None if surveys is None else {s.code for s in surveys}
    results = [
        released_survey(release, survey, locale)
        for survey in report_surveys(project)
        if wanted is None or survey.code in wanted
    ]
    return ProjectResults(
        project=project,
        locale=locale,
        domains=domains,
        themes=views,
        influence=influence([view.theme for view in views]),
        surveys=[result for result in results if result is not None],
    )


def released_survey(release: Release, survey: Survey, locale: str) -> SurveyResult | None:
    """A survey's figures as `release` froze them; None when the survey is not in it."""
    frozen = next(
        (s for s in release.figures.get("surveys", []) if s["survey"]["code"] == survey.code),
        None,
    )
    if frozen is None:
        return None
    source = survey.default_language
    by_name = {q.name: q for q in survey.questions}
    texts = _reason_texts(frozen)
    questions = []
    for data in frozen["questions"]:
        question = by_name.get(data["name"])
        label = (
            localise(question.label, locale, source=source)
            if question is not None
            else Localised(data["label"])
        )
        option_labels = (
            {o.name: localise(o.label, locale, source=source) for o in question.options}
            if question is not None
            else {}
        )
        options = [
            OptionResult(
                o["name"],
                option_labels.get(o["name"], Localised(o["label"])),
                o["count"],
                _decimal(o["percent"]),
            )
            for o in data.get("options", [])
        ]
        result = QuestionResult(
            name=data["name"],
            type=QuestionType(data["type"]),
            appearance=Appearance(data.get("appearance", Appearance.DEFAULT.value)),
            label=label,
            n=data["n"],
            declined=data["declined"],
            options=options,
            suppressed=data["suppressed"],
            median=data.get("median"),
            bins=[
                Bin(
                    b["from"],
                    b["to"],
                    b["count"],
                    _decimal(b["percent"]),
                    integer=question_type(data["type"]).whole_numbers,
                )
                for b in data.get("bins", [])
            ],
        )
        agreement = data.get("agreement")
        if agreement and data["n"] is not None:
            result = replace(
                result,
                agree=_figure(agreement["agree"]),
                disagree=_figure(agreement["disagree"]),
            )
        if data.get("reasons"):
            result = _thaw_reasons(result, data["reasons"], texts, survey, locale)
        questions.append(result)
    return SurveyResult(
        code=survey.code,
        title=localise(survey.title, locale, source=source),
        responses=frozen["survey"]["responses"],
        k=release.figures.get("k", survey.project.k_threshold),
        questions=questions,
        circle=thaw_circle(frozen.get("circle"), survey, locale),
    )


def _thaw_reasons(
    result: QuestionResult,
    rows: list[Any],
    texts: dict[int, str],
    survey: Survey,
    locale: str,
) -> QuestionResult:
    by_option = {o.name: o for o in result.options}
    reasons = []
    for option_name, score, answer_ids in rows:
        shown = [Reason(score, texts[a], a) for a in answer_ids if texts.get(a)]
        if shown:
            reasons.append((by_option.get(option_name) if option_name else None, score, shown))
    questions = [q for q in survey.questions if question_type(q.type).answerable]
    pairs = reason_questions(questions)
    own = next((q for q in questions if q.name == result.name), None)
    reason_question = pairs.get(own.id) if own is not None else None
    label = (
        localise(reason_question.label, locale, source=survey.default_language)
        if reason_question is not None
        else None
    )
    return replace(result, reasons=reasons, reason_question=label)


def _reason_texts(frozen: dict[str, Any]) -> dict[int, str]:
    """The answers a release showed as reasons: their latest redacted copy, else the words."""
    ids = [
        a for q in frozen["questions"] for _, _, answers in q.get("reasons", []) for a in answers
    ]
    if not ids:
        return {}
    texts = {
        answer_id: value
        for answer_id, value in db.session.execute(
            select(Answer.id, Answer.value).where(Answer.id.in_(ids))
        ).all()
        if isinstance(value, str)
    }
    redacted = db.session.execute(
        select(Statement.answer_id, Statement.redacted_text).where(
            Statement.answer_id.in_(ids), Statement.redacted_text.is_not(None)
        )
    ).all()
    for answer_id, text in redacted:
        if answer_id is not None and text:
            texts[answer_id] = text
    return {answer_id: text.strip() for answer_id, text in texts.items() if text.strip()}


def _thaw_domains(figures: dict[str, Any], evidence: Evidence, locale: str) -> DomainResults:
    d = figures["domains"]

    def row(key: str, count: int | None) -> DomainRow:
        return DomainRow(key, evidence.label(CodeKind.DOMAIN, key, locale), count)

    ranking = [row(key, count) for key, count in d["ranking"]]
    rows = {r.key: r for r in ranking}
    splits = {
        dimension: Split(
            dimension,
            [Column(*column) for column in split["columns"]],
            [(rows.get(key) or row(key, None), cells) for key, cells in split["rows"]],
        )
        for dimension, split in d["splits"].items()
    }
    return DomainResults(
        k=figures["k"],
        participants=d["participants"],
        responses=d["responses"],
        attendees=d["attendees"],
        ranking=ranking,
        splits=splits,
        kinds=_thaw_grid(d["kinds"], CodeKind.KIND, rows, evidence, locale),
        barriers=_thaw_grid(d["barriers"], CodeKind.BARRIER, rows, evidence, locale),
        group_sizes=d["group_sizes"],
    )


def _thaw_grid(
    grid: dict[str, Any],
    kind: CodeKind,
    rows: dict[str, DomainRow],
    evidence: Evidence,
    locale: str,
) -> Grid:
    return Grid(
        columns=[(key, evidence.label(kind, key, locale)) for key in grid["columns"]],
        rows=[
            (
                rows.get(key) or DomainRow(key, evidence.label(CodeKind.DOMAIN, key, locale), None),
                cells,
            )
            for key, cells in grid["rows"]
        ],
        tagged=grid["tagged"],
    )


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.1"))


def _figure(data: dict[str, Any]) -> Figure:
    return Figure(data["count"], _decimal(data["percent"]))
