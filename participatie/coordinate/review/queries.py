"""The review queue's filters, page of statements and what each statement shows.

Filter parameters have Dutch names (`domein`, `taal`, `bron`, `status`, `zoek`, `pagina`): `lang`
is taken by the site's language switcher. Unknown values are ignored rather than refused, so an
old bookmark (a code switched off since, say) still opens the queue.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Text, and_, exists, func, literal_column, or_, select
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.elements import ColumnElement

from participatie.content import localise
from participatie.coordinate.review.reasons import Reason, reasons
from participatie.coordinate.review.services import codes_on, pending_suggestions
from participatie.extensions import db
from participatie.i18n import LANGUAGE_NAMES, html_lang, text_direction
from participatie.models import (
    Answer,
    Code,
    CodeKind,
    FocusGroup,
    Project,
    Question,
    Quote,
    Statement,
    StatementSource,
    Survey,
    Tag,
    TagStatus,
    Theme,
    ThemeStatement,
)
from participatie.privacy import needs_review
from participatie.surveys.question_types import type_names
from participatie.tagging.project_codebook import Codebook

PAGE_SIZE = 20
STATUSES: dict[str, Any] = {
    "untagged": _l("Nog niet getagd"),
    "suggested": _l("Met voorstellen"),
    "accepted": _l("Getagd"),
}
PARAMS = ("domein", "taal", "bron", "status", "zoek", "pagina")


@dataclass(frozen=True)
class QueueFilters:
    domain: str = ""
    lang: str = ""
    source: str = ""
    status: str = ""
    search: str = ""
    page: int = 1

    @classmethod
    def read(cls, values: Mapping[str, Any]) -> QueueFilters:
        try:
            page = max(1, int(values.get("pagina") or 1))
        except ValueError:
            page = 1
        return cls(
            domain=str(values.get("domein") or "").strip(),
            lang=str(values.get("taal") or "").strip(),
            source=str(values.get("bron") or "").strip(),
            status=str(values.get("status") or "").strip(),
            search=str(values.get("zoek") or "").strip()[:200],
            page=page,
        )

    def params(self) -> dict[str, str]:
        """The non-empty filters as query parameters (what a redirect back carries)."""
        values = {
            "domein": self.domain,
            "taal": self.lang,
            "bron": self.source,
            "status": self.status,
            "zoek": self.search,
            "pagina": str(self.page) if self.page > 1 else "",
        }
        return {key: value for key, value in values.items() if value}

    @property
    def active(self) -> bool:
        return any((self.domain, self.lang, self.source, self.status, self.search))


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class FilterOptions:
    domains: list[Option]
    languages: list[Option]
    sources: list[Option]
    statuses: list[Option]


def filter_options(project: Project, codebook: Codebook) -> FilterOptions:
    languages = sorted(
        db.session.scalars(
            select(Statement.language).where(Statement.project_id == project.id).distinct()
        )
    )
    sources = [
        Option("survey", _("Alle vragenlijsten")),
        Option("focus_group", _("Alle focusgroepen")),
    ]
    questions = db.session.execute(
        select(Survey, Question)
        .join(Question, Question.survey_id == Survey.id)
        .where(
            Survey.project_id == project.id, Question.type.in_(type_names(lambda t: t.open_text))
        )
        .order_by(Survey.created_at, Question.position)
    ).all()
    for survey, question in questions:
        label = _(
            "%(code)s: %(question)s", code=survey.code, question=localise(question.label).text
        )
        sources.append(Option(f"q:{survey.public_id}:{question.name}", label))
    groups = db.session.scalars(
        select(FocusGroup).where(FocusGroup.project_id == project.id).order_by(FocusGroup.held_on)
    )
    for group in groups:
        sources.append(
            Option(f"fg:{group.public_id}", _("Focusgroep: %(title)s", title=group.title))
        )
    return FilterOptions(
        domains=[
            Option(row.code.key, ("— " * row.depth) + row.label)
            for row in codebook.tree()
            if row.code.merged_into_id is None
        ],
        languages=[Option(code, LANGUAGE_NAMES.get(code, code)) for code in languages],
        sources=sources,
        statuses=[Option(key, str(label)) for key, label in STATUSES.items()],
    )


def clean_filters(filters: QueueFilters, options: FilterOptions) -> QueueFilters:
    """Drops filter values that are not offered (an old bookmark, a hand-made URL)."""

    def keep(value: str, offered: list[Option]) -> str:
        return value if value in {o.value for o in offered} else ""

    return replace(
        filters,
        domain=keep(filters.domain, options.domains),
        lang=keep(filters.lang, options.languages),
        source=keep(filters.source, options.sources),
        status=keep(filters.status, options.statuses),
    )


def _answer_text() -> ColumnElement[Any]:
    # Open answers are JSON strings: take the string itself, not its JSON spelling (SQLite
    # stores non-ASCII letters as \\u escapes).
    if db.engine.dialect.name == "postgresql":
        return Answer.value.op("#>>", return_type=Text)(literal_column("'{}'::text[]"))
    return func.json_extract(Answer.value, "$", type_=Text)


def _consensus(*conditions: ColumnElement[bool]) -> Any:
    return exists().where(
        Tag.statement_id == Statement.id, Tag.is_blind_sample.is_(False), *conditions
    )


def _where(
    filters: QueueFilters, codebook: Codebook, hidden: set[int]
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.lang:
        conditions.append(Statement.language == filters.lang)
    if filters.source == "survey":
        conditions.append(Statement.source == StatementSource.SURVEY)
    elif filters.source == "focus_group":
        conditions.append(Statement.source == StatementSource.FOCUS_GROUP)
    elif filters.source.startswith("fg:"):
        conditions.append(
            exists().where(
                Quote.id == Statement.quote_id,
                FocusGroup.id == Quote.focus_group_id,
                FocusGroup.public_id == filters.source[3:],
            )
        )
    elif filters.source.startswith("q:"):
        _, survey_id, name = filters.source.split(":", 2)
        conditions.append(
            exists().where(
                Answer.id == Statement.answer_id,
                Question.id == Answer.question_id,
                Question.name == name,
                Survey.id == Question.survey_id,
                Survey.public_id == survey_id,
            )
        )
    if filters.domain and filters.domain in codebook.by_key:
        covered = codebook.covered_ids(codebook.by_key[filters.domain])
        conditions.append(_consensus(Tag.code_id.in_(covered), Tag.status != TagStatus.REJECTED))
    accepted = _consensus(Tag.status == TagStatus.ACCEPTED)
    if filters.status == "untagged":
        conditions.append(~accepted)
    elif filters.status == "accepted":
        conditions.append(accepted)
    elif filters.status == "suggested":
        conditions.append(_consensus(Tag.status == TagStatus.SUGGESTED))
    if filters.search:
        conditions.append(
            or_(
                exists().where(
                    Quote.id == Statement.quote_id,
                    Quote.text.icontains(filters.search, autoescape=True),
                ),
                exists().where(
                    Answer.id == Statement.answer_id,
                    _answer_text().icontains(filters.search, autoescape=True),
                ),
            )
        )
    if hidden:
        conditions.append(Statement.id.not_in(hidden))
    return conditions


def matching_ids(
    project: Project, filters: QueueFilters, codebook: Codebook, hidden: set[int]
) -> set[int]:
    """Ids of all statements the filters let through (every page), for hiding copies."""
    where = and_(Statement.project_id == project.id, *_where(filters, codebook, hidden))
    return set(db.session.scalars(select(Statement.id).where(where)))


@dataclass
class QueuePage:
    statements: list[Statement]
    total: int
    page: int
    pages: int


def queue_page(
    project: Project, filters: QueueFilters, codebook: Codebook, hidden: set[int]
) -> QueuePage:
    where = and_(Statement.project_id == project.id, *_where(filters, codebook, hidden))
    total = db.session.scalar(select(func.count(Statement.id)).where(where)) or 0
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(filters.page, pages)
    statements = list(
        db.session.scalars(
            select(Statement)
            .where(where)
            .order_by(Statement.created_at, Statement.id)
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
            .options(
                selectinload(Statement.tags),
                selectinload(Statement.answer)
                .selectinload(Answer.question)
                .selectinload(Question.survey),
                selectinload(Statement.quote).selectinload(Quote.focus_group),
                selectinload(Statement.quote).selectinload(Quote.attendee),
            )
        )
    )
    return QueuePage(statements, total, page, pages)


@dataclass(frozen=True)
class TagView:
    code: Code
    label: str
    score: float | None = None
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Toggle:
    code: Code
    label: str
    pressed: bool
    shortcut: str = ""


@dataclass
class StatementView:
    statement: Statement
    text: str
    lang: str
    direction: str
    source: str
    redacted: str | None
    personal_data: bool
    on: list[TagView]
    # Codes the statement has that are switched off now: kept, shown, no longer offered.
    switched_off: list[str]
    suggested: list[TagView]
    themes: list[Theme]
    toggles: dict[CodeKind, list[Toggle]] = field(default_factory=dict)


def source_label(statement: Statement) -> str:
    if statement.quote is not None:
        quote = statement.quote
        who = quote.attendee.pseudonym if quote.attendee is not None else _("onbekend")
        return _("Focusgroep %(title)s, %(who)s", title=quote.focus_group.title, who=who)
    if statement.answer is not None:
        question = statement.answer.question
        return _(
            "Vragenlijst %(code)s: %(question)s",
            code=question.survey.code,
            question=localise(question.label).text,
        )
    return ""


def _personal_data(statement: Statement) -> bool:
    return needs_review(statement)


def statement_views(statements: list[Statement], codebook: Codebook) -> list[StatementView]:
    themes: dict[int, list[Theme]] = {}
    if statements:
        rows = db.session.execute(
            select(ThemeStatement.statement_id, Theme)
            .join(Theme, Theme.id == ThemeStatement.theme_id)
            .where(ThemeStatement.statement_id.in_([s.id for s in statements]))
            .order_by(Theme.created_at)
        ).all()
        for statement_id, theme in rows:
            themes.setdefault(statement_id, []).append(theme)
    shortcuts = {code.id: str((i + 1) % 10) for i, code in enumerate(codebook.shortcut_domains())}
    views = []
    for statement in statements:
        on_ids = codes_on(statement, codebook)
        pending = pending_suggestions(statement, codebook)
        suggested = []
        for code_id, tags in pending.items():
            best = max(tags, key=lambda t: t.score or 0.0)
            code = codebook.by_id[code_id]
            suggested.append(
                TagView(
                    code,
                    codebook.label(code),
                    best.score,
                    reasons(best.evidence, statement.language, codebook.label(code), codebook),
                )
            )
        view = StatementView(
            statement=statement,
            text=statement.text,
            lang=html_lang(statement.language),
            direction=text_direction(statement.language)
            if statement.language in LANGUAGE_NAMES
            else "auto",
            source=source_label(statement),
            redacted=statement.redacted_text,
            personal_data=_personal_data(statement),
            on=[
                TagView(codebook.by_id[i], codebook.label(codebook.by_id[i]))
                for i in sorted(on_ids, key=_order(codebook))
            ],
            switched_off=[
                codebook.label(codebook.by_id[i])
                for i in sorted(on_ids, key=_order(codebook))
                if not codebook.is_pickable(codebook.by_id[i])
            ],
            suggested=sorted(suggested, key=lambda v: _order(codebook)(v.code.id)),
            themes=themes.get(statement.id, []),
        )
        for kind in (CodeKind.DOMAIN, CodeKind.BARRIER, CodeKind.KIND):
            view.toggles[kind] = [
                Toggle(row.code, row.label, row.code.id in on_ids, shortcuts.get(row.code.id, ""))
                for row in codebook.pickable(kind)
            ]
        views.append(view)
    return views


def _order(codebook: Codebook) -> Any:
    positions = {code.id: index for index, code in enumerate(codebook.codes)}
    return lambda code_id: positions.get(code_id, 0)
