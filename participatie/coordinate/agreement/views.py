"""What the agreement pages show: samples and progress, the figures, the disagreements, the blind list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _

from participatie.coordinate.agreement import services as services
from participatie.coordinate.review.queries import source_label
from participatie.extensions import db
from participatie.i18n import LANGUAGE_NAMES, html_lang, text_direction
from participatie.models import Project, Statement, TagStatus, User
from participatie.tagging.labels import KIND_HEADINGS
from participatie.tagging.project_codebook import Codebook


def display_name(user: User | None) -> str:
    if user is None:
        return _("een vroegere collega")
    return user.name or user.email


def coder_choices(
    project: Project, user: User, exclude: Iterable[int] = ()
) -> list[tuple[str, str]]:
    excluded = set(exclude)
    return [("", _("Kies…"))] + [
        (c.public_id, display_name(c))
        for c in services.colleagues(project, user)
        if c.id not in excluded
    ]


@dataclass(frozen=True)
class Progress:
    name: str
    done: int


@dataclass(frozen=True)
class SampleRow:
    sample: services.Sample
    requested_by: str
    progress: list[Progress]
    is_mine: bool


def sample_rows(project: Project, user: User) -> list[SampleRow]:
    rows = []
    for sample in reversed(services.samples(project)):
        rows.append(
            SampleRow(
                sample=sample,
                requested_by=display_name(db.session.get(User, sample.requested_by)),
                progress=[
                    Progress(
                        display_name(db.session.get(User, coder_id)),
                        len(services.done_ids(sample, coder_id)),
                    )
                    for coder_id in sample.coder_ids
                ],
                is_mine=user.id in sample.coder_ids,
            )
        )
    return rows


@dataclass(frozen=True)
class StatementText:
    public_id: str
    text: str
    lang: str
    direction: str
    source: str


def statement_text(statement: Statement) -> StatementText:
    return StatementText(
        public_id=statement.public_id,
        text=statement.text,
        lang=html_lang(statement.language),
        direction=text_direction(statement.language)
        if statement.language in LANGUAGE_NAMES
        else "auto",
        source=source_label(statement),
    )


@dataclass(frozen=True)
class FigureRow:
    label: str
    kappa: float | None
    alpha: float | None


@dataclass(frozen=True)
class DisagreementRow:
    statement: StatementText
    code: str
    present: list[str]
    absent: list[str]


def report_context(
    project: Project, sample: services.Sample, codebook: Codebook, user: User
) -> dict[str, Any]:
    statements = services.sample_statements(project, sample)
    pending = user.id in sample.coder_ids and len(services.done_ids(sample, user.id)) < len(
        sample.statement_ids
    )
    names: dict[Any, str] = {services.QUEUE: _("de wachtrij")}
    for coder_id in sample.coder_ids:
        names[coder_id] = display_name(db.session.get(User, coder_id))
    context: dict[str, Any] = {
        "sample": sample,
        "row": next(r for r in sample_rows(project, user) if r.sample.id == sample.id),
        "pending": pending,
        "coders": len(sample.coder_ids),
    }
    if pending:
        return context
    report = services.agreement_report(sample, statements, codebook)
    labels = {code.key: codebook.label(code) for code in codebook.codes}
    by_id = {s.id: statement_text(s) for s in statements}
    context.update(
        compared=report.compared,
        tables=[
            (
                str(KIND_HEADINGS[figures.kind.value]),
                [
                    FigureRow(labels[key], figures.kappa.get(key), value)
                    for key, value in figures.alpha.items()
                ],
            )
            for figures in report.figures
            if figures.alpha
        ],
        disagreements=[
            DisagreementRow(
                statement=by_id[d.item],
                code=labels[d.code],
                present=[names[c] for c in d.present],
                absent=[names[c] for c in d.absent],
            )
            for d in report.disagreements
        ],
    )
    return context


@dataclass(frozen=True)
class BlindItem:
    statement: StatementText
    checked: set[str]
    done: bool


def blind_items(
    project: Project, sample: services.Sample, codebook: Codebook, user: User
) -> list[BlindItem]:
    items = []
    for statement in services.sample_statements(project, sample):
        own = [t for t in statement.tags if t.is_blind_sample and t.coder_id == user.id]
        checked = {codebook.by_id[t.code_id].key for t in own if t.status == TagStatus.ACCEPTED}
        items.append(BlindItem(statement_text(statement), checked, bool(own)))
    return items
