"""Themes (bevindingen) for the stuurgroep: how many people, the chosen quotes, the decision.

A chosen quote shows its redacted copy when a coordinator made one, else the words as said. It
carries its speaker's participant group only when that group counts at least k people; quotes of
people who did not consent are never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from participatie.content import Localised, localise
from participatie.extensions import db
from participatie.models import (
    Answer,
    CodeKind,
    Decision,
    Project,
    Quote,
    Statement,
    Theme,
    ThemeStatement,
)
from participatie.report.domains import DomainResults
from participatie.report.participants import Evidence, ParticipantKey
from participatie.report.suppression import shown


@dataclass(frozen=True)
class QuoteView:
    text: str
    language: str
    group: str | None  # None when the group is smaller than k


@dataclass(frozen=True)
class ThemeView:
    theme: Theme
    title: Localised
    domain_key: str | None
    domain: Localised | None
    people: int | None  # distinct participants behind the theme; None = hidden
    quotes: list[QuoteView]
    decision: Decision | None  # the latest one
    # False when the figures come from a release published before this theme had its count.
    counted: bool = True

    @property
    def public_id(self) -> str:
        return self.theme.public_id


def project_themes(project: Project) -> list[Theme]:
    return list(
        db.session.scalars(
            select(Theme)
            .where(Theme.project_id == project.id)
            .options(
                selectinload(Theme.links)
                .selectinload(ThemeStatement.statement)
                .options(
                    selectinload(Statement.answer).selectinload(Answer.response),
                    selectinload(Statement.quote).options(
                        selectinload(Quote.attendee), selectinload(Quote.focus_group)
                    ),
                ),
                selectinload(Theme.decisions).selectinload(Decision.actions),
                selectinload(Theme.domain),
            )
            .order_by(Theme.created_at, Theme.id)
        )
    )


def speaker(statement: Statement) -> ParticipantKey | None:
    if statement.answer is not None:
        return ("r", statement.answer.response_id)
    if statement.quote is not None and statement.quote.attendee_id is not None:
        return ("a", statement.quote.attendee_id)
    return None


def theme_views(
    project: Project, evidence: Evidence, results: DomainResults, locale: str
) -> list[ThemeView]:
    views = []
    for theme in project_themes(project):
        people: set[ParticipantKey] = set()
        quotes = []
        for link in theme.links:
            key = speaker(link.statement)
            if key not in evidence.participants:
                continue  # no consent (or no speaker): neither counted nor quoted
            people.add(key)
            if link.chosen_quote:
                group = evidence.participants[key].group
                text = link.statement.redacted_text or link.statement.text
                quotes.append(
                    QuoteView(
                        text=text,
                        language=link.statement.language,
                        group=group if results.label_group(group) else None,
                    )
                )
        domain_key = theme.domain.key if theme.domain is not None else None
        views.append(
            ThemeView(
                theme=theme,
                title=localise(theme.title, locale),
                domain_key=domain_key,
                domain=evidence.label(CodeKind.DOMAIN, domain_key, locale) if domain_key else None,
                people=len(people) if shown(len(people), results.k) else None,
                quotes=quotes,
                decision=theme.decisions[-1] if theme.decisions else None,
            )
        )
    return views
